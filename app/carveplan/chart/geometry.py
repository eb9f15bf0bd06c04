"""Everything the Gantt chart draws, as plain rectangles and points, before any matplotlib artist exists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from matplotlib.colors import to_rgba

from carveplan.chart.bars import (
    RGBA,
    Rects,
    Segment,
    SegmentKind,
    bar_end,
    group_span,
    lighten,
    line_segments,
)
from carveplan.chart.hit import Hit, HitIndex, HitKind
from carveplan.chart.marks import Band, exception_bands
from carveplan.chart.rows import Row, RowKind
from carveplan.chart.style import ChartStyle
from carveplan.engine.schedule import ResolvedLine, Schedule

SELECTION = "#56B4E9"


@dataclass(frozen=True)
class LineBar:
    """One line row's bar, kept for the labelling pass.

    Attributes:
        row: the row.
        resolved: the resolved line.
        segments: its spans.
        end: where the bar ends (the final value applies from there).
        y0: bar top.
        y1: bar bottom.
        colour: the sector colour.
    """

    row: Row
    resolved: ResolvedLine
    segments: tuple[Segment, ...]
    end: float
    y0: float
    y1: float
    colour: RGBA


@dataclass
class Geometry:
    """Rectangles by kind, bands, line bars and the hit index."""

    stripes: Rects = field(default_factory=Rects)
    ghosts: Rects = field(default_factory=Rects)
    phases: Rects = field(default_factory=Rects)
    blocked: Rects = field(default_factory=Rects)
    excluded: Rects = field(default_factory=Rects)
    groups: Rects = field(default_factory=Rects)
    bands: list[Band] = field(default_factory=list)
    bars: list[LineBar] = field(default_factory=list)
    sector_colours: dict[str, RGBA] = field(default_factory=dict)
    index: HitIndex = field(default_factory=HitIndex)


def sector_colours(schedule: Schedule, style: ChartStyle) -> dict[str, RGBA]:
    """Sector id -> bar colour, in agreement order so a sector keeps its colour on every page."""
    ids = [s.id for s in schedule.agreement.sectors]
    ids += sorted({r.line.sector for r in schedule.lines} - set(ids))
    return {sector: to_rgba(style.sector_colour(i)) for i, sector in enumerate(ids)}


def build_geometry(
    schedule: Schedule,
    rows: Sequence[Row],
    style: ChartStyle,
    span: tuple[float, float],
    baseline: Schedule | None,
) -> Geometry:
    """Lay out every bar, stripe and band of the chart in data coordinates.

    Args:
        schedule: the schedule drawn.
        rows: the visible rows.
        style: the chart style.
        span: the window as date numbers (open spans end at its right edge).
        baseline: the baseline drawn as ghost bars, if any.

    Returns:
        The geometry, with a hit index in click priority order (bands, groups, bars).
    """
    geo = Geometry(sector_colours=sector_colours(schedule, style))
    lines = {r.line.id: r for r in schedule.lines}
    ghosts = {r.line.id: r for r in baseline.lines} if baseline is not None else {}
    geo.bands = exception_bands(schedule, rows)
    for band in geo.bands:
        hit = Hit(HitKind.EXCEPTION, "", exception=band.window.exception)
        geo.index.add_box(band.x0, band.x1, band.y0, band.y1, hit)
    half = style.bar_height / 2
    for row in rows:
        colour = geo.sector_colours[row.sector]
        _stripe(geo, row, colour, span)
        if row.is_group:
            _group(geo, row, [lines[i] for i in row.lines], schedule.eif, span[1], colour, half)
            continue
        assert row.line is not None
        y0, y1 = row.y - half, row.y + half
        ghost = ghosts.get(row.line)
        if baseline is not None:
            # The scenario bar takes the upper part of the row, the baseline a thin ghost under it.
            y1 = row.y + half - style.bar_height * 0.3
            if ghost is not None:
                _ghost(
                    geo,
                    ghost,
                    baseline.eif,
                    span[1],
                    row.y + half - style.bar_height * 0.24,
                    row.y + half + 0.05,
                    style,
                )
        _line(geo, row, lines[row.line], schedule.eif, span[1], y0, y1, colour, style)
    return geo


def _stripe(geo: Geometry, row: Row, colour: RGBA, span: tuple[float, float]) -> None:
    if row.selected:
        geo.stripes.add(span[0], span[1], row.y - 0.5, row.y + 0.5, to_rgba(SELECTION, 0.35))
    elif row.kind is RowKind.SECTOR:
        geo.stripes.add(span[0], span[1], row.y - 0.5, row.y + 0.5, lighten(colour, 0.84))
    elif row.kind is RowKind.PARTY:
        geo.stripes.add(span[0], span[1], row.y - 0.5, row.y + 0.5, lighten(colour, 0.94))


def _group(
    geo: Geometry, row: Row, members: list[ResolvedLine], eif: date, hi: float, colour: RGBA, half: float
) -> None:
    span = group_span(members, eif, hi)
    if span is None:
        return
    thin = half * (0.5 if row.kind is RowKind.SECTOR else 0.38)
    geo.groups.add(span[0], max(span[1], span[0]), row.y - thin, row.y + thin, colour)
    geo.index.add_box(span[0], span[1], row.y - thin, row.y + thin, Hit(HitKind.GROUP, row.key))


def _line(
    geo: Geometry,
    row: Row,
    resolved: ResolvedLine,
    eif: date,
    hi: float,
    y0: float,
    y1: float,
    colour: RGBA,
    style: ChartStyle,
) -> None:
    segments = line_segments(resolved, eif, hi)
    line_id = resolved.line.id
    for seg in segments:
        if seg.kind == SegmentKind.EXCLUDED:
            geo.excluded.add(seg.x0, seg.x1, y0, y1, lighten(colour, 0.75))
            kind = HitKind.EXCLUDED
        elif seg.kind == SegmentKind.BLOCKED:
            geo.blocked.add(seg.x0, seg.x1, y0, y1, to_rgba(style.blocked_colour))
            kind = HitKind.BLOCKED
        else:
            share = 0.6 if seg.kind == SegmentKind.BASE else (style.phase_shading if seg.phase % 2 else 0.0)
            geo.phases.add(seg.x0, seg.x1, y0, y1, lighten(colour, share))
            kind = HitKind.PHASE
        geo.index.add_bar(
            seg.x0, seg.x1, y0, y1, kind, row.key, line_id, seg.phase if seg.phase >= 0 else None
        )
    end = bar_end(resolved, eif)
    geo.bars.append(LineBar(row, resolved, tuple(segments), end, y0, y1, colour))


def _ghost(
    geo: Geometry, resolved: ResolvedLine, eif: date, hi: float, y0: float, y1: float, style: ChartStyle
) -> None:
    grey = to_rgba(style.ghost_colour, 0.45)
    for seg in line_segments(resolved, eif, hi):
        if seg.kind != SegmentKind.EXCLUDED:
            geo.ghosts.add(seg.x0, seg.x1, y0, y1, grey)
