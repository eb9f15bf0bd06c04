"""Cell parsers: what the exporter writes reads back, and what people type is read with tolerance."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.io import cells
from carveplan.model import Gate, MilestoneKind, Offset, Step
from tests.helpers.strategies import decimals, milestone_ids, offsets, timings


@given(value=decimals(max_places=6))
def test_numbers_survive_the_cell(value: Decimal) -> None:
    assert cells.decimal(cells.write_number(value)) == value


@given(value=timings())
def test_timings_survive_the_cell(value: object) -> None:
    assert cells.timing(cells.write_timing(value)) == value  # type: ignore[arg-type]


@given(st.lists(st.tuples(milestone_ids(), st.one_of(st.none(), offsets())), max_size=4))
def test_gates_survive_the_cell(parts: list[tuple[str, Offset | None]]) -> None:
    gates = tuple(Gate(m, lag) for m, lag in parts)
    assert cells.gates(cells.write_gates(gates)) == gates


def test_typed_values_are_read_with_tolerance() -> None:
    assert cells.decimal("5 %") == Decimal(5)
    assert cells.decimal(17.6) == Decimal("17.6")
    assert cells.optional_decimal("N/A") is None
    assert cells.optional_int(3.0) == 3
    assert cells.day(datetime(2027, 1, 1, 0, 0)) == date(2027, 1, 1)
    assert cells.day(" 2027-01-01 ") == date(2027, 1, 1)
    assert cells.timing(date(2027, 1, 1)).day == date(2027, 1, 1)
    assert cells.enum_parser(MilestoneKind)("Regulatory alignment") is MilestoneKind.REGULATORY_ALIGNMENT
    assert cells.steps("Y1=25; y3 = 35") == (Step(1, Decimal(25)), Step(3, Decimal(35)))
    assert cells.ids("A, B;C") == ("A", "B", "C")
    assert cells.text(101.0) == "101"


@pytest.mark.parametrize(
    ("parse", "value", "expected"),
    [
        (cells.decimal, "five", "a number"),
        (cells.decimal, float("nan"), "a finite number"),
        (cells.decimal, "1e400", "a number from 1e-15 to 1e15"),
        (cells.decimal, 1e300, "a number from 1e-15 to 1e15"),
        (cells.decimal, 10**20, "a number from 1e-15 to 1e15"),
        (cells.optional_int, 2.5, "a whole number"),
        (cells.day, "31/02/2027", "a date"),
        (cells.timing, "EIF+6q", "a timing such as"),
        (cells.boolean, "perhaps", "yes or no"),
        (cells.gates, "REG-1 soon", "a lag such as"),
        (cells.steps, "Z1=25", "steps such as"),
    ],
)
def test_bad_cells_say_what_was_expected(parse: cells.Parser, value: object, expected: str) -> None:
    with pytest.raises(cells.CellError, match=expected):
        parse(value)


@given(value=st.integers(min_value=-(10**12), max_value=10**12))
def test_whole_numbers_read_back_without_a_decimal_point(value: int) -> None:
    # Spreadsheet readers hand every number over as a float: 20 arrives as 20.0, and a base rate that
    # was "20" in the agreement must not come back as "20.0" after a workbook round trip.
    assert str(cells.decimal(float(value))) == str(value)


@pytest.mark.parametrize("value", ["9999-12-31", date(1800, 1, 1), datetime(2300, 1, 1)])
def test_dates_outside_the_planning_calendar_are_refused(value: object) -> None:
    with pytest.raises(cells.CellError, match="from 1900 to 2200"):
        cells.day(value)


def test_gates_spelled_as_in_the_app_read_the_same() -> None:
    # "REG-1+6m" used to become a gate on a milestone called "REG-1+6m".
    expected = (Gate("REG-1", Offset(6)), Gate("DATA-2"))
    assert cells.gates("REG-1+6m, DATA-2") == expected
    assert cells.gates("REG-1 +6m; DATA-2") == expected
    assert cells.write_gates(expected) == "REG-1+6m, DATA-2"
    with pytest.raises(cells.CellError, match="found 'REG 1'"):
        cells.gates("REG 1")


@pytest.mark.parametrize(
    ("field", "value", "read"),
    [("stages", 50, 50), ("notification_days", "3650", 3650), ("interval_months", None, None)],
)
def test_whole_numbers_within_their_range_are_read(field: str, value: object, read: int | None) -> None:
    assert cells.whole_in_range(field)(value) == read


@pytest.mark.parametrize(
    ("field", "value"),
    [("stages", 100_000_000), ("hold", 1e12), ("notification_days", -1_000_000), ("interval_months", 10**9)],
)
def test_whole_numbers_outside_their_range_are_cell_errors(field: str, value: object) -> None:
    with pytest.raises(cells.CellError, match="a whole number from"):
        cells.whole_in_range(field)(value)
