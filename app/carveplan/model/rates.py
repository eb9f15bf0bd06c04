"""The grammar of rates as published: Free, 5%, 4.4¢/kg, €2.5/100 kg, 3.4¢/kg + 2%, 20% max €5/kg."""

from __future__ import annotations

import re
from decimal import Decimal

from carveplan.model.duty import (
    PERCENT,
    PREFIXES,
    Amount,
    Duty,
    Rate,
    format_amount,
    format_duty,
    is_specific,
)
from carveplan.model.grammar import (
    MAX_DIGITS,
    CellError,
    check_percent,
    format_number,
    format_percent,
    parse_number,
)

RATE = (
    "a rate such as Free, 5, 5%, 4.4¢/kg, $1.67/kg, €2.5/100 kg, 3.4¢/kg + 2% "
    "or 238% but not less than $1.67/kg"
)
_WORDS = {"usd": "US$", "eur": "€", "gbp": "£", "jpy": "¥", "aud": "A$", "cad": "C$"}
_CENTS = {"¢": "¢", "c": "¢", "cent": "¢", "cents": "¢", "ct": "¢"}
_NUM = r"[+-]?\d[\d.,]*"
_SPECIFIC = re.compile(
    rf"(?P<pre>US\$|A\$|C\$|NZ\$|\$|€|£|¥|usd|eur|gbp|jpy|aud|cad)?\s*(?P<num>{_NUM})\s*"
    r"(?P<post>¢|cents?|ct|c|usd|eur|gbp|jpy|€|US\$|\$)?\s*/\s*(?P<per>(?:\d+\s*)?[^\d\s/+%][^/+%]{0,30})",
    re.IGNORECASE,
)
_MIN = re.compile(r"\s*(?:,\s*)?(?:but\s+not\s+less\s+than|minimum|min\.?)\s+", re.IGNORECASE)
_MAX = re.compile(r"\s*(?:,\s*)?(?:but\s+not\s+more\s+than|maximum|max\.?)\s+", re.IGNORECASE)
_EACH = re.compile(r"(?<=[^\s/])\s+each$", re.IGNORECASE)
_FREE = frozenset({"free", "duty free", "duty-free", "exempt"})


# --- parsing ------------------------------------------------------------------------
def parse_rate(text: str) -> tuple[Rate, str | None]:
    """A rate as typed or published.

    Args:
        text: ``Free``, ``5``, ``5%``, ``4.4¢/kg``, ``US$30/t``, ``3.4¢/kg + 2%``,
            ``238% but not less than $1.67/kg``, ``20% max €5/kg``.

    Returns:
        ``(value, unit)``: a plain rate is a decimal with its unit (``None`` when the text names none,
        as ``5`` or ``Free``); a compound is a :class:`Duty` (unit ``None``).

    Raises:
        CellError: the text is no rate, or a rate that cannot be true (below zero, above 1,000%).
    """
    written = " ".join(text.split())
    if written.casefold() in _FREE:
        return Decimal(0), None
    body, minimum, maximum = _bounds(written)
    pieces = re.split(r"\s+\+\s+|\s*\+\s*(?=[$€£¥]|US\$|\d)", body)
    alone = len(pieces) == 1 and minimum is None and maximum is None
    parts = tuple(_amount(p, alone) for p in pieces)
    if len(parts) == 1 and minimum is None and maximum is None:
        only = parts[0]
        return only.value, (only.unit if only.unit != PERCENT or "%" in written else None)
    return Duty(parts, minimum, maximum), None


def _bounds(text: str) -> tuple[str, Amount | None, Amount | None]:
    # The body runs to the first bound; each bound's amount runs to the next bound or the end.
    found = sorted(
        [(m.start(), m.end(), "min") for m in _MIN.finditer(text)]
        + [(m.start(), m.end(), "max") for m in _MAX.finditer(text)]
    )
    if not found:
        return text, None, None
    bounds: dict[str, Amount] = {}
    for index, (_start, end, kind) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(text)
        if kind in bounds:
            raise CellError(f"{RATE}; found two {kind}imum amounts")
        bounds[kind] = _amount(text[end:stop])
    return text[: found[0][0]], bounds.get("min"), bounds.get("max")


def _amount(text: str, alone: bool = False) -> Amount:
    # The US tariff schedule charges some duties per unit: "0.9 cents each" is 0.9¢/each.
    piece = _EACH.sub("/each", text.strip())
    specific = _SPECIFIC.fullmatch(piece)
    if specific is None:
        try:
            number = parse_number(piece)
        except CellError as err:
            raise CellError(RATE if err.expected.startswith("a number") else err.expected) from None
        # A bare number alone may be a quota volume or a cap: its line's measure bounds it, not this.
        return Amount(_positive(number) if alone and "%" not in piece else check_percent(number))
    value = _positive(parse_number(specific.group("num")))
    pre, post = specific.group("pre"), specific.group("post")
    if pre and post:
        raise CellError(RATE)
    money = _money(pre or post or "")
    if not money:
        raise CellError(f"{RATE} (a currency: ¢, $, US$, €)")
    per = re.sub(r"^(\d+)\s*", r"\1 ", " ".join(specific.group("per").split()))
    return Amount(value, f"{money}/{per}")


def _money(word: str) -> str:
    folded = word.casefold()
    if folded in _CENTS:
        return "¢"
    if folded in _WORDS:
        return _WORDS[folded]
    return next((p for p in PREFIXES if p.casefold() == folded), "")


def _positive(value: Decimal) -> Decimal:
    if value < 0:
        raise CellError("a value of 0 or more")
    if value and value.adjusted() > MAX_DIGITS:
        raise CellError("a number from 1e-15 to 1e15")
    return value


def format_rate_cell(value: Rate, unit: str = "%") -> str:
    """A rate in a table or text cell: a percentage as a bare number with at least one decimal
    (``6.8``, ``15.0``), others as published."""
    if isinstance(value, Duty):
        return format_duty(value, exact=True)  # every component, so the cell reads back the same shape
    if unit == "%":
        return format_percent(value)
    if not is_specific(unit):
        return format_number(value)
    return format_amount(value, unit) if value else "Free"  # Free reads back as 0 in the line's unit
