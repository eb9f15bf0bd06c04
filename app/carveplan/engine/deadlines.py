"""The dated events of a schedule a negotiator must not miss: milestones, notifications, reviews, sunsets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carveplan.engine.schedule import ExceptionWindow, ResolvedMilestone, Schedule
from carveplan.engine.timings import Anchors, when
from carveplan.model import Timing
from carveplan.model.words import plural


class DeadlineKind(StrEnum):
    """What a deadline is; part of its stable identity, so the values must never change."""

    MILESTONE = "milestone-due"
    NOTIFICATION = "exception-notification"
    TERMINATION_NOTICE = "exception-termination-notice"
    WINDOW_REVIEW = "exception-review"
    WINDOW_END = "exception-end"
    REVIEW = "review"
    TERM_END = "term-end"
    SUNSET = "exception-sunset"


@dataclass(frozen=True)
class Deadline:
    """One dated event.

    Attributes:
        kind: what it is.
        record: the id of the milestone, exception or review clause it comes from.
        key: what tells it apart from other events of the same kind and record, never a date (so
            the event keeps its identity when the date moves): the invocation and review number.
        day: when it falls.
        summary: a one-line title.
        description: the details a calendar shows under the title.
    """

    kind: DeadlineKind
    record: str
    key: str
    day: date
    summary: str
    description: str = ""


def deadlines(schedule: Schedule) -> tuple[Deadline, ...]:
    """Every dated event of a schedule, in date order.

    Args:
        schedule: the resolved schedule.

    Returns:
        Milestones due, notification and termination deadlines and reviews of invoked exceptions,
        review clause events and term ends, and exception sunsets.
    """
    events = [
        *(_milestone(m) for m in schedule.milestones if (m.date or m.due) is not None),
        *_windows(schedule),
        *_reviews(schedule),
        *_sunsets(schedule),
    ]
    return tuple(sorted(events, key=lambda d: (d.day, d.kind, d.record, d.key)))


def _milestone(resolved: ResolvedMilestone) -> Deadline:
    record = resolved.milestone
    day = resolved.date or resolved.due
    assert day is not None  # filtered by the caller
    state = record.status.value
    if resolved.date is None:
        state = "blocked by " + ", ".join(resolved.blocked_by) if resolved.blocked_by else "not met"
    details = [f"Party: {record.party}", f"Status: {state}"]
    if resolved.delay_months:
        details.append(f"Delayed {resolved.delay_months} months in this scenario")
    if record.verifier:
        details.append(f"Verifier: {record.verifier}")
    if record.depends_on:
        details.append("Depends on: " + ", ".join(record.depends_on))
    # A milestone already met shows as met on its actual date; one still to come shows as due.
    verb = state if record.status.met else "due"
    summary = f"{record.id} {verb}: {record.title}" + ("" if resolved.date else f" ({state})")
    return Deadline(DeadlineKind.MILESTONE, record.id, "", day, summary, "\n".join(details))


def _windows(schedule: Schedule) -> Iterator[Deadline]:
    count: dict[str, int] = {}
    titles = {e.id: e.title or e.id for e in schedule.agreement.exceptions}
    for window in schedule.windows:
        count[window.exception] = number = count.get(window.exception, 0) + 1
        yield from _window_events(window, number, titles.get(window.exception, window.exception))


def _window_events(window: ExceptionWindow, number: int, title: str) -> Iterator[Deadline]:
    invocation = f"invocation {number}"
    about = (
        f"{title} ({window.exception}), {invocation}: {window.start} to {window.end}, "
        f"{plural(len(window.lines), 'line')} suspended"
    )
    details = "\n".join([about, *(f"Warning: {w}" for w in window.warnings)])
    ident, key = window.exception, str(number)
    if window.notification_deadline is not None:
        summary = f"Notify invocation of {title}"
        yield Deadline(DeadlineKind.NOTIFICATION, ident, key, window.notification_deadline, summary, details)
    if window.termination_notice is not None:
        summary = f"Notify termination of {title}"
        yield Deadline(
            DeadlineKind.TERMINATION_NOTICE, ident, key, window.termination_notice, summary, details
        )
    for index, day in enumerate(window.review_dates, start=1):
        summary = f"Review of {title} #{index}"
        yield Deadline(DeadlineKind.WINDOW_REVIEW, ident, f"{number}.{index}", day, summary, details)
    yield Deadline(DeadlineKind.WINDOW_END, ident, key, window.end, f"{title} ends", details)


def _reviews(schedule: Schedule) -> Iterator[Deadline]:
    clauses = {r.id: r for r in schedule.agreement.reviews}
    for event in schedule.reviews:
        clause = clauses.get(event.review)
        details = f"{clause.title} ({clause.legal_ref})" if clause and clause.legal_ref else ""
        kind = DeadlineKind.TERM_END if event.number == 0 else DeadlineKind.REVIEW
        yield Deadline(kind, event.review, str(event.number), event.date, event.label, details)


def _sunsets(schedule: Schedule) -> Iterator[Deadline]:
    for exception in schedule.agreement.exceptions:
        if exception.sunset is None:
            continue
        day = timing_date(schedule, exception.sunset)
        if day is not None:
            summary = f"Sunset of {exception.title or exception.id}"
            details = f"{exception.legal_basis}: can no longer be invoked after this date".strip(": ")
            yield Deadline(DeadlineKind.SUNSET, exception.id, "", day, summary, details)


def timing_date(schedule: Schedule, timing: Timing) -> date | None:
    """A timing outside any line as a date in this schedule.

    Args:
        schedule: the resolved schedule (its EIF and milestone dates).
        timing: the timing.

    Returns:
        The date, or ``None`` when it hangs off a milestone that has no date in this scenario.
    """
    milestones = {m.milestone.id: m for m in reversed(schedule.milestones)}
    return when(timing, Anchors(schedule.eif, schedule.agreement.stage_day, milestones)).day
