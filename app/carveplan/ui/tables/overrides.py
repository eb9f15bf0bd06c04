"""Scenario overrides as one line of text: ``delay REG-1 18m; missed DATA-2; eif 2028-01-01`` (no Qt)."""

from __future__ import annotations

import re

from carveplan.model import (
    EifMoved,
    ExceptionInvoked,
    MilestoneDelay,
    MilestoneMissed,
    Override,
    format_timing,
)
from carveplan.ui.tables.cells import CellError, parse_date, parse_timing_cell

FORMS = (
    "delay <milestone> <n>m",
    "missed <milestone>",
    "invoke <exception> <start> <n>m",
    "eif <YYYY-MM-DD>",
)
_DURATION = re.compile(r"(\d{1,4})\s*([my])", re.IGNORECASE)


def format_override(override: Override) -> str:
    """One override in the form :func:`parse_override` reads."""
    if isinstance(override, MilestoneDelay):
        return f"delay {override.milestone} {override.months}m"
    if isinstance(override, MilestoneMissed):
        return f"missed {override.milestone}"
    if isinstance(override, ExceptionInvoked):
        return f"invoke {override.exception} {format_timing(override.start)} {override.duration_months}m"
    return f"eif {override.eif.isoformat()}"


def format_overrides(overrides: tuple[Override, ...]) -> str:
    """All overrides, separated by ``; ``."""
    return "; ".join(format_override(o) for o in overrides)


def parse_overrides(text: str) -> tuple[Override, ...]:
    """Read overrides separated by ``;`` (or new lines).

    Args:
        text: e.g. ``delay REG-1 18m; missed DATA-2; invoke EXC-1 2029-03-01 24m; eif 2028-01-01``.

    Returns:
        The overrides in the order written.

    Raises:
        CellError: naming the clause (1-based) that cannot be read and the forms accepted.
    """
    clauses = [c.strip() for c in re.split(r"[;\n]", text)]
    overrides: list[Override] = []
    for number, clause in enumerate(clauses, start=1):
        if not clause:
            continue
        try:
            overrides.append(parse_override(clause))
        except CellError as err:
            raise CellError.plain(f"clause {number} {clause!r}: {err}") from None
    return tuple(overrides)


def parse_override(clause: str) -> Override:
    """Read one override such as ``delay REG-1 18m``."""
    words = clause.split()
    verb = words[0].casefold() if words else ""
    args = words[1:]
    if verb == "delay" and len(args) == 2:
        return MilestoneDelay(_ident(args[0]), _months(args[1]))
    if verb in ("missed", "miss") and len(args) == 1:
        return MilestoneMissed(_ident(args[0]))
    if verb == "invoke" and len(args) >= 3:
        # The start may be written with spaces ("EIF + 6m"); the duration is always the last word.
        start = parse_timing_cell(" ".join(args[1:-1]))
        return ExceptionInvoked(_ident(args[0]), start, _months(args[-1]))
    if verb == "eif" and len(args) == 1:
        return EifMoved(parse_date(args[0]))
    raise CellError.plain("expected one of: " + "; ".join(FORMS))


def _ident(word: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", word):
        raise CellError.plain(f"{word!r} is not an id (letters, digits, '-', '_', '.')")
    return word


def _months(word: str) -> int:
    match = _DURATION.fullmatch(word)
    if not match:
        raise CellError.plain(f"{word!r} is not a duration such as 18m or 2y")
    amount = int(match.group(1))
    months = amount * 12 if match.group(2).lower() == "y" else amount
    if months < 1:
        raise CellError.plain(f"{word!r}: a duration of at least one month")
    return months
