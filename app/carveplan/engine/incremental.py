"""Re-resolving after an edit: only the lines that depend on what changed.

A national schedule holds 15,000 lines per party; resolving all of them after every keystroke
costs most of a second. An edit of one line changes that line; an edit of a milestone moves the
lines gated on it (and on the milestones downstream of it); an exception's window moves the lines
in its scope. :class:`Resolution` keeps, beside the schedule, each line's problems and an index
from milestones to the lines that refer to them, so :func:`update` finds those lines without
looking at the others' phases. A change of entry into force or of the staging rules re-resolves
everything. Milestones and windows are few and are always resolved afresh: their dates are
compared with the previous ones to find what moved.

The result is the schedule :func:`~carveplan.engine.resolve.resolve` gives (a property test holds
them equal after any sequence of edits).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from carveplan.engine.collector import collector_paused
from carveplan.engine.phases import resolve_line
from carveplan.engine.resolve import Frame, assemble, scenario_frame, windows_by_line
from carveplan.engine.schedule import ExceptionWindow, ResolvedLine, ResolvedMilestone, Schedule
from carveplan.model import Agreement, Anchor, Line, LineId, MilestoneId, Problem

# Milestone id -> the ids of the lines that refer to it, each with how many such lines there are
# (ids may repeat in a damaged file: the count keeps one line's removal from hiding the other).
DependencyIndex = Mapping[MilestoneId, Mapping[LineId, int]]


@dataclass(frozen=True)
class Resolution:
    """A resolved schedule with what an edit needs to re-resolve only what depends on it.

    Attributes:
        schedule: the schedule.
        line_problems: each line's problems, in the order of ``schedule.lines``.
        context: what every line hangs off (entry into force, stage day, staging rules, rounding).
        index: milestone id -> ids of the lines whose phases refer to it (gates, starts).
    """

    schedule: Schedule
    line_problems: tuple[tuple[Problem, ...], ...]
    context: tuple[object, ...]
    index: DependencyIndex


def full(agreement: Agreement, scenario: str | None = None) -> Resolution:
    """Resolve every line, and index what each depends on.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    with collector_paused():
        frame = scenario_frame(agreement, scenario)
        return _full(agreement, frame)


def update(previous: Resolution, agreement: Agreement, scenario: str | None = None) -> Resolution:
    """The resolution of ``agreement``, re-resolving only the lines an edit since ``previous`` touched.

    Args:
        previous: the resolution before the edit (of any agreement: nothing shared, all redone),
            in any scenario: another scenario moves milestones and opens windows as an edit does,
            so a scenario is resolved from the baseline by re-resolving the lines it moves.
        agreement: the agreement after the edit.
        scenario: the scenario, as for :func:`full`.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    with collector_paused():
        frame = scenario_frame(agreement, scenario)
        before = previous.schedule
        if _context(agreement, frame) != previous.context:
            return _full(agreement, frame)
        moved = _moved_milestones(before.milestones, frame.milestones)
        dirty = {line_id for m in moved for line_id in previous.index.get(m, ())}
        if frame.windows != before.windows:
            dirty.update(_window_lines(before.windows, frame.windows))
        return _partial(previous, agreement, frame, dirty)


def dependencies(line: Line) -> tuple[MilestoneId, ...]:
    """The milestones a line's dates can hang off: its gates, its phases' gates and start anchors.

    Phases a staging category generates carry the line's gates and start at stage dates only.
    """
    if not line.phases:
        return tuple(dict.fromkeys(g.milestone for g in line.gates)) if line.gates else ()
    found = [g.milestone for g in line.gates]
    for phase in line.phases:
        found.extend(g.milestone for g in phase.gates)
        if phase.start.anchor is Anchor.MILESTONE and phase.start.milestone:
            found.append(phase.start.milestone)
    return tuple(dict.fromkeys(found))


# --- the two ways to resolve the lines -------------------------------------------------------------
def _full(agreement: Agreement, frame: Frame) -> Resolution:
    holding = windows_by_line(frame.windows)
    lines: list[ResolvedLine] = []
    problems: list[tuple[Problem, ...]] = []
    index: dict[MilestoneId, dict[LineId, int]] = {}
    for line in agreement.lines:
        resolved, found = resolve_line(line, agreement, frame.anchors, holding.get(line.id, ()))
        lines.append(resolved)
        problems.append(found)
        for milestone in dependencies(line):
            counts = index.setdefault(milestone, {})
            counts[line.id] = counts.get(line.id, 0) + 1
    return _finish(agreement, frame, lines, problems, index)


def _partial(previous: Resolution, agreement: Agreement, frame: Frame, dirty: set[LineId]) -> Resolution:
    before = previous.schedule
    old_lines = before.agreement.lines
    same_shape = len(old_lines) == len(agreement.lines)
    # After an insertion or a deletion, unchanged records are found by identity, not position.
    position = None if same_shape else {id(line): i for i, line in enumerate(old_lines)}
    holding: dict[LineId, tuple[ExceptionWindow, ...]] | None = None
    lines: list[ResolvedLine] = []
    problems: list[tuple[Problem, ...]] = []
    added: list[Line] = []
    kept: set[int] = set()
    for i, line in enumerate(agreement.lines):
        j = (i if old_lines[i] is line else None) if position is None else position.get(id(line))
        if j in kept:
            j = None  # the same record twice: the second is a new line for the index
        if j is not None and line.id not in dirty:
            lines.append(before.lines[j])
            problems.append(previous.line_problems[j])
            kept.add(j)
            continue
        if holding is None:
            holding = windows_by_line(frame.windows)
        resolved, found = resolve_line(line, agreement, frame.anchors, holding.get(line.id, ()))
        lines.append(resolved)
        problems.append(found)
        if j is None:
            added.append(line)
        else:
            kept.add(j)
    removed = (
        [line for j, line in enumerate(old_lines) if j not in kept] if len(kept) < len(old_lines) else []
    )
    index = _reindexed(previous.index, removed, added)
    return _finish(agreement, frame, lines, problems, index)


def _finish(
    agreement: Agreement,
    frame: Frame,
    lines: list[ResolvedLine],
    problems: list[tuple[Problem, ...]],
    index: DependencyIndex,
) -> Resolution:
    found = [p for per_line in problems if per_line for p in per_line]
    schedule = assemble(agreement, frame, tuple(lines), found)
    return Resolution(schedule, tuple(problems), _context(agreement, frame), index)


# --- what changed ----------------------------------------------------------------------------------
def _context(agreement: Agreement, frame: Frame) -> tuple[object, ...]:
    """What every line's phases hang off: a change here re-resolves all of them."""
    return (
        frame.eif,
        agreement.eif,
        agreement.stage_day,
        agreement.rounding,
        agreement.categories,
        agreement.rule_set,
        agreement.first_cut,
    )


