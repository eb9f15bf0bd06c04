"""Review clauses as dated events: the first review, then every interval, up to the term's end."""

from __future__ import annotations

from datetime import date

from carveplan.engine.dates import add_months
from carveplan.engine.schedule import ReviewEvent
from carveplan.engine.timings import Anchors, when
from carveplan.model import Location, Problem, ReviewClause, warning

# Bounds for clauses with no count and no term: 100 events or 100 years after entry into force.
MAX_EVENTS = 100
MAX_YEARS = 100


def review_events(
    clauses: tuple[ReviewClause, ...], anchors: Anchors
) -> tuple[tuple[ReviewEvent, ...], tuple[Problem, ...]]:
    """Every review and term end, in date order.

    Args:
        clauses: the agreement's review clauses.
        anchors: EIF, stage day and resolved milestones.

    Returns:
        The events sorted by date, and problems for clauses whose dates cannot be resolved.
    """
    events: list[ReviewEvent] = []
    problems: list[Problem] = []
    horizon = add_months(anchors.eif, 12 * MAX_YEARS)
    for clause in clauses:
        first = when(clause.first, anchors).day
        if first is None:
            where = Location(kind="review", item=clause.id, field="first")
            text = "the first review hangs off a milestone that has no date, so no review is shown"
            problems.append(warning(where, text, "no-date"))
            continue
        term_end = when(clause.term_end, anchors).day if clause.term_end is not None else None
        events.extend(_reviews(clause, first, min(term_end or horizon, horizon)))
        if term_end is not None:
            events.append(ReviewEvent(clause.id, term_end, 0, "Term ends"))
    events.sort(key=lambda e: (e.date, e.review, e.number == 0, e.number))
    return tuple(events), tuple(problems)


def _reviews(clause: ReviewClause, first: date, last: date) -> list[ReviewEvent]:
    interval = clause.interval_months if clause.interval_months and clause.interval_months > 0 else None
    count = MAX_EVENTS if clause.count is None else min(clause.count, MAX_EVENTS)
    if interval is None:
        count = min(count, 1)
    events = []
    for number in range(1, count + 1):
        day = add_months(first, (number - 1) * (interval or 0))
        # A review on the day the term ends is not held: the term-end event stands for it.
        if day >= last and (clause.term_end is not None or day > last):
            break
        events.append(ReviewEvent(clause.id, day, number, f"{clause.title or 'Review'} #{number}"))
    return events
