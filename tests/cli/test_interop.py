"""``carveplan export`` to MS Project XML and PowerPoint, and plans in MS Project XML opened by the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from carveplan.io import native
from carveplan.io.formats import read_agreement
from carveplan.main import main
from tests.helpers.plans import DELAY, partnership


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.carveplan"
    native.save(partnership(), path)
    return path


def test_export_xml_with_a_scenario_then_show_it(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = plan.with_suffix(".xml")
    assert main(["export", str(plan), "-o", str(out), "--scenario", DELAY]) == 0
    assert {line.id for line in read_agreement(out).lines} == {"VNM-1", "VNM-2", "KOR-1", "KOR-2"}
    capsys.readouterr()
    assert main(["show", str(out)]) == 0
    assert "Trade and Security Partnership" in capsys.readouterr().out


def test_export_pptx_in_projector_style(plan: Path) -> None:
    out = plan.with_suffix(".pptx")
    assert main(["export", str(plan), "-o", str(out), "--style", "projector"]) == 0
    assert out.read_bytes()[:2] == b"PK"  # a zip package, as every .pptx is


def test_a_broken_xml_plan_is_reported_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "draft.xml"
    bad.write_text("<Project xmlns='http://schemas.microsoft.com/project'><Tasks><Task><UID>x</UID>")
    assert main(["show", str(bad)]) == 2
    assert "draft.xml: not well-formed XML at line 1" in capsys.readouterr().err


def test_import_command_reads_an_ms_project_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from carveplan.io import native
    from carveplan.main import main
    from carveplan.resources import sample_path

    plan = tmp_path / "plan.xml"
    assert main(["export", str(sample_path()), "-o", str(plan)]) == 0
    out = tmp_path / "back.carveplan"
    assert main(["import", str(plan), "-o", str(out)]) == 0
    assert "39 lines and 15 milestones" in capsys.readouterr().out
    assert len(native.load(out).lines) == 39
