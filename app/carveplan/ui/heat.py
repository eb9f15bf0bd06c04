"""Colours and words of the divergence heatmap (no Qt): early years light, late years dark."""

from __future__ import annotations

from carveplan.engine.divergence import DivergenceCell, DivergenceMatrix, SectorSpread

# ColorBrewer "Blues" ends: a one-hue ramp that reads the same with every colour-vision deficiency
# and in greyscale, so "darker is later" survives a photocopy.
EARLY = "#EFF3FF"
LATE = "#08306B"
# The spread column is not a year: an orange ramp keeps it apart from the blues.
SPREAD_NONE = "#FFF5EB"
SPREAD_WIDE = "#E6550D"
EXCLUDED = "#E0E0E0"
BLOCKED = "#7F7F7F"
DARK_TEXT = "#1A1A1A"
LIGHT_TEXT = "#FFFFFF"


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(start: str, end: str, share: float) -> str:
    """The colour ``share`` of the way from ``start`` to ``end`` (clamped to 0-1), as ``#RRGGBB``."""
    share = min(1.0, max(0.0, share))
    parts = (round(a + (b - a) * share) for a, b in zip(_rgb(start), _rgb(end), strict=True))
    return "#" + "".join(f"{p:02X}" for p in parts)


def year_range(matrix: DivergenceMatrix) -> tuple[int, int] | None:
    """The earliest and latest final year of any cell (``None`` when no cell has one)."""
    years = [c.final_year for c in matrix.cells if c.final_year is not None and not c.blocked]
    return (min(years), max(years)) if years else None


def year_colour(year: int, first: int, last: int) -> str:
    """The colour of ``year`` on a scale from ``first`` (light) to ``last`` (dark).

    Args:
        year: the cell's final year.
        first: the earliest year in the matrix.
        last: the latest year in the matrix.

    Returns:
        ``#RRGGBB``; the middle of the ramp when every cell has the same year.
    """
    share = 0.5 if last == first else (year - first) / (last - first)
    return mix(EARLY, LATE, share)


def spread_colour(years: int | None, widest: int) -> str:
    """The colour of a sector's spread: pale when the parties agree, strong at the widest spread."""
    if not years or widest <= 0:
        return SPREAD_NONE
    return mix(SPREAD_NONE, SPREAD_WIDE, 0.25 + 0.75 * years / widest)


def text_colour(background: str) -> str:
    """Dark text on light backgrounds, white on dark ones (WCAG relative luminance below 0.35)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(background))
    return LIGHT_TEXT if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.35 else DARK_TEXT


def cell_tooltip(cell: DivergenceCell, sector: str, party: str) -> str:
    """What a heatmap cell stands for, in words: counts, final date and the exceptions covering it."""
    if not cell.lines:
        return f"{party} has no lines in {sector}"
    rows = [
        f"{party} — {sector}",
        f"{cell.lines} lines: {cell.committed} committed, {cell.excluded} excluded",
    ]
    if cell.partial:
        rows.append(f"{cell.partial} partial (never fully liberalized)")
    if cell.blocked:
        rows.append(f"{cell.blocked} blocked: never reach their final value in this scenario")
    elif cell.final_date is not None:
        rows.append(f"Final value reached on {cell.final_date.isoformat()}")
    if cell.exceptions:
        rows.append("Exceptions covering them: " + ", ".join(cell.exceptions))
    if cell.invoked:
        rows.append("Invoked in this scenario: " + ", ".join(cell.invoked))
    return "\n".join(rows)


def spread_text(spread: SectorSpread) -> str:
    """The spread cell: ``7 years``, ``same year`` or nothing when fewer than two parties get there."""
    if spread.spread_years is None:
        return ""
    if spread.spread_years == 0:
        return "same year" if len(spread.fastest) > 1 else ""
    return f"{spread.spread_years} year{'s' if spread.spread_years != 1 else ''}"


def spread_tooltip(spread: SectorSpread) -> str:
    """Who is fastest and slowest in a sector, and who never gets there."""
    rows: list[str] = []
    if spread.first_year is not None:
        rows.append(f"Fastest: {', '.join(spread.fastest)} ({spread.first_year})")
        rows.append(f"Slowest: {', '.join(spread.slowest)} ({spread.last_year})")
    if spread.blocked:
        rows.append(f"Never (blocked): {', '.join(spread.blocked)}")
    return "\n".join(rows) or "No party's lines reach their final value"
