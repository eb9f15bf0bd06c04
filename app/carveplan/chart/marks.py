"""Marks over the bars: milestones and their gate connectors, exception bands, review and sunset lines."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import assert_never

from carveplan.chart.axes import day_num
from carveplan.chart.rows import Row, RowKind
from carveplan.chart.text import text_points
from carveplan.engine.dates import add_offset, stage_date
from carveplan.engine.schedule import ExceptionWindow, ResolvedMilestone, ResolvedPhase, Schedule
from carveplan.model import Anchor, MilestoneStatus, Timing


@dataclass(frozen=True)
class MilestoneMark:
    """A milestone diamond and the phases it gates.

    Attributes:
        milestone: the resolved milestone.
        x: where the diamond sits (verification date, or due date when missed or blocked).
        y: the row it sits on.
        row: that row's key.
        targets: ``(x, y)`` of each gated phase's start on a visible line row.
        unmet: missed, or blocked upstream (drawn with a cross).
    """

    milestone: ResolvedMilestone
    x: float
    y: float
    row: str
    targets: tuple[tuple[float, float], ...]
    unmet: bool

    @property
    def status(self) -> MilestoneStatus:
        """The status shown: missed when this scenario never meets it, else the recorded one."""
        if self.milestone.date is None:
            return MilestoneStatus.MISSED
        return self.milestone.milestone.status


@dataclass(frozen=True)
class Band:
    """A security exception window over a run of adjacent rows.

    Attributes:
        window: the exception window.
        x0: invocation (date number).
        x1: end of the suspension.
        y0: top edge of the run.
        y1: bottom edge of the run.
        first: whether this is the window's first run (it carries the label and deadlines).
    """

    window: ExceptionWindow
    x0: float
    x1: float
    y0: float
    y1: float
    first: bool


class VerticalKind(StrEnum):
    """What a line across the whole chart marks, in the order they are drawn."""

    EIF = "eif"
    TODAY = "today"
    REVIEW = "review"
    SUNSET = "sunset"


@dataclass(frozen=True)
class VerticalMark:
    """A date marked across the whole chart.

    Attributes:
        x: the date number.
        label: the text at the top.
        kind: what it marks.
    """

    x: float
    label: str
    kind: VerticalKind


def milestone_marks(
    schedule: Schedule, rows: Sequence[Row], gated: Sequence[ResolvedPhase] | None = None
) -> list[MilestoneMark]:
    """Where each milestone's diamond goes and which bars it points to.

    A diamond sits on its party's header row in each sector whose lines it gates (on the gated line
    rows when party headers are hidden); connectors run to the start of every gated phase shown.
    ``gated`` is the gated phases of the rows' lines, in line order, when already known (the app
    keeps them between edits instead of indexing every phase of a new schedule).
    """
    targets_by_milestone = _gate_targets(schedule, rows, gated)
    party_rows = {(r.sector, r.party): r for r in rows if r.kind is RowKind.PARTY}
    first_rows: dict[str | None, Row] = {}  # each party's first header row
    for (_, party), header in party_rows.items():
        first_rows.setdefault(party, header)
    marks: list[MilestoneMark] = []
    for resolved, ident, party, x, unmet in _dated(schedule):
        targets = targets_by_milestone.get(ident)
        if targets:
            marks.extend(_place(resolved, x, party, targets, party_rows, unmet))
        elif (first := first_rows.get(party)) is not None:
            # Gates nothing shown: on the party's first header row (a deck page has a hundred of these).
            marks.append(MilestoneMark(resolved, x, first.y, first.key, (), unmet))
    return marks


_Dated = tuple[ResolvedMilestone, str, str, float, bool]
# The last schedule's dated milestones: a deck asks for the same schedule's marks page after page.
_last_dated: tuple[weakref.ref[Schedule], list[_Dated]] | None = None


def _dated(schedule: Schedule) -> list[_Dated]:
    """``(milestone, id, party, date number, unmet)`` of each milestone with a date, in order."""
    global _last_dated
    last = _last_dated
    if last is not None and last[0]() is schedule:
        return last[1]
    dated = []
    for resolved in schedule.milestones:
        day = resolved.date or resolved.due
        if day is None:
            continue
        unmet = resolved.date is None or resolved.milestone.status is MilestoneStatus.MISSED
        dated.append((resolved, resolved.milestone.id, resolved.milestone.party, day_num(day), unmet))
    _last_dated = (weakref.ref(schedule), dated)
    return dated


def _gate_targets(
    schedule: Schedule, rows: Sequence[Row], phases: Sequence[ResolvedPhase] | None = None
) -> dict[str, list[tuple[Row, float]]]:
    """Milestone id -> (line row, gated phase start) for every gated phase on a visible line row."""
    line_rows = {r.line: r for r in rows if r.line is not None}
    if phases is not None:
        gated = [(line_rows[p.line], p) for p in phases if p.line in line_rows]
    else:
        # The schedule keeps its gated phases: a page of a deck looks only at those, not every phase.
        by_line = schedule.gated_by_line
        gated = [(row, p) for line, row in line_rows.items() for p in by_line.get(line, ())]
    gated.sort(key=lambda found: found[0].y)  # in row order, as the rows are drawn
    out: dict[str, list[tuple[Row, float]]] = {}
    for row, phase in gated:
        start = phase.start or phase.nominal_start
        if start is None:
            continue
        for gate in phase.gates:
            out.setdefault(gate, []).append((row, day_num(start)))
    return out


def _place(
    resolved: ResolvedMilestone,
    x: float,
    party: str,
    targets: list[tuple[Row, float]],
    party_rows: dict[tuple[str, str | None], Row],
    unmet: bool,
) -> Iterable[MilestoneMark]:
    """The marks of a milestone that gates phases shown (``targets``): one in each of their sectors."""
    sectors = list(dict.fromkeys(row.sector for row, _ in targets))
    for sector in sectors:
        anchors = [party_rows[(sector, party)]] if (sector, party) in party_rows else []
        points = tuple((tx, row.y) for row, tx in targets if row.sector == sector)
        if not anchors:
            anchors = [row for row, _ in targets if row.sector == sector][:1]
        for anchor in anchors:
            yield MilestoneMark(resolved, x, anchor.y, anchor.key, points, unmet)


def exception_bands(schedule: Schedule, rows: Sequence[Row]) -> list[Band]:
    """One band per run of adjacent rows in each window's scope (group rows count if any line is)."""
    bands: list[Band] = []
    for window in schedule.windows:
        scope = set(window.lines)
        ys = [row.y for row in rows if _in_scope(row, scope)]
        x0, x1 = day_num(window.start), day_num(window.end)
        for i, (top, bottom) in enumerate(_runs(ys)):
            bands.append(Band(window, x0, x1, top - 0.5, bottom + 0.5, i == 0))
    return bands


