"""An independent reader (MPXJ, the library behind most MS Project importers) reads our export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from carveplan.io.formats import ExportOptions
from carveplan.io.mspdi.export import export_mspdi
from tests.helpers.java import mspdi_reader
from tests.helpers.plans import DELAY, partnership

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
