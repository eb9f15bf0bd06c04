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
