"""The keys dates are kept by are equal exactly when the timings and gates they stand for are."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from carveplan.engine import resolve
from carveplan.engine.shapes import gates_key, timings_key
from carveplan.model import Gate, Offset, Phase, StagingCategory, StagingKind, TableRow, Unit
from tests.unit.engine.conftest import agreement, line, timing

TEXTS = (
    "EIF",
    "EIF+6m",
    "EIF+6d",
    "Y3",
    "Y3+1m",
    "M:M1",
    "M:M1+6m",
    "M:M2+6m",
    "prev",
    "prev+1y",
    "2015-07-01",
)
lags = st.one_of(st.none(), st.builds(Offset, st.integers(-2, 2), st.sampled_from(tuple(Unit))))
gates = st.lists(st.builds(Gate, st.sampled_from(("M1", "M2")), lags), max_size=2).map(tuple)
phases = st.lists(
    st.builds(Phase, st.sampled_from(TEXTS).map(timing), st.just(Decimal(1)), st.just(""), gates), max_size=3
).map(tuple)


@given(phases, phases)
def test_timings_keys_are_equal_exactly_when_the_timings_and_gates_are(
    one: tuple[Phase, ...], two: tuple[Phase, ...]
) -> None:
    same = [(p.start, p.gates) for p in one] == [(p.start, p.gates) for p in two]
    assert (timings_key(one) == timings_key(two)) is same
    if same:
        assert hash(timings_key(one)) == hash(timings_key(two))


@given(gates, gates)
def test_gates_keys_are_equal_exactly_when_the_gates_are(
    one: tuple[Gate, ...], two: tuple[Gate, ...]
) -> None:
    assert (gates_key(one) == gates_key(two)) is (one == two)


def test_a_table_line_resolved_again_and_again_gives_the_same_dates() -> None:
    table = StagingCategory(
        "T", StagingKind.TABLE, table=(TableRow(("0101",), (Decimal(8), Decimal(4), Decimal(0))),)
    )
    deal = agreement(categories=(table,), lines=(line("L1", code="0101", base="8", category="T"),))
    first = resolve(deal)
    for _ in range(3):
        assert resolve(deal) == first
    assert [p.value for p in first.line("L1").phases] == [Decimal(4), Decimal(0)]
