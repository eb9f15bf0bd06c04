"""One grammar per value: format(parse(x)) == x for every kind, and every surface reads text alike."""

from __future__ import annotations

from argparse import ArgumentTypeError
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.io import cells as sheet
from carveplan.io.native.decode import _Decoder
from carveplan.model import Gate, Offset, Step, Unit
from carveplan.model import grammar as g
from carveplan.ui.tables import cells as table
from tests.helpers.strategies import dates, decimals, milestone_ids, offsets, timings

# --- format(parse(x)) == x ------------------------------------------------------------


@given(decimals(max_value=10**9, max_places=6))
def test_numbers_read_back_as_written(value: Decimal) -> None:
    text = g.format_number(value)
    assert g.format_number(g.parse_number(text)) == text


@given(st.integers(0, 999_999))
def test_counts_read_back_as_written(value: int) -> None:
    assert g.parse_count(str(value)) == value


@given(dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_dates_read_back_as_written(day: date) -> None:
    assert g.format_date(g.parse_date(g.format_date(day))) == day.isoformat()


@given(timings())
def test_timings_read_back_as_written(timing: Any) -> None:
    text = g.format_timing_text(timing)
    assert g.format_timing_text(g.parse_timing_text(text)) == text


@given(st.lists(st.builds(Gate, milestone_ids(), st.none() | offsets()), max_size=4))
def test_gates_read_back_as_written(gates: list[Gate]) -> None:
    text = g.format_gates(tuple(gates))
    assert g.format_gates(g.parse_gates(text)) == text


@given(st.lists(st.builds(Step, st.integers(1, 999), decimals(max_value=1000)), max_size=5))
def test_steps_read_back_as_written(steps: list[Step]) -> None:
    text = g.format_steps(tuple(steps))
    assert g.format_steps(g.parse_steps(text)) == text


@given(st.lists(decimals(max_value=1, max_places=3), max_size=8))
def test_shares_read_back_as_written(shares: list[Decimal]) -> None:
    text = g.format_shares(tuple(shares))
    assert g.format_shares(g.parse_shares(text)) == text


@given(st.booleans())
def test_yes_no_read_back_as_written(value: bool) -> None:
    assert g.format_bool(g.parse_bool(g.format_bool(value))) == g.format_bool(value)


# --- what the old parsers read differently --------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,000", "1000"), ("12,345.6", "12345.6"), ("20,0", "20.0"), ("1.000,5", "1000.5"), ("6.8 %", "6.8")],
)
def test_a_thousand_is_a_thousand_everywhere(text: str, value: str) -> None:
    assert g.parse_number(text) == sheet.decimal(text) == table.parse_decimal(text) == Decimal(value)
    assert str(g.parse_number(text)) == value


def test_steps_take_commas_and_semicolons_and_decimal_commas() -> None:
    assert (
        g.parse_steps("Y1=25, Y3=35")
        == g.parse_steps("Y1=25; Y3=35")
        == (Step(1, Decimal(25)), Step(3, Decimal(35)))
    )
    assert g.parse_steps("Y1=2,5; Y2=0") == (Step(1, Decimal("2.5")), Step(2, Decimal(0)))
    assert sheet.write_steps(g.parse_steps("Y1=25, Y3=35")) == table.format_steps(
        g.parse_steps("Y1=25; Y3=35")
    )


def test_gate_lags_are_offsets() -> None:
    assert g.parse_gates("REG-1+6m, DATA-2") == (Gate("REG-1", Offset(6, Unit.MONTHS)), Gate("DATA-2"))


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (g.parse_count, "-3", g.COUNT),
        (g.parse_count, "2.5", g.COUNT),
        (g.parse_date, "2029-02-30", "a real calendar date YYYY-MM-DD"),
        (g.parse_date, "1800-01-01", "a date from 1900 to 2200"),
        (g.parse_steps, "Y0=5", g.STEPS),
        (g.parse_steps, "Y9999=5", g.STEPS),  # past the last year a file may hold
    ],
)
def test_values_that_cannot_be_true_are_refused(
    parse: Callable[[str], object], text: str, expected: str
) -> None:
    with pytest.raises(g.CellError) as caught:
        parse(text)
    assert caught.value.expected.startswith(expected)


# --- every surface: the same value or the same message ---------------------------------

_NUMBERS = st.one_of(
    st.sampled_from(["6.8", "1,000", "20,0", "abc", "1e400", "-2", "6.8%", "", "NaN", "1.000,5", "12,3,4"]),
    st.text(st.sampled_from("0123456789.,-+e% "), max_size=8),
)
_DATES = st.one_of(
    st.sampled_from(["2029-03-01", "2029-02-30", "1899-12-31", "01/03/2029", "2029-03-01 00:00:00"]),
    st.text(st.sampled_from("0123456789- :T"), max_size=12),
)


def _outcome(parse: Callable[[str], Any], text: str) -> tuple[str, object]:
    try:
        return "value", parse(text)
    except g.CellError as err:
        return "error", err.expected


def _native(check: Callable[[_Decoder, Any, str], Any], text: str) -> tuple[str, object]:
    decoder = _Decoder("x.carveplan")
    value = check(decoder, text, "f")
    if decoder.problems:
        message = decoder.problems[0].message
        return "error", message.removeprefix("expected ").rsplit(", found", 1)[0]
    return "value", value


@given(_NUMBERS)
def test_numbers_read_alike_on_every_surface(text: str) -> None:
    grammar = _outcome(g.parse_number, text)
    assert _outcome(sheet.decimal, text) == grammar
    assert _outcome(table.parse_decimal, text) == grammar
    assert _native(_Decoder.decimal, text) == grammar


@given(_DATES)
def test_dates_read_alike_on_every_surface(text: str) -> None:
    from carveplan.cli.common import parse_date as cli_date

    grammar = _outcome(g.parse_date, text)
    assert _outcome(sheet.day, text) == grammar
    assert _outcome(table.parse_date, text) == grammar
    assert _native(_Decoder.day, text) == grammar
    try:
        cli: tuple[str, object] = ("value", cli_date(text))
    except ArgumentTypeError as err:  # the message carries the grammar's
        cli = ("error", str(err).rsplit("expected ", 1)[1])
    assert cli == grammar


@given(st.sampled_from(["Y1=25; Y3=35", "Y1=25, Y3=35", "Y1:25", "Z1=25", "Y1=2,5", ""]))
def test_steps_read_alike_on_every_surface(text: str) -> None:
    assert _outcome(sheet.steps, text) == _outcome(table.parse_steps, text) == _outcome(g.parse_steps, text)


@given(st.sampled_from(["REG-1+6m, DATA-2", "REG-1 +1y; X", "REG-1+6q", "", "a b"]))
def test_gates_read_alike_on_every_surface(text: str) -> None:
    assert _outcome(sheet.gates, text) == _outcome(table.parse_gates, text) == _outcome(g.parse_gates, text)
