"""Dating one tuple of phases in a scenario: timings, gates, the previous phase, exception windows.

The line resolver (:mod:`carveplan.engine.phases`) keeps what this gives for every line with the
same timings, gates and windows; gates and nominal dates are kept here, once per scenario.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from carveplan.engine.records import Dates
from carveplan.engine.schedule import ExceptionWindow
from carveplan.engine.shapes import gates_key
from carveplan.engine.timings import Anchors, When, milestone_date, when
from carveplan.model import Anchor, Gate, Phase, Timing


def dated(
    phases: tuple[Phase, ...], gates: tuple[Gate, ...], anchors: Anchors, holding: tuple[ExceptionWindow, ...]
) -> tuple[tuple[Dates, ...], tuple[str, ...], date | None]:
    """Each phase's dates, the unknown milestones referred to (sorted), and the line's final date.

    ``gates``, when there are any, gate every phase in place of its own (a line's gates on the
    phases its category generates). A phase starts on the latest of its own date, its gates' and
    the previous phase's start, then past any exception window holding it; a blocked phase blocks
    every later phase of the line (tranches open in order). The final date is the last phase's
    start when every phase starts.
    """
    shared = _line_gates(gates, anchors) if gates else None  # the same for every phase: once
    unknown: set[str] = set()
    # What one phase hands the next: its actual start, why it moved, what blocks it.
    start: date | None = None
    delayed_by: tuple[str, ...] = ()
    blocked_by: tuple[str, ...] = ()
    # Each phase's nominal start, start, gates, blockers and delays, before its end is known.
    found: list[_Found] = []
    for phase in phases:
        gated = shared or _gate_dates(phase.gates, anchors)
        nominal = _nominal(phase.start, anchors, start)
        if nominal.unknown:
            unknown.add(nominal.unknown)
        if gated.unknown:
            unknown.update(gated.unknown)
        if blocked_by or nominal.blocked_by:
            blocked = tuple(dict.fromkeys((*blocked_by, *nominal.blocked_by, *gated.blocked_by)))
        else:
            blocked = gated.blocked_by
        if blocked or nominal.day is None:
            start, blocked_by = None, blocked
            found.append((nominal.day, None, gated.ids, blocked, ()))
            continue
        # The later of the nominal start and the gates' dates, and the gates that set it.
        begins: date = nominal.day
        moved: tuple[str, ...] = ()
        if gated.latest is not None and gated.latest > begins:
            begins, moved = gated.latest, gated.setters
        if phase.start.anchor is Anchor.PREV:
            moved = delayed_by + moved
        if start is not None and start > begins:
            begins, moved = start, delayed_by + moved
        if holding:
            begins, moved = _held(begins, moved, holding)
        start, delayed_by = begins, tuple(dict.fromkeys(moved)) if moved else ()
        found.append((nominal.day, begins, gated.ids, (), delayed_by))
    return _with_ends(found), tuple(sorted(unknown)), _final_date(found)


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


_Found = tuple[date | None, date | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _with_ends(found: list[_Found]) -> tuple[Dates, ...]:
    """Each applied phase ends where the next one starts.

    Tranches open in order (a phase never starts before the one before it, and a blocked phase
    blocks the rest), so index order is already date order with the blocked phases last.
    """
    ends: list[date | None] = [f[1] for f in found[1:]] + [None] if found else []
    return tuple(
        (nominal, start, end if start else None, ids, blocked, delayed)
        for (nominal, start, ids, blocked, delayed), end in zip(found, ends, strict=True)
    )


def _final_date(found: list[_Found]) -> date | None:
    """The last phase's start, when every phase starts."""
    return found[-1][1] if found and all(f[1] is not None for f in found) else None
