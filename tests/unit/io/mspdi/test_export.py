"""MS Project XML export: outline, milestones, links, baseline, schema order, cancelling."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from carveplan.io.errors import Cancelled, WriteError
from carveplan.io.formats import ExportOptions, exporter_for
from carveplan.io.mspdi.export import mspdi_bytes
from carveplan.io.mspdi.fields import FIELDS, NS
from tests.helpers.plans import DELAY, MISSED, partnership

TODAY = date(2026, 11, 25)
Q = f"{{{NS}}}"

# Child order of <Project> and <Task> in the MSPDI schema (the parts this exporter may write).
PROJECT_ORDER = [
    "SaveVersion", "UID", "Name", "GUID", "Title", "Subject", "Category", "Company", "Manager", "Author",
    "CreationDate", "Revision", "LastSaved", "ScheduleFromStart", "StartDate", "FinishDate", "FYStartDate",
    "CriticalSlackLimit", "CurrencyDigits", "CurrencySymbol", "CurrencyCode", "CurrencySymbolPosition",
    "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek",
    "DaysPerMonth", "DefaultTaskType", "DefaultFixedCostAccrual", "DefaultStandardRate",
    "DefaultOvertimeRate", "DurationFormat", "WorkFormat", "EditableActualCosts", "HonorConstraints",
    "EarnedValueMethod", "InsertedProjectsLikeSummary", "MultipleCriticalPaths", "NewTasksEffortDriven",
    "NewTasksEstimated", "SplitsInProgressTasks", "SpreadActualCost", "SpreadPercentComplete",
    "TaskUpdatesResource", "FiscalYearStart", "WeekStartDay", "MoveCompletedEndsBack",
    "MoveRemainingStartsBack", "MoveRemainingStartsForward", "MoveCompletedEndsForward",
    "BaselineForEarnedValue", "AutoAddNewResourcesAndTasks", "StatusDate", "CurrentDate",
    "MicrosoftProjectServerURL", "Autolink", "NewTaskStartDate", "NewTasksAreManual",
    "DefaultTaskEVMethod", "ProjectExternallyEdited", "ExtendedCreationDate", "ActualsInSync",
    "RemoveFileProperties", "AdminProject", "BaselineCalendar", "OutlineCodes", "WBSMasks",
    "ExtendedAttributes", "Calendars", "Tasks", "Resources", "Assignments",
]  # fmt: skip
TASK_ORDER = [
    "UID", "GUID", "ID", "Name", "Active", "Manual", "Type", "IsNull", "CreateDate", "Contact", "WBS",
    "WBSLevel", "OutlineNumber", "OutlineLevel", "Priority", "Start", "Finish", "Duration",
    "DurationFormat", "Work", "Stop", "Resume", "ResumeValid", "EffortDriven", "Recurring",
    "OverAllocated", "Estimated", "Milestone", "Summary", "DisplayAsSummary", "Critical", "IsSubproject",
    "IsSubprojectReadOnly", "SubprojectName", "ExternalTask", "ExternalTaskProject", "EarlyStart",
    "EarlyFinish", "LateStart", "LateFinish", "StartVariance", "FinishVariance", "WorkVariance",
    "FreeSlack", "TotalSlack", "StartSlack", "FinishSlack", "FixedCost", "FixedCostAccrual",
    "PercentComplete", "PercentWorkComplete", "Cost", "OvertimeCost", "OvertimeWork", "ActualStart",
    "ActualFinish", "ActualDuration", "ActualCost", "ActualOvertimeCost", "ActualWork",
    "ActualOvertimeWork", "RegularWork", "RemainingDuration", "RemainingCost", "RemainingWork",
    "RemainingOvertimeCost", "RemainingOvertimeWork", "ACWP", "CV", "ConstraintType", "CalendarUID",
    "ConstraintDate", "Deadline", "LevelAssignments", "LevelingCanSplit", "LevelingDelay",
    "LevelingDelayFormat", "PreLeveledStart", "PreLeveledFinish", "Hyperlink", "HyperlinkAddress",
    "HyperlinkSubAddress", "IgnoreResourceCalendar", "Notes", "HideBar", "Rollup", "BCWS", "BCWP",
    "PhysicalPercentComplete", "EarnedValueMethod", "PredecessorLink", "ActualWorkProtected",
    "ActualOvertimeWorkProtected", "ExtendedAttribute", "Baseline",
]  # fmt: skip


def _project(scenario: str | None = None) -> ET.Element:
    data = mspdi_bytes(partnership(), ExportOptions(scenario=scenario, today=TODAY), name="plan")
    return ET.fromstring(data)


def _tasks(project: ET.Element) -> dict[str, ET.Element]:
    return {t.findtext(f"{Q}Name", ""): t for t in project.iter(f"{Q}Task")}


def _field(task: ET.Element, key: str) -> str | None:
    for attribute in task.iter(f"{Q}ExtendedAttribute"):
        if attribute.findtext(f"{Q}FieldID") == str(FIELDS[key][1]):
            return attribute.findtext(f"{Q}Value", "")
    return None


def _in_schema_order(element: ET.Element, order: list[str]) -> bool:
    names = [child.tag.removeprefix(Q) for child in element]
    positions = [order.index(name) for name in names]
    return positions == sorted(positions)


def test_outline_has_sector_party_line_and_phase_levels() -> None:
    tasks = _tasks(_project())
    expected = {
        "Energy": ("1", "1"),
        "VNM — Viet Nam": ("2", "1"),
        "270900 Crude petroleum oils": ("3", "1"),
        "Stage 1/5": ("4", "0"),
        "Tranche 2": ("4", "0"),
        "Compliance milestones": ("1", "1"),
    }
    for name, (level, summary) in expected.items():
        assert tasks[name].findtext(f"{Q}OutlineLevel") == level, name
        assert tasks[name].findtext(f"{Q}Summary") == summary, name


def test_outline_numbers_follow_the_levels_for_readers_that_nest_by_them() -> None:
    project = _project()
    rows = [
        (t.findtext(f"{Q}OutlineLevel"), t.findtext(f"{Q}OutlineNumber")) for t in project.iter(f"{Q}Task")
    ]
    assert rows[:6] == [
        ("1", "1"),
        ("1", "2"),
        ("2", "2.1"),
        ("3", "2.1.1"),
        ("4", "2.1.1.1"),
        ("4", "2.1.1.2"),
    ]
    assert all(number.count(".") + 1 == int(level) for level, number in rows)
    assert len({number for _, number in rows}) == len(rows)


def test_work_is_the_weekday_hours_of_a_phase_and_summed_on_summaries() -> None:
    # Planner schedules by work on a Monday-Friday calendar: this work ends its bar where ours ends.
    tasks = _tasks(_project())
    days = [
        date(2028, 6, 15) + timedelta(days=n)
        for n in range((date(2029, 12, 31) - date(2028, 6, 15)).days + 1)
    ]
    weekdays = sum(1 for day in days if day.weekday() < 5)
    assert tasks["Tranche 2"].findtext(f"{Q}Work") == f"PT{weekdays * 8}H0M0S"
    assert tasks["REG-1 Energy regulator aligned"].findtext(f"{Q}Work") == "PT0H0M0S"
    hours = sum(
        int(tasks[name].findtext(f"{Q}Work", "")[2:].split("H")[0])
        for name in ("Accession", "Tranche 2", "Tranche 3")
    )
    assert tasks["752 Mobile services"].findtext(f"{Q}Work") == f"PT{hours}H0M0S"


def test_scenario_marks_missed_milestones_and_blocked_phases() -> None:
    tasks = _tasks(_project(MISSED))
    missed = tasks["[MISSED] VER-1 Independent verification"]
    assert missed.findtext(f"{Q}Active") == "0"
    assert _field(missed, "state") == "missed"
    assert _field(missed, "flagged") == "1"
    assert missed.findtext(f"{Q}Notes") == "Scenario 'verification missed': missed."
    blocked = tasks["[BLOCKED] Tranche 2"]
    assert _field(blocked, "state") == "blocked until VER-1 is met"
    assert blocked.findtext(f"{Q}Notes", "").endswith(
        "Scenario 'verification missed': blocked until VER-1 is met."
    )
    assert _field(tasks["Accession"], "state") is None  # not gated: goes ahead as planned


def test_scenario_delay_is_noted_without_marking_the_name() -> None:
    regulator = _tasks(_project(DELAY))["REG-1 Energy regulator aligned"]
    assert _field(regulator, "state") == "delayed 12 months"
    assert _field(regulator, "flagged") == "0"


def test_phase_runs_until_the_next_one_starts_and_carries_its_value() -> None:
    tranche = _tasks(_project())["Tranche 2"]
    assert tranche.findtext(f"{Q}Start") == "2028-06-15T08:00:00"  # VER-1 (2027-12-15) + 6 months
    assert tranche.findtext(f"{Q}Finish") == "2029-12-31T17:00:00"  # Y4 = 2030-01-01 starts the next
    assert _field(tranche, "value") == "35"
    assert _field(tranche, "timing") == "EIF+1y"


def test_milestones_are_zero_duration_milestone_tasks() -> None:
    task = _tasks(_project())["REG-1 Energy regulator aligned"]
    assert task.findtext(f"{Q}Milestone") == "1"
    assert task.findtext(f"{Q}Duration") == "PT0H0M0S"
    assert task.findtext(f"{Q}Start") == task.findtext(f"{Q}Finish") == "2027-09-15T08:00:00"


def test_gates_are_finish_to_start_links_with_lag_in_tenths_of_minutes() -> None:
    tasks = _tasks(_project())
    uid = {name: t.findtext(f"{Q}UID") for name, t in tasks.items()}
    (link,) = tasks["Tranche 2"].findall(f"{Q}PredecessorLink")
    assert link.findtext(f"{Q}PredecessorUID") == uid["VER-1 Independent verification"]
    assert link.findtext(f"{Q}Type") == "1"
    assert link.findtext(f"{Q}LinkLag") == str(6 * 30 * 24 * 60 * 10)  # six elapsed months
    assert link.findtext(f"{Q}LagFormat") == "12"
    (days,) = tasks["Tranche 3"].findall(f"{Q}PredecessorLink")
    assert days.findtext(f"{Q}LinkLag") == str(90 * 24 * 60 * 10)
    assert days.findtext(f"{Q}LagFormat") == "8"
    # A line's gate sits on its summary task, so MS Project holds every phase below it.
    (line_gate,) = tasks["270900 Crude petroleum oils"].findall(f"{Q}PredecessorLink")
    assert line_gate.findtext(f"{Q}PredecessorUID") == uid["REG-1 Energy regulator aligned"]


def test_baseline_only_when_a_scenario_is_exported() -> None:
    assert not list(_project().iter(f"{Q}Baseline"))
    tasks = _tasks(_project(DELAY))
    stage = tasks["270900 Crude petroleum oils"]
    assert stage.findtext(f"{Q}Start") == "2028-09-15T08:00:00"  # held by the regulator, a year late
    assert stage.findtext(f"{Q}Baseline/{Q}Start") == "2027-09-15T08:00:00"
    assert stage.findtext(f"{Q}Baseline/{Q}Number") == "0"


def test_elements_follow_schema_order() -> None:
    project = _project(DELAY)
    assert project.tag == f"{Q}Project"
    assert _in_schema_order(project, PROJECT_ORDER)
    for task in project.iter(f"{Q}Task"):
        assert _in_schema_order(task, TASK_ORDER), task.findtext(f"{Q}Name")


def test_tentative_entry_into_force_is_an_estimated_milestone() -> None:
    agreement = replace(partnership(), eif_tentative=True)
    data = mspdi_bytes(agreement, ExportOptions(today=TODAY))
    eif = _tasks(ET.fromstring(data))["Entry into force"]
    assert eif.findtext(f"{Q}Estimated") == "1"
    assert eif.findtext(f"{Q}Start") == "2027-03-15T08:00:00"


def test_control_characters_are_dropped_so_the_file_stays_xml() -> None:
    agreement = replace(partnership(), title="Plan\x01 A\x0b")
    data = mspdi_bytes(agreement, ExportOptions(today=TODAY))
    assert ET.fromstring(data).findtext(f"{Q}Title") == "Plan A"


def test_selection_keeps_only_the_sectors_and_parties_asked_for() -> None:
    data = mspdi_bytes(partnership(), ExportOptions(today=TODAY, parties=("kor",)))
    names = set(_tasks(ET.fromstring(data)))
    assert "282520 Lithium oxide" in names
    assert not any(name.startswith(("VNM", "270900", "REG-1")) for name in names)
    data = mspdi_bytes(partnership(), ExportOptions(today=TODAY, sectors=("Critical minerals",)))
    assert "Energy" not in _tasks(ET.fromstring(data))


def test_an_unknown_sector_is_an_error_not_an_empty_plan() -> None:
    with pytest.raises(WriteError, match="no sector or party 'Fisheries'"):
        mspdi_bytes(partnership(), ExportOptions(today=TODAY, sectors=("Fisheries",)))


def test_export_through_the_format_table_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.xml"
    exporter_for(target)(partnership(), target, ExportOptions(today=TODAY))
    assert ET.parse(target).getroot().findtext(f"{Q}Name") == "plan"


def test_cancelling_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.xml"
    options = ExportOptions(today=TODAY, progress=lambda done, total: done < 5)
    with pytest.raises(Cancelled):
        exporter_for(target)(partnership(), target, options)
    assert list(tmp_path.iterdir()) == []
