"""MS Project XML (MSPDI) import: a defused parse of the file into task records, every problem located."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.parsers import expat

from carveplan.engine.collector import collector_paused
from carveplan.io.errors import ReadError
from carveplan.io.mspdi.fields import FIELDS, MINUTES_PER_DAY, NS, MsLink, MsProject, MsTask, lag_offset
from carveplan.io.mspdi.plan import build_agreement
from carveplan.model import Agreement, Location, Offset, Problem, error, has_errors

_ALIASES = {spec[2].casefold(): key for key, spec in FIELDS.items()}
MAX_DIGITS = 15
MAX_OFFSET = 99_999  # the most days or months a timing's offset holds (five digits)
_REPEATED_UID = "repeated-uid"


def read_mspdi(path: Path) -> Agreement:
    """Read an MS Project XML file as an agreement.

    Args:
        path: the ``.xml`` file.

    Returns:
        The agreement: summary tasks become sectors, parties and lines, tasks phases, milestones
        milestones, and links from milestones gates.

    Raises:
        ReadError: listing every problem found, each with the task and field it is in.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise ReadError.single(path.name, f"cannot open the file: {err.strerror or err}") from None
    return loads_mspdi(data, path.name)


def loads_mspdi(data: bytes, file: str = "") -> Agreement:
    """Like :func:`read_mspdi`, from the file's bytes."""
    with collector_paused():
        project, problems = parse_mspdi(data, file)
        if any(p.code == _REPEATED_UID for p in problems):
            raise ReadError(problems)  # the outline hangs on UIDs: with one repeated it is no tree
        agreement, found = build_agreement(project)
    problems.extend(found)
    if has_errors(problems) or agreement is None:
        raise ReadError(problems)
    return agreement


def parse_mspdi(data: bytes, file: str = "") -> tuple[MsProject, list[Problem]]:
    """The project's tasks and header, and the problems met reading them.

    Raises:
        ReadError: when the bytes are not well-formed XML, declare entities (XML bombs are refused)
            or are not an MS Project document.
    """
    root = _root(data, file)
    problems: list[Problem] = []
    fields = _field_keys(root)
    minutes = _int(_text(root, "MinutesPerDay")) or MINUTES_PER_DAY
    read = _Reader(file, fields, minutes, problems).task
    found = [read(element, row) for row, element in enumerate(root.iterfind(_TASKS), start=1)]
    start = _stamp(_text(root, "StartDate"))
    # An empty title is kept: only a file without a Title element is named after the project.
    has_title = root.find(f"{{{NS}}}Title") is not None
    title = _text(root, "Title") if has_title else _text(root, "Name") or Path(file).stem
    day = start.date() if start else None
    tasks = [task for task in found if task is not None]
    for uid, count in Counter(task.uid for task in tasks).items():
        if count > 1:
            location = Location(file=file, kind="task", item=f"UID {uid}", field="UID")
            problems.append(
                error(location, f"{count} tasks share this UID; each needs its own", _REPEATED_UID)
            )
    guid = _text(root, "GUID").strip().strip("{}").lower()
    project = MsProject(
        file, title, _text(root, "Subject"), day, tuple(tasks), frozenset(fields.values()), guid
    )
    return project, problems


class _Declared(Exception):
    """The document declares a DTD or an entity."""


def _refuse_declarations(data: bytes) -> None:
    """A first pass with expat and no element handlers (C speed): any DTD or entity declaration stops it.

    Without a DTD a document can hold no entity of its own, so the full parse that follows cannot
    expand a bomb or fetch an external file. (A parse with Python handlers on every element, as
    defusedxml does it, costs most of the time of reading a plan of 100,000 tasks.)
    """

    def refuse(*_args: object) -> None:
        raise _Declared

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.Parse(data, True)


def _root(data: bytes, file: str) -> ET.Element:
    try:
        _refuse_declarations(data)
        root = ET.fromstring(data)
    except _Declared:
        raise ReadError.single(file, "refused: the XML declares entities or a DTD") from None
    except expat.ExpatError as err:
        reason = expat.errors.messages[err.code]
        message = f"not well-formed XML at line {err.lineno}, column {err.offset + 1}: {reason}"
        raise ReadError.single(file, message) from None
    except ET.ParseError as err:
        line, column = err.position
        message = f"not well-formed XML at line {line}, column {column + 1}: {err}"
        raise ReadError.single(file, message) from None
    if root.tag != f"{{{NS}}}Project":
        message = f'not an MS Project XML file: expected <Project xmlns="{NS}">, found <{root.tag}>'
        raise ReadError.single(file, message)
    return root


