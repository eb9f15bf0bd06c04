"""Timing expressions: parse, print, round trip and errors that point at the bad character."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.model import Anchor, Offset, Timing, TimingError, Unit, format_timing, parse_timing

CANONICAL = [
    "2027-01-01",
    "EIF",
    "EIF+6m",
    "EIF+2y",
    "EIF+90d",
    "EIF-3m",
    "Y3",
    "Y1",
    "M:REG-1",
    "M:REG-1+6m",
    "M:REG-1-3m",
    "prev+12m",
    "prev",
]


@pytest.mark.parametrize("text", CANONICAL)
def test_canonical_text_round_trips(text: str) -> None:
    assert format_timing(parse_timing(text)) == text


def test_parts_are_read() -> None:
    assert parse_timing("EIF+6m") == Timing(Anchor.EIF, offset=Offset(6, Unit.MONTHS))
    assert parse_timing("Y3") == Timing(Anchor.YEAR, year=3)
    assert parse_timing("M:REG-1+6m") == Timing(Anchor.MILESTONE, milestone="REG-1", offset=Offset(6))
    assert parse_timing("M:REG-1-3m").milestone == "REG-1"
    assert parse_timing("2027-01-01").day == date(2027, 1, 1)
    assert parse_timing("prev+12m") == Timing(Anchor.PREV, offset=Offset(12))


def test_spacing_and_case_are_forgiven() -> None:
    assert format_timing(parse_timing("  eif + 6M ")) == "EIF+6m"
    assert format_timing(parse_timing("y5")) == "Y5"


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("", 0, "a date"),
        ("X", 0, "a date"),
        ("EIF+6", 5, "a unit"),
        ("EIF+6w", 5, "a unit"),
        ("EIF 6m", 4, "'+' or '-'"),
        ("2027-13-01", 5, "real calendar date"),
        ("2027-01-01x", 10, "the end"),
        ("M:", 2, "milestone id"),
        ("Y0", 1, "agreement year"),
        ("EIF+m", 4, "a number"),
    ],
)
def test_errors_point_at_the_bad_character(text: str, position: int, expected: str) -> None:
    with pytest.raises(TimingError) as info:
        parse_timing(text)
    assert info.value.position == position
    assert expected in info.value.expected
    assert info.value.caret().splitlines()[1] == " " * position + "^"


offsets = st.one_of(
    st.none(),
    st.builds(Offset, st.integers(-999, 999), st.sampled_from(list(Unit))),
)
milestone_ids = st.from_regex(r"[A-Za-z][A-Za-z0-9_.]{0,6}(-[0-9]{1,3}[A-C]?)?", fullmatch=True)
timings = st.one_of(
    st.builds(Timing.on, st.dates(date(1990, 1, 1), date(2100, 12, 31))),
    st.builds(Timing.eif, offsets),
    st.builds(Timing.agreement_year, st.integers(1, 60), offsets),
    st.builds(Timing.after_milestone, milestone_ids, offsets),
    st.builds(Timing.after_previous, offsets),
)


@given(timings)
def test_any_timing_survives_print_and_parse(timing: Timing) -> None:
    assert parse_timing(format_timing(timing)) == timing


@given(timings)
def test_printed_text_is_canonical(timing: Timing) -> None:
    text = format_timing(timing)
    assert format_timing(parse_timing(text)) == text


@pytest.mark.parametrize("text", ["9999-12-31", "1899-12-31", "2201-01-01+6m"])
def test_dates_outside_the_planning_calendar_are_refused(text: str) -> None:
    # Charts and stage years run a century past the latest date: 9999 would break every view.
    with pytest.raises(TimingError, match="a date from 1900 to 2200"):
        parse_timing(text)


def test_dates_at_the_ends_of_the_planning_calendar_are_read() -> None:
    assert parse_timing("1900-01-01").day == date(1900, 1, 1)
    assert parse_timing("2200-12-31").day == date(2200, 12, 31)
