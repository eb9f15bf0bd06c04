"""A schedule row's code, code system, sector and description, from its cells and the HS nomenclature."""

from __future__ import annotations

import re
from typing import Any

from carveplan.engine.sectormap import sector_for_code
from carveplan.io import cells
from carveplan.io.schedule.hs import describe
from carveplan.model import CodeSystem, Sector


def hs_code(value: Any) -> str:
    """A code as text: dots and spaces of ``0101.21.00`` dropped; a number regains its leading zero.

    HS codes have an even number of digits (2, 4, 6, 8, 10), so a number cell with an odd count lost
    a leading zero when a spreadsheet took the code for a number.
    """
    if isinstance(value, float | int) and not isinstance(value, bool):
        digits = str(int(value))
        return "0" + digits if len(digits) % 2 else digits
    written = cells.text(value).strip()
    return re.sub(r"[.\s]", "", written) if re.fullmatch(r"[\d.\s]+", written) else written


def code_system(header: str) -> CodeSystem:
    """CPC when the code column's header says so, else HS."""
    return CodeSystem.CPC if "cpc" in header.lower() else CodeSystem.HS


def sector_of(code: str, system: CodeSystem, given: str | None, sectors: tuple[Sector, ...]) -> str | None:
    """The sector id of a row: the one given (by id or name), else the sector map's."""
    if given:
        wanted = given.strip().lower()
        for sector in sectors:
            if wanted in (sector.id.lower(), sector.name.lower()):
                return sector.id
        return re.sub(r"[^0-9a-z]+", "_", wanted).strip("_") or None
    return sector_for_code(code, system)


def description_of(text: str, code: str, system: CodeSystem) -> str:
    """The row's description, or the HS nomenclature's when the row has none."""
    if text.strip() and text.strip().lower() not in ("n/a", "na", "-"):
        return text.strip()
    return describe(code) if system is CodeSystem.HS else ""
