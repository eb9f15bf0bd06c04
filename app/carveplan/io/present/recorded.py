"""A matplotlib figure recorded as a page of plain shapes, as it would be painted.

A renderer that measures text as the raster one does but, instead of painting pixels, keeps each
rectangle, line, marker and text it is asked to draw, in painting order, clipped as it would be.
The deck's chart slides are made from it: whatever the chart draws reaches the slide as shapes.
"""

from __future__ import annotations

import itertools
from types import MethodType
from typing import Any

import numpy as np
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.path import Path

from carveplan.chart.vector import Anchor, Box, Item, Mark, Page, Rule, Shape, Text

_DPI = 72  # one display unit is one point


def figure_page(fig: Figure) -> Page:
    """What ``fig`` paints, as a page of points the figure's size (its texts at their point sizes)."""
    width, height = fig.get_figwidth() * _DPI, fig.get_figheight() * _DPI
    if fig.dpi != _DPI:
        fig.set_dpi(_DPI)
    recorder = _Recorder(width, height)
    fig.draw(recorder)
    return Page(width, height, _hex(fig.get_facecolor()), tuple(recorder.items))


class _Recorder(RendererAgg):
    def __init__(self, width: float, height: float) -> None:
        super().__init__(int(width), int(height), _DPI)
        self.page_height = height
        self.items: list[Item] = []
        # The raster renderer binds its native drawing methods to each instance; collections go
        # through the generic code instead, which calls draw_path for each member.
        self.draw_path_collection = MethodType(RendererBase.draw_path_collection, self)  # type: ignore[method-assign]
        self.draw_quad_mesh = MethodType(RendererBase.draw_quad_mesh, self)  # type: ignore[method-assign]
        self.draw_gouraud_triangles = MethodType(RendererBase.draw_gouraud_triangles, self)  # type: ignore[method-assign]
        self.draw_markers = self._markers  # type: ignore[method-assign]
        self.draw_image = self._image  # type: ignore[method-assign]

    def _image(self, *_args: Any, **_kwargs: Any) -> None:  # charts carry no pictures
        return

    def draw_path(self, gc: Any, path: Path, transform: Any, rgbFace: Any = None) -> None:
        points = transform.transform(path.vertices)
        if len(points) == 0 or not np.isfinite(points).all():
            return
        points = self._kept(points, path)
        clip = gc.get_clip_rectangle()
        stroke, width = self._stroke(gc)
        fill = _hex(rgbFace) if rgbFace is not None and _alpha(rgbFace, gc) > 0 else None
        hatch = gc.get_hatch() is not None
        if fill is None and not hatch:
            self._rules(points, clip, stroke, width, tuple(gc.get_dashes()[1] or ()))
            return
        x0, y0 = points.min(axis=0)
        x1, y1 = points.max(axis=0)
        shape = _marker_shape(path, transform.transform(path.vertices)) if fill and not hatch else None
        if fill is not None and shape is not None and shape is not Shape.SQUARE:  # a scatter's symbol
            if clip is None or (clip.x0 <= (x0 + x1) / 2 <= clip.x1 and clip.y0 <= (y0 + y1) / 2 <= clip.y1):
                size = float(max(x1 - x0, y1 - y0))
                self.items.append(
                    Mark((x0 + x1) / 2, self.page_height - (y0 + y1) / 2, size, shape, fill, stroke, width)
                )
            return
        if clip is not None:
            x0, y0 = max(x0, clip.x0), max(y0, clip.y0)
            x1, y1 = min(x1, clip.x1), min(y1, clip.y1)
        if x1 <= x0 or y1 <= y0:
            return
        alpha = _alpha(rgbFace, gc) if rgbFace is not None else 1.0
        lines = _hex(gc.get_hatch_color()) if hatch else stroke
        self.items.append(Box(x0, self.page_height - y1, x1 - x0, y1 - y0, fill, alpha,
                              lines, width if stroke else 0.0, hatch))  # fmt: skip

    def _markers(
        self, gc: Any, marker_path: Path, marker_trans: Any, path: Path, trans: Any, rgbFace: Any = None
    ) -> None:
        outline = marker_trans.transform(marker_path.vertices)
        shape = _marker_shape(marker_path, outline)
        if shape is None or rgbFace is None:  # a tick or a stroke-only marker: its strokes as lines
            RendererBase.draw_markers(self, gc, marker_path, marker_trans, path, trans, rgbFace)
            return
        size = float(np.ptp(outline, axis=0).max())
        stroke, width = self._stroke(gc)
        clip = gc.get_clip_rectangle()
        for x, y in trans.transform(path.vertices):
            if clip is None or (clip.x0 <= x <= clip.x1 and clip.y0 <= y <= clip.y1):
                self.items.append(Mark(x, self.page_height - y, size, shape, _hex(rgbFace), stroke, width))

    def draw_text(
        self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float, ismath: Any = False,
        mtext: Any = None,
    ) -> None:  # fmt: skip
        """Keep a line of text; ``y`` comes from the top here (the raster renderer flips it)."""
        text = s.replace("$", "") if ismath else s
        if not text.strip():
            return
        anchor = Anchor.START
        align = mtext.get_horizontalalignment() if mtext is not None else "left"
        if align in ("right", "center") and "\n" not in mtext.get_text():
            # Anchored where the chart aligned it, so a viewer's narrower font keeps the right edge.
            w = self.get_text_width_height_descent(s, prop, ismath)[0]
            share = 1.0 if align == "right" else 0.5
            turn = np.radians(angle)
            x, y = x + share * w * np.cos(turn), y - share * w * np.sin(turn)
            anchor = Anchor.END if align == "right" else Anchor.MIDDLE
        bold = prop.get_weight() in ("bold", "heavy", "black", "semibold", "demibold") or (
            isinstance(prop.get_weight(), int) and prop.get_weight() >= 600
        )
        colour = _hex(gc.get_rgb())
        self.items.append(Text(float(x), float(y), text, prop.get_size_in_points(), colour,
                               bold, anchor, rotation=float(angle)))  # fmt: skip

    def _kept(self, points: np.ndarray, path: Path) -> np.ndarray:
        """The vertices drawn (a closing vertex repeats the first)."""
        if path.codes is not None:
            return points[path.codes != Path.CLOSEPOLY]
        return points

    def _stroke(self, gc: Any) -> tuple[str | None, float]:
        rgb = gc.get_rgb()
        width = gc.get_linewidth()
        if width <= 0 or _alpha(rgb, gc) <= 0:
            return None, 0.0
        return _hex(rgb), float(width)

    def _rules(
        self, points: np.ndarray, clip: Any, stroke: str | None, width: float, dash: tuple[float, ...]
    ) -> None:
        if stroke is None:
            return
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if clip is not None:
                outside = max(x0, x1) < clip.x0 or min(x0, x1) > clip.x1
                if outside or max(y0, y1) < clip.y0 or min(y0, y1) > clip.y1:
                    continue
                if x0 == x1:
                    y0, y1 = np.clip((y0, y1), clip.y0, clip.y1)
                elif y0 == y1:
                    x0, x1 = np.clip((x0, x1), clip.x0, clip.x1)
            h = self.page_height
            self.items.append(Rule(float(x0), h - float(y0), float(x1), h - float(y1), stroke, width, dash))


