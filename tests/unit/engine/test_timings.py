"""Timings to dates: each anchor, offsets, and milestones that are blocked or unknown."""

from __future__ import annotations

from datetime import date

from carveplan.engine import ResolvedMilestone
from carveplan.engine.timings import Anchors, When, milestone_date, when
from carveplan.model import MonthDay, Offset, Unit
from tests.unit.engine.conftest import milestone, timing

EIF = date(2027, 1, 1)
MET = ResolvedMilestone(milestone("MET"), date(2027, 7, 1), date(2027, 8, 1))
MISSED = ResolvedMilestone(milestone("GONE"), date(2027, 7, 1), None, ("GONE",))
UNDATED = ResolvedMilestone(milestone("ODD"), None, None)
ANCHORS = Anchors(EIF, MonthDay(4, 1), {"MET": MET, "GONE": MISSED, "ODD": UNDATED})


def test_each_anchor() -> None:
    assert when(timing("2030-05-05"), ANCHORS) == When(date(2030, 5, 5))
    assert when(timing("EIF+6m"), ANCHORS) == When(date(2027, 7, 1))
    assert when(timing("Y2"), ANCHORS) == When(date(2027, 4, 1))
    assert when(timing("Y3-1d"), ANCHORS) == When(date(2028, 3, 31))
    assert when(timing("M:MET+10d"), ANCHORS) == When(date(2027, 8, 11))


def test_prev_counts_from_the_previous_start_or_from_eif() -> None:
    assert when(timing("prev+1y"), ANCHORS, date(2029, 2, 1)) == When(date(2030, 2, 1))
    assert when(timing("prev+1y"), ANCHORS) == When(date(2028, 1, 1))


def test_blocked_and_unknown_milestones() -> None:
    assert when(timing("M:GONE+1m"), ANCHORS) == When(None, ("GONE",))
    assert milestone_date("ODD", None, ANCHORS) == When(None, ("ODD",))
    assert milestone_date("NOPE", Offset(3, Unit.DAYS), ANCHORS) == When(None, ("NOPE",), unknown="NOPE")
