"""The resolved schedule: what the engine computes from an agreement and a scenario."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from carveplan.model import (
    Agreement,
    ExceptionId,
    Line,
    LineId,
    Milestone,
    MilestoneId,
    Problem,
    Rate,
    ReviewId,
)


@dataclass(frozen=True, slots=True)
class ResolvedPhase:
    """A phase with calendar dates.

    Slotted: a mega-regional schedule holds more than a million of them, and a slotted record is a
    third of the memory of one with a dictionary and one object for the cycle collector, not two.

    Attributes:
        line: the line id.
        index: position among the line's phases (0-based).
        label: the phase label.
        value: the value in force from ``start``.
        nominal_start: the date from its own timing, before gates and exceptions.
        start: the actual start; ``None`` when blocked.
        end: the start of the next phase that applies, ``None`` when open-ended or blocked.
        gates: the milestones gating it (with its line's gates).
        blocked_by: missed milestones (or blocked ones) that keep it from starting.
        delayed_by: milestones or exceptions that moved it past ``nominal_start``.
    """

    line: LineId
    index: int
    label: str
    value: Rate
    nominal_start: date | None
    start: date | None
    end: date | None = None
    gates: tuple[MilestoneId, ...] = ()
    blocked_by: tuple[str, ...] = ()
    delayed_by: tuple[str, ...] = ()

    @property
    def blocked(self) -> bool:
        """Whether the phase cannot start in this scenario."""
        return self.start is None


@dataclass(frozen=True, slots=True)
class ResolvedLine:
    """A line with its resolved phases (slotted, as :class:`ResolvedPhase`).

    Attributes:
        line: the line record.
        phases: resolved phases in order of start.
        excluded: whether the line has no commitment (a carve-out in the strict sense).
        final_value: the value it ends at.
        final_date: the date the final value applies; ``None`` when blocked or excluded.
        suspended: exception windows that hold the line, as ``(exception id, start, end)``.
    """

    line: Line
    phases: tuple[ResolvedPhase, ...]
    excluded: bool
    final_value: Rate
    final_date: date | None
    suspended: tuple[tuple[ExceptionId, date, date], ...] = ()

    @property
    def blocked(self) -> bool:
        """Whether some phase cannot start."""
        return any(p.blocked for p in self.phases)


@dataclass(frozen=True)
class ResolvedMilestone:
    """A milestone with its date in this scenario.

    Attributes:
        milestone: the record.
        due: the due date from its timing.
        date: the date it is (expected to be) verified; ``None`` when missed or blocked.
        blocked_by: missed milestones upstream (itself when missed).
        delay_months: scenario delay applied.
    """

    milestone: Milestone
    due: date | None
    date: date | None
    blocked_by: tuple[MilestoneId, ...] = ()
    delay_months: int = 0


@dataclass(frozen=True)
class ExceptionWindow:
    """An invoked security exception.

    Attributes:
        exception: the exception id.
        start: invocation date.
        end: the date the suspension ends.
        notification_deadline: invocation + notification days.
        termination_notice: the date termination must be notified by.
        review_dates: reviews falling inside the window.
        lines: ids of the lines in scope.
        warnings: messages for an invocation beyond its rules (too long, after sunset).
    """

    exception: ExceptionId
    start: date
    end: date
    notification_deadline: date | None
    termination_notice: date | None
    review_dates: tuple[date, ...]
    lines: tuple[LineId, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewEvent:
    """One review or the end of a term.

    Attributes:
        review: the review clause id.
        date: when it falls.
        number: 1 for the first review; 0 for the term end (sunset).
        label: display label (``Joint review #2``, ``Term ends``).
    """

    review: ReviewId
    date: date
    number: int
    label: str


@dataclass(frozen=True)
class Schedule:
    """Everything resolved for one scenario.

    Attributes:
        agreement: the agreement as given (before scenario overrides).
        scenario: the scenario name (``baseline`` when none).
        eif: the entry-into-force date in this scenario.
        lines: resolved lines, in agreement order.
        milestones: resolved milestones, in agreement order.
        windows: invoked exception windows.
        reviews: review events in date order.
        problems: problems found while resolving (cycles, unknown references).
    """

    agreement: Agreement
    scenario: str
    eif: date
    lines: tuple[ResolvedLine, ...]
    milestones: tuple[ResolvedMilestone, ...]
    windows: tuple[ExceptionWindow, ...]
    reviews: tuple[ReviewEvent, ...]
    problems: tuple[Problem, ...] = ()

    def line(self, line_id: LineId) -> ResolvedLine:
        """The resolved line with this id (``KeyError`` when there is none)."""
        return self.line_index[line_id]

    def milestone(self, milestone_id: MilestoneId) -> ResolvedMilestone:
        """The resolved milestone with this id (``KeyError`` when there is none)."""
        return self.milestone_index[milestone_id]

    # Indexes built on first use and kept with the (immutable) schedule: looking lines up one by
    # one in a loop would otherwise be quadratic, and a deck draws hundreds of pages from one schedule.

    @cached_property
    def line_index(self) -> dict[LineId, ResolvedLine]:
        """Line id -> resolved line (the first, should ids repeat)."""
        index: dict[LineId, ResolvedLine] = {}
        for resolved in self.lines:
            index.setdefault(resolved.line.id, resolved)
        return index

    @cached_property
    def milestone_index(self) -> dict[MilestoneId, ResolvedMilestone]:
        """Milestone id -> resolved milestone (the first, should ids repeat)."""
        index: dict[MilestoneId, ResolvedMilestone] = {}
        for resolved in self.milestones:
            index.setdefault(resolved.milestone.id, resolved)
        return index

    @cached_property
    def gated_phases(self) -> tuple[ResolvedPhase, ...]:
        """Every phase that waits for a milestone, in line order."""
        return tuple(p for resolved in self.lines for p in resolved.phases if p.gates)

    @cached_property
    def gated_by_line(self) -> dict[LineId, tuple[ResolvedPhase, ...]]:
        """Line id -> its phases that wait for a milestone (a page of a deck asks only for its lines)."""
        index: dict[LineId, list[ResolvedPhase]] = {}
        for phase in self.gated_phases:
            index.setdefault(phase.line, []).append(phase)
        return {line: tuple(phases) for line, phases in index.items()}

    @cached_property
    def line_sectors(self) -> frozenset[str]:
        """The sector ids the lines belong to."""
        return frozenset(resolved.line.sector for resolved in self.lines)
