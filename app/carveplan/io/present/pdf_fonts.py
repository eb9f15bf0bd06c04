"""Fonts for PDF pages written directly: DejaVu Sans (it ships with matplotlib), measured, subset and
embedded as a CID-keyed TrueType font with a ToUnicode map, so every text is real, searchable text.

A character DejaVu Sans has no glyph for (a CJK description) is set in a fallback font: a CJK
TrueType font of the system when there is one, else the Last Resort font matplotlib ships, whose
glyph names the character's Unicode block. Either way it maps to its Unicode value, so the words
stay searchable and copyable, and nothing fails.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Callable
from typing import Any

from fontTools import subset
from fontTools.ttLib import TTFont

from carveplan.io.present.pdf_bidi import logical
from carveplan.io.present.pdf_font_files import FontData


class EmbeddedFont:
    """One font: widths for layout, CIDs for the content streams, and its PDF objects.

    Args:
        data: the font read.
        resource: its name in the pages' resources (``F0``).
        fallback: gives the font characters this one lacks are set in (``None``: the missing-glyph
            box); called only when such a character comes, since reading a fallback takes a second.
    """

    def __init__(
        self, data: FontData, resource: str, fallback: Callable[[], EmbeddedFont | None] | None = None
    ) -> None:
        self.font, self.resource, self._fallback = data, resource, fallback
        self.cmap, self.name = data.cmap, data.name
        self._scale = 1.0 / data.units
        self._notdef = data.widths.get(".notdef", data.units // 2)
        # Advance per character, in em, whichever font sets it: each character is looked up once.
        self._advance: dict[str, float] = {}
        self._owner: dict[str, EmbeddedFont] = {}  # characters set by a fallback
        self.cids: dict[str, int] = {}  # character -> CID (1, 2, ...), in order of first use

    @property
    def fallback(self) -> EmbeddedFont | None:
        """The font characters this one lacks are set in (read on the first such character)."""
        return self._fallback() if self._fallback is not None else None

    def covers(self, char: str) -> bool:
        """Whether the font has a glyph for ``char``."""
        return ord(char) in self.cmap

    def _route(self, char: str) -> EmbeddedFont:
        """The font that sets ``char``: this one, a fallback that has it, or this one's box."""
        if self.covers(char):
            return self
        font = self.fallback
        while font is not None:
            if font.covers(char):
                return font
            font = font.fallback
        return self

    def advance(self, char: str) -> float:
        """The width of ``char`` in em."""
        found = self._advance.get(char)
        if found is None:
            owner = self._route(char)
            if owner is not self:
                self._owner[char] = owner
                found = owner.advance(char)
            else:
                glyph = self.cmap.get(ord(char))
                found = (
                    self.font.widths.get(glyph, self._notdef) * self._scale
                    if glyph
                    else self._notdef * self._scale
                )
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

    def runs(self, text: str) -> list[tuple[EmbeddedFont, str]]:
        """``text`` as runs of one font each, with the run's 2-byte CIDs in hex for ``Tj``."""
        cids, owner = self.cids, self._owner
        out: list[tuple[EmbeddedFont, str]] = []
        current: EmbeddedFont = self
        codes: list[str] = []
        for char in text:
            cid = cids.get(char)
            font: EmbeddedFont = self
            if cid is None:
                self.advance(char)  # decides the owner
                font = owner.get(char, self)
                if font is self:
                    cid = cids[char] = len(cids) + 1
                else:
                    cid = font.cid(char)
            if font is not current and codes:
                out.append((current, "".join(codes)))
                codes = []
            current = font
            codes.append(f"{cid:04X}")
        if codes:
            out.append((current, "".join(codes)))
        return out

    def cid(self, char: str) -> int:
        """``char``'s CID in this font (given one on first use)."""
        found = self.cids.get(char)
        if found is None:
            found = self.cids[char] = len(self.cids) + 1
        return found

    def objects(self, ref: Any) -> dict[str, bytes]:
        """The font's PDF objects as bytes, by role; ``ref(role)`` gives an object's reference.

        Roles: ``font`` (Type0), ``cid`` (CIDFontType2), ``descriptor``, ``file`` (the subset
        TrueType program), ``cidmap`` (CID to glyph) and ``unicode`` (the ToUnicode CMap).
        """
        chars = sorted(self.cids, key=self.cids.__getitem__)
        program, gids = self._subset(chars)
        digest = hashlib.sha1("".join(chars).encode("utf-8", "surrogatepass") + self.name.encode()).digest()
        tag = "".join(chr(65 + byte % 26) for byte in digest[:6])  # the subset's tag, as PDF asks
        base = f"/{tag}+{self.name}"
        widths = " ".join(f"{round(self.advance(c) * 1000)}" for c in chars)
        font = self.font
        bbox = " ".join(map(str, font.bbox))
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
                f"<< /Type /FontDescriptor /FontName {base} /Flags 32 /FontBBox [{bbox}] /ItalicAngle 0 "
                f"/Ascent {font.ascent} /Descent {font.descent} /CapHeight {font.ascent} /StemV 80 "
                f"/FontFile2 {ref('file')} >>"
            ).encode(),
            "file": stream(program, f"/Length1 {len(program)}"),
            "cidmap": stream(cidmap),
            "unicode": stream(_to_unicode(chars)),
        }

    def _subset(self, chars: list[str]) -> tuple[bytes, list[int]]:
        """The font cut down to ``chars``' glyphs, and each character's glyph id in it (0: none)."""
        font = TTFont(io.BytesIO(self.font.data), fontNumber=self.font.number)
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
    packed = zlib.compress(data, 6)
    head = f"<< /Length {len(packed)} /Filter /FlateDecode {extra} >>\nstream\n".encode()
    return head + packed + b"\nendstream"


def text_string(text: str) -> str:
    """A PDF text string in UTF-16, any script kept (metadata, a marked text's /ActualText)."""
    return "<FEFF" + text.encode("utf-16-be", "surrogatepass").hex().upper() + ">"


def _to_unicode(chars: list[str]) -> bytes:
    """The ToUnicode CMap: CID ``i + 1`` is ``chars[i]`` (an Arabic joined form its plain letters)."""
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
            lines.append(f"<{i:04X}> <{logical(char).encode('utf-16-be', 'surrogatepass').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode()
