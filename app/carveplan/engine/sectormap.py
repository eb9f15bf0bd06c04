"""The working map from HS codes (and CPC services codes) to the three default sectors."""

from __future__ import annotations

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
CPC_SECTORS: dict[str, SectorId] = {"752": "telecommunications"}


def sector_for_code(code: str, system: CodeSystem = CodeSystem.HS) -> SectorId | None:
    """The default sector a code belongs to, if the map has it.

    National tariff lines (8 or 10 digits) belong where their 6-digit subheading does.

    Args:
        code: the code as text (``0101``, ``27111100``, ``752``).
        system: HS or CPC.

    Returns:
        The sector id, or ``None`` when the code is not in the map.
    """
    digits = "".join(ch for ch in code if ch.isdigit())
    if system is CodeSystem.CPC:
        return next((s for prefix, s in CPC_SECTORS.items() if digits.startswith(prefix)), None)
    return HS_SECTORS.get(digits[:6]) if len(digits) >= 6 else None
