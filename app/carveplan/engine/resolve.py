"""Resolve an agreement under a scenario: every timing to a date, every phase to a start."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from carveplan.engine.collector import collector_paused
from carveplan.engine.milestones import Slippage, resolve_milestones
from carveplan.engine.phases import resolve_line
from carveplan.engine.reviews import review_events
from carveplan.engine.schedule import ExceptionWindow, ResolvedLine, ResolvedMilestone, Schedule
from carveplan.engine.timings import Anchors
from carveplan.engine.windows import open_windows
from carveplan.model import (
    BASELINE,
    Agreement,
    EifMoved,
    ExceptionInvoked,
    Line,
    LineId,
    Location,
    MilestoneDelay,
    MilestoneMissed,
    Problem,
    Scenario,
    error,
)


def resolve(agreement: Agreement, scenario: str | None = None) -> Schedule:
    """The schedule of an agreement under a scenario.

    Args:
        agreement: the agreement.
        scenario: a scenario name; ``None`` or ``"baseline"`` for no overrides.

    Returns:
        Dates for every milestone, phase, exception window and review, with the problems met on
        the way (cycles, unknown references); resolution goes on past them.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    with collector_paused():
        return _resolve(agreement, agreement.lines, scenario)


def _resolve(agreement: Agreement, lines: Iterable[Line], scenario: str | None) -> Schedule:
    frame = scenario_frame(agreement, scenario)
    holding = windows_by_line(frame.windows)
    resolved: list[ResolvedLine] = []
    found: list[Problem] = []
    for line in lines:
        one, problems = resolve_line(line, agreement, frame.anchors, holding.get(line.id, ()))
        resolved.append(one)
        found.extend(problems)
    return assemble(agreement, frame, tuple(resolved), found)


def resolve_some(agreement: Agreement, lines: Iterable[Line], scenario: str | None = None) -> Schedule:
    """A part of the schedule: only ``lines`` resolved, with every milestone, window and review.

    Each line resolves as it does in :func:`resolve` (a line depends on the frame, never on another
    line), so a part agrees with the whole on every line it holds. Opening a national schedule
    draws its first screen from such a part while the rest resolves.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    with collector_paused():
        return _resolve(agreement, lines, scenario)


class Frame(NamedTuple):
    """What every line hangs off in a scenario, and the problems met resolving it."""

    scenario: str
    eif: date
    milestones: tuple[ResolvedMilestone, ...]
    anchors: Anchors
    windows: tuple[ExceptionWindow, ...]
    problems: list[Problem]


def windows_by_line(windows: tuple[ExceptionWindow, ...]) -> dict[LineId, tuple[ExceptionWindow, ...]]:
    """The windows holding each line, in window order.

    Indexed once: scanning every window's scope per line would be quadratic.
    """
    holding: dict[LineId, list[ExceptionWindow]] = {}
    for window in windows:
        for line_id in window.lines:
            holding.setdefault(line_id, []).append(window)
    return {line_id: tuple(held) for line_id, held in holding.items()}


def assemble(
    agreement: Agreement, frame: Frame, lines: tuple[ResolvedLine, ...], line_problems: Iterable[Problem]
) -> Schedule:
    """The schedule from its frame and its resolved lines: reviews and every problem, once each."""
    reviews, found = review_events(agreement.reviews, frame.anchors)
    problems = [*frame.problems, *line_problems, *found, *_unknown_scope(agreement)]
    return Schedule(
        agreement,
        frame.scenario,
        frame.eif,
        lines,
        frame.milestones,
        frame.windows,
        reviews,
        tuple(dict.fromkeys(problems)),
    )


def resolve_windows(agreement: Agreement, scenario: str | None = None) -> tuple[ExceptionWindow, ...]:
    """Only the exception windows a scenario invokes: milestones are resolved, lines are not.

    Much cheaper than :func:`resolve` on a national-scale agreement, for the exceptions register.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    return scenario_frame(agreement, scenario).windows


def scenario_frame(agreement: Agreement, scenario: str | None) -> Frame:
    """What every line hangs off in a scenario: EIF, milestones and exception windows.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    chosen = find_scenario(agreement, scenario)
    name = chosen.name if chosen else BASELINE
    overrides = chosen.overrides if chosen else ()
    eif = _eif(agreement.eif, overrides)
    slippage, problems = _slippage(agreement, chosen)
    milestones, found = resolve_milestones(agreement.milestones, eif, agreement.stage_day, slippage)
    problems.extend(found)
    anchors = Anchors(eif, agreement.stage_day, {m.milestone.id: m for m in reversed(milestones)})
    invoked = [(i, o) for i, o in enumerate(overrides) if isinstance(o, ExceptionInvoked)]
    windows, found = open_windows(agreement, invoked, anchors, name)
    problems.extend(found)
    return Frame(name, eif, milestones, anchors, windows, problems)


def find_scenario(agreement: Agreement, name: str | None) -> Scenario | None:
    """The scenario of that name; ``None`` for the baseline.

    Raises:
        KeyError: naming the scenarios there are, when there is none of that name.
    """
    if name is None or name == BASELINE:
        return None
    for scenario in agreement.scenarios:
        if scenario.name == name:
            return scenario
    known = ", ".join(repr(s.name) for s in agreement.scenarios) or "none"
    raise KeyError(f"no scenario named {name!r} (scenarios: {known}; or {BASELINE!r})")


def _eif(eif: date, overrides: tuple[object, ...]) -> date:
    for override in overrides:
        if isinstance(override, EifMoved):
            eif = override.eif
    return eif


def _slippage(agreement: Agreement, scenario: Scenario | None) -> tuple[Slippage, list[Problem]]:
    """Delays add up; an unknown milestone in an override is a problem and changes nothing."""
    known = {m.id for m in agreement.milestones}
    delays: dict[str, int] = {}
    missed: set[str] = set()
    problems: list[Problem] = []
    for index, override in enumerate(scenario.overrides if scenario else ()):
        if not isinstance(override, MilestoneDelay | MilestoneMissed):
            continue
        if override.milestone not in known:
            where = Location(
                kind="scenario", item=scenario.name if scenario else "", field=f"overrides[{index}]"
            )
            text = f"refers to unknown milestone {override.milestone!r}"
            problems.append(error(where, text, "unknown-milestone"))
        elif isinstance(override, MilestoneDelay):
            delays[override.milestone] = delays.get(override.milestone, 0) + override.months
        else:
            missed.add(override.milestone)
    return Slippage(delays, frozenset(missed)), problems


def _unknown_scope(agreement: Agreement) -> list[Problem]:
    known = {line.id for line in agreement.lines}
    problems = []
    for exception in agreement.exceptions:
        for line_id in exception.scope_lines:
            if line_id not in known:
                where = Location(kind="exception", item=exception.id, field="scope_lines")
                problems.append(error(where, f"covers unknown line {line_id!r}", "unknown-line"))
    return problems
