"""Scenario overrides written as one line of text read back to the same overrides."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.model import EifMoved, ExceptionInvoked, MilestoneDelay, MilestoneMissed, Offset, Timing, Unit
from carveplan.ui.tables.cells import CellError
from carveplan.ui.tables.overrides import format_overrides, parse_overrides

IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.]{0,5}(-[0-9]{1,2})?", fullmatch=True)
OFFSETS = st.none() | st.builds(Offset, st.integers(-99, 99), st.sampled_from(list(Unit)))
DATES = st.dates(date(1990, 1, 1), date(2090, 12, 31))
TIMINGS = st.one_of(
    DATES.map(Timing.on),
    OFFSETS.map(Timing.eif),
    st.builds(Timing.agreement_year, st.integers(1, 40), OFFSETS),
    st.builds(Timing.after_milestone, st.from_regex(r"[A-Z]{2,4}-[0-9]{1,2}", fullmatch=True), OFFSETS),
)
OVERRIDES = st.one_of(
    st.builds(MilestoneDelay, IDS, st.integers(1, 240)),
    st.builds(MilestoneMissed, IDS),
    st.builds(ExceptionInvoked, IDS, TIMINGS, st.integers(1, 240)),
    st.builds(EifMoved, DATES),
)


def test_reads_the_documented_example() -> None:
    text = "delay REG-1 18m; missed DATA-2; invoke EXC-1 2029-03-01 24m; eif 2028-01-01"
    assert parse_overrides(text) == (
        MilestoneDelay("REG-1", 18),
        MilestoneMissed("DATA-2"),
        ExceptionInvoked("EXC-1", Timing.on(date(2029, 3, 1)), 24),
        EifMoved(date(2028, 1, 1)),
    )
    assert format_overrides(parse_overrides(text)) == text


def test_lenient_spellings() -> None:
    text = "Delay REG-1 2y\ninvoke EXC-1 EIF + 6m 12m;;"
    assert parse_overrides(text) == (
        MilestoneDelay("REG-1", 24),
        ExceptionInvoked("EXC-1", Timing.eif(Offset(6, Unit.MONTHS)), 12),
    )
    assert parse_overrides("  ") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("delay REG-1", "clause 1 'delay REG-1': expected one of: delay <milestone> <n>m"),
        ("missed A; delay B 0m", "clause 2 'delay B 0m': '0m': a duration of at least one month"),
        ("invoke EXC-1 EIF+6q 12m", "clause 1 .*cannot read timing 'EIF\\+6q'"),
        ("eif 2028-02-30", "real calendar date"),
        ("delay REG-1 18 months", "expected one of"),
    ],
)
def test_errors_name_the_clause(text: str, message: str) -> None:
    with pytest.raises(CellError, match=message):
        parse_overrides(text)


@given(st.lists(OVERRIDES, max_size=5))
def test_round_trip(overrides: list[object]) -> None:
    written = format_overrides(tuple(overrides))  # type: ignore[arg-type]
    assert parse_overrides(written) == tuple(overrides)
