"""The critical chain of a line: the milestones that decide when it reaches its final value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from carveplan.engine.dates import add_months
from carveplan.engine.schedule import ResolvedLine, ResolvedMilestone, Schedule
from carveplan.engine.staging import expand
from carveplan.engine.timings import Anchors, milestone_date
from carveplan.model import Anchor, LineId, MilestoneId, Phase


@dataclass(frozen=True)
class Chain:
    """What decides a line's final date.

    Attributes:
        line: the line id.
        milestones: the binding milestones and the dependencies that bind them, earliest first;
            for a blocked line, the missed milestones that block it.
        slack_days: days the gates could slip before they move the line (0 when a gate, or the
            milestone a phase's start hangs off, binds); ``None`` when no milestone is involved.
    """

    line: LineId
    milestones: tuple[MilestoneId, ...]
    slack_days: int | None


def critical_chain(schedule: Schedule, line_id: LineId) -> Chain:
    """The milestones that decide when a line reaches its final value.

    Args:
        schedule: a resolved schedule.
        line_id: the line.

    Returns:
        The chain; walks back from the last phase through phases that follow the previous one,
        then upstream through the milestones' binding dependencies.

    Raises:
        KeyError: when the schedule has no such line.
    """
    resolved = schedule.line(line_id)
    blocked = [p for p in resolved.phases if p.blocked]
    if blocked:
        first = min(blocked, key=lambda p: p.index)
        return Chain(line_id, first.blocked_by, None)
    phases = expand(resolved.line, schedule.agreement)
    if not phases or not resolved.phases:
        return Chain(line_id, (), None)
    milestones = {m.milestone.id: m for m in reversed(schedule.milestones)}
    anchors = Anchors(schedule.eif, schedule.agreement.stage_day, milestones)
    binding, slack = _walk(resolved, phases, anchors)
    return Chain(line_id, _upstream(binding, milestones), slack)


def _walk(
    resolved: ResolvedLine, phases: tuple[Phase, ...], anchors: Anchors
) -> tuple[list[MilestoneId], int | None]:
    """Binding milestones and the tightest gate slack, from the last phase back."""
    starts = {p.index: p for p in resolved.phases}
    binding: list[MilestoneId] = []
    slacks: list[int] = []
    index = len(phases) - 1
    while index >= 0:
        phase, nominal = phases[index], starts[index].nominal_start
        previous = starts[index - 1].start if index > 0 else None
        if nominal is None:
            break
        own = max(nominal, previous) if previous is not None else nominal
        gated = [(g.milestone, milestone_date(g.milestone, g.lag, anchors).day) for g in phase.gates]
        latest = max((d for _, d in gated if d is not None), default=None)
        if latest is not None:
            slacks.append(max(0, (own - latest).days))
            if latest >= own:
                binding.extend(m for m, d in gated if d == latest)
            if latest > own:
                break
        if phase.start.anchor is Anchor.MILESTONE and nominal >= own and phase.start.milestone:
            # The phase hangs off this milestone's date: any slip of it moves the line.
            binding.append(phase.start.milestone)
            slacks.append(0)
        follows = phase.start.anchor is Anchor.PREV or (previous is not None and previous >= nominal)
        if not follows:
            break
        index -= 1
    return binding, min(slacks) if slacks else None


def _upstream(
    binding: list[MilestoneId], milestones: Mapping[MilestoneId, ResolvedMilestone]
) -> tuple[str, ...]:
    """The binding milestones with every dependency that set their dates, earliest first."""
    seen: dict[MilestoneId, date] = {}
    todo = list(binding)
    while todo:
        current = todo.pop()
        resolved = milestones.get(current)
        if current in seen or resolved is None or resolved.date is None:
            continue
        seen[current] = resolved.date
        todo.extend(_binding_deps(resolved, milestones))
    return tuple(sorted(seen, key=lambda m: (seen[m], m)))


def _binding_deps(
    resolved: ResolvedMilestone, milestones: Mapping[MilestoneId, ResolvedMilestone]
) -> list[MilestoneId]:
    record = resolved.milestone
    if record.status.met and record.actual:
        return []  # an actual date is a fact: nothing upstream moved it
    found = [d for d in record.depends_on if d in milestones and milestones[d].date == resolved.date]
    own = add_months(resolved.due, resolved.delay_months) if resolved.due else None
    if record.due.anchor is Anchor.MILESTONE and record.due.milestone and own == resolved.date:
        found.append(record.due.milestone)
    return found
