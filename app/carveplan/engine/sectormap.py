"""The working map from HS codes (and CPC services codes) to the three default sectors."""

from __future__ import annotations

from functools import lru_cache

from carveplan.model import CodeSystem, SectorId

# HS 2022 subheadings of each default sector: an illustrative working map, not an official list.
_ENERGY = "270111 270900 271012 271111 271121 271600 284410 850231 850440 850760 854142 854143"
_TELECOMMUNICATIONS = "851713 851761 851762 851771 852560 852910 854470 900110"
_CRITICAL_MINERALS = (
    "253090 282520 283691 260500 810520 280530 284690 850511 260400 750210 250410 380110 811292 282560 "
    "260200 261100 260300"
)
HS_SECTORS: dict[str, SectorId] = {
    **dict.fromkeys(_ENERGY.split(), "energy"),
    **dict.fromkeys(_TELECOMMUNICATIONS.split(), "telecommunications"),
    **dict.fromkeys(_CRITICAL_MINERALS.split(), "critical_minerals"),
}
# Whole chapters and headings (DOMAIN.md's working map): all of chapter 27 (coal, crude, fuels,
# LPG, gas, electricity), uranium and thorium ores 2612, radioactive elements and isotopes 2844-2845;
# the ores of chapter 26 that carry a critical metal, and rare-earth compounds 2846.
_CRITICAL_HEADINGS = "2602 2603 2604 2605 2606 2609 2610 2611 2613 2614 2615 2617 2846"
HS_PREFIXES: dict[str, SectorId] = {
    "27": "energy",
    **dict.fromkeys(("2612", "2844", "2845"), "energy"),
    **dict.fromkeys(_CRITICAL_HEADINGS.split(), "critical_minerals"),
}
CPC_SECTORS: dict[str, SectorId] = {"752": "telecommunications"}
OTHER: SectorId = "other"

# The 21 sections of the Harmonized System, by their first and last chapter.
_SECTIONS = (
    ("I", 1, 5), ("II", 6, 14), ("III", 15, 15), ("IV", 16, 24), ("V", 25, 27), ("VI", 28, 38),
    ("VII", 39, 40), ("VIII", 41, 43), ("IX", 44, 46), ("X", 47, 49), ("XI", 50, 63), ("XII", 64, 67),
    ("XIII", 68, 70), ("XIV", 71, 71), ("XV", 72, 83), ("XVI", 84, 85), ("XVII", 86, 89),
    ("XVIII", 90, 92), ("XIX", 93, 93), ("XX", 94, 96), ("XXI", 97, 97),
)  # fmt: skip


def hs_section(code: str) -> str:
    """The HS section of a code (``Section V`` for 2709), the group a line outside the focus sectors
    is shown in; empty when the code has no chapter."""
    digits = "".join(ch for ch in code if ch.isdigit())
    chapter = int(digits[:2]) if len(digits) >= 2 else 0
    return next((f"Section {name}" for name, first, last in _SECTIONS if first <= chapter <= last), "")


@lru_cache(maxsize=65536)
def sector_for_code(code: str, system: CodeSystem = CodeSystem.HS) -> SectorId | None:
    """The default sector a code belongs to, if the map has it.

    National tariff lines (8 or 10 digits) belong where their 6-digit subheading does; a code under
    a mapped heading or chapter (2612, chapter 27) belongs to its sector.

    Args:
        code: the code as text (``0101``, ``27111100``, ``752``).
        system: HS or CPC.

    Returns:
        The sector id, or ``None`` when the code is not in the map.
    """
    # Most codes of a schedule are digits only, and each is new to the cache: skip the walk for them.
    digits = code if code.isdigit() else "".join(ch for ch in code if ch.isdigit())
    if system is CodeSystem.CPC:
        return next((s for prefix, s in CPC_SECTORS.items() if digits.startswith(prefix)), None)
    if len(digits) >= 6 and digits[:6] in HS_SECTORS:
        return HS_SECTORS[digits[:6]]
    return HS_PREFIXES.get(digits[:4]) or HS_PREFIXES.get(digits[:2])
