"""Mistakes a negotiator makes on the command line: a clear message and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from carveplan.io.native import save
from carveplan.main import main
from tests.helpers.schedules import sample_schedule


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.carveplan"
    save(sample_schedule().agreement, path)
    return path


@pytest.mark.parametrize("dpi", ["0", "-5", "100000", "many"])
def test_export_refuses_a_dpi_out_of_range(
    dpi: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chart.png"
    with pytest.raises(SystemExit) as stop:
        main(["export", str(sample_file), "-o", str(out), "--dpi", dpi])
    assert stop.value.code == 2
    assert "--dpi" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".xlsx", ".ics", ".pptx", ".png", ".xml"])
def test_export_refuses_an_unknown_party_in_every_format(
    suffix: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"out{suffix}"
    status = main(["export", str(sample_file), "-o", str(out), "--party", "ZZZ"])
    assert status == 2
    assert "ZZZ" in capsys.readouterr().err
    assert not out.exists()


def test_workbook_export_takes_a_sector_by_its_name(sample_file: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    by_name, by_id = tmp_path / "name.xlsx", tmp_path / "id.xlsx"
    assert main(["export", str(sample_file), "-o", str(by_name), "--sector", "Energy", "--party", "vnm"]) == 0
    assert main(["export", str(sample_file), "-o", str(by_id), "--sector", "energy", "--party", "VNM"]) == 0
    named, ided = load_workbook(by_name)["Lines"], load_workbook(by_id)["Lines"]
    rows = [[c.value for c in row] for row in named.iter_rows()]
    assert len(rows) > 1
    assert rows == [[c.value for c in row] for row in ided.iter_rows()]


def test_import_of_a_folder_says_it_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "schedules.csv"
    folder.mkdir()
    out = tmp_path / "out.carveplan"
    assert main(["import", str(folder), "-o", str(out), "--party", "VNM"]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_export_refuses_a_chart_window_outside_the_planning_calendar(
    option: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chart.png"
    with pytest.raises(SystemExit) as stop:
        main(["export", str(sample_file), "-o", str(out), option, "9999-12-31"])
    assert stop.value.code == 2
    assert "from 1900 to 2200" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("year", ["0000", "9999"])
def test_trajectory_refuses_a_year_outside_the_planning_calendar(
    year: str, sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["trajectory", str(sample_file), "--from", year])
    assert stop.value.code == 2
    assert "from 1900 to 2200" in capsys.readouterr().err
