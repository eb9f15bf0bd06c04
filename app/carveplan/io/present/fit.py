"""Text measured as a slide viewer will set it: with the deck's font or the wider of its substitutes.

PowerPoint sets the deck's text in Calibri; LibreOffice, where Calibri is missing, substitutes
Carlito (same metrics) or, failing that, DejaVu Sans, which runs about 15 % wider. A table sized for
Calibri then grows its rows and runs over the footer. Widths here are the largest among the deck's
font and those substitutes found on this machine, and DejaVu Sans, which matplotlib always ships.
"""

from __future__ import annotations

import functools
import unicodedata
import warnings
from collections.abc import Sequence

FONT = "Calibri"
SUBSTITUTES = ("Carlito", "Liberation Sans", "Arial", "DejaVu Sans")
LINE_SPACING = 1.25  # a line's height as a multiple of the font size (DejaVu Sans sets 1.16)
# Viewers hint and kern differently from FreeType at 72 dpi: lines are filled to 93 % of the box, so a
# word measured as fitting never moves to a line of its own there.
SLACK = 0.93
CELL_MARGIN_X, CELL_MARGIN_Y = 0.1, 0.05  # inches: a table cell's default insets


@functools.cache
def _font_files(bold: bool) -> tuple[str, ...]:
    from matplotlib import font_manager

    files: dict[str, None] = {}
    for family in (FONT, *SUBSTITUTES):
        properties = font_manager.FontProperties(family=family, weight="bold" if bold else "normal")
        try:
            files[font_manager.findfont(properties, fallback_to_default=False)] = None
        except ValueError:
            continue  # not installed here
    return tuple(files) or (font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans")),)


@functools.cache
def _font(path: str) -> object:
    from matplotlib.ft2font import FT2Font

    return FT2Font(path)


@functools.lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The widest rendering of one line of ``text`` at ``size`` points, in inches."""
    widest = 0.0
    for path in _font_files(bold):
        font = _font(path)
        font.set_size(size, 72)  # type: ignore[attr-defined]
        with warnings.catch_warnings():
            # A glyph the font lacks is measured as its placeholder box; the viewer falls back too.
            warnings.simplefilter("ignore", UserWarning)
            font.set_text(text)  # type: ignore[attr-defined]
        widest = max(widest, font.get_width_height()[0] / 64 / 72)  # type: ignore[attr-defined]
    return widest


@functools.lru_cache(maxsize=4096)  # the page builder measures the texts the slide writer sets
def line_width(text: str, size: float, bold: bool = False) -> float:
    """The widest rendering of one line of ``text`` at ``size`` points, in inches, from each font's
    glyph advances without kerning (pairs kerned closer only narrow it): a few microseconds against
    the most part of a millisecond :func:`text_width` takes to lay a line out, for the hundreds of
    labels on each of a deck's chart slides."""
    widest = 0.0
    for path in _font_files(bold):
        advances = _advances(path)
        total = 0.0
        for character in text:
            advance = advances.get(character)
            if advance is None:
                advance = advances[character] = _advance(path, character)
            total += advance
        widest = max(widest, total)
    return widest * size / 72


_SIZE = 100.0  # points at which advances are read (they scale linearly; hinting is off)


@functools.cache
def _advances(path: str) -> dict[str, float]:
    return {}


def _advance(path: str, character: str) -> float:
    """One character's advance at one point, in points.

    A glyph the font lacks is set by the viewer in a fallback font: a wide (CJK) character is
    measured a full em, any other as the font's placeholder box.
    """
    from matplotlib.ft2font import LoadFlags

    font = _font(path)
    font.set_size(_SIZE, 72)  # type: ignore[attr-defined]
    if not font.get_char_index(ord(character)):  # type: ignore[attr-defined]
        if unicodedata.east_asian_width(character) in ("W", "F"):
            return 1.0
        glyph = font.load_glyph(0, LoadFlags.NO_HINTING)  # type: ignore[attr-defined]
    else:
        try:
            with warnings.catch_warnings():  # a glyph the font lacks: measured as its placeholder
                warnings.simplefilter("ignore")
                glyph = font.load_char(ord(character), LoadFlags.NO_HINTING)  # type: ignore[attr-defined]
        except RuntimeError:  # a control character or a lone surrogate: the font loads no glyph at all
            glyph = font.load_glyph(0, LoadFlags.NO_HINTING)  # type: ignore[attr-defined]
    return float(glyph.linearHoriAdvance) / 65536 / _SIZE


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` inches, at spaces (a word longer than the
    width is cut, as viewers do)."""
    width *= SLACK
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while text_width(line, size, bold) > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and text_width(line[:cut], size, bold) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def lines_height(count: int, size: float) -> float:
    """The height of ``count`` lines at ``size`` points, in inches."""
    return count * size * LINE_SPACING / 72


def row_height(values: Sequence[str], widths: Sequence[float], size: float, bold: bool = False) -> float:
    """The height a table row needs for ``values`` in columns ``widths`` (inches), margins included."""
    lines = max(len(wrap(v, w - 2 * CELL_MARGIN_X, size, bold)) for v, w in zip(values, widths, strict=True))
    return lines_height(lines, size) + 2 * CELL_MARGIN_Y
