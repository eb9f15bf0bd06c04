"""Resolve an agreement under a scenario: every timing to a date, every phase to a start."""

from __future__ import annotations

from datetime import date

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
        return _resolve(agreement, scenario)


def _resolve(agreement: Agreement, scenario: str | None) -> Schedule:
    name, eif, milestones, anchors, windows, problems = _frame(agreement, scenario)
    # Index the windows by line once: scanning every window's scope per line is quadratic.
    holding: dict[str, list[ExceptionWindow]] = {}
    for window in windows:
        for line_id in window.lines:
            holding.setdefault(line_id, []).append(window)
    lines: list[ResolvedLine] = []
    for line in agreement.lines:
        resolved, found = resolve_line(line, agreement, anchors, tuple(holding.get(line.id, ())))
        lines.append(resolved)
        problems.extend(found)
    reviews, found = review_events(agreement.reviews, anchors)
    problems.extend(found)
    problems.extend(_unknown_scope(agreement))
    return Schedule(
        agreement, name, eif, tuple(lines), milestones, windows, reviews, tuple(dict.fromkeys(problems))
    )


def resolve_windows(agreement: Agreement, scenario: str | None = None) -> tuple[ExceptionWindow, ...]:
    """Only the exception windows a scenario invokes: milestones are resolved, lines are not.

    Much cheaper than :func:`resolve` on a national-scale agreement, for the exceptions register.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    return _frame(agreement, scenario)[4]


def _frame(
    agreement: Agreement, scenario: str | None
) -> tuple[str, date, tuple[ResolvedMilestone, ...], Anchors, tuple[ExceptionWindow, ...], list[Problem]]:
    """What every line hangs off in a scenario: EIF, milestones and exception windows."""
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
    return name, eif, milestones, anchors, windows, problems


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
