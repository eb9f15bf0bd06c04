"""The HS sector map: 6-digit subheadings, and national lines below them."""

from __future__ import annotations

import pytest

from carveplan.engine.sectormap import HS_SECTORS, hs_section, sector_for_code
from carveplan.model import CodeSystem


@pytest.mark.parametrize(
    ("code", "sector"),
    [
        ("271111", "energy"),
        ("2711110000", "energy"),
        ("8517.61", "telecommunications"),
        ("85176100", "telecommunications"),
        ("253090", "critical_minerals"),
        ("0101", None),
        ("010121", None),
        ("2711", "energy"),
        ("2710.19.71", "energy"),  # diesel and fuel oils
        ("27111200", "energy"),  # LPG
        ("271600", "energy"),
        ("261210", "energy"),  # uranium ores
        ("2844.10", "energy"),
        ("284610", "critical_minerals"),  # rare-earth compounds
        ("260500", "critical_minerals"),
        ("2601", None),  # iron ore carries no critical metal
        ("7", None),
    ],
)
def test_codes_map_to_sectors(code: str, sector: str | None) -> None:
    assert sector_for_code(code) == sector


def test_cpc_services() -> None:
    assert sector_for_code("7521", CodeSystem.CPC) == "telecommunications"
    assert sector_for_code("84", CodeSystem.CPC) is None


def test_map_has_the_three_sectors_and_six_digit_codes() -> None:
    assert set(HS_SECTORS.values()) == {"energy", "telecommunications", "critical_minerals"}
    assert all(len(code) == 6 and code.isdigit() for code in HS_SECTORS)


@pytest.mark.parametrize(
    ("code", "section"),
    [("010121", "Section I"), ("2709", "Section V"), ("8517.62", "Section XVI"), ("9701", "Section XXI")],
)
def test_hs_sections_group_the_other_lines(code: str, section: str) -> None:
    assert hs_section(code) == section
    assert hs_section("x") == ""


# DOMAIN.md, "Illustrative HS codes for the three sectors": every code it lists maps to its sector.
_DOMAIN_MAP = {
    "energy": "2701 2709 271012 271019 271112 271119 271111 271121 271600 2612 2844 850231 850440 850760 "
    "854142 854143",
    "telecommunications": "851713 851761 851762 851771 852560 852910 854470 900110",
    "critical_minerals": "2602 2603 2604 2605 2606 2609 2610 2611 2613 2614 2615 2617 2846 253090 282520 "
    "283691 260500 810520 280530 284690 850511 260400 750210 250410 380110 811292 282560 260200 261100 "
    "260300",
}


@pytest.mark.parametrize(
    ("sector", "code"), [(s, c) for s, codes in _DOMAIN_MAP.items() for c in codes.split()]
)
def test_domain_map_codes(sector: str, code: str) -> None:
    assert sector_for_code(code + "00") == sector
