"""Tooltip text for what lies under the mouse on the chart (line, phase, dates, value, gates)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from carveplan.chart.text import format_value, phase_notes
from carveplan.engine.schedule import Schedule
from carveplan.model.quota_grammar import format_quota
from carveplan.model.words import day_text, plural

if TYPE_CHECKING:
    from carveplan.chart.hit import Hit


def _day(day: date | None) -> str:
    return day_text(day)


def hit_tooltip(schedule: Schedule, hit: Hit) -> str:
    """A few lines describing ``hit`` in ``schedule``; empty when there is nothing to say."""
    # Here, not at the top: the hit index needs numpy, which the window need not load before the chart.
    from carveplan.chart.hit import HitKind

    if hit.kind is HitKind.MILESTONE and hit.milestone:
        return _milestone(schedule, hit.milestone)
    if hit.kind is HitKind.EXCEPTION and hit.exception:
        return _exception(schedule, hit.exception)
    if hit.line:
        return _line(schedule, hit.line, hit.phase)
    return "Click to collapse or expand" if hit.kind is HitKind.GROUP else ""


def _line(schedule: Schedule, line_id: str, phase_index: int | None) -> str:
    resolved = schedule.line(line_id)
    line = resolved.line
    head = [
        f"<b>{line.code}</b> {line.description}",
        f"{line.party} · {line.id} · base {format_value(line, line.base)}",
    ]
    if line.quota is not None:
        head.append(f"Tariff-rate quota: {format_quota(line.quota, line.unit)} (bar: the in-quota rate)")
    if resolved.excluded:
        return "<br>".join([*head, "Excluded: no commitment (carve-out)"])
    phase = next((p for p in resolved.phases if p.index == phase_index), None)
    if phase is None:
        final = _day(resolved.final_date) if resolved.final_date else "blocked"
        return "<br>".join([*head, f"Final value {format_value(line, resolved.final_value)} from {final}"])
    body = [f"{phase.label or f'Phase {phase.index + 1}'}: {format_value(line, phase.value)}"]
    body.append(f"{_day(phase.start)} → {_day(phase.end)}" if phase.start else "Blocked")
    body.extend(note[:1].upper() + note[1:] for note in phase_notes(phase, _day))
    return "<br>".join(head + body)


def _milestone(schedule: Schedule, milestone_id: str) -> str:
    resolved = schedule.milestone(milestone_id)
    record = resolved.milestone
    lines = [f"<b>{record.id}</b> {record.title}", f"{record.party} · {record.kind.value.replace('_', ' ')}"]
    lines.append(f"Status: {record.status.value}; due {_day(resolved.due)}")
    lines.append(
        f"Verified: {_day(resolved.date)}" if resolved.date else "Blocked: " + ", ".join(resolved.blocked_by)
    )
    if resolved.delay_months:
        lines.append(f"Delayed {resolved.delay_months} months in this scenario")
    if record.verifier:
        lines.append(f"Verifier: {record.verifier}")
    return "<br>".join(lines)


def _exception(schedule: Schedule, exception_id: str) -> str:
    window = next((w for w in schedule.windows if w.exception == exception_id), None)
    if window is None:
        return exception_id
    lines = [f"<b>{exception_id}</b> invoked {_day(window.start)} → {_day(window.end)}"]
    lines.append(f"{plural(len(window.lines), 'line')} suspended")
    if window.notification_deadline:
        lines.append(f"Notify by {_day(window.notification_deadline)}")
    if window.termination_notice:
        lines.append(f"Notify termination by {_day(window.termination_notice)}")
    lines.extend(f"⚠ {text}" for text in window.warnings)
    return "<br>".join(lines)
