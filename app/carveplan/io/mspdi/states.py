"""What a scenario does to a phase or milestone, said where every MS Project reader shows it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from carveplan.engine.schedule import ResolvedMilestone, ResolvedPhase
from carveplan.io.mspdi.fields import MsTask

MISSED, BLOCKED = "missed", "blocked"


def phase_state(phase: ResolvedPhase) -> str:
    """``blocked until VER-1 is met`` for a phase that cannot start, else empty."""
    if not phase.blocked:
        return ""
    return _blocked(phase.blocked_by)


def milestone_state(resolved: ResolvedMilestone) -> str:
    """``missed``, ``blocked until REG-1 is met`` or ``delayed 12 months``; empty when on time."""
    if resolved.date is None:
        upstream = [m for m in resolved.blocked_by if m != resolved.milestone.id]
        if resolved.milestone.id in resolved.blocked_by or not upstream:
            return MISSED
        return _blocked(upstream)
    if resolved.delay_months:
        return f"delayed {resolved.delay_months} months"
    return ""


def _blocked(by: Sequence[str]) -> str:
    if not by:
        return BLOCKED
    return f"{BLOCKED} until {' and '.join(by)} {'is' if len(by) == 1 else 'are'} met"


def mark(task: MsTask, state: str, scenario: str) -> MsTask:
    """The task with ``state`` in its name (blocked and missed ones), its notes and two columns.

    Planner and GanttProject show neither custom columns nor inactive tasks differently, so the name
    says it; MS Project and ProjectLibre also get the "Blocked or missed" flag and the state as text.
    """
    if not state:
        return task
    kind = state.partition(" ")[0]
    flagged = kind in (MISSED, BLOCKED)
    name = f"[{kind.upper()}] {task.name}" if flagged else task.name
    note = state_note(scenario, state)
    notes = f"{task.notes}\n\n{note}" if task.notes else note
    fields = task.fields | {"state": state, "flagged": "1" if flagged else "0"}
    return replace(task, name=name, notes=notes, fields=fields)


def state_note(scenario: str, state: str) -> str:
    """The sentence :func:`mark` adds to a task's notes."""
    where = f"Scenario {scenario!r}" if scenario else "Baseline"
    return f"{where}: {state}."


def unmarked_notes(notes: str, state: str) -> str:
    """``notes`` without the sentence :func:`mark` added, so a re-imported plan keeps only the user's."""
    if not state:
        return notes
    added = re.compile(rf"(?:\A|\n\n)(?:Scenario [^\n]+|Baseline): {re.escape(state)}\.\s*\Z")
    found = added.search(notes)
    return notes[: found.start()] if found else notes
