"""The resolved schedule as the workbook's computed columns: dates next to the timings they come from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from carveplan.engine import ResolvedLine, ResolvedMilestone, ResolvedPhase, Schedule, unstaged_lines
from carveplan.engine.timings import Anchors, when
from carveplan.io.workbook.layout import Column, PhaseRow, computed
from carveplan.model import LineId, Timing


@dataclass(frozen=True)
class Lookup:
    """What computed columns read: resolved records by id, and the anchors to date other timings.

    Attributes:
        schedule: the resolved schedule.
        lines: resolved lines by id.
        phases: resolved phases by (line id, position).
        milestones: resolved milestones by id.
        anchors: EIF, stage day and milestone dates of the scenario.
    """

    schedule: Schedule
    lines: dict[LineId, ResolvedLine]
    phases: dict[tuple[LineId, int], ResolvedPhase]
    milestones: dict[str, ResolvedMilestone]
    anchors: Anchors
    unstaged: frozenset[LineId] = frozenset()

    @staticmethod
    def of(schedule: Schedule) -> Lookup:
        """The lookup of a schedule."""
        milestones = {m.milestone.id: m for m in schedule.milestones}
        return Lookup(
            schedule,
            {r.line.id: r for r in schedule.lines},
            {(p.line, p.index): p for r in schedule.lines for p in r.phases},
            milestones,
            Anchors(schedule.eif, schedule.agreement.stage_day, milestones),
            unstaged_lines(schedule),
        )

    def date_of(self, timing: Timing | None) -> date | str | None:
        """The date of a timing in this scenario, or why it has none."""
        if timing is None:
            return None
        resolved = when(timing, self.anchors)
        if resolved.day is not None:
            return resolved.day
        return "blocked by " + ", ".join(resolved.blocked_by) if resolved.blocked_by else "unknown"


def _line_status(resolved: ResolvedLine) -> str:
    if resolved.excluded:
        return "excluded"
    if resolved.blocked:
        return "blocked"
    return "suspended" if resolved.suspended else ""


def _final(record: Any, ctx: Lookup | None) -> Any:
    from carveplan.io.cells import write_published

    resolved = ctx.lines.get(record.id) if ctx else None
    return None if resolved is None else write_published(resolved.final_value, record.unit)


def _final_date(record: Any, ctx: Lookup | None) -> Any:
    resolved = ctx.lines.get(record.id) if ctx else None
    return None if resolved is None else resolved.final_date


def _status(record: Any, ctx: Lookup | None) -> Any:
    resolved = ctx.lines.get(record.id) if ctx else None
    if ctx is not None and record.id in ctx.unstaged:
        return "category not defined"
    return None if resolved is None else _line_status(resolved)


def _phase_start(row: PhaseRow, ctx: Lookup | None) -> Any:
    resolved = ctx.phases.get((row.line, row.position)) if ctx else None
    if resolved is None:
        return None
    return resolved.start or "blocked by " + ", ".join(resolved.blocked_by)


def _due(record: Any, ctx: Lookup | None) -> Any:
    resolved = ctx.milestones.get(record.id) if ctx else None
    return None if resolved is None else resolved.due


def _expected(record: Any, ctx: Lookup | None) -> Any:
    resolved = ctx.milestones.get(record.id) if ctx else None
    if resolved is None:
        return None
    return resolved.date or "blocked by " + ", ".join(resolved.blocked_by)


def _timing_date(key: str) -> Any:
    return lambda record, ctx: ctx.date_of(getattr(record, key)) if ctx else None


# sheet -> (computed column, the column it follows)
COMPUTED: dict[str, tuple[tuple[Column, str], ...]] = {
    "Lines": (
        (computed("final_value", "Final value", 10, _final), "legal_ref"),
        (computed("final_date", "Final on", 12, _final_date, is_date=True), "final_value"),
        (computed("status", "Status", 11, _status), "final_date"),
    ),
    "Phases": ((computed("starts_on", "Starts on", 12, _phase_start, is_date=True), "start"),),
    "Milestones": (
        (computed("due_on", "Due on", 12, _due, is_date=True), "due"),
        (computed("expected_on", "Verified on (expected)", 14, _expected, is_date=True), "due_on"),
    ),
    "Exceptions": ((computed("sunset_on", "Sunset on", 12, _timing_date("sunset"), is_date=True), "sunset"),),
    "Reviews": (
        (computed("first_on", "First on", 12, _timing_date("first"), is_date=True), "first"),
        (computed("term_end_on", "Term ends on", 12, _timing_date("term_end"), is_date=True), "term_end"),
    ),
}


def with_computed(name: str, columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """A sheet's columns with its computed columns placed after the columns they explain."""
    result = list(columns)
    for column, after in COMPUTED.get(name, ()):
        keys = [c.key for c in result]
        result.insert(keys.index(after) + 1, column)
    return tuple(result)
