"""A PDF written straight from vector pages (:mod:`carveplan.chart.vector`): no matplotlib on the way.

Each page becomes one compressed content stream of PDF path and text operators; the two faces of
DejaVu Sans are subset and embedded once, at the end, with every character the pages used.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache

from carveplan.chart.vector import Anchor, Baseline, Box, Item, Mark, Page, Polyline, Rule, Shape, Text
from carveplan.io.present.pdf_fonts import EmbeddedFont, dejavu, fallback_fonts

_HATCH = 4.0  # points between hatch lines
_KAPPA = 0.5523  # a quarter circle as a Bézier curve
_BASELINE = {Baseline.TOP: 0.76, Baseline.MIDDLE: 0.3, Baseline.BASELINE: 0.0}  # em below y


def _num(value: float) -> str:
    return "%.2f" % value  # noqa: UP031 (the fastest way: hundreds of thousands per deck)


@cache
def _rgb(colour: str) -> str:
    return " ".join(_num(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))


class VectorPdf:
    """A PDF document built page by page; :meth:`finish` gives its bytes.

    Args:
        title: the document's title (its metadata).
        creator: the program named in its metadata.
    """

    def __init__(self, title: str, creator: str = "CarvePlan") -> None:
        self._fallbacks: list[EmbeddedFont] | None = None
        self.fonts = {
            bold: EmbeddedFont(dejavu(bold), f"F{int(bold)}", self._fallback) for bold in (False, True)
        }
        self._objects: dict[int, bytes] = {}
        self._next = 1
        self._catalog, self._tree, self._resources, self._info = (self._reserve() for _ in range(4))
        self._pages: list[int] = []
        self._alphas: dict[float, str] = {}
        self._title = title
        self._creator = creator

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        """The width of ``text`` in points as this document sets it."""
        return self.fonts[bold].width(text, size)

    def add(self, page: Page) -> None:
        """Append ``page``."""
        content = _Content(page.height, self.fonts, self._alpha)
        content.fill_colour(page.background)
        content.ops.append(f"0 0 {_num(page.width)} {_num(page.height)} re f")
        for item in page.items:
            content.item(item)
        data = zlib.compress("\n".join(content.ops).encode("latin-1"), 6)
        stream = self._add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
        box = f"[0 0 {_num(page.width)} {_num(page.height)}]"
        resources = f"/Resources {self._resources} 0 R /Contents {stream} 0 R"
        page_object = f"<< /Type /Page /Parent {self._tree} 0 R /MediaBox {box} {resources} >>"
        self._pages.append(self._add(page_object.encode()))

    def finish(self) -> bytes:
        """The whole document."""
        fonts = []
        for font in (*self.fonts.values(), *(self._fallbacks or ())):
            if not font.cids:
                if font.resource not in ("F0", "F1"):
                    continue  # a fallback no page needed
                font.cid(" ")  # the two faces are declared on every page: give each a glyph
            roles = {
                role: self._reserve() for role in ("font", "cid", "descriptor", "file", "cidmap", "unicode")
            }
            for role, data in font.objects(lambda r, roles=roles: f"{roles[r]} 0 R").items():
                self._objects[roles[role]] = data
            fonts.append(f"/{font.resource} {roles['font']} 0 R")
        states = " ".join(f"/{n} << /ca {_num(a)} /CA {_num(a)} >>" for a, n in self._alphas.items())
        self._objects[self._resources] = (f"<< /Font << {' '.join(fonts)} >> /ExtGState << {states} >> "
                                          "/ProcSet [/PDF /Text] >>").encode()  # fmt: skip
        kids = " ".join(f"{p} 0 R" for p in self._pages)
        self._objects[self._tree] = f"<< /Type /Pages /Kids [{kids}] /Count {len(self._pages)} >>".encode()
        self._objects[self._catalog] = f"<< /Type /Catalog /Pages {self._tree} 0 R >>".encode()
        stamp = datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ")
        names = f"/Title {_text_string(self._title)} /Creator {_text_string(self._creator)}"
        self._objects[self._info] = f"<< {names} /Producer (CarvePlan) /CreationDate ({stamp}) >>".encode()
        return self._serialise()

    def _fallback(self) -> EmbeddedFont | None:
        """The first fallback font, each falling back on the next (read on first use)."""
        if self._fallbacks is None:
            chain: list[EmbeddedFont] = []
            for number, data in reversed(list(enumerate(fallback_fonts(), start=2))):
                chain.insert(0, EmbeddedFont(data, f"F{number}", _given(chain[0]) if chain else None))
            self._fallbacks = chain
        return self._fallbacks[0] if self._fallbacks else None

    def _alpha(self, value: float) -> str:
        key = round(value, 3)
        if key not in self._alphas:
            self._alphas[key] = f"A{len(self._alphas)}"
        return self._alphas[key]

    def _reserve(self) -> int:
        number = self._next
        self._next += 1
        return number

    def _add(self, data: bytes) -> int:
        number = self._reserve()
        self._objects[number] = data
        return number

    def _serialise(self) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = [0] * self._next
        for number in range(1, self._next):
            offsets[number] = len(out)
            out += b"%d 0 obj\n" % number + self._objects[number] + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % self._next
        out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, self._next))
        out += (f"trailer\n<< /Size {self._next} /Root {self._catalog} 0 R /Info {self._info} 0 R >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode()  # fmt: skip
        return bytes(out)


def _given(font: EmbeddedFont) -> Callable[[], EmbeddedFont | None]:
    return lambda: font


def _text_string(text: str) -> str:
    """A PDF text string in UTF-16 (any script survives in the document's metadata)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class _Content:
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
            self.ops.append(f"{_num(width)} w")
        if dash != self._dash:
            self._dash = dash
            self.ops.append(f"[{' '.join(_num(d) for d in dash)}] 0 d")

    def item(self, item: Item) -> None:
        if isinstance(item, Text):
            self.text(item)
        elif isinstance(item, Box):
            self.box(item)
        elif isinstance(item, Rule):
            self.stroke(item.colour, item.width, item.dash)
            h = self.height
            self.ops.append(f"{_num(item.x0)} {_num(h - item.y0)} m {_num(item.x1)} {_num(h - item.y1)} l S")
        elif isinstance(item, Mark):
            self.mark(item)
        else:
            self.polyline(item)

    def box(self, box: Box) -> None:
        x, y, w, h = _num(box.x), _num(self.height - box.y - box.height), _num(box.width), _num(box.height)
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
        lines = [f"q {_num(left)} {_num(bottom)} {_num(box.width)} {_num(box.height)} re W n"]
        lines.append(f"{_rgb(colour)} RG 0.5 w [] 0 d")
        start = left - box.height
        steps = int((box.width + box.height) / _HATCH) + 1
        for k in range(steps):
            x0 = start + k * _HATCH
            lines.append(f"{_num(x0)} {_num(bottom)} m {_num(x0 + box.height)} {_num(top)} l")
        lines.append("S Q")
        self.ops.append(" ".join(lines))

    def mark(self, mark: Mark) -> None:
        x, y, r = mark.x, self.height - mark.y, mark.size / 2
        if mark.shape is Shape.DIAMOND:
            path = _path(((x - r, y), (x, y + r), (x + r, y), (x, y - r)), True)
        elif mark.shape is Shape.SQUARE:
            path = f"{_num(x - r)} {_num(y - r)} {_num(2 * r)} {_num(2 * r)} re"
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
            curves = " ".join(" ".join(f"{_num(a)} {_num(b)}" for a, b in q) + " c" for q in quarters)
            path = f"{_num(x + r)} {_num(y)} m {curves} h"
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
        shift = {Anchor.START: 0.0, Anchor.MIDDLE: 0.5, Anchor.END: 1.0}[text.anchor]
        dx = -font.width(text.text, text.size) * shift if shift else 0.0
        dy = -_BASELINE[text.baseline] * text.size  # down the page is negative in PDF
        self.fill_colour(text.colour)
        x, y = text.x, self.height - text.y
        if text.rotation:
            angle = math.radians(text.rotation)
            c, s = math.cos(angle), math.sin(angle)
            tx, ty = x + dx * c - dy * s, y + dx * s + dy * c
            matrix = f"{_num(c)} {_num(s)} {_num(-s)} {_num(c)} {_num(tx)} {_num(ty)}"
        else:
            matrix = f"1 0 0 1 {_num(x + dx)} {_num(y + dy)}"
        size = _num(text.size)
        runs = font.runs(text.text)
        if len(runs) == 1 and runs[0][0] is font:
            self.ops.append(f"BT /{font.resource} {size} Tf {matrix} Tm <{runs[0][1]}> Tj ET")
            return
        shown = " ".join(f"/{face.resource} {size} Tf <{codes}> Tj" for face, codes in runs)
        self.ops.append(f"BT {matrix} Tm {shown} ET")


def _path(points: tuple[tuple[float, float], ...], closed: bool) -> str:
    (x0, y0), rest = points[0], points[1:]
    parts = [f"{_num(x0)} {_num(y0)} m", *(f"{_num(x)} {_num(y)} l" for x, y in rest)]
    if closed:
        parts.append("h")
    return " ".join(parts)
