"""Counted nouns and dates in prose, written one way by the app, the command line and the exports."""

from __future__ import annotations

from datetime import date

import pytest

from carveplan.model import parse_timing
from carveplan.model.grammar import CellError, parse_date, parse_timing_text
from carveplan.model.words import day_text, plural


def test_one_is_singular_and_other_counts_are_plural() -> None:
    assert plural(1, "error") == "1 error"
    assert plural(0, "error") == "0 errors"
    assert plural(2, "party") == "2 parties"
    assert plural(1, "party") == "1 party"
    assert plural(12_000, "line") == "12,000 lines"


def test_a_date_in_prose_has_no_leading_zero_and_english_months() -> None:
    assert day_text(date(2027, 1, 1)) == "1 Jan 2027"
    assert day_text(date(2031, 12, 25)) == "25 Dec 2031"
    assert day_text(None) == "—"


@pytest.mark.parametrize("text", ["2027-13-01", "2027-02-30"])
def test_a_bad_date_says_what_a_date_looks_like(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_timing_text(text)
    message = str(caught.value)
    assert "at character" not in message
    assert "YYYY-MM-DD" in message
    assert "such as 2027-07-01" in message
    with pytest.raises(CellError, match="month 01 to 12"):
        parse_date(text)


def test_a_date_written_another_way_is_shown_the_right_way() -> None:
    with pytest.raises(ValueError, match="a date is written YYYY-MM-DD, such as 2027-07-01"):
        parse_timing("1/6/2027")
