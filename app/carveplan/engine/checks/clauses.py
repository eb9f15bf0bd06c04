"""Checks of milestones, exceptions, review clauses, scenarios and parties."""

from __future__ import annotations

import re
from collections.abc import Iterator

from carveplan.engine.schedule import Schedule
from carveplan.engine.windows import scope
from carveplan.model import (
    Agreement,
    Anchor,
    DevelopmentStatus,
    Location,
    MilestoneDelay,
    MilestoneKind,
    MilestoneStatus,
    Problem,
    Severity,
    Timing,
    error,
    warning,
)
from carveplan.model.timing import MILESTONE_ID
from carveplan.model.words import plural

_OFFSET_TAIL = re.compile(r"[+-]\d{1,5}[dmyDMY]$")


def milestone_problems(agreement: Agreement) -> Iterator[Problem]:
    """Milestone ids a timing cannot name, and achieved milestones with no date."""
    for m in agreement.milestones:
        where = Location(kind="milestone", item=m.id, field="id")
        if not MILESTONE_ID.fullmatch(m.id):
            text = f"{m.id!r} cannot be named in a timing: use letters, digits, '-', '_' and '.'"
            yield error(where, text, "milestone-id")
        elif _OFFSET_TAIL.search(m.id):
            text = f"{m.id!r} ends like an offset, so 'M:{m.id}' would read as an offset: rename it"
            yield error(where, text, "milestone-id-offset")
        if m.status.met and m.actual is None:
            text = f"is {m.status.value} but has no actual date; its due date is used"
            yield warning(Location(kind="milestone", item=m.id, field="actual"), text, "no-actual-date")


def missed_problems(schedule: Schedule) -> Iterator[Problem]:
    """Milestones missed in the baseline, with what they block."""
    for m in schedule.milestones:
        if m.milestone.status is not MilestoneStatus.MISSED:
            continue
        lines = [
            ln.line.id for ln in schedule.lines if any(m.milestone.id in p.blocked_by for p in ln.phases)
        ]
        if lines:
            text = f"is missed and blocks phases of {plural(len(lines), 'line')}: {', '.join(lines[:5])}"
            text += " …" if len(lines) > 5 else ""
            yield warning(
                Location(kind="milestone", item=m.milestone.id, field="status"), text, "missed-blocks"
            )


def exception_problems(agreement: Agreement) -> Iterator[Problem]:
    """Exceptions with no scope, impossible settings, or timings that name no milestone."""
    for e in agreement.exceptions:

        def at(field: str, item: str = e.id) -> Location:
            return Location(kind="exception", item=item, field=field)

        if not e.scope_sectors and not e.scope_lines:
            yield warning(at("scope_sectors"), "covers no sector and no line", "exception-scope-empty")
        elif not scope(e, agreement):
            yield Problem(
                Severity.INFO,
                at("scope_sectors"),
                f"no line of {e.party} is in its scope",
                "exception-scope-no-lines",
            )
        numbers = {
            "max_duration_months": (e.max_duration_months, 1),
            "review_interval_months": (e.review_interval_months, 1),
            "notification_days": (e.notification_days, 0),
            "termination_notice_days": (e.termination_notice_days, 0),
            "extension_months": (e.extension_months, 0),
        }
        for field, (value, least) in numbers.items():
            if value is not None and value < least:
                yield error(
                    at(field),
                    f"{field.replace('_', ' ')} must be at least {least}, not {value}",
                    "exception-setting",
                )
        if e.sunset is not None:
            yield from _timing(e.sunset, at("sunset"), agreement)


def review_problems(agreement: Agreement) -> Iterator[Problem]:
    """Review clauses with an interval or count of zero or less, or timings that cannot resolve."""
    for r in agreement.reviews:

        def at(field: str, item: str = r.id) -> Location:
            return Location(kind="review", item=item, field=field)

        if r.interval_months is not None and r.interval_months <= 0:
            yield error(
                at("interval_months"),
                f"review interval must be over 0 months, not {r.interval_months}",
                "review-interval",
            )
        if r.count is not None and r.count <= 0:
            yield error(at("count"), f"review count must be at least 1, not {r.count}", "review-count")
        yield from _timing(r.first, at("first"), agreement)
        if r.term_end is not None:
            yield from _timing(r.term_end, at("term_end"), agreement)


def scenario_problems(agreement: Agreement) -> Iterator[Problem]:
    """Delays of zero or less months (a scenario moves milestones later, not earlier)."""
    for s in agreement.scenarios:
        for i, override in enumerate(s.overrides):
            if isinstance(override, MilestoneDelay) and override.months <= 0:
                where = Location(kind="scenario", item=s.name, field=f"overrides[{i}]")
                yield warning(
                    where, f"delays {override.milestone} by {override.months} months", "scenario-delay"
                )


def party_problems(agreement: Agreement) -> Iterator[Problem]:
    """Developing and least-developed parties with carve-outs but no capacity-building milestone."""
    for party in agreement.parties:
        if party.status is DevelopmentStatus.DEVELOPED:
            continue
        has_lines = any(ln.party == party.code for ln in agreement.lines)
        builds = any(
            m.party == party.code and m.kind is MilestoneKind.CAPACITY_BUILDING for m in agreement.milestones
        )
        if has_lines and not builds:
            text = (
                f"{party.name or party.code} is {party.status.value}: consider a capacity-building milestone"
            )
            yield Problem(
                Severity.INFO,
                Location(kind="party", item=party.code, field="status"),
                text,
                "capacity-building",
            )


def _timing(timing: Timing, where: Location, agreement: Agreement) -> Iterator[Problem]:
    if timing.anchor is Anchor.PREV:
        yield error(where, "'prev' only makes sense for a phase", "bad-anchor")
    elif timing.anchor is Anchor.MILESTONE and timing.milestone not in {m.id for m in agreement.milestones}:
        yield error(where, f"hangs off unknown milestone {timing.milestone!r}", "unknown-milestone")