def _in_scope(row: Row, scope: set[str]) -> bool:
    """A line in scope; a group only when all its lines are, or it is collapsed and hides one."""
    if row.kind is RowKind.LINE:
        return row.line in scope
    if row.collapsed:
        return any(line in scope for line in row.lines)
    return all(line in scope for line in row.lines)


def _runs(ys: list[float]) -> list[tuple[float, float]]:
    runs: list[tuple[float, float]] = []
    for y in sorted(ys):
        if runs and y - runs[-1][1] <= 1.0:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return runs


def vertical_marks(schedule: Schedule, today: date | None) -> list[VerticalMark]:
    """EIF, today, reviews, term ends and exception sunsets, in date order."""
    agreement = schedule.agreement
    eif_label = "EIF (tentative)" if agreement.eif_tentative else "EIF"
    marks = [VerticalMark(day_num(schedule.eif), eif_label, VerticalKind.EIF)]
    if today is not None:
        marks.append(VerticalMark(day_num(today), "Today", VerticalKind.TODAY))
    for event in schedule.reviews:
        kind = VerticalKind.SUNSET if event.number == 0 else VerticalKind.REVIEW
        marks.append(VerticalMark(day_num(event.date), event.label, kind))
    for exception in agreement.exceptions:
        day = _simple_date(exception.sunset, schedule) if exception.sunset else None
        if day is not None:
            marks.append(VerticalMark(day_num(day), f"Sunset {exception.id}", VerticalKind.SUNSET))
    return sorted(marks, key=lambda m: m.x)


@dataclass(frozen=True)
class LabelPlace:
    """Where a vertical mark's label goes in the header band.

    Attributes:
        mark: the mark.
        x: the text's anchor (date number).
        align: ``left`` (right of the line) or ``right`` (left of it, near the right edge).
        tier: the header band's line, 0 at the top.
    """

    mark: VerticalMark
    x: float
    align: str
    tier: int


def _label_rank(kind: VerticalKind) -> int:
    """Which label keeps its place when two would overlap: the lower rank."""
    match kind:
        case VerticalKind.EIF:
            return 0
        case VerticalKind.TODAY:
            return 1
        case VerticalKind.SUNSET:
            return 2
        case VerticalKind.REVIEW:
            return 3
        case _:
            assert_never(kind)


def place_vertical_labels(
    marks: Sequence[VerticalMark], font_size: float, ppd: float, span: tuple[float, float], tiers: int = 1
) -> list[LabelPlace]:
    """Labels of ``marks`` side by side in ``tiers`` lines, more important marks first (EIF, today,
    sunsets, reviews); a label is left out rather than overprinted or cut at an edge.

    Args:
        marks: the marks in the window.
        font_size: the labels' size in points.
        ppd: points per day.
        span: the window as date numbers.
        tiers: lines of labels the header band holds.
    """
    ppd = max(ppd, 1e-9)
    gap = 3 / ppd
    taken: list[list[tuple[float, float]]] = [[] for _ in range(max(tiers, 1))]
    out: list[LabelPlace] = []
    for mark in sorted(marks, key=lambda m: _label_rank(m.kind)):
        width = (text_points(mark.label, font_size) + 6) / ppd
        right = (mark.x + gap, mark.x + gap + width, "left")
        left = (mark.x - gap - width, mark.x - gap, "right")
        # Near the right edge (the term's end) a label goes left of its line; elsewhere a label left
        # of its line would read as the previous line's.
        sides = [right] if right[1] <= span[1] else [left]
        spot = next(
            (
                (tier, side)
                for tier, placed in enumerate(taken)
                for side in sides
                if span[0] <= side[0]
                and side[1] <= span[1]
                and not any(side[0] < b and a < side[1] for a, b in placed)
            ),
            None,
        )
        if spot is None:
            continue
        tier, (x0, x1, align) = spot
        taken[tier].append((x0, x1))
        out.append(LabelPlace(mark, x0 if align == "left" else x1 - gap, align, tier))
    return out


def _simple_date(timing: Timing, schedule: Schedule) -> date | None:
    """A sunset's date when it hangs off a date, EIF or an agreement year (not off milestones)."""
    stage_day = schedule.agreement.stage_day
    if timing.anchor is Anchor.DATE and timing.day is not None:
        base: date = timing.day
    elif timing.anchor is Anchor.EIF:
        base = schedule.eif
    elif timing.anchor is Anchor.YEAR and timing.year is not None:
        base = stage_date(schedule.eif, stage_day, timing.year)
    else:
        return None
    try:
        return add_offset(base, timing.offset)
    except (OverflowError, ValueError):
        return None  # past the calendar's end (``EIF+99999y`` typed by mistake): nothing to draw
