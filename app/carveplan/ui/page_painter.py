"""Vector chart pages (:mod:`carveplan.chart.vector`) painted with QPainter: a chart on screen
without loading matplotlib, drawn as the PDF writer sets the same page.

Units: every item is in page points; :func:`paint_page` scales the painter by ``scale`` pixels per
point, so widths, dashes, hatch spacing and font sizes stay in points as in the PDF. The pixels are the
painter's own (a widget's logical pixels: Qt applies a screen's device pixel ratio on top), and texts
are set at their size in those pixels rather than scaled from points.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from carveplan.chart.vector import Anchor, Baseline, Box, Mark, Page, Polyline, Rule, Shape, Text

FAMILY = "DejaVu Sans"  # the chart's and the PDF's sans-serif (it ships with matplotlib)
_HATCH = 4.0  # points between hatch lines, as in the PDF
_HATCH_WIDTH = 0.5
_BASELINE = {Baseline.TOP: 0.76, Baseline.MIDDLE: 0.3, Baseline.BASELINE: 0.0}  # em from y to the baseline
_SHIFT = {Anchor.START: 0.0, Anchor.MIDDLE: 0.5, Anchor.END: 1.0}  # of the text's width, leftwards
# Corners of the marks drawn as polygons, in half sizes from the centre, y down (the triangle points up).
_CORNERS = {
    Shape.DIAMOND: ((-1, 0), (0, -1), (1, 0), (0, 1)),
    Shape.SQUARE: ((-1, -1), (1, -1), (1, 1), (-1, 1)),
    Shape.TRIANGLE: ((-1, 1), (1, 1), (0, -1)),
}
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


def paint_page(painter: QPainter, page: Page, scale: float = 1.0) -> None:
    """Paint ``page``'s background and then its items in order, its top-left corner at the origin.

    Args:
        painter: an active painter; its state is restored afterwards.
        page: the page, in points.
        scale: device pixels per page point (``2.0`` paints a 500-point page 1,000 pixels wide).
    """
    painter.save()
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    pixels = painter.transform()
    painter.scale(scale, scale)
    points, device = painter.transform(), painter.device()
    painter.fillRect(QRectF(0, 0, page.width, page.height), _brush(page.background, 1.0))
    in_pixels = False  # texts are set in device pixels: switch only between a text and a shape
    for item in page.items:
        if isinstance(item, Text):
            if not in_pixels:
                painter.setTransform(pixels)
                in_pixels = True
            _text(painter, item, scale, device, pixels)
            continue
        if in_pixels:
            painter.setTransform(points)
            in_pixels = False
        if isinstance(item, Box):
            _box(painter, item)
        elif isinstance(item, Rule):
            painter.setPen(_pen(item.colour, item.width, item.dash))
            painter.drawLine(QLineF(item.x0, item.y0, item.x1, item.y1))
        elif isinstance(item, Mark):
            _mark(painter, item)
        else:
            _polyline(painter, item)
    painter.restore()


# ---- cached paint objects: a page uses a few dozen colours, pens and fonts hundreds of times


@cache
def _colour(colour: str, alpha: float = 1.0) -> QColor:
    value = QColor(colour)
    value.setAlphaF(max(0.0, min(1.0, alpha)))
    return value


@cache
def _brush(colour: str, alpha: float) -> QBrush:
    return QBrush(_colour(colour, alpha))


@cache
def _pen(colour: str, width: float, dash: tuple[float, ...] = ()) -> QPen:
    """A pen ``width`` points wide with the PDF's defaults: butt caps, mitred joins."""
    pen = QPen(
        _colour(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin
    )
    pen.setMiterLimit(5.0)  # Qt measures from the joint, the PDF from the inner corner: its default 10
    if len(dash) >= 2 and any(dash):
        # Qt counts dashes in pen widths, the PDF in points; a zero-width (hairline) pen counts in pixels.
        unit = width if width > 0 else 1.0
        pairs = dash if len(dash) % 2 == 0 else dash * 2  # an odd PDF array repeats to pair up
        pen.setDashPattern([max(d / unit, 1e-3) for d in pairs])
    return pen


_FONTS: dict[tuple[int, bool, int], tuple[QFont, QFontMetricsF]] = {}


def _font(pixels: int, bold: bool, device: QPaintDevice) -> tuple[QFont, QFontMetricsF]:
    """The sans-serif ``pixels`` whole device pixels to the em on ``device``, and its metrics there."""
    key = (pixels, bold, device.logicalDpiY())
    if (found := _FONTS.get(key)) is not None:
        return found
    font = QFont(_family())
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(pixels * 72 / max(key[2], 1))
    font.setBold(bold)
    # Unhinted, unkerned, no ligatures ("ff" stays two letters): each glyph at its advance, as in the PDF.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    found = _FONTS[key] = (font, QFontMetricsF(font, device))
    return found


@cache
def _family() -> str:
    """The PDF's font, loaded from matplotlib's files (without importing it) where the system lacks it."""
    if QFontInfo(QFont(FAMILY)).family() != FAMILY and (spec := importlib.util.find_spec("matplotlib")):
        folder = Path(spec.origin or ".").parent / "mpl-data" / "fonts" / "ttf"
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):  # a missing file: the system's sans
            QFontDatabase.addApplicationFont(str(folder / name))
    return FAMILY


# ---- items