def _field_keys(root: ET.Element) -> dict[int, str]:
    """Custom field id -> our key, for fields whose alias is one of ours (files from elsewhere
    use Text1 for their own purposes; only a column titled ``Party`` is taken as the party)."""
    keys: dict[int, str] = {}
    for definition in root.iterfind(f"{{{NS}}}ExtendedAttributes/{{{NS}}}ExtendedAttribute"):
        field_id = _int(_text(definition, "FieldID"))
        key = _ALIASES.get(_text(definition, "Alias").strip().casefold())
        if field_id is not None and key is not None:
            keys[field_id] = key
    return keys


def _text(element: ET.Element, name: str) -> str:
    found = element.find(f"{{{NS}}}{name}")
    return "" if found is None or found.text is None else found.text


def _int(text: str) -> int | None:
    """A whole number of at most 15 digits (ids, levels, lags), else ``None``."""
    if len(text) > MAX_DIGITS and len(text.strip().lstrip("+-")) > MAX_DIGITS:
        return None
    try:
        return int(text)  # allows the spaces around it
    except ValueError:
        return None


def _stamp(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


_TAG = f"{{{NS}}}"
_TASKS = f"{_TAG}Tasks/{_TAG}Task"
_LINK = f"{_TAG}PredecessorLink"
_EXTENDED = f"{_TAG}ExtendedAttribute"
_FIELD_ID, _VALUE = f"{_TAG}FieldID", f"{_TAG}Value"


class _T:
    """Tags of a task's elements, in the project namespace."""

    UID = f"{_TAG}UID"
    IsNull = f"{_TAG}IsNull"
    OutlineNumber = f"{_TAG}OutlineNumber"
    OutlineLevel = f"{_TAG}OutlineLevel"
    Summary = f"{_TAG}Summary"
    Milestone = f"{_TAG}Milestone"
    Active = f"{_TAG}Active"
    Estimated = f"{_TAG}Estimated"
    PercentComplete = f"{_TAG}PercentComplete"
    Notes = f"{_TAG}Notes"
    Start = f"{_TAG}Start"
    Finish = f"{_TAG}Finish"
    Name = f"{_TAG}Name"


class _L:
    """Tags of a predecessor link's elements."""

    PredecessorUID = f"{_TAG}PredecessorUID"
    Type = f"{_TAG}Type"
    LinkLag = f"{_TAG}LinkLag"
    LagFormat = f"{_TAG}LagFormat"


_DEFAULTS = {f.name: f.default for f in dataclasses.fields(MsTask) if f.default is not dataclasses.MISSING}


def _record(**values: Any) -> MsTask:
    """An ``MsTask`` made without its frozen ``__init__``, which sets each of its 15 fields through
    ``object.__setattr__``: that cost most of reading a task. Every field is given or defaulted."""
    task = object.__new__(MsTask)
    task.__dict__.update(_DEFAULTS, **values)
    return task


def _link(predecessor: int, lag: Offset | None, kind: int) -> MsLink:
    """An ``MsLink`` made without its frozen ``__init__`` (a plan of 100,000 tasks has as many links)."""
    link = object.__new__(MsLink)
    link.__dict__.update(predecessor=predecessor, lag=lag, kind=kind)
    return link


@lru_cache(maxsize=4096)  # a plan's tasks share a few hundred spans
def _span(start_text: str, finish_text: str, milestone: bool) -> tuple[date, date] | None:
    """First and last day of a task written from ``start_text`` to ``finish_text``; ``None``
    without a readable start."""
    start = _stamp(start_text)
    if start is None:
        return None
    last = _stamp(finish_text) or start
    if not milestone and last.time() == time(0) and last.date() > start.date():
        last -= timedelta(days=1)  # finishing at midnight means the previous day was the last
    return start.date(), max(start.date(), last.date())


def _first_texts(element: ET.Element) -> dict[str, str]:
    """Child texts by tag, the first of a repeated one (as ``find`` gives it), in one pass."""
    texts: dict[str, str] = {}
    for child in element:
        if child.tag not in texts:
            texts[child.tag] = child.text or ""
    return texts


class _Reader:
    """Reads <Task> elements, adding a located problem for each element it cannot use."""

    def __init__(self, file: str, fields: dict[int, str], minutes: int, problems: list[Problem]) -> None:
        self.file, self.fields, self.minutes = file, fields, minutes
        self.problems = problems

    def fail(self, where: str, name: str, field: str, message: str) -> None:
        location = Location(file=self.file, kind="task", item=f"{where} {name!r}", field=field)
        self.problems.append(error(location, message, "mspdi"))

    def task(self, element: ET.Element, row: int) -> MsTask | None:
        """The task of one <Task>; ``None`` for the project summary task, blank rows and a task
        without a usable UID (a problem)."""
        # A task's single-valued elements by tag, its links and its custom fields: one pass over its
        # children, where a ``find`` per element would walk them a dozen times for each task.
        values: dict[str, str] = {}
        links: list[ET.Element] = []
        extended: list[ET.Element] = []
        for child in element:
            tag = child.tag
            if tag == _LINK:
                links.append(child)
            elif tag == _EXTENDED:
                extended.append(child)
            elif tag not in values:
                values[tag] = child.text or ""
        value = values.get
        name = value(_T.Name, "")
        uid = _int(value(_T.UID, ""))
        if uid is None:
            self.fail(f"row {row}", name, "UID", "expected a whole number identifying the task")
            return None
        if uid == 0 or value(_T.IsNull, "") == "1":
            return None  # the project summary task, and blank rows
        # OutlineLevel is optional in the schema; some tools write only OutlineNumber (1.2.3 is level 3).
        level = _int(value(_T.OutlineLevel, ""))
        if not level:
            number = value(_T.OutlineNumber, "").strip()
            level = number.count(".") + 1 if number else 1
        summary = value(_T.Summary, "") == "1"
        milestone = value(_T.Milestone, "") == "1"
        span = _span(value(_T.Start, ""), value(_T.Finish, ""), milestone)
        if span is None:
            if not summary:  # summaries take their dates from their tasks
                message = "expected a date and time such as 2027-01-01T08:00:00"
                self.fail(f"UID {uid}", name, "Start", message)
            span = date.min, date.min
        percent = value(_T.PercentComplete)
        return _record(
            uid=uid,
            name=name,
            level=level,
            start=span[0],
            finish=span[1],
            milestone=milestone,
            summary=summary,
            active=value(_T.Active, "") != "0",
            estimated=value(_T.Estimated, "") == "1",
            percent=(_int(percent) or 0) if percent else 0,
            notes=value(_T.Notes, ""),
            links=self._links(links, f"UID {uid}", name) if links else (),
            fields=self._fields(extended) if extended else {},
        )

    def _links(self, elements: list[ET.Element], where: str, name: str) -> tuple[MsLink, ...]:
        links: list[MsLink] = []
        for element in elements:
            texts = _first_texts(element)
            predecessor = _int(texts.get(_L.PredecessorUID, ""))
            if predecessor is None:
                message = "expected the UID of the predecessor task"
                self.fail(where, name, "PredecessorLink/PredecessorUID", message)
                continue
            kind = _int(texts.get(_L.Type, ""))
            kind = 1 if kind is None else kind
            written = texts.get(_L.LinkLag, "").strip()
            if not written or written == "0":
                links.append(_link(predecessor, None, kind))
                continue
            tenths = _int(written)
            if tenths is None:
                shown = written if len(written) <= 20 else f"a number of {len(written):,} digits"
                message = f"expected a lag in tenths of a minute (at most {MAX_DIGITS} digits), found {shown}"
                self.fail(where, name, "PredecessorLink/LinkLag", message)
                continue
            try:
                lag = lag_offset(tenths, _int(texts.get(_L.LagFormat, "")) or 7, self.minutes)
            except ValueError as err:
                message = f"{err}: expected a lag in days, weeks or months"
                self.fail(where, name, "PredecessorLink/LagFormat", message)
                continue
            if lag is not None and abs(lag.amount) > MAX_OFFSET:
                # A timing holds at most five digits: a longer lag could be read but never written back.
                message = (
                    f"a lag of {lag.amount:,} {lag.unit.name.lower()}; at most {MAX_OFFSET:,} can be kept"
                )
                self.fail(where, name, "PredecessorLink/LinkLag", message)
                continue
            links.append(_link(predecessor, lag, kind))
        return tuple(links)

    def _fields(self, elements: list[ET.Element]) -> dict[str, str]:
        values: dict[str, str] = {}
        for element in elements:
            field_id = value = None
            for child in element:
                if child.tag == _FIELD_ID and field_id is None:
                    field_id = child.text or ""
                elif child.tag == _VALUE and value is None:
                    value = child.text or ""
            key = self.fields.get(_int(field_id or "") or -1)
            if key is not None:
                values[key] = value or ""
        return values
