"""Dating one tuple of phases in a scenario: timings, gates, the previous phase, exception windows.

The line resolver (:mod:`carveplan.engine.phases`) keeps what this gives for every line with the
same timings, gates and windows; gates and nominal dates are kept here, once per scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from carveplan.engine.records import Row
from carveplan.engine.schedule import ExceptionWindow
from carveplan.engine.shapes import gates_key
from carveplan.engine.timings import Anchors, When, milestone_date, when
from carveplan.model import Anchor, Gate, Phase, Rate, Timing


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


def final_date_of(rows: tuple[Row, ...]) -> date | None:
    """The last phase's start, when every phase starts."""
    return rows[-1][4] if rows and all(row[4] is not None for row in rows) else None


def dated(
    phases: tuple[Phase, ...], gates: tuple[Gate, ...], anchors: Anchors, holding: tuple[ExceptionWindow, ...]
) -> tuple[tuple[Row, ...], tuple[str, ...]]:
    """Each phase's fields after the line id, and the unknown milestones referred to (sorted).

    ``gates``, when there are any, gate every phase in place of its own (a line's gates on the
    phases its category generates).
    """
    carry = _Carry()
    shared = _line_gates(gates, anchors) if gates else None  # the same for every phase: once
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
_GATES, _WHEN = "gates", "when"  # the scenario memo's entries: dated line gates, nominal dates


def _line_gates(gates: tuple[Gate, ...], anchors: Anchors) -> _Gates:
    """A line's gates dated, once per scenario for all the lines with the same gates."""
    dated: dict[object, _Gates] | None = anchors.memo.get(_GATES)
    if dated is None:
        dated = anchors.memo[_GATES] = {}
    key = gates_key(gates)
    found = dated.get(key)
    if found is None:
        found = dated[key] = _gate_dates(gates, anchors)
    return found


def _nominal(timing: Timing, anchors: Anchors, previous: date | None) -> When:
    """:func:`when` of a phase's timing; worked out once per scenario for a timing record (most lines
    share theirs) unless it hangs off the previous phase."""
    if timing.anchor is Anchor.PREV:
        return when(timing, anchors, previous)
    nominal: dict[int, tuple[Timing, When]] | None = anchors.memo.get(_WHEN)
    if nominal is None:
        nominal = anchors.memo[_WHEN] = {}
    found = nominal.get(id(timing))
    if found is None or found[0] is not timing:  # kept with the record, so its id stays its own
        found = nominal[id(timing)] = (timing, when(timing, anchors))
    return found[1]


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


def _resolve_phase(
    index: int,
    phase: Phase,
    gates: _Gates,
    anchors: Anchors,
    holding: tuple[ExceptionWindow, ...],
    carry: _Carry,
) -> _Dated:
    nominal = _nominal(phase.start, anchors, carry.start)
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
