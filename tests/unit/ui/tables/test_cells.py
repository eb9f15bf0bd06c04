"""Cell text is read back exactly, and bad text says what was expected."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.model import Gate, MeasureKind, Offset, Step, Unit
from carveplan.ui.tables import cells as c

MILESTONE_IDS = st.from_regex(r"[A-Z]{2,4}-[0-9]{1,2}", fullmatch=True)
OFFSETS = st.none() | st.builds(Offset, st.integers(-999, 999), st.sampled_from(list(Unit)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("6.8", "6.8"), (" 17.6 ", "17.6"), ("6.80%", "6.80"), ("1,000", "1000"), ("-2.5", "-2.5")],
)
def test_decimal_reads_exactly(text: str, expected: str) -> None:
    assert c.parse_decimal(text) == Decimal(expected)
    assert str(c.parse_decimal(text)) == expected


@pytest.mark.parametrize("text", ["abc", "6,8,1", "NaN", "Infinity", ""])
def test_decimal_refuses_non_numbers(text: str) -> None:
    with pytest.raises(c.CellError, match="number"):
        c.parse_decimal(text)


@given(st.decimals(min_value=-(10**15), max_value=10**15, places=3))
def test_decimal_round_trip(value: Decimal) -> None:
    assert c.parse_decimal(c.format_decimal(value)) == value


@pytest.mark.parametrize("text", ["1e400", "1e16", "-1e16", "1e-16"])
def test_decimal_refuses_what_the_file_cannot_hold(text: str) -> None:
    # Typed by mistake, such a number would be saved in a file that then refuses to open.
    with pytest.raises(c.CellError, match="a number from 1e-15 to 1e15"):
        c.parse_decimal(text)


def test_optional_values_are_empty_cells() -> None:
    assert c.parse_optional_decimal("  ") is None
    assert c.parse_optional_count("") is None
    assert c.parse_optional_timing("") is None
    assert c.parse_optional_date("") is None
    assert c.format_decimal(None) == c.format_optional(None) == c.format_optional_date(None) == ""


def test_count_refuses_negative_and_fractions() -> None:
    assert c.parse_count("24") == 24
    for text in ("-1", "2.5", "two"):
        with pytest.raises(c.CellError, match="whole number"):
            c.parse_count(text)


def test_timing_error_keeps_the_parser_message() -> None:
    with pytest.raises(c.CellError, match=r"at character 6 found 'x'.*unit"):
        c.parse_timing_cell("EIF+6x")


def test_dates_iso_and_spreadsheet_datetimes() -> None:
    assert c.parse_date("2029-03-01") == date(2029, 3, 1)
    assert c.parse_date("2029-03-01 00:00:00") == date(2029, 3, 1)
    with pytest.raises(c.CellError, match="real calendar date"):
        c.parse_date("2029-02-30")
    with pytest.raises(c.CellError, match="YYYY-MM-DD"):
        c.parse_date("01/03/2029")


@pytest.mark.parametrize("text", ["equity_cap", "Equity cap", "EQUITY-CAP", " equity  cap "])
def test_enum_accepts_value_and_label_spellings(text: str) -> None:
    assert c.enum_parser(MeasureKind)(text) is MeasureKind.EQUITY_CAP


def test_enum_lists_choices_when_wrong() -> None:
    with pytest.raises(c.CellError, match="expected one of: tariff, equity cap"):
        c.enum_parser(MeasureKind)("tarif")


@given(st.sampled_from(list(MeasureKind)))
def test_enum_round_trip(value: MeasureKind) -> None:
    assert c.enum_parser(MeasureKind)(c.enum_label(value)) is value


def test_ids_are_comma_separated() -> None:
    assert c.parse_ids("energy, telecommunications,") == ("energy", "telecommunications")
    with pytest.raises(c.CellError, match="separated by commas"):
        c.parse_ids("energy telecommunications")


def test_gates_with_and_without_lag() -> None:
    gates = c.parse_gates("REG-1+6m, DATA-2")
    assert gates == (Gate("REG-1", Offset(6, Unit.MONTHS)), Gate("DATA-2"))
    assert c.format_gates(gates) == "REG-1+6m, DATA-2"
    with pytest.raises(c.CellError, match="found 'REG-1\\+6q'"):
        c.parse_gates("REG-1+6q")


@given(st.lists(st.builds(Gate, MILESTONE_IDS, OFFSETS), max_size=4))
def test_gates_round_trip(gates: list[Gate]) -> None:
    assert c.parse_gates(c.format_gates(tuple(gates))) == tuple(gates)


def test_steps_and_shares() -> None:
    steps = c.parse_steps("Y1=25, Y2=35; 4: 49")
    assert steps == (Step(1, Decimal(25)), Step(2, Decimal(35)), Step(4, Decimal(49)))
    assert c.parse_steps(c.format_steps(steps)) == steps
    assert c.parse_decimals("0.2, 0, 0.1") == (Decimal("0.2"), Decimal(0), Decimal("0.1"))
    with pytest.raises(c.CellError, match="Y3=35"):
        c.parse_steps("Y0=3")


def test_keys_are_required_single_lines() -> None:
    assert c.parse_key(" VNM ") == "VNM"
    with pytest.raises(c.CellError, match="empty"):
        c.parse_key(" ")


@pytest.mark.parametrize("text", ["9999-12-31", "1800-01-01", "2300-01-01 00:00:00"])
def test_dates_outside_the_planning_calendar_are_refused(text: str) -> None:
    with pytest.raises(c.CellError, match="from 1900 to 2200"):
        c.parse_date(text)
