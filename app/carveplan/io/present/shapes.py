"""A page of plain shapes as DrawingML slide shapes, written as XML text.

A chart slide holds about 300 shapes and a national deck 1,500 slides. The slide library makes an
object and a tree of XML elements for each shape (about a millisecond); the same ``<p:sp>`` written
from a template costs a few microseconds. Every shape stays a native PowerPoint shape, so a reader
can move a label or recolour a bar. Texts are set in the deck's font, one line each, with no
autofit and no wrapping, in a box as wide as the text measures, aligned at the text's anchor so a
viewer whose font runs wider or narrower keeps the anchor where the page put it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from carveplan.chart.vector import Anchor, Baseline, Box, Mark, Page, Polyline, Rule, Shape, Text
from carveplan.io.present.fit import FONT, line_width

EMU_PER_POINT = 12700
EMU_PER_INCH = 914400
_MIN_LINE = 0.25  # points: a hairline a viewer still draws
_LINE_HEIGHT = 1.2  # a text box's height as a multiple of its font size
# From a line's baseline to the middle of its box, as a share of the font size (Calibri's ascent is
# 0.75 and its descent 0.25 of the size: the middle of the glyphs' box is a quarter above the baseline).
_BASELINE_TO_MIDDLE = 0.25
_GEOMETRY = {
    Shape.DIAMOND: "diamond",
    Shape.CIRCLE: "ellipse",
    Shape.SQUARE: "rect",
    Shape.TRIANGLE: "triangle",
}
_ALIGN = {Anchor.START: "l", Anchor.MIDDLE: "ctr", Anchor.END: "r"}
_HALF_WIDTHS = {Anchor.START: 0.5, Anchor.MIDDLE: 0.0, Anchor.END: -0.5}  # box centre from the anchor
_SHIFTS = {Baseline.TOP: _LINE_HEIGHT / 2, Baseline.MIDDLE: 0.0, Baseline.BASELINE: -_BASELINE_TO_MIDDLE}
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# Tabs and line ends become spaces (a text is one line; PowerPoint breaks lines with ``<a:br/>``).
_SPACES = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
# Characters XML 1.0 forbids, and lone surrogates (no UTF-8 encoding exists for them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HEX = re.compile("[0-9A-F]{6}")
# Offsets and extents stay within 32-bit integers, the range PowerPoint itself writes.
_EMU_LIMIT = 2**31 - 1
_EMU_LOW = -_EMU_LIMIT - 1


def clean(text: str) -> str:
    """``text`` as one line a slide can hold: characters XML forbids dropped, tabs and breaks spaces."""
    return _NOT_XML.sub("", text).translate(_SPACES)


def escape(text: str) -> str:
    """``text`` fit for XML character data or an attribute (see :func:`clean`), one line."""
    return clean(text).translate(_ESCAPES)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a page goes on the slide: its top-left corner in EMU and the EMU per page point.

    Attributes:
        left: the page's left edge on the slide, EMU.
        top: the page's top edge on the slide, EMU.
        scale: EMU per page point.
        points: slide points per page point (font sizes and line widths scale by it), worked out
            once: each text and line of a deck's half a million shapes asks for it.
    """

    left: float
    top: float
    scale: float
    points: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "points", self.scale / EMU_PER_POINT)

    @classmethod
    def fit(cls, page: Page, box: tuple[float, float, float, float]) -> Placement:
        """The page scaled to fit ``box`` (left, top, width, height in inches), centred in it."""
        left, top, width, height = (v * EMU_PER_INCH for v in box)
        scale = min(width / page.width, height / page.height)
        return cls(left + (width - page.width * scale) / 2, top + (height - page.height * scale) / 2, scale)


def page_shapes(page: Page, box: tuple[float, float, float, float], first_id: int) -> Iterator[str]:
    """The page's background and items as ``<p:sp>``/``<p:cxnSp>`` elements, painted in order.

    Args:
        page: the page.
        box: where it goes on the slide (left, top, width, height in inches); it is scaled to fit.
        first_id: the shape id of the first shape; the others follow one by one.

    Yields:
        One element's XML text per shape.
    """
    at = Placement.fit(page, box)
    yield _rect(first_id, "Chart", at.left, at.top, page.width * at.scale, page.height * at.scale,
                _fill(page.background, 1.0), "<a:ln><a:noFill/></a:ln>")  # fmt: skip
    writers = {Box: _box, Rule: _rule, Mark: _mark, Text: _text, Polyline: _polyline}
    for number, item in enumerate(page.items, start=first_id + 1):
        yield writers[type(item)](number, item, at)  # type: ignore[operator]


