"""Deadlines of a schedule: milestones, exception notifications and reviews, review events, sunsets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from carveplan.engine.deadlines import Deadline, DeadlineKind, deadlines, timing_date
from carveplan.engine.resolve import resolve
from carveplan.model import ExceptionInvoked, Scenario, parse_timing
from tests.helpers.analysis import analysis_agreement


def by_kind(events: tuple[Deadline, ...], kind: DeadlineKind) -> list[tuple[str, str, date]]:
    return [(d.record, d.key, d.day) for d in events if d.kind is kind]


def test_baseline_has_milestones_reviews_and_the_sunset() -> None:
    events = deadlines(resolve(analysis_agreement()))
    assert by_kind(events, DeadlineKind.MILESTONE) == [
        ("M2", "", date(2025, 4, 1)),
        ("M1", "", date(2025, 7, 1)),
    ]
    assert by_kind(events, DeadlineKind.REVIEW) == [("JR", "1", date(2031, 1, 1))]
    assert by_kind(events, DeadlineKind.TERM_END) == [("JR", "0", date(2041, 1, 1))]
    assert by_kind(events, DeadlineKind.SUNSET) == [("EX1", "", date(2034, 1, 1))]
    assert by_kind(events, DeadlineKind.NOTIFICATION) == []
    assert [d.day for d in events] == sorted(d.day for d in events)


def test_an_invocation_brings_its_notifications_reviews_and_end() -> None:
    events = deadlines(resolve(analysis_agreement(), "sanctions"))
    assert by_kind(events, DeadlineKind.NOTIFICATION) == [("EX1", "1", date(2025, 7, 1))]
    assert by_kind(events, DeadlineKind.TERMINATION_NOTICE) == [("EX1", "1", date(2026, 4, 2))]
    assert by_kind(events, DeadlineKind.WINDOW_REVIEW) == [
        ("EX1", "1.1", date(2025, 10, 1)),
        ("EX1", "1.2", date(2026, 2, 1)),
    ]
    assert by_kind(events, DeadlineKind.WINDOW_END) == [("EX1", "1", date(2026, 6, 1))]
    notice = next(d for d in events if d.kind is DeadlineKind.NOTIFICATION)
    assert notice.summary == "Notify invocation of Essential security — minerals"
    assert "Warning: lasts 12 months" in notice.description


def test_two_invocations_of_one_exception_are_numbered() -> None:
    agreement = analysis_agreement()
    twice = Scenario(
        "twice",
        overrides=(
            ExceptionInvoked("EX1", parse_timing("Y2"), 3),
            ExceptionInvoked("EX1", parse_timing("Y4"), 3),
        ),
    )
    events = deadlines(resolve(replace(agreement, scenarios=(twice,)), "twice"))
    assert [key for _, key, _ in by_kind(events, DeadlineKind.NOTIFICATION)] == ["1", "2"]


def test_a_blocked_milestone_keeps_its_due_date_and_says_so() -> None:
    events = deadlines(resolve(analysis_agreement(), "late"))
    m2 = next(d for d in events if d.record == "M2")
    assert m2.day == date(2025, 4, 1)
    assert "blocked by M2" in m2.summary
    m1 = next(d for d in events if d.record == "M1")
    assert m1.day == date(2027, 7, 1)
    assert "Delayed 24 months" in m1.description
    assert "Verifier: Joint Committee" in m1.description


def test_timing_date_outside_lines() -> None:
    schedule = resolve(analysis_agreement(), "late")
    assert timing_date(schedule, parse_timing("Y3+1m")) == date(2027, 2, 1)
    assert timing_date(schedule, parse_timing("M:M1+1y")) == date(2028, 7, 1)
    assert timing_date(schedule, parse_timing("M:M2")) is None
