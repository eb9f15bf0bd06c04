"""An independent reader (MPXJ, the library behind most MS Project importers) reads our export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from carveplan.io.formats import ExportOptions
from carveplan.io.mspdi.export import export_mspdi
from carveplan.io.mspdi.importer import read_mspdi
from carveplan.io.native.file import load
from carveplan.resources import sample_path
from tests.helpers.java import mspdi_reader
from tests.helpers.plans import DELAY, MISSED, partnership

SAMPLE = sample_path()

__all__ = ["mspdi_reader"]  # the fixture, imported so pytest finds it


def _read(reader: Any, tmp_path: Path) -> dict[str, Any]:
    target = tmp_path / "plan.xml"
    export_mspdi(partnership(), target, ExportOptions(scenario=DELAY, today=date(2026, 11, 25)))
    project = reader().read(str(target))
    return {str(task.getName()): task for task in project.getTasks() if task.getID() is not None}


def _day(stamp: Any) -> date:
    return date.fromisoformat(str(stamp.toLocalDate()))


def test_mpxj_reads_tasks_dates_and_outline(mspdi_reader: Any, tmp_path: Path) -> None:
    tasks = _read(mspdi_reader, tmp_path)
    assert {"Energy", "VNM — Viet Nam", "270900 Crude petroleum oils", "Stage 1/5", "Tranche 2"} <= set(tasks)
    tranche = tasks["Tranche 2"]
    assert str(tranche.getParentTask().getName()) == "752 Mobile services"
    assert _day(tranche.getStart()) == date(2029, 6, 15)  # the delay scenario: REG-1 a year late
    assert _day(tranche.getFinish()) == date(2029, 12, 31)
    assert _day(tranche.getBaselineStart()) == date(2028, 6, 15)
    assert float(tranche.getNumber(1).doubleValue()) == 35.0
    assert bool(tasks["Energy"].getSummary())


def test_mpxj_reads_milestones_and_links(mspdi_reader: Any, tmp_path: Path) -> None:
    from org.mpxj import RelationType  # type: ignore[import-not-found]

    tasks = _read(mspdi_reader, tmp_path)
    regulator = tasks["REG-1 Energy regulator aligned"]
    assert bool(regulator.getMilestone())
    assert _day(regulator.getStart()) == _day(regulator.getFinish()) == date(2028, 9, 15)
    assert float(regulator.getDuration().getDuration()) == 0.0
    (link,) = tasks["Tranche 2"].getPredecessors()
    assert str(link.getPredecessorTask().getName()) == "VER-1 Independent verification"
    assert link.getType() == RelationType.FINISH_START
    assert float(link.getLag().getDuration()) == 6.0
    assert str(link.getLag().getUnits()) == "emo"  # elapsed months
    (gate,) = tasks["270900 Crude petroleum oils"].getPredecessors()
    assert gate.getPredecessorTask() == regulator


def test_mpxj_shows_the_scenario_states(mspdi_reader: Any, tmp_path: Path) -> None:
    target = tmp_path / "plan.xml"
    export_mspdi(partnership(), target, ExportOptions(scenario=MISSED, today=date(2026, 11, 25)))
    tasks = {
        str(t.getName()): t for t in mspdi_reader().read(str(target)).getTasks() if t.getID() is not None
    }
    missed = tasks["[MISSED] VER-1 Independent verification"]
    assert not bool(missed.getActive())
    assert bool(missed.getFlag(1))
    assert str(missed.getText(24)) == "missed"
    blocked = tasks["[BLOCKED] Tranche 2"]
    assert bool(blocked.getFlag(1))
    assert "blocked until VER-1 is met" in str(blocked.getNotes())
    assert str(blocked.getParentTask().getOutlineNumber()) == "3.1.1"


@pytest.mark.parametrize("scenario", [None, MISSED])
def test_a_plan_resaved_by_mpxj_reads_as_it_was_written(
    mspdi_reader: Any, tmp_path: Path, scenario: str | None
) -> None:
    # MPXJ, like MS Project, leaves zero and false values out when it saves: they are the defaults.
    from org.mpxj.mspdi import MSPDIWriter  # type: ignore[import-not-found]

    written, resaved = tmp_path / "plan.xml", tmp_path / "resaved.xml"
    agreement = load(SAMPLE) if scenario is None else partnership()
    export_mspdi(agreement, written, ExportOptions(scenario=scenario, today=date(2026, 11, 25)))
    MSPDIWriter().write(mspdi_reader().read(str(written)), str(resaved))
    assert b"<Value>0</Value>" not in resaved.read_bytes()
    assert read_mspdi(resaved) == read_mspdi(written)