def _marker_shape(path: Path, outline: np.ndarray) -> Shape | None:
    """The symbol a filled marker's ``outline`` (its path as placed) draws (``None``: no symbol)."""
    codes = path.codes
    if codes is not None and bool(np.any(codes == Path.CURVE4)):
        return Shape.CIRCLE
    kept = outline if codes is None else outline[codes != Path.CLOSEPOLY]
    if len(kept) == 0:
        return None
    size = float(np.ptp(kept, axis=0).max()) or 1.0
    vertices = (kept - (kept.min(axis=0) + kept.max(axis=0)) / 2) / size
    corners = len({(round(float(x), 4), round(float(y), 4)) for x, y in vertices})
    if corners == 3:
        return Shape.TRIANGLE
    if corners == 4:
        on_axes = all(abs(x) < 1e-6 or abs(y) < 1e-6 for x, y in vertices)
        return Shape.DIAMOND if on_axes else Shape.SQUARE
    return Shape.CIRCLE if corners > 8 else None


def _alpha(rgba: Any, gc: Any) -> float:
    forced = gc.get_forced_alpha()
    if forced:
        return float(gc.get_alpha())
    return float(rgba[3]) if len(rgba) > 3 else 1.0


def _hex(rgba: Any) -> str:
    if isinstance(rgba, str):
        from matplotlib.colors import to_hex

        return to_hex(rgba).upper()
    red, green, blue = (max(0, min(255, round(float(v) * 255))) for v in rgba[:3])
    return f"#{red:02X}{green:02X}{blue:02X}"
