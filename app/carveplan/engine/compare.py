"""Scenario comparison: when each line reaches its final value in two scenarios, and why it moved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carveplan.engine.chain import critical_chain
from carveplan.engine.dates import add_months
from carveplan.engine.resolve import resolve
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.model import Agreement, ExceptionId, Line, MilestoneId, Sector, SectorId

# The cause named when entry into force itself moved between the two scenarios.
EIF_CAUSE = "EIF"


class Change(StrEnum):
    """How a line's final date differs between the scenario and the one it is compared against."""

    DELAYED = "delayed"
    EARLIER = "earlier"
    UNCHANGED = "unchanged"
    NEWLY_BLOCKED = "newly blocked"
    UNBLOCKED = "unblocked"
    BLOCKED_IN_BOTH = "blocked in both"


@dataclass(frozen=True)
class LineComparison:
    """One line in both scenarios.

    Attributes:
        line: the line record.
        final: the date it reaches its final value in the scenario (``None`` when blocked).
        against_final: the same date in the scenario compared against.
        delay_days: ``final - against_final`` in days; ``None`` unless both dates are known.
        delay_months: the same in whole calendar months, truncated toward zero.
        change: delayed, earlier, unchanged, newly blocked, unblocked or blocked in both.
        chain: the critical chain of milestones deciding the final date in the scenario.
        causes: what moved it: chain milestones whose date moved, the missed milestones blocking it,
            exceptions suspending it only in the scenario, and ``EIF`` when entry into force moved.
    """

    line: Line
    final: date | None
    against_final: date | None
    delay_days: int | None
    delay_months: int | None
    change: Change
    chain: tuple[MilestoneId, ...] = ()
    causes: tuple[str, ...] = ()

    @property
    def blocked(self) -> bool:
        """Whether the line never reaches its final value in the scenario."""
        return self.change in (Change.NEWLY_BLOCKED, Change.BLOCKED_IN_BOTH)

    @property
    def against_blocked(self) -> bool:
        """Whether the line never reaches its final value in the scenario compared against."""
        return self.change in (Change.UNBLOCKED, Change.BLOCKED_IN_BOTH)


@dataclass(frozen=True)
class SectorSummary:
    """The comparison summed up for one sector.

    Attributes:
        sector: the sector id.
        name: the sector's display name.
        lines: lines compared (excluded lines have no final date and are left out).
        delayed: lines reaching their final value later.
        earlier: lines reaching it sooner.
        max_delay_days: the longest delay (0 when none is delayed).
        mean_delay_days: the mean delay of the delayed lines (0 when none is).
        blocked: lines blocked in the scenario.
        against_blocked: lines blocked in the scenario compared against.
        newly_blocked: lines blocked in the scenario only.
        unblocked: lines blocked in the scenario compared against only.
    """

    sector: SectorId
    name: str
    lines: int
    delayed: int
    earlier: int
    max_delay_days: int
    mean_delay_days: float
    blocked: int
    against_blocked: int
    newly_blocked: int
    unblocked: int


@dataclass(frozen=True)
class Comparison:
    """A scenario compared line by line against another.

    Attributes:
        schedule: the scenario's schedule.
        against: the schedule it is compared against (the baseline unless asked otherwise).
        lines: one entry per non-excluded line, grouped by sector in the agreement's order, most
            delayed first (newly blocked lines lead each group).
        sectors: one summary per sector that has compared lines.
    """

    schedule: Schedule
    against: Schedule
    lines: tuple[LineComparison, ...]
    sectors: tuple[SectorSummary, ...]

    def line(self, line_id: str) -> LineComparison:
        """The comparison of the line with this id."""
        for entry in self.lines:
            if entry.line.id == line_id:
                return entry
        raise KeyError(line_id)


def compare(agreement: Agreement, scenario: str, against: str | None = None) -> Comparison:
    """Compare ``scenario`` with ``against`` (the baseline when ``None``).

    Args:
        agreement: the agreement.
        scenario: the scenario name.
        against: the scenario to compare with; ``None`` or ``baseline`` for the baseline.

    Returns:
        The comparison.

    Raises:
        KeyError: when a scenario name is unknown.
    """
    return compare_schedules(resolve(agreement, scenario), resolve(agreement, against))


