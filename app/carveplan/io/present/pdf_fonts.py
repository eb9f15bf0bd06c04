"""Fonts for PDF pages written directly: DejaVu Sans (it ships with matplotlib), measured, subset and
embedded as a CID-keyed TrueType font with a ToUnicode map, so every text is real, searchable text.

A character DejaVu Sans has no glyph for (a CJK description) is set in a fallback font: a CJK
TrueType font of the system when there is one, else the Last Resort font matplotlib ships, whose
glyph names the character's Unicode block. Either way it maps to its Unicode value, so the words
stay searchable and copyable, and nothing fails.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import struct
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib
from fontTools import subset
from fontTools.ttLib import TTFont

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
LAST_RESORT = "LastResortHE-Regular.ttf"
# TrueType (not CFF) fonts with CJK glyphs where Windows, macOS and Linux distributions put them.
SYSTEM_FALLBACKS = (
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


@dataclass(frozen=True)
class FontData:
    """What is read of a font file once: its characters, widths, metrics and bytes."""

    name: str
    cmap: Mapping[int, str]
    widths: dict[str, int]
    units: int
    data: bytes
    number: int  # the face's index in a collection (.ttc)
    bbox: tuple[int, int, int, int]  # in thousandths of an em, as PDF font descriptors give them
    ascent: int
    descent: int


class RangeCmap(Mapping[int, str]):
    """A character map kept as ranges (cmap formats 12 and 13), looked up by bisection.

    Args:
        starts: each range's first code point, ascending.
        ends: each range's last code point.
        firsts: each range's glyph id (format 13), or the first code point's (format 12).
        order: the font's glyph names by id.
        constant: every code point of a range has the same glyph (format 13).
    """

    def __init__(
        self, starts: list[int], ends: list[int], firsts: list[int], order: list[str], constant: bool
    ) -> None:
        self.starts, self.ends, self.firsts, self.order, self.constant = starts, ends, firsts, order, constant

    @classmethod
    def of(cls, font: Any) -> RangeCmap:
        """The font's format 13 (or 12) table, read from its bytes without expanding it."""
        data = font.getTableData("cmap")
        for k in range(struct.unpack_from(">H", data, 2)[0]):
            offset = struct.unpack_from(">I", data, 8 + 8 * k)[0]
            kind = struct.unpack_from(">H", data, offset)[0]
            if kind in (12, 13):
                groups = struct.unpack_from(">I", data, offset + 12)[0]
                values = struct.unpack_from(f">{3 * groups}I", data, offset + 16)
                order = list(font.getGlyphOrder())
                return cls(list(values[0::3]), list(values[1::3]), list(values[2::3]), order, kind == 13)
        return cls([], [], [], [], True)

    def get(self, key: int, default: Any = None) -> Any:
        """The glyph name for code point ``key``, or ``default``."""
        i = bisect.bisect_right(self.starts, key) - 1
        if i < 0 or key > self.ends[i]:
            return default
        glyph = self.firsts[i] + (0 if self.constant else key - self.starts[i])
        return self.order[glyph] if glyph < len(self.order) else default

    def __getitem__(self, key: int) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return str(found)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, int) and self.get(key) is not None

    def __iter__(self) -> Iterator[int]:
        for start, end in zip(self.starts, self.ends, strict=True):
            yield from range(start, end + 1)

    def __len__(self) -> int:
        return sum(end - start + 1 for start, end in zip(self.starts, self.ends, strict=True))


def _read(data: bytes, number: int = 0, whole_cmap: bool = True) -> FontData | None:
    """The font in ``data``, or ``None`` when it has no TrueType outlines (a CFF font cannot be a
    CIDFontType2)."""
    with TTFont(io.BytesIO(data), lazy=True, fontNumber=number) as font:
        if "glyf" not in font:
            return None
        # Last Resort maps all 1.1 million code points in a few hundred ranges: keep the ranges.
        found: Mapping[int, str] = font.getBestCmap() if whole_cmap else RangeCmap.of(font)
        units = int(font["head"].unitsPerEm)
        head, hhea = font["head"], font["hhea"]
        scale = 1000 / units
        name = font["name"].getDebugName(6) or "Fallback"
        return FontData(
            name="".join(c for c in name if c.isalnum() or c == "-")[:40],
            cmap=found if isinstance(found, RangeCmap) else dict(found),
            widths={glyph: advance for glyph, (advance, _) in font["hmtx"].metrics.items()},
            units=units,
            data=data,
            number=number,
            bbox=tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
            ascent=round(hhea.ascent * scale),
            descent=round(hhea.descent * scale),
        )


def _shipped(name: str) -> bytes:
    return (Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name).read_bytes()


@cache
def dejavu(bold: bool) -> FontData:
    """DejaVu Sans, regular or bold."""
    found = _read(_shipped(FONT_FILES[bold]))
    assert found is not None  # DejaVu Sans is TrueType
    return found


@cache
def fallback_fonts() -> tuple[FontData, ...]:
    """The fonts tried, in order, for a character DejaVu Sans lacks: a system CJK font, Last Resort."""
    out: list[FontData] = []
    for candidate in SYSTEM_FALLBACKS:
        path = Path(candidate)
        try:
            found = _read(path.read_bytes()) if path.is_file() else None
        except Exception:  # a broken system font is skipped, never fatal
            found = None
        if found is not None:
            out.append(found)
            break
    last = _read(_shipped(LAST_RESORT), whole_cmap=False)
    return (*out, last) if last is not None else tuple(out)


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
