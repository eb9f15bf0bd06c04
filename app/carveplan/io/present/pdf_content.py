"""One page's PDF content stream: the operators for boxes, rules, marks, polylines and texts, with
the graphics state kept so repeated colours, widths and dashes are set once."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from carveplan.chart.vector import Anchor, Baseline, Box, Item, Mark, Polyline, Rule, Shape, Text
from carveplan.io.present.pdf_bidi import visual
from carveplan.io.present.pdf_fonts import EmbeddedFont

_HATCH = 4.0  # points between hatch lines
_KAPPA = 0.5523  # a quarter circle as a Bézier curve
_BASELINE = {Baseline.TOP: 0.76, Baseline.MIDDLE: 0.3, Baseline.BASELINE: 0.0}  # em below y


def num(value: float) -> str:
    return "%.2f" % value  # noqa: UP031 (the fastest way: hundreds of thousands per deck)


@cache
def _rgb(colour: str) -> str:
    return " ".join(num(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))


class Content:
    """The operators of one page, with the graphics state kept to skip repeated settings."""

    def __init__(self, height: float, fonts: dict[bool, EmbeddedFont], alpha: Callable[[float], str]) -> None:
        self.height, self.fonts, self.alpha = height, fonts, alpha
        self.ops: list[str] = []
        self._fill = self._stroke = ""
        self._width = -1.0
        self._dash: tuple[float, ...] | None = None

    def fill_colour(self, colour: str) -> None:
        if colour != self._fill:
            self._fill = colour
            self.ops.append(f"{_rgb(colour)} rg")

    def stroke(self, colour: str, width: float, dash: tuple[float, ...] = ()) -> None:
        if colour != self._stroke:
            self._stroke = colour
            self.ops.append(f"{_rgb(colour)} RG")
        if width != self._width:
            self._width = width
            self.ops.append(f"{num(width)} w")
        if dash != self._dash:
            self._dash = dash
            self.ops.append(f"[{' '.join(num(d) for d in dash)}] 0 d")

    def item(self, item: Item) -> None:
        if isinstance(item, Text):
            self.text(item)
        elif isinstance(item, Box):
            self.box(item)
        elif isinstance(item, Rule):
            self.stroke(item.colour, item.width, item.dash)
            h = self.height
            self.ops.append(f"{num(item.x0)} {num(h - item.y0)} m {num(item.x1)} {num(h - item.y1)} l S")
        elif isinstance(item, Mark):
            self.mark(item)
        else:
            self.polyline(item)

    def box(self, box: Box) -> None:
        x, y, w, h = num(box.x), num(self.height - box.y - box.height), num(box.width), num(box.height)
        if box.fill is not None:
            self.fill_colour(box.fill)
            if box.alpha < 1:
                self.ops.append(f"q /{self.alpha(box.alpha)} gs {x} {y} {w} {h} re f Q")
            else:
                self.ops.append(f"{x} {y} {w} {h} re f")
        if box.hatch:
            self._hatch(box)
        if box.stroke is not None and box.stroke_width > 0:
            self.stroke(box.stroke, box.stroke_width)
            self.ops.append(f"{x} {y} {w} {h} re S")

    def _hatch(self, box: Box) -> None:
        colour = box.stroke or box.fill or "#000000"
        top, left = self.height - box.y, box.x
        bottom = top - box.height
        lines = [f"q {num(left)} {num(bottom)} {num(box.width)} {num(box.height)} re W n"]
        lines.append(f"{_rgb(colour)} RG 0.5 w [] 0 d")
        start = left - box.height
        steps = int((box.width + box.height) / _HATCH) + 1
        for k in range(steps):
            x0 = start + k * _HATCH
            lines.append(f"{num(x0)} {num(bottom)} m {num(x0 + box.height)} {num(top)} l")
        lines.append("S Q")
        self.ops.append(" ".join(lines))

    def mark(self, mark: Mark) -> None:
        x, y, r = mark.x, self.height - mark.y, mark.size / 2
        if mark.shape is Shape.DIAMOND:
            path = _path(((x - r, y), (x, y + r), (x + r, y), (x, y - r)), True)
        elif mark.shape is Shape.SQUARE:
            path = f"{num(x - r)} {num(y - r)} {num(2 * r)} {num(2 * r)} re"
        elif mark.shape is Shape.TRIANGLE:
            path = _path(((x - r, y - r), (x + r, y - r), (x, y + r)), True)
        else:
            k = r * _KAPPA
            quarters = (
                ((x + r, y + k), (x + k, y + r), (x, y + r)),
                ((x - k, y + r), (x - r, y + k), (x - r, y)),
                ((x - r, y - k), (x - k, y - r), (x, y - r)),
                ((x + k, y - r), (x + r, y - k), (x + r, y)),
            )
            curves = " ".join(" ".join(f"{num(a)} {num(b)}" for a, b in q) + " c" for q in quarters)
            path = f"{num(x + r)} {num(y)} m {curves} h"
        self.fill_colour(mark.fill)
        if mark.stroke is not None and mark.stroke_width > 0:
            self.stroke(mark.stroke, mark.stroke_width)
            self.ops.append(f"{path} B")
        else:
            self.ops.append(f"{path} f")

    def polyline(self, line: Polyline) -> None:
        if len(line.points) < 2:
            return
        h = self.height
        path = _path(tuple((x, h - y) for x, y in line.points), line.closed)
        stroked = line.colour is not None and line.width > 0
        if line.fill is not None:
            self.fill_colour(line.fill)
        if stroked:
            assert line.colour is not None
            self.stroke(line.colour, line.width, line.dash)
        op = ("B" if stroked else "f") if line.fill is not None else ("S" if stroked else "n")
        self.ops.append(f"{path} {op}")

    def text(self, text: Text) -> None:
        if not text.text:
            return
        font = self.fonts[text.bold]
        shown_text = visual(text.text)  # right-to-left runs shaped and in display order
        shift = {Anchor.START: 0.0, Anchor.MIDDLE: 0.5, Anchor.END: 1.0}[text.anchor]
        dx = -font.width(shown_text, text.size) * shift if shift else 0.0
        dy = -_BASELINE[text.baseline] * text.size  # down the page is negative in PDF
        self.fill_colour(text.colour)
        x, y = text.x, self.height - text.y
        if text.rotation:
            angle = math.radians(text.rotation)
            c, s = math.cos(angle), math.sin(angle)
            tx, ty = x + dx * c - dy * s, y + dx * s + dy * c
            matrix = f"{num(c)} {num(s)} {num(-s)} {num(c)} {num(tx)} {num(ty)}"
        else:
            matrix = f"1 0 0 1 {num(x + dx)} {num(y + dy)}"
        size = num(text.size)
        runs = font.runs(shown_text)
        if len(runs) == 1 and runs[0][0] is font:
            self.ops.append(f"BT /{font.resource} {size} Tf {matrix} Tm <{runs[0][1]}> Tj ET")
            return
        shown = " ".join(f"/{face.resource} {size} Tf <{codes}> Tj" for face, codes in runs)
        self.ops.append(f"BT {matrix} Tm {shown} ET")


def _path(points: tuple[tuple[float, float], ...], closed: bool) -> str:
    (x0, y0), rest = points[0], points[1:]
    parts = [f"{num(x0)} {num(y0)} m", *(f"{num(x)} {num(y)} l" for x, y in rest)]
    if closed:
        parts.append("h")
    return " ".join(parts)
