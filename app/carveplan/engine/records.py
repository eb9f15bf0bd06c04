"""Resolved phases and lines made fast: a mega-regional schedule has more than a million of them.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, and setting each
slot through its own descriptor takes half that time. Filling in a *draft* takes half again: a
plain class with exactly the record's slots, whose slots are set as any attribute is; the draft is
then given the record's class. The two classes have the same slots, so the same memory layout, and
Python allows the change; from then on the object is the frozen record, field for field what its
constructor makes (a test holds them equal, hash and all).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from carveplan.engine.schedule import ExceptionWindow, ResolvedLine, ResolvedPhase
from carveplan.model import ExceptionId, Line, LineId, Phase, Rate

# A resolved phase's fields after its line id, as ResolvedPhase takes them.
Row = tuple[
    int, str, Rate, date | None, date | None, date | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]
]
# Its dates: nominal start, start, end, gates, blocked by, delayed by.
Dates = tuple[date | None, date | None, date | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]

_new = object.__new__


def _draft(record: type) -> Any:
    """A plain class with the slots of a slotted record, and nothing else."""
    slots: tuple[str, ...] = record.__dict__["__slots__"]
    return type(f"{record.__name__}Draft", (), {"__slots__": slots, "__module__": __name__})


_PhaseDraft = _draft(ResolvedPhase)
_LineDraft = _draft(ResolvedLine)


def resolved_phase(line: LineId, row: Row) -> ResolvedPhase:
    """``ResolvedPhase(line, *row)``, made fast (see the module's note)."""
    return resolved_phases(line, (row,))[0]


def resolved_phases(line: LineId, rows: Iterable[Row]) -> tuple[ResolvedPhase, ...]:
    """``ResolvedPhase(line, *row)`` for each row, made fast (see the module's note)."""
    made = []
    for index, label, value, nominal, start, end, gates, blocked_by, delayed_by in rows:
        phase = _new(_PhaseDraft)
        phase.line = line
        phase.index = index
        phase.label = label
        phase.value = value
        phase.nominal_start = nominal
        phase.start = start
        phase.end = end
        phase.gates = gates
        phase.blocked_by = blocked_by
        phase.delayed_by = delayed_by
        phase.__class__ = ResolvedPhase
        made.append(phase)
    return tuple(made)


def dated_phases(
    line: LineId, phases: tuple[Phase, ...], dates: tuple[Dates, ...]
) -> tuple[ResolvedPhase, ...]:
    """The resolved phases of ``line``: each phase's label and value with its dates."""
    made = []
    for index, (phase, (nominal, start, end, gates, blocked_by, delayed_by)) in enumerate(
        zip(phases, dates, strict=True)
    ):
        resolved = _new(_PhaseDraft)
        resolved.line = line
        resolved.index = index
        resolved.label = phase.label
        resolved.value = phase.value
        resolved.nominal_start = nominal
        resolved.start = start
        resolved.end = end
        resolved.gates = gates
        resolved.blocked_by = blocked_by
        resolved.delayed_by = delayed_by
        resolved.__class__ = ResolvedPhase
        made.append(resolved)
    return tuple(made)


def resolved_line(
    line: Line,
    phases: tuple[ResolvedPhase, ...],
    excluded: bool,
    final_value: Rate,
    final_date: date | None,
    windows: tuple[ExceptionWindow, ...],
) -> ResolvedLine:
    """``ResolvedLine(line, phases, excluded, final_value, final_date, suspended)``, made fast.

    ``suspended`` is each window's exception, start and end.
    """
    made = _new(_LineDraft)
    made.line = line
    made.phases = phases
    made.excluded = excluded
    made.final_value = final_value
    made.final_date = final_date
    made.suspended = _suspended(windows) if windows else ()
    made.__class__ = ResolvedLine
    result: ResolvedLine = made
    return result


def _suspended(windows: tuple[ExceptionWindow, ...]) -> tuple[tuple[ExceptionId, date, date], ...]:
    return tuple((w.exception, w.start, w.end) for w in windows)
