"""Tariff-rate quotas: in- and over-quota rows merged on import, both rates and the volume each year."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from carveplan.io.native import file as native
from carveplan.main import main
from carveplan.model.quota import Growth
from tests.helpers import cli

# EU-Viet Nam style: "B10-in quota" stages the in-quota duty in eleven steps (here the built-in ten),
# the over-quota row is unbound; a KORUS-style row marked "10 Years, TRQ" stands alone.
SCHEDULE = (
    "HS Code,Description,Base Rate,Category\n"
    "17019910,Cane sugar (in quota),20,B10-in quota\n"
    "17019910,Cane sugar (over quota),50,U\n"
    '04090000,Natural honey,243,"10 Years, TRQ"\n'
    "27111100,Natural gas liquefied,6.8,5 Years\n"
)


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return cli.imported(capsys, tmp_path, "trq", SCHEDULE, "VNM", "2020-08-01")


def test_in_and_over_quota_rows_become_one_line(imported: Path) -> None:
    lines = {line.code: line for line in native.load(imported).lines}
    assert len(lines) == 3
    sugar = lines["17019910"]
    assert (sugar.description, sugar.base, sugar.category) == ("Cane sugar", Decimal(20), "B10-in quota")
    assert sugar.quota is not None
    assert (sugar.quota.over, sugar.quota.over_category, sugar.quota.volume) == (Decimal(50), "", 0)
    assert "quota volume not given" in sugar.notes
    honey = lines["04090000"]
    assert honey.quota is not None
    assert honey.quota.over == Decimal(243)


def test_trajectory_shows_both_rates_and_the_volume(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreement = native.load(imported)
    # KORUS Appendix 2-B-1 para 13, honey: 200 t duty-free in year 1, growing 3% a year.
    honey = next(line for line in agreement.lines if line.code == "04090000")
    assert honey.quota is not None
    quota = replace(honey.quota, volume=Decimal(200), growth=Decimal(3), growth_kind=Growth.PERCENT)
    lines = tuple(replace(line, quota=quota) if line is honey else line for line in agreement.lines)
    path = tmp_path / "honey.carveplan"
    native.save(replace(agreement, lines=lines), path)
    assert main(["trajectory", str(path), "--from", "2020", "--to", "2024"]) == 0
    rows = [row.split(",") for row in capsys.readouterr().out.splitlines()]
    sugar = [r for r in rows if r[2] == "17019910"]
    assert [r[3] for r in sugar] == [
        "Cane sugar",
        "Cane sugar (over quota)",
        "Cane sugar (quota volume in t)",
    ]
    assert sugar[0][6:] == ["18.0", "16.0", "14.0", "12.0", "10.0"]  # the in-quota duty in ten cuts
    assert sugar[1][6:] == ["50", "50", "50", "50", "50"]  # over quota: unbound, stays
    volume = next(r for r in rows if r[2] == "04090000" and "volume" in r[3])
    # Grown 3% a year from 200 and published in whole tonnes: 225 t in year 5, as the appendix says.
    assert volume[6:] == ["200", "206", "212", "219", "225"]


def test_show_names_the_quota(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(imported)]) == 0
    assert "tariff-rate quota: over 50% | 0 t" in capsys.readouterr().out
