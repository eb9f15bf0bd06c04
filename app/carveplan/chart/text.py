"""Words on the chart: values as negotiators write them, and whether a label fits its space."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import assert_never

from carveplan.engine.schedule import ResolvedPhase
from carveplan.model import Duty, Line, MeasureKind, Rate
from carveplan.model.duty import format_rate, is_specific
from carveplan.model.grammar import format_percent

# Average glyph width as a share of the font size, for the sans-serif fonts matplotlib ships.
_GLYPH = 0.58


def format_number(value: Decimal, places: int | None = None) -> str:
    """``value`` with thousands separators, at least ``places`` decimals when given."""
    if places is not None and -value.as_tuple().exponent <= places:  # type: ignore[operator]
        return f"{value:,.{places}f}"
    text = f"{value.normalize():,f}"
    return text


def phase_notes(phase: ResolvedPhase, day: Callable[[date | None], str] = str) -> list[str]:
    """Why a phase starts when it does: ``gated by …``, ``moved from … by …``, ``blocked by …``.

    Args:
        phase: the resolved phase.
        day: how a date is written.

    Returns:
        The notes that apply, in that order.
    """
    notes = []
    if phase.gates:
        notes.append("gated by " + ", ".join(phase.gates))
    if phase.delayed_by:
        notes.append(f"moved from {day(phase.nominal_start)} by " + ", ".join(phase.delayed_by))
    if phase.blocked_by:
        notes.append("blocked by " + ", ".join(phase.blocked_by))
    return notes


def format_value(line: Line, value: Rate) -> str:
    """The value in force as negotiators write it.

    Args:
        line: the line (its measure and unit decide the form).
        value: the value.

    Returns:
        ``6.4%`` for a tariff, ``cap 49.0%`` for an equity cap, ``12,000 t`` for a quota,
        ``required`` / ``removed`` for licensing; duties as published (``3.5¢/kg``, ``3.4¢/kg + 2%``).
    """
    if isinstance(value, Duty):
        return format_rate(value, line.unit)
    # A deck writes a few rates thousands of times: each is worded once. The key is the value as
    # written, so 15 and 15.00 (equal numbers) keep their own digits.
    key = (line.measure, line.unit, str(value))
    text = _WORDED.get(key)
    if text is None:
        if len(_WORDED) >= _WORDED_MOST:
            _WORDED.clear()
        text = _WORDED[key] = _worded(line.measure, line.unit, value)
    return text


_WORDED: dict[tuple[MeasureKind, str, str], str] = {}
_WORDED_MOST = 4096


def _worded(measure: MeasureKind, unit: str, value: Decimal) -> str:
    if is_specific(unit):
        return format_rate(value, unit)
    match measure:
        case MeasureKind.TARIFF:
            number = format_percent(value) if unit == "%" else format_number(value, 1)
            return f"{number}{_unit(unit)}"
        case MeasureKind.EQUITY_CAP:  # the number as the table has it (49.0), with the word
            number = format_percent(value) if unit == "%" else format_number(value)
            return f"cap {number}{_unit(unit)}"
        case MeasureKind.LICENSING if unit not in ("%", ""):
            return "required" if value else "removed"
        case MeasureKind.LOCAL_CONTENT if not value:
            return "removed"
        case MeasureKind.QUOTA | MeasureKind.LICENSING | MeasureKind.LOCAL_CONTENT | MeasureKind.OTHER:
            return f"{format_number(value)}{_unit(unit)}"
        case _:
            assert_never(measure)


def transition(line: Line, before: Rate, after: Rate) -> str:
    """``8.0% → 6.4%``: a change of value."""
    return f"{format_value(line, before)} → {format_value(line, after)}"


def shorten(text: str, chars: int) -> str:
    """``text`` cut to ``chars`` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: max(1, chars - 1)].rstrip() + "…"


def text_points(text: str, font_size: float) -> float:
    """An estimate of the width of ``text`` in points (no renderer needed, so it is cheap)."""
    longest = max(len(part) for part in text.split("\n")) if "\n" in text else len(text)
    return longest * font_size * _GLYPH


def _unit(unit: str) -> str:
    if unit in ("%", ""):
        return unit
    return f" {unit}"
