"""A resolved schedule as plain data (for ``--json``) and as readable text (for the terminal)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from carveplan.chart.text import format_value, phase_notes
from carveplan.engine.schedule import ResolvedLine, ResolvedPhase, Schedule
from carveplan.model import Duty, Line, Rate
from carveplan.model.duty import format_duty
from carveplan.model.quota_grammar import format_quota


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _num(value: Rate | None) -> str | None:
    # A compound duty is written in full; a plain value as a number, its unit under "unit".
    if isinstance(value, Duty):
        return format_duty(value, exact=True)
    return None if value is None else str(value)


def phase_dict(phase: ResolvedPhase) -> dict[str, Any]:
    """One resolved phase as JSON-ready data."""
    return {
        "index": phase.index,
        "label": phase.label,
        "value": _num(phase.value),
        "nominal_start": _day(phase.nominal_start),
        "start": _day(phase.start),
        "end": _day(phase.end),
        "gates": list(phase.gates),
        "blocked": phase.blocked,
        "blocked_by": list(phase.blocked_by),
        "delayed_by": list(phase.delayed_by),
    }


def line_fields(line: Line) -> dict[str, str]:
    """What identifies a line and says what it measures, as every export names them."""
    return {
        "id": line.id,
        "party": line.party,
        "sector": line.sector,
        "code": line.code,
        "code_system": line.code_system.value,
        "description": line.description,
        "measure": line.measure.value,
        "unit": line.unit,
    }


def line_dict(resolved: ResolvedLine) -> dict[str, Any]:
    """One resolved line as JSON-ready data."""
    line = resolved.line
    return {
        **line_fields(line),
        "base": _num(line.base),
        "category": line.category,
        "excluded": resolved.excluded,
        "blocked": resolved.blocked,
        "final_value": _num(resolved.final_value),
        "final_date": _day(resolved.final_date),
        "phases": [phase_dict(p) for p in resolved.phases],
        "suspended": [
            {"exception": exc, "start": _day(start), "end": _day(end)}
            for exc, start, end in resolved.suspended
        ],
    }


def schedule_dict(schedule: Schedule) -> dict[str, Any]:
    """The whole resolved schedule as JSON-ready data."""
    return {
        "agreement": schedule.agreement.title,
        "scenario": schedule.scenario,
        "eif": _day(schedule.eif),
        "scenarios": [{"name": s.name, "description": s.description} for s in schedule.agreement.scenarios],
        "lines": [line_dict(line) for line in schedule.lines],
        "milestones": [
            {
                "id": m.milestone.id,
                "party": m.milestone.party,
                "title": m.milestone.title,
                "status": m.milestone.status.value,
                "due": _day(m.due),
                "date": _day(m.date),
                "blocked_by": list(m.blocked_by),
                "delay_months": m.delay_months,
            }
            for m in schedule.milestones
        ],
        "exception_windows": [
            {
                "exception": w.exception,
                "start": _day(w.start),
                "end": _day(w.end),
                "notification_deadline": _day(w.notification_deadline),
                "termination_notice": _day(w.termination_notice),
                "review_dates": [_day(d) for d in w.review_dates],
                "lines": list(w.lines),
                "warnings": list(w.warnings),
            }
            for w in schedule.windows
        ],
        "reviews": [
            {"review": r.review, "date": _day(r.date), "number": r.number, "label": r.label}
            for r in schedule.reviews
        ],
        "problems": [str(p) for p in schedule.problems],
    }


def _blocked_text(own: str, blocked_by: tuple[str, ...]) -> str:
    """Why a milestone has no date: missed itself, or waiting for others (never "blocked by itself")."""
    others = [b for b in blocked_by if b != own]
    reasons = ["missed"] if own in blocked_by else []
    if others:
        reasons.append("waits for " + ", ".join(others))
    return "BLOCKED: " + "; ".join(reasons or ["no date"])


def schedule_text(schedule: Schedule) -> Iterator[str]:
    """The resolved schedule as lines of text for a terminal."""
    agreement = schedule.agreement
    yield f"{agreement.title} — scenario: {schedule.scenario}"
    tentative = " (tentative)" if agreement.eif_tentative else ""
    yield f"Entry into force: {schedule.eif.isoformat()}{tentative}"
    names = [s.name for s in agreement.scenarios]
    yield "Scenarios: " + (
        ", ".join(["baseline", *names]) + "  (show one with --scenario NAME)" if names else "baseline only"
    )
    yield ""
    yield "Lines"
    for resolved in schedule.lines:
        yield from _line_text(resolved)
    yield ""
    yield "Milestones"
    for m in schedule.milestones:
        when = _day(m.date) or _blocked_text(m.milestone.id, m.blocked_by)
        delay = f" (delayed {m.delay_months} months)" if m.delay_months else ""
        record = m.milestone
        yield f"  {record.id:<12} {record.party:<4} {record.status.value:<9} {when}{delay}  {record.title}"
    if schedule.windows:
        yield ""
        yield "Security exceptions invoked"
        for w in schedule.windows:
            yield f"  {w.exception}: {w.start} to {w.end}, {len(w.lines)} lines in scope"
            if w.notification_deadline:
                yield f"    notify by {w.notification_deadline}"
            if w.termination_notice:
                yield f"    notify termination by {w.termination_notice}"
            for review in w.review_dates:
                yield f"    review {review}"
            for text in w.warnings:
                yield f"    WARNING {text}"
    if schedule.reviews:
        yield ""
        yield "Reviews"
        for r in schedule.reviews:
            yield f"  {r.date}  {r.label}"
    if schedule.problems:
        yield ""
        yield "Problems"
        for problem in schedule.problems:
            yield f"  {problem}"


def _line_text(resolved: ResolvedLine) -> Iterator[str]:
    line = resolved.line
    unit = line.unit
    head = f"  {line.id:<10} {line.party:<4} {line.sector:<18} {line.code:<10} {line.description[:40]}"
    if resolved.excluded:
        yield f"{head}  EXCLUDED (base {format_value(line, line.base)})"
        return
    yield f"{head}  base {format_value(line, line.base)}, category {line.category or 'explicit'}"
    if line.quota is not None:
        yield f"      tariff-rate quota: {format_quota(line.quota, unit)}"
    for phase in resolved.phases:
        when = _day(phase.start) or "BLOCKED"
        notes = phase_notes(phase)
        extra = f"  ({'; '.join(notes)})" if notes else ""
        yield f"      {when:<10}  {format_value(line, phase.value)}{extra}"
