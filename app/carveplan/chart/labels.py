"""Labels in and beside the bars, placed only where they fit (per-row text costs more than the bars).

:func:`label_places` works out every label as plain data; :func:`draw_labels` puts them on
matplotlib axes, and the vector page builder sets them as texts of its own.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import TYPE_CHECKING

from carveplan.chart.bars import RGBA, SegmentKind, lighten
from carveplan.chart.frame import Frame
from carveplan.chart.geometry import Geometry, LineBar
from carveplan.chart.marks import MilestoneMark
from carveplan.chart.style import ChartStyle
from carveplan.chart.text import format_value, shorten, text_points, transition

if TYPE_CHECKING:  # drawn only by the matplotlib chart: the vector pages place labels without it
    from matplotlib.axes import Axes
    from matplotlib.text import Text

_PAD = 4.0  # points of air around a label inside a bar


@dataclass(frozen=True, slots=True)
class LabelPlace:
    """One label in data coordinates.

    Attributes:
        x: the anchor (date number).
        y: the row coordinate: the text's middle, or its bottom when ``bottom``.
        text: the words.
        colour: the ink.
        align: ``left`` or ``center`` about ``x``.
        boxed: set on a box of the background colour (readable over hatching).
        bold: in bold (exception names).
        bottom: ``y`` is the text's bottom edge, not its middle.
    """

    x: float
    y: float
    text: str
    colour: str
    align: str
    boxed: bool = False
    bold: bool = False
    bottom: bool = False


def label_places(
    geo: Geometry, marks: list[MilestoneMark], style: ChartStyle, frame: Frame, span: tuple[float, float]
) -> list[LabelPlace]:
    """Value labels in phases, the final value after each bar, ids beside milestones, exception names.

    Args:
        geo: the geometry drawn.
        marks: the milestone marks drawn.
        style: the chart style (projector skips labels inside phases).
        frame: the layout (a label shows only where its row and span have room).
        span: the window as date numbers.

    Returns:
        The labels; none when rows are too thin to read.
    """
    if frame.row_points < style.label_min_points:
        return []
    out: list[LabelPlace] = []
    for bar in geo.line_bars():
        out.extend(_bar_labels(bar, style, frame, span))
    out.extend(_milestone_labels(marks, style, frame, span))
    out.extend(_band_labels(geo, style, frame, span))
    return out


def draw_labels(
    ax: Axes,
    geo: Geometry,
    marks: list[MilestoneMark],
    style: ChartStyle,
    frame: Frame,
    span: tuple[float, float],
    rows: Container[int] | None = None,
) -> list[Text]:
    """Put the labels of :func:`label_places` on ``ax``; returns the texts drawn.

    ``rows`` (their ``y``) labels only those rows, default all: after an edit the other rows keep
    their labels (a label belongs to the row :func:`label_row` gives).
    """
    places = label_places(geo, marks, style, frame, span)
    if rows is not None:
        # A milestone's label makes room for the others on its row only: whole rows are left out.
        places = [place for place in places if round(place.y) in rows]
    return [_text(ax, place, style) for place in places]


def label_row(text: Text) -> int:
    """The row a label of :func:`draw_labels` belongs to."""
    return round(float(text.get_position()[1]))


def _text(ax: Axes, place: LabelPlace, style: ChartStyle) -> Text:
    # A box in the background colour keeps text readable over hatching and summary bars.
    box = None
    if place.boxed:
        alpha = 1.0 if place.bottom else 0.85
        box = {
            "boxstyle": "square,pad=0.15",
            "facecolor": style.background,
            "edgecolor": "none",
            "alpha": alpha,
        }
    return ax.text(
        place.x,
        place.y,
        place.text,
        ha=place.align,
        va="bottom" if place.bottom else "center",
        fontsize=style.small_font_size,
        fontweight="bold" if place.bold else "normal",
        color=place.colour,
        zorder=5,
        clip_on=True,
        bbox=box,
        parse_math=False,  # "$" is a currency ("US$30/t"), never math
    )


def _bar_labels(bar: LineBar, style: ChartStyle, frame: Frame, span: tuple[float, float]) -> list[LabelPlace]:
    line = bar.resolved.line
    y = (bar.y0 + bar.y1) / 2
    ppd = frame.points_per_day
    out: list[LabelPlace] = []
    previous = line.base
    # Text inside a bar needs the bar to be taller than the text.
    inside = style.phase_labels and (bar.y1 - bar.y0) * frame.row_points >= style.small_font_size * 1.2
    for seg in bar.segments:
        x0, x1 = max(seg.x0, span[0]), min(seg.x1, span[1])
        room = (x1 - x0) * ppd - _PAD * 2
        if seg.kind == SegmentKind.PHASE:
            phase = bar.resolved.phases[seg.phase]
            if inside:
                label = _fitting(
                    room, style, transition(line, previous, phase.value), format_value(line, phase.value)
                )
                face = lighten(bar.colour, style.phase_shading if seg.phase % 2 else 0.0)
                if label:
                    out.append(LabelPlace((x0 + x1) / 2, y, label, ink(face), "center"))
            previous = phase.value
        elif seg.kind == SegmentKind.BLOCKED:
            blockers = ", ".join(bar.resolved.phases[seg.phase].blocked_by)
            label = _fitting(room, style, f"blocked by {blockers}" if blockers else "blocked", "blocked")
            if label:
                out.append(LabelPlace(x0 + _PAD / ppd, y, label, style.foreground, "left", True))
        elif seg.kind == SegmentKind.EXCLUDED:
            label = _fitting(room, style, f"carve-out · {format_value(line, line.base)}", "carve-out")
            if label:
                out.append(LabelPlace(x0 + _PAD / ppd, y, label, style.foreground, "left", True))
    end = _final_label(bar)
    if end:
        x = bar.end + (_PAD / ppd)
        if span[0] <= x and x + text_points(end, style.small_font_size) / ppd <= span[1]:
            out.append(LabelPlace(x, y, end, style.foreground, "left"))
    return out


def _final_label(bar: LineBar) -> str:
    resolved = bar.resolved
    if resolved.excluded or resolved.blocked or not resolved.phases:
        return ""
    value = format_value(resolved.line, resolved.final_value)
    if resolved.line.quota is not None:
        value += " in quota"
    year = resolved.final_date.year if resolved.final_date else None
    if not bar.segments:
        return f"{value} from EIF"
    return f"→ {value} ({year})" if year else f"→ {value}"


def _fitting(room: float, style: ChartStyle, *candidates: str) -> str:
    """The first candidate that fits ``room`` points, or nothing."""
    for text in candidates:
        if text_points(text, style.small_font_size) <= room:
            return text
    return ""


def ink(face: RGBA) -> str:
    """Black or white text, whichever reads better on ``face``."""
    r, g, b, _ = face
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#FFFFFF" if luminance < 0.5 else "#000000"


def _milestone_labels(
    marks: list[MilestoneMark], style: ChartStyle, frame: Frame, span: tuple[float, float]
) -> list[LabelPlace]:
    out: list[LabelPlace] = []
    offset = style.milestone_size * 0.9 / frame.points_per_day
    free_from: dict[float, float] = {}  # row -> where the last label on it ends
    ordered = sorted(marks, key=lambda mark: (mark.y, mark.x))
    for m, after in zip(ordered, [*ordered[1:], None], strict=False):
        ident = m.milestone.milestone.id
        width = text_points(ident, style.small_font_size) / frame.points_per_day
        x = m.x + offset
        # The next diamond on the row ends the room: a label running into it reads as one word.
        room_end = after.x - offset if after is not None and after.y == m.y else span[1]
        if x < free_from.get(m.y, -1e18) or x + width > room_end:
            continue  # would overprint the previous label, the next diamond, or leave the chart
        free_from[m.y] = x + width + offset
        out.append(LabelPlace(x, m.y, ident, style.foreground, "left", True))
    return out


def _band_labels(
    geo: Geometry, style: ChartStyle, frame: Frame, span: tuple[float, float]
) -> list[LabelPlace]:
    out: list[LabelPlace] = []
    for band in geo.bands:
        if not band.first:
            continue
        x0, x1 = max(band.x0, span[0]), min(band.x1, span[1])
        label = _fitting(
            (x1 - x0) * frame.points_per_day - _PAD * 2, style, shorten(band.window.exception, 30)
        )
        if label and (band.y1 - band.y0) * frame.row_points >= style.small_font_size * 1.2:
            colour = style.foreground if style.name == "print" else style.exception_colour
            # Bottom left: the top edge carries the notification marks and the milestones above.
            x = x0 + _PAD / frame.points_per_day
            out.append(LabelPlace(x, band.y1 - 0.08, label, colour, "left", True, True, True))
    return out
