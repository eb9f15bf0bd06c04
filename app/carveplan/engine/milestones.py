"""Milestone dates in a scenario: due dates, delays, misses, dependencies and cycles."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from carveplan.engine.dates import add_months
from carveplan.engine.schedule import ResolvedMilestone
from carveplan.engine.timings import Anchors, When, when
from carveplan.model import (
    Anchor,
    Location,
    Milestone,
    MilestoneId,
    MilestoneStatus,
    MonthDay,
    Problem,
    error,
)


@dataclass(frozen=True)
class Slippage:
    """What a scenario does to milestones.

    Attributes:
        delays: months of delay by milestone id.
        missed: milestones the scenario supposes missed.
    """

    delays: Mapping[MilestoneId, int] = field(default_factory=dict)
    missed: frozenset[MilestoneId] = frozenset()


def upstream(milestone: Milestone) -> tuple[MilestoneId, ...]:
    """The milestones this one waits for: its dependencies and the anchor of its due timing."""
    refs = list(milestone.depends_on)
    if milestone.due.anchor is Anchor.MILESTONE and milestone.due.milestone:
        refs.append(milestone.due.milestone)
    return tuple(dict.fromkeys(refs))


def resolve_milestones(
    milestones: tuple[Milestone, ...], eif: date, stage_day: MonthDay, slippage: Slippage
) -> tuple[tuple[ResolvedMilestone, ...], tuple[Problem, ...]]:
    """Date every milestone, in dependency order.

    Args:
        milestones: the agreement's milestones.
        eif: entry into force in this scenario.
        stage_day: the agreement's stage day.
        slippage: the scenario's delays and misses.

    Returns:
        The resolved milestones in agreement order, and problems (unknown references, cycles).
    """
    by_id: dict[MilestoneId, Milestone] = {}
    for m in milestones:
        by_id.setdefault(m.id, m)  # the first of duplicate ids wins; validation reports the rest
    done: dict[MilestoneId, ResolvedMilestone] = {}
    problems: list[Problem] = []
    # Each round dates everything not waiting on a cycle, then breaks one cycle; at most one round
    # per milestone, so a cycle can never make this loop (or a recursion) run forever.
    for _ in range(len(by_id) + 1):
        _date_acyclic(by_id, done, Anchors(eif, stage_day, done), slippage)
        cycle = find_cycle(by_id, done)
        if not cycle:
            break
        problems.append(_cycle_problem(cycle))
        for member in cycle[:-1]:
            done[member] = ResolvedMilestone(by_id[member], None, None, tuple(cycle[:-1]))
    problems.extend(_unknown_refs(milestones, by_id))
    resolved = tuple(
        done[m.id] if by_id[m.id] is m else _redo(m, done, eif, stage_day, slippage) for m in milestones
    )
    return resolved, tuple(problems)


def find_cycle(by_id: Mapping[MilestoneId, Milestone], done: Mapping[MilestoneId, object]) -> list[str]:
    """One dependency cycle among the milestones not yet dated, as ``[a, b, a]`` (empty if none)."""
    waiting = [m for m in by_id if m not in done]
    if not waiting:
        return []
    # Every waiting milestone waits on another waiting one, so walking upstream must revisit one.
    path: list[MilestoneId] = [waiting[0]]
    while True:
        nxt = next(r for r in upstream(by_id[path[-1]]) if r in by_id and r not in done)
        if nxt in path:
            cycle = path[path.index(nxt) :]
            start = min(cycle, key=list(by_id).index)
            turn = cycle.index(start)
            cycle = cycle[turn:] + cycle[:turn]
            return [*cycle, cycle[0]]
        path.append(nxt)


def _date_acyclic(
    by_id: Mapping[MilestoneId, Milestone],
    done: dict[MilestoneId, ResolvedMilestone],
    anchors: Anchors,
    slippage: Slippage,
) -> None:
    """Kahn's order: date each milestone once everything it waits for is dated."""
    known = {m: [r for r in upstream(by_id[m]) if r in by_id and r not in done] for m in by_id}
    ready = deque(m for m in by_id if m not in done and not known[m])
    waiters: dict[MilestoneId, list[MilestoneId]] = {}
    for m, refs in known.items():
        for r in refs:
            waiters.setdefault(r, []).append(m)
    while ready:
        current = ready.popleft()
        done[current] = _date_one(by_id[current], anchors, slippage)
        for waiter in waiters.get(current, ()):
            known[waiter].remove(current)
            if not known[waiter] and waiter not in done:
                ready.append(waiter)


def _date_one(milestone: Milestone, anchors: Anchors, slippage: Slippage) -> ResolvedMilestone:
    due = when(milestone.due, anchors)
    delay = slippage.delays.get(milestone.id, 0)
    if milestone.status is MilestoneStatus.MISSED or milestone.id in slippage.missed:
        return ResolvedMilestone(milestone, due.day, None, (milestone.id,), delay)
    if milestone.status.met and milestone.actual is not None:
        # A fact beats a plan: a verified milestone keeps its actual date whatever it waited for.
        return ResolvedMilestone(milestone, due.day, milestone.actual, (), 0)
    day, blocked = _own_date(due, delay)
    for dep in milestone.depends_on:
        dep_when = anchors.milestones.get(dep)
        if dep_when is None:
            blocked.append(dep)
        elif dep_when.date is None:
            blocked.extend(dep_when.blocked_by or (dep,))
        elif day is not None:
            day = max(day, dep_when.date)
    roots = tuple(dict.fromkeys(blocked))
    return ResolvedMilestone(milestone, due.day, None if roots else day, roots, delay)


def _own_date(due: When, delay: int) -> tuple[date | None, list[str]]:
    if due.day is None:
        return None, list(due.blocked_by)
    try:
        return add_months(due.day, delay), []
    except (OverflowError, ValueError):
        return None, []


def _redo(
    milestone: Milestone,
    done: Mapping[MilestoneId, ResolvedMilestone],
    eif: date,
    stage_day: MonthDay,
    slippage: Slippage,
) -> ResolvedMilestone:
    """A later record with a duplicate id, dated against the others (validation reports it)."""
    return _date_one(milestone, Anchors(eif, stage_day, done), slippage)


def _cycle_problem(cycle: list[MilestoneId]) -> Problem:
    where = Location(kind="milestone", item=cycle[0], field="depends_on")
    text = " -> ".join(cycle)
    return error(where, f"milestones depend on each other in a cycle: {text}", "milestone-cycle")


def _unknown_refs(milestones: Iterable[Milestone], by_id: Mapping[MilestoneId, Milestone]) -> list[Problem]:
    problems = []
    for m in milestones:
        for dep in m.depends_on:
            if dep not in by_id:
                where = Location(kind="milestone", item=m.id, field="depends_on")
                problems.append(error(where, f"depends on unknown milestone {dep!r}", "unknown-milestone"))
        if m.due.anchor is Anchor.MILESTONE and m.due.milestone not in by_id:
            where = Location(kind="milestone", item=m.id, field="due")
            text = f"due date hangs off unknown milestone {m.due.milestone!r}"
            problems.append(error(where, text, "unknown-milestone"))
        if m.due.anchor is Anchor.PREV:
            where = Location(kind="milestone", item=m.id, field="due")
            text = "a milestone's due date cannot be 'prev' (only phases follow a previous phase)"
            problems.append(error(where, text, "bad-anchor"))
    return problems
