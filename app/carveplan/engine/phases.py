"""One line's phases to dates: timings, gates, the previous phase, and exception windows."""

from __future__ import annotations

from datetime import date
from typing import Any

from carveplan.engine.dating import dated
from carveplan.engine.records import Dates, dated_phases, resolved_line
from carveplan.engine.schedule import ExceptionWindow, ResolvedLine
from carveplan.engine.shapes import gates_key, timings_number
from carveplan.engine.staging import generated_phases, memo_category
from carveplan.engine.timings import Anchors
from carveplan.model import (
    Agreement,
    Gate,
    Line,
    Location,
    Phase,
    Problem,
    StagingKind,
    error,
)


def resolve_line(
    line: Line, agreement: Agreement, anchors: Anchors, windows: tuple[ExceptionWindow, ...]
) -> tuple[ResolvedLine, tuple[Problem, ...]]:
    """Date a line's phases in one scenario.

    Args:
        line: the line.
        agreement: supplies staging categories and rounding.
        anchors: EIF, stage day and resolved milestones.
        windows: the exception windows of the scenario that hold this line, in window order.

    Returns:
        The resolved line, and problems (unknown category, unknown milestones).
    """
    problems: tuple[Problem, ...] = ()
    gates: tuple[Gate, ...] = ()
    if line.phases or not line.category.strip():
        phases = line.phases
    else:
        # The line's gates hold every phase its category generates: they are dated with the
        # phases (which many lines share), not copied into new ones for each line.
        phases, problems = generated_phases(line, agreement)
        gates = line.gates
    if phases:
        dates, unknown, final_date = _dates(phases, gates, anchors, windows, agreement, not line.phases)
        made = dated_phases(line.id, phases, dates)
    else:
        made, unknown, final_date = (), (), None
    if unknown:
        found = list(problems)
        for milestone in unknown:
            where = Location(kind="line", item=line.id, field="phases")
            found.append(error(where, f"refers to unknown milestone {milestone!r}", "unknown-milestone"))
        problems = tuple(found)
    if phases:
        return resolved_line(line, made, False, phases[-1].value, final_date, windows), problems
    excluded = _excluded(line, agreement)
    return resolved_line(line, made, excluded, line.base, final_date, windows), problems


# A line's dates: each phase's, the unknown milestones it refers to, and its final date.
_LineDates = tuple[tuple[Dates, ...], tuple[str, ...], date | None]


def _dates(
    phases: tuple[Phase, ...],
    gates: tuple[Gate, ...],
    anchors: Anchors,
    windows: tuple[ExceptionWindow, ...],
    agreement: Agreement,
    shared: bool,
) -> _LineDates:
    """The dates of a line's phases, gated by ``gates`` and held by ``windows``.

    The scenario keeps, for each tuple of phases (with the tuple, so its id stays its own), the number
    of its timings and its dates without gates or windows: most lines have neither, and lines of one
    category and base share one tuple (``shared``, see :func:`timings_number`).
    """
    memo = anchors.memo
    entry: list[Any] | None = memo.get(id(phases))
    if entry is None or entry[0] is not phases:
        entry = memo[id(phases)] = [phases, timings_number(phases, agreement, shared), None]
    if gates or windows:
        held = tuple(map(id, windows)) if windows else ()
        return _shared_dates(entry[1], phases, gates, anchors, windows, held)
    if entry[2] is None:
        entry[2] = _shared_dates(entry[1], phases, (), anchors, (), ())
    plain: _LineDates = entry[2]
    return plain


def _shared_dates(
    timings: int,
    phases: tuple[Phase, ...],
    gates: tuple[Gate, ...],
    anchors: Anchors,
    windows: tuple[ExceptionWindow, ...],
    held: tuple[int, ...],
) -> _LineDates:
    """:func:`~carveplan.engine.dating.dated` for phases with these timings (their number, see
    :func:`~carveplan.engine.shapes.timings_number`), gates and exception windows (``held``: ids).

    The dates hang off the timings, the gates and the windows only, so the lines of one category and
    any base rate (or with explicit phases written alike) share them: they are worked out once per
    scenario for each. Gives each phase's dates, the unknown milestones, and the line's final date.
    The windows are kept with the dates, so the ids in the key stay theirs.
    """
    key = (timings, gates_key(gates), held)
    hit = anchors.memo.get(key)
    if hit is None:
        hit = anchors.memo[key] = (*dated(phases, gates, anchors, windows), windows)
    return hit[0], hit[1], hit[2]


def _excluded(line: Line, agreement: Agreement) -> bool:
    """No commitment, for a line without phases: an excluded category, or no category."""
    if line.phases:
        return False
    if not line.category.strip():
        return True
    category = memo_category(line.category, agreement)
    return category is not None and category.kind is StagingKind.EXCLUDED
