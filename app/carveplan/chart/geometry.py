"""Everything the Gantt chart draws, as plain rectangles and points, before any matplotlib artist exists.

Bars are built for all lines at once (:mod:`carveplan.chart.segments`); only rows that get labels
ever become Python objects of their own (:meth:`Geometry.line_bars`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from carveplan.chart.bars import RGBA, Rects, Segment, lighten, lighten_many, rgba
from carveplan.chart.groups import GroupSpans, extent
from carveplan.chart.hit import Hit, HitIndex, HitKind
from carveplan.chart.marks import Band, exception_bands
from carveplan.chart.rows import Row, RowKind
from carveplan.chart.segments import BASE, BLOCKED, EXCLUDED, KIND_NAMES, SegmentTable, segment_table
from carveplan.chart.style import ChartStyle
from carveplan.engine.schedule import ResolvedLine, Schedule

SELECTION = "#56B4E9"
_HIT_KINDS = (HitKind.PHASE, HitKind.PHASE, HitKind.BLOCKED, HitKind.EXCLUDED)  # by segment kind code


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


@dataclass(frozen=True)
class _LineRows:
    """The line rows drawn and their segments (row ``k`` is line ``k`` of the table)."""

    rows: tuple[Row, ...]
    resolved: tuple[ResolvedLine, ...]
    table: SegmentTable
    y0: np.ndarray
    y1: np.ndarray


@dataclass
class Geometry:
    """Rectangles by kind, bands, the line rows' segments and the hit index."""

    stripes: Rects = field(default_factory=Rects)
    ghosts: Rects = field(default_factory=Rects)
    phases: Rects = field(default_factory=Rects)
    blocked: Rects = field(default_factory=Rects)
    excluded: Rects = field(default_factory=Rects)
    groups: Rects = field(default_factory=Rects)
    bands: list[Band] = field(default_factory=list)
    sector_colours: dict[str, RGBA] = field(default_factory=dict)
    index: HitIndex = field(default_factory=HitIndex)
    _lines: _LineRows | None = None

    def line_bars(self) -> list[LineBar]:
        """Each line row's bar with its segments, in row order (made on demand: labels need them)."""
        if self._lines is None:
            return []
        lines = self._lines
        table = lines.table
        bounds = np.searchsorted(table.line, np.arange(len(lines.rows) + 1)).tolist()
        # The columns as lists: reading a numpy array one element at a time costs more than the rest.
        x0, x1, phase = table.x0.tolist(), table.x1.tolist(), table.phase.tolist()
        kinds = [KIND_NAMES[kind] for kind in table.kind.tolist()]
        final, y0, y1 = table.final.tolist(), lines.y0.tolist(), lines.y1.tolist()
        out = []
        for k, row in enumerate(lines.rows):
            span = range(bounds[k], bounds[k + 1])
            segments = tuple(Segment(x0[i], x1[i], kinds[i], phase[i]) for i in span)
            colour = self.sector_colours[row.sector]
            out.append(LineBar(row, lines.resolved[k], segments, final[k], y0[k], y1[k], colour))
        return out

    def quota_rects(self) -> Rects:
        """An unfilled rectangle over the bar of each tariff-rate quota line, to mark it apart."""
        rects = Rects()
        lines = self._lines
        if lines is None:
            return rects
        table = lines.table
        marked = [k for k, resolved in enumerate(lines.resolved) if resolved.line.quota is not None]
        if not marked:
            return rects
        bounds = np.searchsorted(table.line, np.arange(len(lines.rows) + 1))
        for k in marked:
            span = slice(int(bounds[k]), int(bounds[k + 1]))
            if span.start < span.stop:
                x0, x1 = float(table.x0[span].min()), float(table.x1[span].max())
                rects.add(x0, x1, float(lines.y0[k]), float(lines.y1[k]), (0.0, 0.0, 0.0, 0.0))
        return rects


def sector_colours(schedule: Schedule, style: ChartStyle) -> dict[str, RGBA]:
    """Sector id -> bar colour, in agreement order so a sector keeps its colour on every page."""
    ids = [s.id for s in schedule.agreement.sectors]
    ids += sorted(schedule.line_sectors - set(ids))
    return {sector: rgba(style.sector_colour(i)) for i, sector in enumerate(ids)}


