"""A PDF written straight from vector pages (:mod:`carveplan.chart.vector`): no matplotlib on the way.

Each page becomes one compressed content stream of PDF path and text operators; the two faces of
DejaVu Sans are subset and embedded once, at the end, with every character the pages used.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import UTC, datetime

from carveplan.chart.vector import Page
from carveplan.io.present.pdf_bidi import visual
from carveplan.io.present.pdf_content import Content, num
from carveplan.io.present.pdf_font_files import dejavu, fallback_fonts
from carveplan.io.present.pdf_fonts import EmbeddedFont, text_string


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
        return self.fonts[bold].width(visual(text), size)  # Arabic joined forms have their own widths

    def add(self, page: Page) -> None:
        """Append ``page``."""
        content = Content(page.height, self.fonts, self._alpha)
        content.fill_colour(page.background)
        content.ops.append(f"0 0 {num(page.width)} {num(page.height)} re f")
        for item in page.items:
            content.item(item)
        data = zlib.compress("\n".join(content.ops).encode("latin-1"), 6)
        stream = self._add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
        box = f"[0 0 {num(page.width)} {num(page.height)}]"
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
        states = " ".join(f"/{n} << /ca {num(a)} /CA {num(a)} >>" for a, n in self._alphas.items())
        self._objects[self._resources] = (f"<< /Font << {' '.join(fonts)} >> /ExtGState << {states} >> "
                                          "/ProcSet [/PDF /Text] >>").encode()  # fmt: skip
        kids = " ".join(f"{p} 0 R" for p in self._pages)
        self._objects[self._tree] = f"<< /Type /Pages /Kids [{kids}] /Count {len(self._pages)} >>".encode()
        self._objects[self._catalog] = f"<< /Type /Catalog /Pages {self._tree} 0 R >>".encode()
        stamp = datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ")
        names = f"/Title {text_string(self._title)} /Creator {text_string(self._creator)}"
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
