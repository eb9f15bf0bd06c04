"""Vertical marks: EIF, reviews and sunsets, whatever a user typed for a sunset."""

from __future__ import annotations

from datetime import date

import pytest

from carveplan.chart.marks import vertical_marks
from carveplan.engine import resolve
from carveplan.model import Agreement, Party, SecurityException, parse_timing


@pytest.mark.parametrize("sunset", ["EIF+99999y", "Y2+99999y"])
def test_a_sunset_past_the_calendar_end_draws_no_mark(sunset: str) -> None:
    exception = SecurityException("EXC-1", "VNM", sunset=parse_timing(sunset))
    agreement = Agreement("A", date(2027, 1, 1), parties=(Party("VNM", "Viet Nam"),), exceptions=(exception,))
    marks = vertical_marks(resolve(agreement), today=None)
    assert [m.kind for m in marks] == ["eif"]


def test_a_sunset_in_range_is_marked() -> None:
    exception = SecurityException("EXC-1", "VNM", sunset=parse_timing("Y12"))
    agreement = Agreement("A", date(2027, 1, 1), parties=(Party("VNM", "Viet Nam"),), exceptions=(exception,))
    marks = vertical_marks(resolve(agreement), today=None)
    assert [(m.kind, m.label) for m in marks] == [("eif", "EIF"), ("sunset", "Sunset EXC-1")]
