"""MS Project XML (MSPDI) export: the resolved schedule as tasks, milestones and links, in schema order."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from carveplan.engine import resolve
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import check_progress
from carveplan.io.formats import ExportOptions
from carveplan.io.heap import settled_heap
from carveplan.io.mspdi import fields
from carveplan.io.mspdi.fields import (
    DAY_FINISH,
    DAY_START,
    DAYS_PER_MONTH,
    FIELDS,
    MINUTES_PER_DAY,
    NS,
    MsLink,
    MsTask,
    lag_tenths,
)
from carveplan.io.mspdi.rollup import minutes_text, outline_numbers, work_minutes
from carveplan.io.mspdi.tasks import Selection, schedule_tasks
from carveplan.io.text import clean_text
from carveplan.model import Agreement

_CALENDAR_UID = 1
_START_NO_EARLIER_THAN = 4
_DAYS_FORMAT = 7
# A hundred thousand tasks share a few hundred dates and durations: format each once.
_start_stamp = lru_cache(maxsize=8192)(fields.start_stamp)
_finish_stamp = lru_cache(maxsize=8192)(fields.finish_stamp)
_duration_text = lru_cache(maxsize=8192)(fields.duration_text)
_PIECE = 20_000  # lines of XML per piece written
# XML 1.0 cannot carry most control characters, not even escaped; they are dropped from text.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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
    schedule = resolve(agreement, options.scenario)
    baseline = resolve(agreement, None) if options.scenario else None
    selection = Selection.asked(agreement, options.sectors, options.parties)
    with settled_heap():
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
    """Serialize tasks as an MSPDI project, in pieces of a few thousand elements.

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
    numbers, work = outline_numbers(tasks), work_minutes(tasks)
    for done, task in enumerate(tasks, start=1):
        _task(out, task, done, numbers[done - 1], work[done - 1])
        check_progress(progress, done, len(tasks))
        if len(out.lines) > _PIECE:
            yield out.take()
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
            text = _text(value)
            lines.append(f"{pad}<{name}>{text}</{name}>" if text else f"{pad}<{name} />")

    def take(self, last: bool = False) -> bytes:
        """The lines so far as UTF-8 (the last piece ends without a newline, as the root does)."""
        lines, self.lines = self.lines, []
        return ("\n".join(lines) + ("" if last else "\n")).encode("utf-8")


def _text(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    # Printable ASCII holds no character to drop: a national plan writes a million such values.
    text = value if value.isascii() and value.isprintable() else _ILLEGAL.sub("", clean_text(value))
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _flag(value: bool) -> int:
    return 1 if value else 0


def _header(out: _Xml, agreement: Agreement, name: str, start: date, finish: date, today: date) -> None:
    out.values(
        [
            ("SaveVersion", 14),
            ("Name", name),
            ("GUID", _guid(agreement.identity)),
            ("Title", agreement.title),
            ("Subject", agreement.classification),
            ("ScheduleFromStart", 1),
            ("StartDate", _start_stamp(start)),
            ("FinishDate", _finish_stamp(finish)),
            ("CurrencyCode", _NO_CURRENCY),
            ("CalendarUID", _CALENDAR_UID),
            ("DefaultStartTime", DAY_START.isoformat()),
            ("DefaultFinishTime", DAY_FINISH.isoformat()),
            ("MinutesPerDay", MINUTES_PER_DAY),
            ("MinutesPerWeek", MINUTES_PER_DAY * 7),
            ("DaysPerMonth", DAYS_PER_MONTH),
            ("DurationFormat", _DAYS_FORMAT),
            ("CurrentDate", _start_stamp(today)),
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


def _task(out: _Xml, task: MsTask, row: int, number: str, work: int) -> None:
    out.open("Task")
    pad, lines = out.pad, out.lines
    milestone = task.milestone
    # The elements every task has, as one string: a national plan writes 120,000 tasks.
    name = _text(task.name)
    lines.append(
        f"{pad}<UID>{task.uid}</UID>\n{pad}<ID>{row}</ID>\n"
        + (f"{pad}<Name>{name}</Name>\n" if name else f"{pad}<Name />\n")
        + ("" if task.active else f"{pad}<Active>0</Active>\n")
        + f"{pad}<OutlineNumber>{number}</OutlineNumber>\n{pad}<OutlineLevel>{task.level}</OutlineLevel>\n"
        f"{pad}<Start>{_start_stamp(task.start)}</Start>\n"
        f"{pad}<Finish>{_finish_stamp(task.finish, milestone)}</Finish>\n"
        f"{pad}<Duration>{_duration_text(task.start, task.finish, milestone)}</Duration>\n"
        f"{pad}<DurationFormat>{_DAYS_FORMAT}</DurationFormat>\n{pad}<Work>{minutes_text(work)}</Work>\n"
        f"{pad}<Estimated>{_flag(task.estimated)}</Estimated>\n{pad}<Milestone>{_flag(milestone)}</Milestone>\n"
        f"{pad}<Summary>{_flag(task.summary)}</Summary>\n{pad}<PercentComplete>{task.percent}</PercentComplete>"
    )
    out.values(
        [
            ("ConstraintType", None if task.constraint is None else _START_NO_EARLIER_THAN),
            ("ConstraintDate", None if task.constraint is None else _start_stamp(task.constraint)),
            ("Notes", task.notes or None),
        ],
    )
    for link in task.links:
        _link(out, link)
    for key, value in task.fields.items():  # a dozen per line: one string each rather than four
        text = _text(value)
        lines.append(
            _attribute_head(pad, key) + (f"<Value>{text}</Value>" if text else "<Value />") + _TAIL[pad]
        )
    if task.baseline is not None:
        first, last = task.baseline
        out.open("Baseline")
        out.values(
            [
                ("Number", 0),
                ("Start", _start_stamp(first)),
                ("Finish", _finish_stamp(last, milestone)),
                ("Duration", _duration_text(first, last, milestone)),
                ("DurationFormat", _DAYS_FORMAT),
            ],
        )
        out.close("Baseline")
    out.close("Task")


@lru_cache(maxsize=256)
def _attribute_head(pad: str, key: str) -> str:
    """An extended attribute's opening lines up to its value, at indent ``pad``."""
    return f"{pad}<ExtendedAttribute>\n{pad}  <FieldID>{FIELDS[key][1]}</FieldID>\n{pad}  "


class _Tails(dict[str, str]):
    """An extended attribute's closing line after its value, by indent."""

    def __missing__(self, pad: str) -> str:
        tail = self[pad] = f"\n{pad}</ExtendedAttribute>"
        return tail


_TAIL = _Tails()


def _link(out: _Xml, link: MsLink) -> None:
    tenths, lag_format = lag_tenths(link.lag)
    out.open("PredecessorLink")
    out.values(
        [
            ("PredecessorUID", link.predecessor),
            ("Type", link.kind),
            ("LinkLag", tenths),
            ("LagFormat", lag_format),
        ],
    )
    out.close("PredecessorLink")