def _box(painter: QPainter, box: Box) -> None:
    rect = QRectF(box.x, box.y, box.width, box.height).normalized()
    stroke = box.stroke if box.stroke_width > 0 else None
    if stroke is not None and box.fill is not None and box.alpha >= 1 and not box.hatch:
        # An opaque bar and its outline as two fills: the same pixels at half the cost of a stroke.
        half = box.stroke_width / 2
        painter.fillRect(rect.adjusted(-half, -half, half, half), _brush(stroke, 1.0))
        inner = rect.adjusted(half, half, -half, -half)
        if inner.width() > 0 and inner.height() > 0:
            painter.fillRect(inner, _brush(box.fill, 1.0))
        return
    if box.fill is not None:
        painter.fillRect(rect, _brush(box.fill, box.alpha))
    if box.hatch:
        _hatch(painter, box, rect)
    if stroke is not None:
        painter.setPen(_pen(stroke, box.stroke_width))
        painter.setBrush(_NO_BRUSH)
        painter.drawRect(rect)


def _hatch(painter: QPainter, box: Box, rect: QRectF) -> None:
    """Opaque lines rising to the right every 4 points, in the outline's colour (else the fill's).

    Each line is cut to the box here: a clip would cost more than the lines, and slow what follows.
    """
    painter.setPen(_pen(box.stroke or box.fill or "#000000", _HATCH_WIDTH))
    left, right, bottom, height = rect.left(), rect.right(), rect.bottom(), rect.height()
    lines = []
    for k in range(int((rect.width() + height) / _HATCH) + 1):
        start = left - height + k * _HATCH  # where the line meets the bottom edge's line
        x0, x1 = max(start, left), min(start + height, right)
        if x0 < x1:
            lines.append(QLineF(x0, bottom - (x0 - start), x1, bottom - (x1 - start)))
    painter.drawLines(lines)


def _mark(painter: QPainter, mark: Mark) -> None:
    x, y, r = mark.x, mark.y, mark.size / 2
    painter.setBrush(_brush(mark.fill, 1.0))
    stroke = mark.stroke if mark.stroke_width > 0 else None
    painter.setPen(_pen(stroke, mark.stroke_width) if stroke is not None else _NO_PEN)
    if mark.shape is Shape.CIRCLE:
        painter.drawEllipse(QPointF(x, y), r, r)
    else:
        painter.drawPolygon(QPolygonF([QPointF(x + a * r, y + b * r) for a, b in _CORNERS[mark.shape]]))


def _polyline(painter: QPainter, line: Polyline) -> None:
    if len(line.points) < 2:
        return
    points = QPolygonF([QPointF(x, y) for x, y in line.points])
    if line.fill is not None:  # a fill closes the path; the outline closes only when asked
        painter.setPen(_NO_PEN)
        painter.setBrush(_brush(line.fill, 1.0))
        painter.drawPolygon(points)
    if line.colour is not None and line.width > 0:
        painter.setPen(_pen(line.colour, line.width, line.dash))
        painter.setBrush(_NO_BRUSH)
        if line.closed:
            painter.drawPolygon(points)
        else:
            painter.drawPolyline(points)


def _text(painter: QPainter, text: Text, scale: float, device: QPaintDevice, pixels: QTransform) -> None:
    """One text, the painter in device pixels (``pixels``).

    A font engine sets whole pixel sizes only (7.5 pixels would be 8, 7% too wide): a text whose size
    falls between is set at the nearest whole size and scaled to its own.
    """
    if not text.text:
        return
    size = text.size * scale
    whole = max(1, round(size))
    font, metrics = _font(whole, text.bold, device)
    painter.setFont(font)
    painter.setPen(_pen(text.colour, 1.0))
    shift = _SHIFT[text.anchor]
    dx = -metrics.horizontalAdvance(text.text) * shift if shift else 0.0
    dy = _BASELINE[text.baseline] * whole  # y down: the baseline is below a top or middle
    x, y, factor = text.x * scale, text.y * scale, size / whole
    if not text.rotation and abs(factor - 1) < 0.002:
        painter.drawText(QPointF(x + dx, y + dy), text.text)
        return
    place = QTransform(pixels)
    place.translate(x, y)
    place.rotate(-text.rotation)  # counter-clockwise on a page whose y points down
    place.scale(factor, factor)
    painter.setTransform(place)
    painter.drawText(QPointF(dx, dy), text.text)
    painter.setTransform(pixels)


# ---- the widget


class PageView(QWidget):
    """Shows one vector page scaled to fill the widget's width.

    Build the page at :meth:`page_size` (the widget's size in points) and it fills the widget.

    Signals:
        painted: emitted once, after the first paint of a non-empty page has finished.
    """

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page: Page | None = None
        self._announced = False
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def page(self) -> Page | None:
        """The page shown."""
        return self._page

    def set_page(self, page: Page | None) -> None:
        """Show ``page`` (``None``: an empty view) and repaint."""
        self._page = page
        self.update()

    def page_size(self) -> tuple[float, float]:
        """The widget's width and height in points (72 a logical inch): the size to build a page at."""
        return self.width() * 72 / self.logicalDpiX(), self.height() * 72 / self.logicalDpiY()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        page = self._page
        if page is None or page.width <= 0:
            painter.fillRect(self.rect(), self.palette().window())
            painter.end()
            return
        paint_page(painter, page, self.width() / page.width)
        below = page.height * self.width() / page.width
        if below < self.height():  # a page shorter than the widget: the rest in the page's colour
            painter.fillRect(
                QRectF(0, below, self.width(), self.height() - below), _brush(page.background, 1.0)
            )
        painter.end()
        if page.items and not self._announced:
            self._announced = True
            QTimer.singleShot(0, self, self.painted.emit)
