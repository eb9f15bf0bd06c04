"""Review clauses: first review, intervals, counts, term end, and bounds on open-ended clauses."""

from __future__ import annotations

from datetime import date

from carveplan.engine import resolve
from carveplan.model import ReviewClause
from tests.unit.engine.conftest import agreement, milestone, timing


def test_usmca_style_term_with_reviews_and_its_end() -> None:
    clause = ReviewClause("R1", "Joint review", timing("EIF+6y"), 12, term_end=timing("EIF+16y"))
    events = resolve(agreement(reviews=(clause,))).reviews
    assert events[0].date == date(2018, 3, 15)
    assert events[0].label == "Joint review #1"
    assert events[-1].number == 0
    assert events[-1].label == "Term ends"
    assert events[-1].date == date(2028, 3, 15)
    # Yearly reviews from year 6 stop before the term's end: 2018 ... 2027.
    assert [e.number for e in events[:-1]] == list(range(1, 11))
    assert events[-2].date == date(2027, 3, 15)


def test_count_bounds_and_single_reviews() -> None:
    cptpp = ReviewClause("R2", "CPTPP review", timing("EIF+3y"), 60, count=3)
    single = ReviewClause("R3", "Stocktake", timing("M:REG-1"))
    deal = agreement(reviews=(cptpp, single), milestones=(milestone("REG-1", "Y2"),))
    events = resolve(deal).reviews
    assert [(e.review, e.date) for e in events] == [
        ("R3", date(2013, 1, 1)),
        ("R2", date(2015, 3, 15)),
        ("R2", date(2020, 3, 15)),
        ("R2", date(2025, 3, 15)),
    ]


def test_open_ended_clauses_stop_within_a_hundred_years() -> None:
    events = resolve(agreement(reviews=(ReviewClause("R4", "Review", timing("EIF"), 12),))).reviews
    assert len(events) == 100
    monthly = resolve(agreement(reviews=(ReviewClause("R5", "Review", timing("EIF"), 1),))).reviews
    assert len(monthly) == 100


def test_a_review_hanging_off_a_missed_milestone_is_a_problem() -> None:
    from carveplan.model import MilestoneStatus

    deal = agreement(
        reviews=(ReviewClause("R6", "After REG", timing("M:REG-1+1y")),),
        milestones=(milestone("REG-1", status=MilestoneStatus.MISSED),),
    )
    schedule = resolve(deal)
    assert schedule.reviews == ()
    assert [p.code for p in schedule.problems] == ["no-date"]
