"""Font files for PDF pages: DejaVu Sans (it ships with matplotlib) and the fallbacks for characters
it lacks, each read once: characters, widths, metrics and bytes."""

from __future__ import annotations

import bisect
import importlib.util
import io
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

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
    # Found where matplotlib is installed, without importing it (a deck needs none of its drawing);
    # a frozen app may keep its data elsewhere, and matplotlib knows where.
    spec = importlib.util.find_spec("matplotlib")
    folders = (spec.submodule_search_locations or ()) if spec is not None else ()
    for folder in folders:
        path = Path(folder) / "mpl-data" / "fonts" / "ttf" / name
        if path.is_file():
            return path.read_bytes()
    import matplotlib

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