def compare_schedules(schedule: Schedule, against: Schedule) -> Comparison:
    """Compare two schedules of the same agreement (for callers that already resolved them).

    Args:
        schedule: the scenario's schedule.
        against: the schedule to compare with.

    Returns:
        The comparison.
    """
    entries = [
        _compare_line(schedule, against, resolved) for resolved in schedule.lines if not resolved.excluded
    ]
    order = _sector_order(schedule.agreement.sectors, (e.line.sector for e in entries))
    entries.sort(key=lambda e: (order[e.line.sector], *_delay_rank(e), e.line.id))
    names = {s.id: s.name for s in schedule.agreement.sectors}
    summaries = tuple(
        _summarize(sector, names.get(sector, sector), [e for e in entries if e.line.sector == sector])
        for sector in order
    )
    return Comparison(schedule, against, tuple(entries), summaries)


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end``, truncated toward zero (negative if earlier)."""
    if end < start:
        return -months_between(end, start)
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def _compare_line(schedule: Schedule, against: Schedule, resolved: ResolvedLine) -> LineComparison:
    other = against.line(resolved.line.id)
    final, other_final = resolved.final_date, other.final_date
    change = _change(resolved, other)
    days = months = None
    if final is not None and other_final is not None:
        days = (final - other_final).days
        months = months_between(other_final, final)
    chain = critical_chain(schedule, resolved.line.id).milestones
    causes = _causes(schedule, against, resolved, other, chain) if change is not Change.UNCHANGED else ()
    return LineComparison(resolved.line, final, other_final, days, months, change, chain, causes)


def _change(resolved: ResolvedLine, other: ResolvedLine) -> Change:
    if resolved.final_date is None and other.final_date is None:
        return Change.BLOCKED_IN_BOTH
    if resolved.final_date is None:
        return Change.NEWLY_BLOCKED
    if other.final_date is None:
        return Change.UNBLOCKED
    if resolved.final_date > other.final_date:
        return Change.DELAYED
    if resolved.final_date < other.final_date:
        return Change.EARLIER
    return Change.UNCHANGED


def _causes(
    schedule: Schedule,
    against: Schedule,
    resolved: ResolvedLine,
    other: ResolvedLine,
    chain: tuple[MilestoneId, ...],
) -> tuple[str, ...]:
    causes: list[str] = [EIF_CAUSE] if schedule.eif != against.eif else []
    for milestone in chain:
        if schedule.milestone(milestone).date != against.milestone(milestone).date:
            causes.append(milestone)
    for phase in resolved.phases:
        causes.extend(phase.blocked_by)
    causes.extend(_new_suspensions(resolved, other))
    return tuple(dict.fromkeys(causes))  # keep the first mention, in order


def _new_suspensions(resolved: ResolvedLine, other: ResolvedLine) -> list[ExceptionId]:
    before = set(other.suspended)
    return [
        exception for exception, start, end in resolved.suspended if (exception, start, end) not in before
    ]


def _delay_rank(entry: LineComparison) -> tuple[int, int]:
    """Newly blocked first, then by delay (longest first), then unblocked, then blocked in both."""
    group = {Change.NEWLY_BLOCKED: 0, Change.UNBLOCKED: 2, Change.BLOCKED_IN_BOTH: 3}.get(entry.change, 1)
    return group, -(entry.delay_days or 0)


def _sector_order(sectors: tuple[Sector, ...], used: Iterable[SectorId]) -> dict[SectorId, int]:
    """Sectors in the agreement's order, then sectors only lines name, alphabetically."""
    present = set(used)
    known = [s.id for s in sectors if s.id in present]
    ordered = known + sorted(present - set(known))
    return {sector: index for index, sector in enumerate(ordered)}


def _summarize(sector: SectorId, name: str, entries: list[LineComparison]) -> SectorSummary:
    delays = [e.delay_days for e in entries if e.change is Change.DELAYED and e.delay_days is not None]
    return SectorSummary(
        sector=sector,
        name=name,
        lines=len(entries),
        delayed=len(delays),
        earlier=sum(e.change is Change.EARLIER for e in entries),
        max_delay_days=max(delays, default=0),
        mean_delay_days=round(sum(delays) / len(delays), 1) if delays else 0.0,
        blocked=sum(e.blocked for e in entries),
        against_blocked=sum(e.against_blocked for e in entries),
        newly_blocked=sum(e.change is Change.NEWLY_BLOCKED for e in entries),
        unblocked=sum(e.change is Change.UNBLOCKED for e in entries),
    )