def _box(number: int, box: Box, at: Placement) -> str:
    x, y = at.left + box.x * at.scale, at.top + box.y * at.scale
    width, height = box.width * at.scale, box.height * at.scale
    if width < 0:
        x, width = x + width, -width
    if height < 0:
        y, height = y + height, -height
    if box.hatch:
        lines = box.stroke or _darker(box.fill or "#000000")
        back = _colour(box.fill, box.alpha if box.fill else 0.0)
        fore = _colour(lines, box.alpha)
        fill = f'<a:pattFill prst="ltUpDiag"><a:fgClr>{fore}</a:fgClr><a:bgClr>{back}</a:bgClr></a:pattFill>'
    else:
        fill = _fill(box.fill, box.alpha)
    line = _outline(box.stroke, box.stroke_width, at)
    return _rect(number, "Bar", x, y, width, height, fill, line)


def _mark(number: int, mark: Mark, at: Placement) -> str:
    size = mark.size * at.scale
    x, y = at.left + mark.x * at.scale - size / 2, at.top + mark.y * at.scale - size / 2
    line = _outline(mark.stroke, mark.stroke_width, at)
    return _rect(number, "Mark", x, y, size, size, _fill(mark.fill, 1.0), line, _GEOMETRY[mark.shape])


def _rule(number: int, rule: Rule, at: Placement) -> str:
    x0, y0 = at.left + rule.x0 * at.scale, at.top + rule.y0 * at.scale
    x1, y1 = at.left + rule.x1 * at.scale, at.top + rule.y1 * at.scale
    flip = ' flipV="1"' if (x1 - x0) * (y1 - y0) < 0 else ""
    return (
        f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{number}" name="Line {number}"/><p:cNvCxnSpPr/><p:nvPr/>'
        f"</p:nvCxnSpPr><p:spPr><a:xfrm{flip}>{_frame(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))}"
        f'</a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f"{_line(rule.colour, rule.width * at.points, rule.dash, at.points)}</p:spPr></p:cxnSp>"
    )


def _polyline(number: int, line: Polyline, at: Placement) -> str:
    if not line.points:
        return _rect(number, "Line", at.left, at.top, 0, 0, "<a:noFill/>", _NO_LINE)
    xs = [at.left + x * at.scale for x, _ in line.points]
    ys = [at.top + y * at.scale for _, y in line.points]
    left, top = min(xs), min(ys)
    width, height = max(max(xs) - left, 1.0), max(max(ys) - top, 1.0)
    steps = [f'<a:pt x="{round(x - left)}" y="{round(y - top)}"/>' for x, y in zip(xs, ys, strict=True)]
    close = "<a:close/>" if line.closed or line.fill else ""
    path = f"<a:moveTo>{steps[0]}</a:moveTo>" + "".join(f"<a:lnTo>{step}</a:lnTo>" for step in steps[1:])
    outline = _line(line.colour, line.width * at.points, line.dash, at.points) if line.colour else _NO_LINE
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{number}" name="Line {number}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f"<p:spPr><a:xfrm>{_frame(left, top, width, height)}</a:xfrm><a:custGeom><a:avLst/><a:gdLst/>"
        f'<a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
        f'<a:path w="{round(width)}" h="{round(height)}">{path}{close}</a:path></a:pathLst></a:custGeom>'
        f"{_fill(line.fill, 1.0)}{outline}</p:spPr></p:sp>"
    )


def _text(number: int, text: Text, at: Placement) -> str:
    size = text.size * at.points  # slide points
    width, run = _run(text.text, size, text.bold, text.colour, text.anchor)
    height = size * _LINE_HEIGHT * EMU_PER_POINT
    # The box's centre relative to the anchor point, before rotation (y down).
    dx = _HALF_WIDTHS[text.anchor] * width
    dy = _SHIFTS[text.baseline] * size * EMU_PER_POINT
    rotation = ""
    if text.rotation:
        turn = math.radians(text.rotation)  # counter-clockwise on the page, y pointing down
        dx, dy = dx * math.cos(turn) + dy * math.sin(turn), -dx * math.sin(turn) + dy * math.cos(turn)
        rotation = f' rot="{round(-text.rotation * 60000) % 21600000}"'  # DrawingML turns clockwise
    x, y = at.left + text.x * at.scale + dx - width / 2, at.top + text.y * at.scale + dy - height / 2
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{number}" name="Text {number}"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
        f"</p:nvSpPr><p:spPr><a:xfrm{rotation}>{_frame(x, y, width, height)}{run}"
    )


