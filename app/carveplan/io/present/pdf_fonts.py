"""Fonts for PDF pages written directly: DejaVu Sans (it ships with matplotlib), measured, subset and
embedded as a CID-keyed TrueType font with a ToUnicode map, so every text is real, searchable text.

Each distinct character gets a CID of its own; a character the font has no glyph for (a CJK
description) is drawn as the font's missing-glyph box yet still maps to its Unicode value, so the
words stay searchable and copyable and nothing fails.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib
from fontTools import subset
from fontTools.ttLib import TTFont

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


@cache
def _metrics(bold: bool) -> tuple[dict[int, str], dict[str, int], int, bytes]:
    """The font's character map, advance widths by glyph name, units per em, and its file's bytes."""
    data = (Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONT_FILES[bold]).read_bytes()
    with TTFont(io.BytesIO(data), lazy=True) as font:
        cmap = dict(font.getBestCmap())
        widths = {name: advance for name, (advance, _) in font["hmtx"].metrics.items()}
        return cmap, widths, int(font["head"].unitsPerEm), data


class EmbeddedFont:
    """One face (regular or bold): widths for layout, CIDs for the content streams, and its objects."""

    def __init__(self, bold: bool) -> None:
        self.bold = bold
        self.cmap, widths, self.units, self.data = _metrics(bold)
        notdef = widths.get(".notdef", self.units // 2)
        self._scale = 1.0 / self.units
        # Advance per character, in em: every character's lookup happens once.
        self._advance: dict[str, float] = {}
        self._widths, self._notdef = widths, notdef
        self.cids: dict[str, int] = {}  # character -> CID (1, 2, ...), in order of first use
        self.name = "DejaVuSans-Bold" if bold else "DejaVuSans"

    def advance(self, char: str) -> float:
        """The width of ``char`` in em."""
        found = self._advance.get(char)
        if found is None:
            glyph = self.cmap.get(ord(char))
            found = (self._widths.get(glyph, self._notdef) if glyph else self._notdef) * self._scale
            self._advance[char] = found
        return found

    def width(self, text: str, size: float) -> float:
        """The width of ``text`` set at ``size`` points."""
        advance = self._advance
        total = 0.0
        for char in text:
            step = advance.get(char)
            total += step if step is not None else self.advance(char)
        return total * size

    def encode(self, text: str) -> str:
        """``text`` as a hex string of 2-byte CIDs for ``Tj``."""
        cids = self.cids
        out = []
        for char in text:
            cid = cids.get(char)
            if cid is None:
                cid = cids[char] = len(cids) + 1
                self.advance(char)
            out.append(f"{cid:04X}")
        return "".join(out)

    def objects(self, ref: Any) -> dict[str, bytes]:
        """The font's PDF objects as bytes, by role; ``ref(role)`` gives an object's reference.

        Roles: ``font`` (Type0), ``cid`` (CIDFontType2), ``descriptor``, ``file`` (the subset
        TrueType program), ``cidmap`` (CID to glyph) and ``unicode`` (the ToUnicode CMap).
        """
        chars = sorted(self.cids, key=self.cids.__getitem__)
        program, gids = self._subset(chars)
        tag = "".join(chr(65 + (sum(map(ord, chars)) * (i + 7)) % 26) for i in range(6))
        base = f"/{tag}+{self.name}"
        widths = " ".join(f"{round(self.advance(c) * 1000)}" for c in chars)
        cidmap = b"\x00\x00" + b"".join(g.to_bytes(2, "big") for g in gids)
        stream = _stream
        return {
            "font": (
                f"<< /Type /Font /Subtype /Type0 /BaseFont {base} /Encoding /Identity-H "
                f"/DescendantFonts [{ref('cid')}] /ToUnicode {ref('unicode')} >>"
            ).encode(),
            "cid": (
                f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont {base} "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                f"/FontDescriptor {ref('descriptor')} /DW 600 /W [1 [{widths}]] "
                f"/CIDToGIDMap {ref('cidmap')} >>"
            ).encode(),
            "descriptor": (
                f"<< /Type /FontDescriptor /FontName {base} /Flags 32 "
                "/FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 "
                f"/CapHeight 729 /StemV {120 if self.bold else 80} "
                f"/FontFile2 {ref('file')} >>"
            ).encode(),
            "file": stream(program, f"/Length1 {len(program)}"),
            "cidmap": stream(cidmap),
            "unicode": stream(_to_unicode(chars)),
        }

    def _subset(self, chars: list[str]) -> tuple[bytes, list[int]]:
        """The font cut down to ``chars``' glyphs, and each character's glyph id in it (0: none)."""
        font = TTFont(io.BytesIO(self.data))
        names = [self.cmap.get(ord(c)) for c in chars]
        options = subset.Options()
        options.layout_features = []
        options.hinting = False
        options.notdef_outline = True
        options.name_IDs = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "MATH"]
        cutter = subset.Subsetter(options)
        cutter.populate(glyphs=[n for n in names if n])
        cutter.subset(font)
        order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
        buffer = io.BytesIO()
        font.save(buffer)
        return buffer.getvalue(), [order.get(n, 0) if n else 0 for n in names]


def _stream(data: bytes, extra: str = "") -> bytes:
    import zlib

    packed = zlib.compress(data, 6)
    head = f"<< /Length {len(packed)} /Filter /FlateDecode {extra} >>\nstream\n".encode()
    return head + packed + b"\nendstream"


def _to_unicode(chars: list[str]) -> bytes:
    """The ToUnicode CMap: CID ``i + 1`` is ``chars[i]``."""
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for start in range(0, len(chars), 100):
        chunk = chars[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for i, char in enumerate(chunk, start=start + 1):
            lines.append(f"<{i:04X}> <{char.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode()