def build_geometry(
    schedule: Schedule,
    rows: Sequence[Row],
    style: ChartStyle,
    span: tuple[float, float],
    baseline: Schedule | None,
    groups: GroupSpans | None = None,
) -> Geometry:
    """Lay out every bar, stripe and band of the chart in data coordinates.

    Args:
        schedule: the schedule drawn.
        rows: the visible rows.
        style: the chart style.
        span: the window as date numbers (open spans end at its right edge).
        baseline: the baseline drawn as ghost bars, if any.
        groups: the groups' summary bars kept across the pages of a deck (``None``: worked out here).

    Returns:
        The geometry, with a hit index in click priority order (bands, groups, bars).
    """
    geo = Geometry(sector_colours=sector_colours(schedule, style))
    geo.bands = exception_bands(schedule, rows)
    for band in geo.bands:
        hit = Hit(HitKind.EXCEPTION, "", exception=band.window.exception)
        geo.index.add_box(band.x0, band.x1, band.y0, band.y1, hit)
    line_rows: list[Row] = []
    group_rows: list[Row] = []
    for row in rows:
        if row.kind is RowKind.LINE:
            line_rows.append(row)
        else:
            group_rows.append(row)
        if row.selected or row.kind is not RowKind.LINE:  # plain line rows have no stripe
            _stripe(geo, row, span)
    # Line rows come first, so table line k is line row k; group members only add to the summaries.
    members: list[str | None] = [] if groups is not None else [m for g in group_rows for m in g.lines]
    ids = dict.fromkeys([r.line for r in line_rows] + members)
    needed = [i for i in ids if i is not None]
    by_id = schedule.line_index
    resolved = tuple(by_id[i] for i in needed)
    table = segment_table(resolved, schedule.eif, span[1])
    position = {line_id: k for k, line_id in enumerate(needed)}
    for row in group_rows:
        found = (
            groups.extent(row)
            if groups is not None
            else extent(table, [position[m] for m in row.lines], span[1])
        )
        if found is not None:
            _group(geo, row, *found, style.bar_height / 2)
    geo._lines = _line_rows(tuple(line_rows), resolved[: len(line_rows)], table, style, baseline is not None)
    _bars(geo, geo._lines, style)
    if baseline is not None:
        _ghosts(geo, geo._lines.rows, baseline, span[1], style)
    return geo


def _stripe(geo: Geometry, row: Row, span: tuple[float, float]) -> None:
    if row.selected:
        geo.stripes.add(span[0], span[1], row.y - 0.5, row.y + 0.5, rgba(SELECTION, 0.35))
    elif row.kind is RowKind.SECTOR:
        colour = geo.sector_colours[row.sector]
        geo.stripes.add(span[0], span[1], row.y - 0.5, row.y + 0.5, lighten(colour, 0.84))
    elif row.kind is RowKind.PARTY:
        colour = geo.sector_colours[row.sector]
        geo.stripes.add(span[0], span[1], row.y - 0.5, row.y + 0.5, lighten(colour, 0.94))


def _group(geo: Geometry, row: Row, first: float, last: float, half: float) -> None:
    """A group's summary bar."""
    thin = half * (0.5 if row.kind is RowKind.SECTOR else 0.38)
    geo.groups.add(first, last, row.y - thin, row.y + thin, geo.sector_colours[row.sector])
    geo.index.add_box(first, last, row.y - thin, row.y + thin, Hit(HitKind.GROUP, row.key))


def _line_rows(
    rows: tuple[Row, ...],
    resolved: tuple[ResolvedLine, ...],
    table: SegmentTable,
    style: ChartStyle,
    overlay: bool,
) -> _LineRows:
    """Where each line row's bar sits: the whole bar, or its upper part when a baseline shows under it."""
    y = np.array([r.y for r in rows], dtype=float)
    half = style.bar_height / 2
    y1 = y + half - style.bar_height * 0.3 if overlay else y + half
    return _LineRows(rows, resolved, table, y - half, y1)


def _bars(geo: Geometry, lines: _LineRows, style: ChartStyle) -> None:
    """Phases, blocked and excluded spans of the line rows, and their hit boxes."""
    table = lines.table
    shown = table.line < len(lines.rows)
    line, kind, phase = table.line[shown], table.kind[shown], table.phase[shown]
    x0, x1 = table.x0[shown], table.x1[shown]
    y0, y1 = lines.y0[line], lines.y1[line]
    slot = {sector: i for i, sector in enumerate(geo.sector_colours)}
    palette = np.array(list(geo.sector_colours.values()), dtype=float).reshape(-1, 4)
    row_sector = np.array([slot[r.sector] for r in lines.rows], dtype=np.int64)
    colours = palette[row_sector[line]]
    shares = np.where(kind == BASE, 0.6, np.where(phase % 2 == 1, style.phase_shading, 0.0))
    for rects, mask, faces in (
        (geo.phases, kind <= 1, lighten_many(colours, shares)),
        (geo.excluded, kind == EXCLUDED, lighten_many(colours, 0.75)),
        (geo.blocked, kind == BLOCKED, np.array([rgba(style.blocked_colour)])),
    ):
        if mask.any():
            rects.extend(x0[mask], x1[mask], y0[mask], y1[mask], faces if len(faces) == 1 else faces[mask])
    rows = lines.rows

    def hit_at(i: int) -> Hit:
        row = rows[int(line[i])]
        index = int(phase[i])
        return Hit(_HIT_KINDS[kind[i]], row.key, line=row.line, phase=index if index >= 0 else None)

    geo.index.add_boxes(np.column_stack((x0, x1, y0, y1)), hit_at)


def _ghosts(geo: Geometry, rows: tuple[Row, ...], baseline: Schedule, hi: float, style: ChartStyle) -> None:
    """The baseline's bars as thin grey ghosts under the scenario's (carve-outs have none)."""
    by_id = {r.line.id: r for r in baseline.lines}
    shown = [r for r in rows if r.line in by_id]
    table = segment_table([by_id[r.line] for r in shown if r.line], baseline.eif, hi)
    keep = table.kind != EXCLUDED
    y = np.array([r.y for r in shown], dtype=float)[table.line[keep]]
    half = style.bar_height / 2
    grey = np.array([rgba(style.ghost_colour, 0.45)])
    geo.ghosts.extend(
        table.x0[keep], table.x1[keep], y + half - style.bar_height * 0.24, y + half + 0.05, grey
    )
