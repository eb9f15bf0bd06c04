"""MS Project XML (MSPDI) export: the resolved schedule as tasks, milestones and links, in schema order."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from carveplan.engine import resolve
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import check_progress
from carveplan.io.formats import ExportOptions
from carveplan.io.mspdi.fields import (
    DAY_FINISH,
    DAY_START,
    DAYS_PER_MONTH,
    FIELDS,
    MINUTES_PER_DAY,
    NS,
    MsLink,
    MsTask,
    duration_text,
    finish_stamp,
    lag_tenths,
    start_stamp,
)
from carveplan.io.mspdi.rollup import minutes_text, outline_numbers, work_minutes
from carveplan.io.mspdi.tasks import Selection, schedule_tasks
from carveplan.io.text import clean_text
from carveplan.model import Agreement

_CALENDAR_UID = 1
_START_NO_EARLIER_THAN = 4
_DAYS_FORMAT = 7
# The schema requires a currency; a plan of commitments has no costs: ISO 4217's "no currency".
_NO_CURRENCY = "XXX"


def export_mspdi(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    """Write the agreement's schedule as MS Project XML.

    Args:
        agreement: the agreement.
        path: the ``.xml`` file to write (replaced atomically).
        options: the scenario (its baseline dates become the task baseline), sectors, parties, today.

    Raises:
        WriteError: when the file cannot be written.
        Cancelled: when the progress callback asks to stop.
    """
    write_atomic(path, mspdi_bytes(agreement, options, name=path.stem))


def mspdi_bytes(agreement: Agreement, options: ExportOptions, name: str = "") -> bytes:
    """The MSPDI document for ``agreement`` under ``options`` (see :func:`export_mspdi`)."""
    schedule = resolve(agreement, options.scenario)
    baseline = resolve(agreement, None) if options.scenario else None
    tasks = schedule_tasks(schedule, baseline, Selection.asked(agreement, options.sectors, options.parties))
    return project_xml(
        agreement, tasks, name=name or agreement.title, today=options.today, progress=options.progress
    )


def project_xml(
    agreement: Agreement,
    tasks: list[MsTask],
    *,
    name: str,
    today: date,
    progress: Callable[[int, int], bool] | None = None,
) -> bytes:
    """Serialize tasks as an MSPDI project.

    Args:
        agreement: supplies the title and classification.
        tasks: the task outline.
        name: the project name (the file's stem).
        today: written as the project's current date.
        progress: called with (done, total) per task; returning ``False`` cancels.

    Returns:
        UTF-8 XML with the MSPDI namespace as the default namespace.
    """
    project = ET.Element(_tag("Project"))
    start = min((t.start for t in tasks), default=agreement.eif)
    finish = max((t.finish for t in tasks), default=agreement.eif)
    _header(project, agreement, name, start, finish, today)
    _extended_attributes(project)
    _calendars(project)
    container = _child(project, "Tasks")
    numbers, work = outline_numbers(tasks), work_minutes(tasks)
    for done, task in enumerate(tasks, start=1):
        _task(container, task, done, numbers[done - 1], work[done - 1])
        check_progress(progress, done, len(tasks))
    ET.indent(project)
    body: bytes = ET.tostring(project, encoding="utf-8", xml_declaration=True, default_namespace=NS)
    return body


def _tag(name: str) -> str:
    return f"{{{NS}}}{name}"


def _child(parent: ET.Element, name: str, text: str | int | None = None) -> ET.Element:
    element = ET.SubElement(parent, _tag(name))
    if text is not None:
        element.text = clean_text(str(text))
    return element


def _values(parent: ET.Element, pairs: Iterable[tuple[str, str | int | None]]) -> None:
    for name, value in pairs:
        if value is not None:
            _child(parent, name, value)


def _flag(value: bool) -> int:
    return 1 if value else 0


def _header(
    project: ET.Element, agreement: Agreement, name: str, start: date, finish: date, today: date
) -> None:
    _values(
        project,
        [
            ("SaveVersion", 14),
            ("Name", name),
            ("GUID", _guid(agreement.identity)),
            ("Title", agreement.title),
            ("Subject", agreement.classification),
            ("ScheduleFromStart", 1),
            ("StartDate", start_stamp(start)),
            ("FinishDate", finish_stamp(finish)),
            ("CurrencyCode", _NO_CURRENCY),
            ("CalendarUID", _CALENDAR_UID),
            ("DefaultStartTime", DAY_START.isoformat()),
            ("DefaultFinishTime", DAY_FINISH.isoformat()),
            ("MinutesPerDay", MINUTES_PER_DAY),
            ("MinutesPerWeek", MINUTES_PER_DAY * 7),
            ("DaysPerMonth", DAYS_PER_MONTH),
            ("DurationFormat", _DAYS_FORMAT),
            ("CurrentDate", start_stamp(today)),
        ],
    )


def _guid(identity: str) -> str | None:
    """The agreement's identity as the project GUID, so it survives a trip through MS Project."""
    try:
        return str(uuid.UUID(identity)).upper()
    except ValueError:
        return None  # an id typed by hand into the file: the schema's GUID cannot carry it


def _extended_attributes(project: ET.Element) -> None:
    container = _child(project, "ExtendedAttributes")
    for field_name, field_id, alias in FIELDS.values():
        attribute = _child(container, "ExtendedAttribute")
        _values(attribute, [("FieldID", field_id), ("FieldName", field_name), ("Alias", alias)])


def _calendars(project: ET.Element) -> None:
    """One base calendar in which every day works, so dates on weekends and holidays stay put."""
    calendar = _child(_child(project, "Calendars"), "Calendar")
    _values(
        calendar,
        [("UID", _CALENDAR_UID), ("Name", "Every day"), ("IsBaseCalendar", 1), ("BaseCalendarUID", -1)],
    )
    week = _child(calendar, "WeekDays")
    for day_type in range(1, 8):
        day = _child(week, "WeekDay")
        _values(day, [("DayType", day_type), ("DayWorking", 1)])
        times = _child(day, "WorkingTimes")
        for begin, end in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
            _values(_child(times, "WorkingTime"), [("FromTime", begin), ("ToTime", end)])


def _task(container: ET.Element, task: MsTask, row: int, number: str, work: int) -> None:
    element = _child(container, "Task")
    _values(
        element,
        [
            ("UID", task.uid),
            ("ID", row),
            ("Name", task.name),
            ("Active", None if task.active else 0),
            ("OutlineNumber", number),
            ("OutlineLevel", task.level),
            ("Start", start_stamp(task.start)),
            ("Finish", finish_stamp(task.finish, task.milestone)),
            ("Duration", duration_text(task.start, task.finish, task.milestone)),
            ("DurationFormat", _DAYS_FORMAT),
            ("Work", minutes_text(work)),
            ("Estimated", _flag(task.estimated)),
            ("Milestone", _flag(task.milestone)),
            ("Summary", _flag(task.summary)),
            ("PercentComplete", task.percent),
            ("ConstraintType", None if task.constraint is None else _START_NO_EARLIER_THAN),
            ("ConstraintDate", None if task.constraint is None else start_stamp(task.constraint)),
            ("Notes", task.notes or None),
        ],
    )
    for link in task.links:
        _link(element, link)
    for key, value in task.fields.items():
        attribute = _child(element, "ExtendedAttribute")
        _values(attribute, [("FieldID", FIELDS[key][1]), ("Value", value)])
    if task.baseline is not None:
        first, last = task.baseline
        baseline = _child(element, "Baseline")
        _values(
            baseline,
            [
                ("Number", 0),
                ("Start", start_stamp(first)),
                ("Finish", finish_stamp(last, task.milestone)),
                ("Duration", duration_text(first, last, task.milestone)),
                ("DurationFormat", _DAYS_FORMAT),
            ],
        )


def _link(task: ET.Element, link: MsLink) -> None:
    tenths, lag_format = lag_tenths(link.lag)
    element = _child(task, "PredecessorLink")
    _values(
        element,
        [
            ("PredecessorUID", link.predecessor),
            ("Type", link.kind),
            ("LinkLag", tenths),
            ("LagFormat", lag_format),
        ],
    )