def _moved_milestones(
    before: tuple[ResolvedMilestone, ...], after: tuple[ResolvedMilestone, ...]
) -> set[MilestoneId]:
    """Ids whose date or blockers differ, or that appeared or disappeared (the first of an id wins)."""
    if before is after:
        return set()
    old, new = _milestone_dates(before), _milestone_dates(after)
    return {m for m in old.keys() | new.keys() if old.get(m) != new.get(m)}


def _milestone_dates(
    milestones: tuple[ResolvedMilestone, ...],
) -> dict[MilestoneId, tuple[date | None, tuple[str, ...]]]:
    found: dict[MilestoneId, tuple[date | None, tuple[str, ...]]] = {}
    for resolved in milestones:
        found.setdefault(resolved.milestone.id, (resolved.date, resolved.blocked_by))
    return found


def _window_lines(
    before: tuple[ExceptionWindow, ...], after: tuple[ExceptionWindow, ...]
) -> Iterable[LineId]:
    """The lines whose windows, in the order a start meets them, are not exactly as they were.

    Compared per line rather than as sets of windows: a window invoked twice, or two windows
    swapped, changes what a line meets though the set of windows stays the same.
    """
    old, new = windows_by_line(before), windows_by_line(after)
    return {line_id for line_id in old.keys() | new.keys() if old.get(line_id) != new.get(line_id)}


def _reindexed(index: DependencyIndex, removed: list[Line], added: list[Line]) -> DependencyIndex:
    """The index with ``removed`` lines' references dropped and ``added`` lines' taken in.

    Copy on write: only the entries of the milestones those lines refer to are copied.
    """
    if not removed and not added:
        return index
    result = dict(index)
    copied: dict[MilestoneId, dict[LineId, int]] = {}

    def entry(milestone: MilestoneId) -> dict[LineId, int]:
        if milestone not in copied:
            copied[milestone] = result[milestone] = dict(index.get(milestone, {}))
        return copied[milestone]

    for line in removed:
        for milestone in dependencies(line):
            counts = entry(milestone)
            counts[line.id] = counts.get(line.id, 0) - 1
            if counts[line.id] <= 0:
                del counts[line.id]
    for line in added:
        for milestone in dependencies(line):
            counts = entry(milestone)
            counts[line.id] = counts.get(line.id, 0) + 1
    for milestone, counts in copied.items():
        if not counts:
            del result[milestone]
    return result
