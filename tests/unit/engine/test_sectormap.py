"""The HS sector map: 6-digit subheadings, and national lines below them."""

from __future__ import annotations

import pytest

from carveplan.engine.sectormap import HS_SECTORS, sector_for_code
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
        ("2711", None),
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
