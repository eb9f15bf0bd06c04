"""MS Project XML (MSPDI) export: the resolved schedule as tasks, milestones and links, in schema order."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from carveplan.engine.collector import collector_paused
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import check_progress
from carveplan.io.formats import ExportOptions, schedule_for
from carveplan.io.mspdi import fields
from carveplan.io.mspdi.fields import (
    DAY_FINISH,
    DAY_START,
    DAYS_PER_MONTH,
    FIELDS,
    MINUTES_PER_DAY,
    NS,
    MsTask,
)
from carveplan.io.mspdi.rollup import outline_numbers, work_minutes
from carveplan.io.mspdi.task_xml import DAYS_FORMAT, start_stamp, task_xml, text
from carveplan.io.mspdi.tasks import Selection, schedule_tasks
from carveplan.model import Agreement

_CALENDAR_UID = 1
_PIECE = 1_000  # tasks (a few dozen lines of XML each) per piece written
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
    write_atomic(path, mspdi_chunks(agreement, options, name=path.stem))


def mspdi_bytes(agreement: Agreement, options: ExportOptions, name: str = "") -> bytes:
    """The MSPDI document for ``agreement`` under ``options`` (see :func:`export_mspdi`)."""
    return b"".join(mspdi_chunks(agreement, options, name))


def mspdi_chunks(agreement: Agreement, options: ExportOptions, name: str = "") -> Iterator[bytes]:
    """The MSPDI document in pieces, made as they are written (see :func:`export_mspdi`)."""
    selection = Selection.asked(agreement, options.sectors, options.parties)
    # Resolving and the outline make a million acyclic records that all live until the end: a
    # collection would walk them again and again (a fifth of the export's time) and free nothing.
    with collector_paused():
        schedule = schedule_for(agreement, options.scenario, options)
        baseline = schedule_for(agreement, None, options) if options.scenario else None
        tasks = schedule_tasks(schedule, baseline, selection)
        del schedule, baseline  # the tasks carry what the file needs
        title, progress = name or agreement.title, options.progress
        yield from project_chunks(agreement, tasks, name=title, today=options.today, progress=progress)


def project_chunks(
    agreement: Agreement,
    tasks: list[MsTask],
    *,
    name: str,
    today: date,
    progress: Callable[[int, int], bool] | None = None,
) -> Iterator[bytes]:
    """Serialize tasks as an MSPDI project, in pieces of a thousand tasks.

    The text is written task by task, indented as ``ElementTree.indent`` would: a tree of a
    national schedule's 120,000 tasks held about a gigabyte before a byte was written.

    Args:
        agreement: supplies the title and classification.
        tasks: the task outline.
        name: the project name (the file's stem).
        today: written as the project's current date.
        progress: called with (done, total) per task; returning ``False`` cancels.

    Yields:
        UTF-8 XML with the MSPDI namespace as the default namespace, piece by piece.
    """
    out = _Xml()
    start = min((t.start for t in tasks), default=agreement.eif)
    finish = max((t.finish for t in tasks), default=agreement.eif)
    out.open("Project", f' xmlns="{NS}"')
    _header(out, agreement, name, start, finish, today)
    _extended_attributes(out)
    _calendars(out)
    out.open("Tasks")
    lines = out.lines
    numbers, work = outline_numbers(tasks), work_minutes(tasks)
    for done, task in enumerate(tasks, start=1):
        lines.append(task_xml(task, done, numbers[done - 1], work[done - 1]))
        check_progress(progress, done, len(tasks))
        if len(lines) > _PIECE:
            yield out.take()
            lines = out.lines
    out.close("Tasks")
    out.close("Project")
    yield out.take(last=True)


class _Xml:
    """Indented XML text written element by element; values escaped, illegal characters dropped."""

    def __init__(self) -> None:
        self.lines: list[str] = ["<?xml version='1.0' encoding='utf-8'?>"]
        self.pad = ""

    def open(self, name: str, attributes: str = "") -> None:
        self.lines.append(f"{self.pad}<{name}{attributes}>")
        self.pad += "  "

    def close(self, name: str) -> None:
        self.pad = self.pad[:-2]
        if self.lines and self.lines[-1].endswith(f"<{name}>"):  # no children: an empty element
            self.lines[-1] = self.lines[-1][:-1] + " />"
        else:
            self.lines.append(f"{self.pad}</{name}>")

    def values(self, pairs: Iterable[tuple[str, str | int | None]]) -> None:
        pad, lines = self.pad, self.lines
        for name, value in pairs:
            if value is None:
                continue
            written = text(value)
            lines.append(f"{pad}<{name}>{written}</{name}>" if written else f"{pad}<{name} />")

    def take(self, last: bool = False) -> bytes:
        """The lines so far as UTF-8 (the last piece ends without a newline, as the root does)."""
        lines, self.lines = self.lines, []
        return ("\n".join(lines) + ("" if last else "\n")).encode("utf-8")


def _header(out: _Xml, agreement: Agreement, name: str, start: date, finish: date, today: date) -> None:
    out.values(
        [
            ("SaveVersion", 14),
            ("Name", name),
            ("GUID", _guid(agreement.identity)),
            ("Title", agreement.title),
            ("Subject", agreement.classification),
            ("ScheduleFromStart", 1),
            ("StartDate", start_stamp(start)),
            ("FinishDate", fields.finish_stamp(finish)),
            ("CurrencyCode", _NO_CURRENCY),
            ("CalendarUID", _CALENDAR_UID),
            ("DefaultStartTime", DAY_START.isoformat()),
            ("DefaultFinishTime", DAY_FINISH.isoformat()),
            ("MinutesPerDay", MINUTES_PER_DAY),
            ("MinutesPerWeek", MINUTES_PER_DAY * 7),
            ("DaysPerMonth", DAYS_PER_MONTH),
            ("DurationFormat", DAYS_FORMAT),
            ("CurrentDate", start_stamp(today)),
        ],
    )


def _guid(identity: str) -> str | None:
    """The agreement's identity as the project GUID, so it survives a trip through MS Project."""
    try:
        return str(uuid.UUID(identity)).upper()
    except ValueError:
        return None  # an id typed by hand into the file: the schema's GUID cannot carry it


def _extended_attributes(out: _Xml) -> None:
    out.open("ExtendedAttributes")
    for field_name, field_id, alias in FIELDS.values():
        out.open("ExtendedAttribute")
        out.values([("FieldID", field_id), ("FieldName", field_name), ("Alias", alias)])
        out.close("ExtendedAttribute")
    out.close("ExtendedAttributes")


def _calendars(out: _Xml) -> None:
    """One base calendar in which every day works, so dates on weekends and holidays stay put."""
    out.open("Calendars")
    out.open("Calendar")
    base: list[tuple[str, str | int | None]] = [
        ("UID", _CALENDAR_UID),
        ("Name", "Every day"),
        ("IsBaseCalendar", 1),
        ("BaseCalendarUID", -1),
    ]
    out.values(base)
    out.open("WeekDays")
    for day_type in range(1, 8):
        out.open("WeekDay")
        out.values([("DayType", day_type), ("DayWorking", 1)])
        out.open("WorkingTimes")
        for begin, end in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
            out.open("WorkingTime")
            out.values([("FromTime", begin), ("ToTime", end)])
            out.close("WorkingTime")
        out.close("WorkingTimes")
        out.close("WeekDay")
    for name in ("WeekDays", "Calendar", "Calendars"):
        out.close(name)
