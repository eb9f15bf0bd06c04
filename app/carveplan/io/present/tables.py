"""The tables a meeting deck shows, as plain rows: key milestones, and a scenario against the baseline."""

from __future__ import annotations

from datetime import date

from carveplan.engine.compare import Change, Comparison
from carveplan.engine.schedule import ResolvedMilestone, Schedule
from carveplan.model import Anchor
from carveplan.model.words import day_text, plural

MAX_MILESTONE_ROWS = 12  # more rows than this are unreadable on a projector
MAX_DELAYED_LINES = 5

MILESTONE_HEADER = ("Milestone", "Party", "What", "Due", "Expected", "Status")
COMPARISON_HEADER = ("Sector", "Lines", "Delayed", "Earlier", "Longest delay", "Newly blocked")


def key_milestones(schedule: Schedule) -> tuple[list[tuple[str, ...]], int]:
    """Rows of the key milestones table and how many milestones were candidates.

    Key milestones are those some phase waits for (a gate, or a start after a milestone); when
    nothing waits for any, every milestone is a candidate. Rows run in date order, blocked ones
    last, at most :data:`MAX_MILESTONE_ROWS`.

    Args:
        schedule: the resolved schedule.

    Returns:
        ``(rows, candidates)``; each row follows :data:`MILESTONE_HEADER`.
    """
    gating = _gating_ids(schedule)
    chosen = [m for m in schedule.milestones if m.milestone.id in gating] or list(schedule.milestones)
    chosen.sort(key=lambda m: (m.date is None, m.date or m.due or date.max, m.milestone.id))
    return [_milestone_row(m) for m in chosen[:MAX_MILESTONE_ROWS]], len(chosen)


def _gating_ids(schedule: Schedule) -> set[str]:
    ids: set[str] = set()
    for resolved in schedule.lines:
        ids.update(g.milestone for g in resolved.line.gates)
        for phase in resolved.line.phases:
            ids.update(g.milestone for g in phase.gates)
            if phase.start.anchor is Anchor.MILESTONE and phase.start.milestone:
                ids.add(phase.start.milestone)
    return ids


def _milestone_row(resolved: ResolvedMilestone) -> tuple[str, ...]:
    record = resolved.milestone
    if resolved.date is None:
        expected = "blocked by " + ", ".join(resolved.blocked_by) if resolved.blocked_by else "—"
    else:
        expected = day_text(resolved.date)
        if resolved.delay_months:
            expected += f" (+{resolved.delay_months} m)"
    return (record.id, record.party, record.title, day_text(resolved.due), expected, record.status.value)


def comparison_rows(comparison: Comparison) -> list[tuple[str, ...]]:
    """One row per sector following :data:`COMPARISON_HEADER`; delays in whole months."""
    rows: list[tuple[str, ...]] = []
    for sector in comparison.sectors:
        longest = _months(comparison, sector.sector)
        rows.append(
            (
                sector.name,
                str(sector.lines),
                str(sector.delayed),
                str(sector.earlier),
                f"{longest} months" if sector.delayed else "—",
                str(sector.newly_blocked),
            )
        )
    return rows


def _months(comparison: Comparison, sector: str) -> int:
    months = [e.delay_months or 0 for e in comparison.lines if e.line.sector == sector]
    return max(months, default=0)


def most_delayed(comparison: Comparison) -> list[str]:
    """Sentences for the lines that moved most: newly blocked first, then the longest delays."""
    moved = [e for e in comparison.lines if e.change in (Change.DELAYED, Change.NEWLY_BLOCKED)]
    moved.sort(key=lambda e: (e.change is not Change.NEWLY_BLOCKED, -(e.delay_days or 0), e.line.id))
    sentences = []
    for entry in moved[:MAX_DELAYED_LINES]:
        line = entry.line
        what = f"{line.code} {line.description}".strip()
        if entry.change is Change.NEWLY_BLOCKED:
            change = "never reaches its final value"
        else:
            change = f"+{entry.delay_months} months" if entry.delay_months else f"+{entry.delay_days} days"
        cause = f" — {', '.join(entry.causes)}" if entry.causes else ""
        sentences.append(f"{what} ({line.party}): {change}{cause}")
    return sentences


def moved_events(schedule: Schedule, baseline: Schedule) -> list[str]:
    """Sentences on what moved on the way, even when final dates hold: phases and milestones."""
    before = {(p.line, p.index): p.start for r in baseline.lines for p in r.phases}
    later = [
        (p.start - start).days
        for r in schedule.lines
        for p in r.phases
        if p.start and (start := before.get((p.line, p.index))) and p.start > start
    ]
    blocked = sum(1 for r in schedule.lines for p in r.phases if p.blocked and before.get((p.line, p.index)))
    sentences = []
    if later:
        sentences.append(
            f"{plural(len(later), 'phase')} {'starts' if len(later) == 1 else 'start'} later, "
            f"by up to {plural(max(later) // 30, 'month')}."
        )
    if blocked:
        sentences.append(f"{plural(blocked, 'phase')} can no longer start.")
    dates = {m.milestone.id: m.date for m in baseline.milestones}
    for m in schedule.milestones:
        was = dates.get(m.milestone.id)
        if m.date is None and was is not None:
            sentences.append(f"Milestone {m.milestone.id} ({m.milestone.party}) is missed.")
        elif m.date and was and m.date != was:
            sentences.append(
                f"Milestone {m.milestone.id} ({m.milestone.party}): {day_text(was)} → {day_text(m.date)}."
            )
    return sentences[: MAX_DELAYED_LINES + 2]
