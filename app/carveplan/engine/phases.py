"""One line's phases to dates: timings, gates, the previous phase, and exception windows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from carveplan.engine.records import Dates, Row, dated_phases, resolved_line
from carveplan.engine.schedule import ExceptionWindow, ResolvedLine
from carveplan.engine.shapes import gates_key, timings_number
from carveplan.engine.staging import generated_phases, memo_category
from carveplan.engine.timings import Anchors, milestone_date, when
from carveplan.model import (
    Agreement,
    Anchor,
    Gate,
    Line,
    Location,
    Phase,
    Problem,
    Rate,
    StagingKind,
    error,
)


class _Dated(NamedTuple):
    """A phase's dates before its end is known (a light tuple: there is one per phase per line)."""

    position: int
    label: str
    value: Rate
    nominal: date | None
    start: date | None
    gates: tuple[str, ...]
    blocked_by: tuple[str, ...]
    delayed_by: tuple[str, ...]


@dataclass
class _Carry:
    """What one phase hands the next: its actual start, why it moved, what blocks it."""

    start: date | None = None
    delayed_by: tuple[str, ...] = ()
    blocked_by: tuple[str, ...] = ()
    unknown: set[str] = field(default_factory=set)


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


def _final_date(rows: tuple[Row, ...]) -> date | None:
    """The last phase's start, when every phase starts."""
    return rows[-1][4] if rows and all(row[4] is not None for row in rows) else None


def _dated(
    phases: tuple[Phase, ...], gates: tuple[Gate, ...], anchors: Anchors, holding: tuple[ExceptionWindow, ...]
) -> tuple[tuple[Row, ...], tuple[str, ...]]:
    """Each phase's fields after the line id, and the unknown milestones referred to (sorted).

    ``gates``, when there are any, gate every phase in place of its own (a line's gates on the
    phases its category generates).
    """
    carry = _Carry()
    shared = _gate_dates(gates, anchors) if gates else None  # the same for every phase: once
    resolved = [
        _resolve_phase(index, phase, shared or _gate_dates(phase.gates, anchors), anchors, holding, carry)
        for index, phase in enumerate(phases)
    ]
    return _with_ends(resolved), tuple(sorted(carry.unknown))


class _Gates(NamedTuple):
    """The gates of a phase, dated: the same for every phase a line's gates hold, so worked out once."""

    ids: tuple[str, ...]
    latest: date | None  # the latest date a gate has (``None`` when none has one)
    setters: tuple[str, ...]  # the gates on that date
    blocked_by: tuple[str, ...]  # what keeps gates from a date, each once, in gate order
    unknown: tuple[str, ...]  # gates on milestones that do not exist


_NO_GATES = _Gates((), None, (), (), ())


def _gate_dates(gates: tuple[Gate, ...], anchors: Anchors) -> _Gates:
    """The gates dated (most phases have none)."""
    if not gates:
        return _NO_GATES
    dated = [(g.milestone, milestone_date(g.milestone, g.lag, anchors)) for g in gates]
    days = [w.day for _, w in dated if w.day is not None]
    latest = max(days) if days else None
    return _Gates(
        tuple(g for g, _ in dated),
        latest,
        tuple(g for g, w in dated if w.day == latest) if latest is not None else (),
        tuple(dict.fromkeys(b for _, w in dated for b in w.blocked_by)),
        tuple(w.unknown for _, w in dated if w.unknown),
    )


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
    """As :func:`_dated`: the dates of phases with these timings (their number, see
    :func:`~carveplan.engine.shapes.timings_number`), gates and exception windows (``held``: their ids).

    The dates hang off the timings, the gates and the windows only, so the lines of one category and
    any base rate (or with explicit phases written alike) share them: they are worked out once per
    scenario for each. Gives each phase's dates, the unknown milestones, and the line's final date.
    The windows are kept with the dates, so the ids in the key stay theirs.
    """
    key = (timings, gates_key(gates), held)
    hit = anchors.memo.get(key)
    if hit is None:
        rows, unknown = _dated(phases, gates, anchors, windows)
        hit = anchors.memo[key] = (tuple(row[3:] for row in rows), unknown, _final_date(rows), windows)
    return hit[0], hit[1], hit[2]


def _resolve_phase(
    index: int,
    phase: Phase,
    gates: _Gates,
    anchors: Anchors,
    holding: tuple[ExceptionWindow, ...],
    carry: _Carry,
) -> _Dated:
    nominal = when(phase.start, anchors, carry.start)
    if nominal.unknown:
        carry.unknown.add(nominal.unknown)
    if gates.unknown:
        carry.unknown.update(gates.unknown)
    if carry.blocked_by or nominal.blocked_by:
        blocked = tuple(dict.fromkeys((*carry.blocked_by, *nominal.blocked_by, *gates.blocked_by)))
    else:
        blocked = gates.blocked_by
    if blocked or nominal.day is None:
        # A blocked phase blocks every later phase of the line: tranches open in order.
        carry.start, carry.blocked_by = None, blocked
        return _Dated(index, phase.label, phase.value, nominal.day, None, gates.ids, blocked, ())
    # The later of the nominal start and the gates' dates, and the gates that set it.
    start: date = nominal.day
    delayed: tuple[str, ...] = ()
    if gates.latest is not None and gates.latest > start:
        start, delayed = gates.latest, gates.setters
    if phase.start.anchor is Anchor.PREV:
        delayed = carry.delayed_by + delayed
    if carry.start is not None and carry.start > start:
        start, delayed = carry.start, carry.delayed_by + delayed
    if holding:
        start, delayed = _held(start, delayed, holding)
    carry.start, carry.delayed_by = start, tuple(dict.fromkeys(delayed)) if delayed else ()
    return _Dated(index, phase.label, phase.value, nominal.day, start, gates.ids, (), carry.delayed_by)


def _held(
    start: date, delayed: tuple[str, ...], holding: tuple[ExceptionWindow, ...]
) -> tuple[date, tuple[str, ...]]:
    """A start inside an exception window moves to the window's end (windows may follow each other)."""
    for _ in range(len(holding) + 1):
        window = next((w for w in holding if w.start <= start < w.end), None)
        if window is None:
            break
        start, delayed = window.end, (*delayed, window.exception)
    return start, delayed


def _with_ends(phases: list[_Dated]) -> tuple[Row, ...]:
    """Each applied phase ends where the next one starts.

    Tranches open in order (a phase never starts before the one before it, and a blocked phase
    blocks the rest), so index order is already date order with the blocked phases last.
    """
    ends: list[date | None] = [p.start for p in phases[1:]] + [None] if phases else []
    return tuple(
        (p.position, p.label, p.value, p.nominal, p.start, end if p.start else None, *p[5:])
        for p, end in zip(phases, ends, strict=True)
    )


def _excluded(line: Line, agreement: Agreement) -> bool:
    """No commitment, for a line without phases: an excluded category, or no category."""
    if line.phases:
        return False
    if not line.category.strip():
        return True
    category = memo_category(line.category, agreement)
    return category is not None and category.kind is StagingKind.EXCLUDED
