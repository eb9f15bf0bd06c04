"""Built-in staging categories: the spellings real schedules use (NAFTA, KORUS, CPTPP, US–Chile)."""

from __future__ import annotations

import re
from decimal import Decimal

from carveplan.model import Cuts, StagingCategory, StagingKind

# Longer than any real linear staging (KORUS goes to 30 years), so "1990" is not read as years.
MAX_YEARS = 50

_IMMEDIATE = frozenset({"A", "EIF", "IMMEDIATE", "IMMEDIATELY", "0"})
_EXCLUDED = frozenset({"U", "EXCL", "EX", "H", "X", "EXCLUDED", "EXCLUSION", "EXCL.", "MFN", "NO CUT"})
_NAMED_LINEAR = {"B": 5, "C": 10, "C+": 15}
_BACK_LOADED = {"E": (6, 4), "20-A": (10, 10)}
# NAFTA B+: -20% in year 1, nothing in year 2, -10% a year for five years, the last 30% in year 8.
_B_PLUS = tuple(Decimal(s) for s in ("0.2", "0", "0.1", "0.1", "0.1", "0.1", "0.1", "0.3"))
_YEARS = re.compile(r"(?:B|Y-?|STAGING\s*)?(\d{1,2})(?:\s*-?\s*(?:YEARS?|YRS?|Y))?")


def builtin_category(code: str) -> StagingCategory | None:
    """A staging category recognized from a common spelling, ignoring case and spacing.

    Args:
        code: e.g. ``A``, ``EIF``, ``B``, ``C``, ``B10``, ``5 Years``, ``Y-5``, ``E``, ``20-A``,
            ``B+``, ``U``, ``EXCL``.

    Returns:
        The category with ``code`` as written (stripped), or ``None`` when the spelling is not a
        built-in one (agreement-specific codes such as ``PR-1`` or ``TRQ-…`` need a definition).
    """
    written = " ".join(code.split())
    key = written.upper()
    if not key:
        return None
    if key in _IMMEDIATE:
        return StagingCategory(written, StagingKind.IMMEDIATE, description="final value from EIF")
    if key == "A+EP":  # EU-Viet Nam Annex 2-A: the ad valorem part goes at EIF, the entry price stays
        text = "ad valorem component free from EIF; the specific component remains"
        return StagingCategory(written, StagingKind.IMMEDIATE, description=text, cuts=Cuts.AD_VALOREM)
    if key in _EXCLUDED:
        return StagingCategory(written, StagingKind.EXCLUDED, description="no commitment")
    if key == "B+":
        return StagingCategory(written, StagingKind.NON_LINEAR, shares=_B_PLUS, description="NAFTA B+")
    if key in _BACK_LOADED:
        hold, stages = _BACK_LOADED[key]
        text = f"base held {hold} years, then {stages} equal annual cuts"
        return StagingCategory(written, StagingKind.BACK_LOADED, stages=stages, hold=hold, description=text)
    years = _NAMED_LINEAR.get(key) or _linear_years(key)
    if years is None:
        return None
    if years == 0:
        return StagingCategory(written, StagingKind.IMMEDIATE, description="final value from EIF")
    return StagingCategory(
        written, StagingKind.LINEAR, stages=years, description=f"{years} equal annual stages"
    )


def _linear_years(key: str) -> int | None:
    match = _YEARS.fullmatch(key)
    if match is None:
        return None
    years = int(match.group(1))
    return years if years <= MAX_YEARS else None
