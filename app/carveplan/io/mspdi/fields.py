"""What MS Project XML export and import share: the task record, custom fields, dates and lags."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache

from carveplan.model import Duty, Offset, Rate, Unit
from carveplan.model.duty import is_specific, level
from carveplan.model.rates import format_rate_cell

NS = "http://schemas.microsoft.com/project"

# The working day of the calendar we write: every day of the week works 08:00-12:00 and 13:00-17:00,
# so a phase starting on a Saturday or on 1 January keeps its date when MS Project reschedules.
DAY_START = time(8, 0)
DAY_FINISH = time(17, 0)
MINUTES_PER_DAY = 480
DAYS_PER_MONTH = 30

# Our custom fields: key -> (MS Project field name, field id, alias shown as the column title).
# Text fields hold exact values (decimals as written); Number fields are what a planner edits.
FIELDS: dict[str, tuple[str, int, str]] = {
    "role": ("Text1", 188743731, "CarvePlan role"),
    "id": ("Text2", 188743734, "CarvePlan id"),
    "party": ("Text3", 188743737, "Party"),
    "sector": ("Text4", 188743740, "Sector"),
    "code": ("Text5", 188743743, "Code"),
    "code_system": ("Text6", 188743746, "Code system"),
    "measure": ("Text7", 188743747, "Measure"),
    "unit": ("Text8", 188743748, "Unit"),
    "category": ("Text9", 188743749, "Staging category"),
    "timing": ("Text10", 188743750, "Start as written"),
    "planned": ("Text11", 188743997, "Start when exported"),
    "description": ("Text12", 188743998, "Description"),
    "kind": ("Text13", 188743999, "Kind"),
    "verifier": ("Text14", 188744000, "Verifier"),
    "status": ("Text15", 188744001, "Status"),
    "actual": ("Text16", 188744002, "Date achieved"),
    "legal_ref": ("Text17", 188744003, "Legal reference"),
    "stage_day": ("Text18", 188744004, "Stage day"),
    "rounding": ("Text19", 188744005, "Rounding"),
    # A specific or compound duty as published (3.5¢/kg, 3.4¢/kg + 2%); the Number beside it is its level.
    "value_text": ("Text20", 188744006, "Value as published"),
    "base_text": ("Text21", 188744007, "Base as published"),
    "target_text": ("Text22", 188744008, "Target as published"),
    "quota": ("Text23", 188744009, "Tariff-rate quota"),
    "state": ("Text24", 188744010, "Scenario state"),
    "first_cut": ("Text25", 188744011, "First cut"),
    "flagged": ("Flag1", 188743752, "Blocked or missed"),
    "value": ("Number1", 188743767, "Value"),
    "base": ("Number2", 188743768, "Base"),
    "target": ("Number3", 188743769, "Target"),
}

# Roles written in the "CarvePlan role" field; files drafted elsewhere have none.
EIF, SECTOR, PARTY, LINE, PHASE, MILESTONES, MILESTONE = (
    "eif",
    "sector",
    "party",
    "line",
    "phase",
    "milestones",
    "milestone",
)

FINISH_TO_START = 1
ELAPSED_DAYS, ELAPSED_MONTHS = 8, 12
_TENTHS_PER_DAY = 24 * 60 * 10


@dataclass(frozen=True)
class MsLink:
    """A predecessor link: this task starts after ``predecessor`` finishes, plus ``lag``.

    Attributes:
        predecessor: the predecessor task's UID.
        lag: the lag; ``None`` for none.
        kind: MSPDI link type (1 = finish-to-start).
    """

    predecessor: int
    lag: Offset | None = None
    kind: int = FINISH_TO_START


@dataclass(frozen=True)
class MsTask:
    """One MSPDI task, in calendar days (times of day are the calendar's).

    Attributes:
        uid: unique id; links refer to it.
        name: the display name.
        level: outline level (1 = top).
        start: first day.
        finish: last day (inclusive; equal to ``start`` for milestones).
        milestone: a zero-duration milestone.
        summary: a summary task (its dates span its children).
        active: inactive tasks are blocked or missed in the exported scenario.
        estimated: a tentative date (entry into force not yet fixed).
        constraint: start-no-earlier-than date (a phase's own date before gates).
        percent: percent complete (100 for achieved milestones).
        notes: free text.
        links: predecessor links.
        fields: custom field values by key of :data:`FIELDS`.
        baseline: baseline ``(start, finish)`` when a scenario is exported.
    """

    uid: int
    name: str
    level: int
    start: date
    finish: date
    milestone: bool = False
    summary: bool = False
    active: bool = True
    estimated: bool = False
    constraint: date | None = None
    percent: int = 0
    notes: str = ""
    links: tuple[MsLink, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)
    baseline: tuple[date, date] | None = None


def start_stamp(day: date) -> str:
    """The start of the working day ``day`` as an MSPDI dateTime."""
    return datetime.combine(day, DAY_START).isoformat()


def finish_stamp(day: date, milestone: bool = False) -> str:
    """The end of the working day ``day`` (a milestone finishes when it starts)."""
    return datetime.combine(day, DAY_START if milestone else DAY_FINISH).isoformat()


def duration_text(start: date, finish: date, milestone: bool = False) -> str:
    """The working duration from ``start`` to ``finish`` inclusive, as ``PT<hours>H0M0S``."""
    days = 0 if milestone else (finish - start).days + 1
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def lag_tenths(lag: Offset | None) -> tuple[int, int]:
    """``(LinkLag, LagFormat)``: lags in tenths of a minute, days and months as elapsed time."""
    if lag is None:
        return 0, ELAPSED_DAYS
    if lag.unit is Unit.DAYS:
        return lag.amount * _TENTHS_PER_DAY, ELAPSED_DAYS
    months = lag.amount * (12 if lag.unit is Unit.YEARS else 1)
    return months * DAYS_PER_MONTH * _TENTHS_PER_DAY, ELAPSED_MONTHS


def lag_offset(tenths: int, lag_format: int, minutes_per_day: int = MINUTES_PER_DAY) -> Offset | None:
    """The offset a ``LinkLag`` stands for, or ``None`` for no lag.

    Args:
        tenths: the lag in tenths of a minute.
        lag_format: the MSPDI duration format of the lag (estimated formats are 32 higher).
        minutes_per_day: the project's working minutes per day, for working-time formats.

    Returns:
        Months for month formats that divide evenly, else whole days. Working days count as calendar
        days: a plan's calendar is not ours, and a gate lag is a calendar period in a treaty.

    Raises:
        ValueError: for percentage lags, which have no calendar meaning.
    """
    if tenths == 0:
        return None
    fmt = lag_format - 32 if lag_format >= 35 else lag_format
    if fmt in (19, 20):
        raise ValueError("a lag in percent of the predecessor's duration")
    elapsed = fmt in (4, 6, 8, 10, 12)
    per_day = 24 * 60 * 10 if elapsed else minutes_per_day * 10
    if fmt in (11, 12) and tenths % (DAYS_PER_MONTH * per_day) == 0:
        return Offset(tenths // (DAYS_PER_MONTH * per_day), Unit.MONTHS)
    return Offset(round(tenths / per_day), Unit.DAYS)


@dataclass(frozen=True)
class MsProject:
    """What the reader takes from an MSPDI file.

    Attributes:
        file: the file name, for problem locations.
        title: the project title (else its name).
        subject: the project subject (our classification label).
        start: the project start date, if given.
        tasks: the tasks in outline order (blank rows and the project summary task left out).
        guid: the project GUID (our agreement's identity), lower case; empty if none.
        columns: keys of :data:`FIELDS` the file defines; a task without a value in one of them has the
            field's default (MS Project, and MPXJ when it saves a plan, leave zero numbers out).
    """

    file: str
    title: str
    subject: str
    start: date | None
    tasks: tuple[MsTask, ...]
    columns: frozenset[str] = frozenset()
    guid: str = ""


_specific = lru_cache(maxsize=256)(is_specific)  # a national plan has 120,000 rates in a few units


def rate_fields(key: str, value: Rate, unit: str) -> dict[str, str]:
    """The custom fields of a rate: a number MS Project can sort and edit, and a duty as published.

    Args:
        key: ``value``, ``base`` or ``target``.
        value: the rate.
        unit: the line's unit.

    Returns:
        ``{key: number}``, with ``{key}_text`` for a specific or compound duty.
    """
    fields = {key: format(level(value), "f")}
    if isinstance(value, Duty) or _specific(unit):
        fields[f"{key}_text"] = format_rate_cell(value, unit)
    return fields
