"""A schedule row's code, code system, sector and description, from its cells and the HS nomenclature."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from carveplan.engine.sectormap import OTHER, sector_for_code
from carveplan.io import cells
from carveplan.io.schedule.hs import describe
from carveplan.model import CodeSystem, Sector

# A tuple, not ``float | int``: that union is built on every call, and a code is read per row.
_NUMBERS = (float, int)
MAX_CODE_DIGITS = 14  # national tariff lines have up to 12 digits
CODE_EXPECTED = (
    f"a code such as 270900 or 2709.00 (as a number, a whole one of at most {MAX_CODE_DIGITS} digits)"
)


def hs_code(value: Any, width: int = 0) -> str:
    """A code as text, as printed (``2710.12.11`` keeps its dots); a number regains its leading zeros.

    A spreadsheet that took ``0101101000`` for a number shows ``101101000``: a number one digit
    short of the schedule's ``width`` gets its zero back. Without a width, an odd count of digits
    does (HS codes have 2, 4, 6, 8 or 10).

    Raises:
        cells.CellError: for a number cell that cannot be a code (not whole, not finite, too long).
    """
    if isinstance(value, _NUMBERS) and not isinstance(value, bool):
        # inf, NaN, 1e400 (read as inf), 2709.5 or a 300-digit number is no code a spreadsheet mangled.
        if not (isinstance(value, int) or value.is_integer()) or not 0 < value < 10**MAX_CODE_DIGITS:
            raise cells.CellError(CODE_EXPECTED)
        digits = str(int(value))
        wanted = width if width else len(digits) + len(digits) % 2
        return digits.zfill(wanted) if len(digits) == wanted - 1 else digits
    written = cells.text(value).strip()
    if written.isdigit():  # most cells of a tool export
        return written
    return _SPACES.sub("", written) if _DOTTED.fullmatch(written) else written


_NOT_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s")
_DOTTED = re.compile(r"[\d.\s]+")


def digits_of(code: str) -> str:
    """The digits of a code: ``2710.12.11`` and ``27101211`` are the same line."""
    return code if code.isdigit() else _NOT_DIGITS.sub("", code)


def code_width(values: Iterable[Any]) -> int:
    """The digit count of the schedule's national lines: the most common one among text codes."""
    values = list(values)  # read twice: text codes first, numbers when there are none
    texts = [v for v in values if isinstance(v, str)]
    plain = list(filter(str.isdigit, texts))  # most codes of a tool export: counted without a Python loop
    if len(plain) == len(texts):
        counts = Counter(map(len, plain))
        tied = [width for width, count in counts.most_common(2) if count == max(counts.values())]
        if len(tied) == 1:
            return tied[0]  # a tie is decided by the first code below: count in order then
    counts = Counter(len(v) if v.isdigit() else len(digits_of(v)) for v in texts if v.strip()[:1].isdigit())
    if not counts:
        counts = Counter(len(str(int(v))) + len(str(int(v))) % 2 for v in values if _is_number(v))
    return counts.most_common(1)[0][0] if counts else 0


def _is_number(value: Any) -> bool:
    # Finite only: a cell of inf or 1e400 has no digit count (int() of it would overflow).
    return isinstance(value, _NUMBERS) and not isinstance(value, bool) and math.isfinite(value)


def code_system(header: str) -> CodeSystem:
    """CPC when the code column's header says so, else HS."""
    return CodeSystem.CPC if "cpc" in header.lower() else CodeSystem.HS


def sector_of(code: str, system: CodeSystem, given: str | None, sectors: tuple[Sector, ...]) -> str:
    """The sector id of a row: the one given (by id or name), else the sector map's, else ``other``."""
    if given:
        wanted = given.strip().lower()
        for sector in sectors:
            if wanted in (sector.id.lower(), sector.name.lower()):
                return sector.id
        return re.sub(r"[^0-9a-z]+", "_", wanted).strip("_") or OTHER
    return sector_for_code(code, system) or OTHER


def description_of(text: str, code: str, system: CodeSystem) -> str:
    """The row's description, or the HS nomenclature's when the row has none."""
    written = text.strip()
    if written and written.lower() not in ("n/a", "na", "-"):
        return written
    return describe(code) if system is CodeSystem.HS else ""