@functools.lru_cache(maxsize=1024)  # a deck repeats its value labels, axis texts and legend by the thousand
def _run(text: str, size: float, bold: bool, colour: str | None, anchor: Anchor) -> tuple[float, str]:
    """A text box's width in EMU and its XML after the frame: the run in the deck's font, one line."""
    line = clean(text)
    # A tenth wider than measured, and two points: a viewer's hinting at low resolution widens text.
    width = (line_width(line, size, bold) * 72 * 1.1 + 2) * EMU_PER_POINT
    weight = ' b="1"' if bold else ""
    return width, (
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>'
        '<a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" rtlCol="0"><a:noAutofit/>'
        f'</a:bodyPr><a:lstStyle/><a:p><a:pPr algn="{_ALIGN[anchor]}"/><a:r><a:rPr lang="en-US"'
        f' sz="{min(400000, max(100, round(size * 100)))}"{weight}>{_fill(colour, 1.0)}'
        f'<a:latin typeface="{FONT}"/></a:rPr><a:t>{line.translate(_ESCAPES)}</a:t></a:r></a:p>'
        "</p:txBody></p:sp>"
    )


def _rect(
    number: int, name: str, x: float, y: float, width: float, height: float, fill: str, line: str,
    geometry: str = "rect",
) -> str:  # fmt: skip
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{number}" name="{name} {number}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f"<p:spPr><a:xfrm>{_frame(x, y, width, height)}</a:xfrm>"
        f'<a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>{fill}{line}</p:spPr></p:sp>'
    )


def _frame(x: float, y: float, width: float, height: float) -> str:
    # Written out rather than as min/max over a generator: a deck frames half a million shapes.
    x, y, width, height = round(x), round(y), round(width), round(height)
    if not _EMU_LOW <= x <= _EMU_LIMIT:
        x = _EMU_LOW if x < _EMU_LOW else _EMU_LIMIT
    if not _EMU_LOW <= y <= _EMU_LIMIT:
        y = _EMU_LOW if y < _EMU_LOW else _EMU_LIMIT
    if not 0 <= width <= _EMU_LIMIT:
        width = 0 if width < 0 else _EMU_LIMIT
    if not 0 <= height <= _EMU_LIMIT:
        height = 0 if height < 0 else _EMU_LIMIT
    return f'<a:off x="{x}" y="{y}"/><a:ext cx="{width}" cy="{height}"/>'


@functools.lru_cache(maxsize=1024)  # a page uses a few dozen colours hundreds of times
def _colour(colour: str | None, alpha: float) -> str:
    value = (colour or "#000000").lstrip("#").upper()
    if len(value) == 3:  # "#abc" is "#aabbcc"
        value = "".join(c * 2 for c in value)
    value = value[:6] if _HEX.match(value) else "000000"  # "#RRGGBBAA": opacity comes from alpha
    if alpha >= 1.0:
        return f'<a:srgbClr val="{value}"/>'
    return f'<a:srgbClr val="{value}"><a:alpha val="{max(0, round(alpha * 100000))}"/></a:srgbClr>'


@functools.lru_cache(maxsize=1024)
def _fill(colour: str | None, alpha: float) -> str:
    return f"<a:solidFill>{_colour(colour, alpha)}</a:solidFill>" if colour else "<a:noFill/>"


@functools.lru_cache(maxsize=1024)
def _line(colour: str | None, width: float, dash: tuple[float, ...], points: float = 1.0) -> str:
    """An outline ``width`` slide points wide; ``dash`` in page points (``points`` slide points each)."""
    width = max(width, _MIN_LINE)
    pattern = ""
    if len(dash) >= 2:
        # Custom dashes are in thousandths of a percent of the line's width.
        pairs = zip(dash[0::2], dash[1::2], strict=False)
        share = points / width * 100000
        stops = "".join(
            f'<a:ds d="{max(1, round(on * share))}" sp="{max(1, round(off * share))}"/>' for on, off in pairs
        )
        pattern = f"<a:custDash>{stops}</a:custDash>"
    return f'<a:ln w="{round(width * EMU_PER_POINT)}">{_fill(colour, 1.0)}{pattern}</a:ln>'


_NO_LINE = "<a:ln><a:noFill/></a:ln>"


def _outline(colour: str | None, width: float, at: Placement) -> str:
    return _line(colour, width * at.points, ()) if colour and width > 0 else _NO_LINE


def _darker(colour: str) -> str:
    value = int(colour.lstrip("#"), 16)
    red, green, blue = (value >> 16) & 255, (value >> 8) & 255, value & 255
    return f"#{red * 3 // 5:02X}{green * 3 // 5:02X}{blue * 3 // 5:02X}"


def item_count(page: Page) -> int:
    """How many shapes :func:`page_shapes` writes for ``page``."""
    return len(page.items) + 1
