"""The exchange workbook's sheets and columns as data: header, width, how to write and read each cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from carveplan.io import cells
from carveplan.model import (
    CodeSystem,
    Cuts,
    DevelopmentStatus,
    FirstCut,
    LineId,
    MeasureKind,
    MilestoneKind,
    MilestoneStatus,
    Phase,
    Rate,
    RoundingDirection,
    StagingKind,
    Timing,
)

FORMAT_NAME = "CarvePlan exchange workbook"
FORMAT_VERSION = 1

Getter = Callable[[Any, Any], Any]


class Change(StrEnum):
    """The kinds of scenario override, as the Scenarios sheet spells them."""

    DELAY = "milestone_delay"
    MISSED = "milestone_missed"
    INVOKED = "exception_invoked"
    EIF_MOVED = "eif_moved"


@dataclass(frozen=True)
class OverrideRow:
    """One scenario override as one row of the Scenarios sheet (a scenario without overrides: one row).

    Attributes:
        name: the scenario's name, repeated on each of its rows.
        description: the scenario's description, repeated on each of its rows.
        change: the kind of override, ``None`` on the row of a scenario without overrides.
        milestone: the milestone delayed or missed.
        exception: the exception invoked.
        months: the delay.
        start: when the exception is invoked.
        duration: how long the exception lasts.
        eif: the new entry into force.
    """

    name: str
    description: str = ""
    change: Change | None = None
    milestone: str = ""
    exception: str = ""
    months: int | None = None
    start: Timing | None = None
    duration: int | None = None
    eif: date | None = None


class PhaseRow(NamedTuple):
    """A phase with the line it belongs to and its position, as one row of the Phases sheet."""

    line: LineId
    position: int
    phase: Phase


@dataclass(frozen=True)
class Column:
    """One column of a record sheet.

    Attributes:
        key: the record field it holds (for computed columns, a name of its own).
        header: the header text in row 1.
        width: the column width in characters.
        get: ``(record, context) -> cell value``; ``context`` is the resolved schedule lookup or None.
        parse: cell value -> field value; raises ``CellError`` saying what it expected.
        choices: the fixed set of values, offered as a drop-down.
        required: whether an empty cell is an error.
        as_text: whether the column holds codes that must stay text (leading zeros).
        computed: written for people to read, ignored on import.
        is_date: whether the cells are dates (shown with a date format).
        choices_from: a sheet whose first column lists the values offered in a drop-down.
    """

    key: str
    header: str
    width: int
    get: Getter
    parse: cells.Parser = cells.text
    choices: tuple[str, ...] = ()
    required: bool = False
    as_text: bool = False
    computed: bool = False
    is_date: bool = False
    choices_from: str = ""


@dataclass(frozen=True)
class SheetSpec:
    """A record sheet: its name, what one row is, and its columns in order."""

    name: str
    record: str
    columns: tuple[Column, ...]

    def readable(self) -> tuple[Column, ...]:
        """The columns read back on import."""
        return tuple(c for c in self.columns if not c.computed)


def _attr(key: str, write: Callable[[Any], Any] | None = None) -> Getter:
    if write is None:
        return lambda record, _ctx: getattr(record, key)
    return lambda record, _ctx: write(getattr(record, key))


def _enum_value(value: StrEnum | None) -> str:
    return "" if value is None else value.value


def _phase(key: str, write: Callable[[Any], Any] = lambda v: v) -> Getter:
    return lambda row, _ctx: write(getattr(row.phase, key))


def plain(key: str, header: str, width: int, **extra: Any) -> Column:
    """A text column for field ``key``."""
    return Column(key, header, width, _attr(key), **extra)


def ident(key: str, header: str, width: int = 14, **extra: Any) -> Column:
    """An id or code column: text, trimmed, leading zeros kept."""
    return Column(key, header, width, _attr(key), cells.ident, as_text=True, **extra)


def enum(key: str, header: str, kind: type[StrEnum], width: int = 16, **extra: Any) -> Column:
    """A column taking one of ``kind``'s values, with a drop-down."""
    choices = tuple(m.value for m in kind)
    parse = cells.enum_parser(kind)
    return Column(key, header, width, _attr(key, _enum_value), parse, choices, **extra)


def number(key: str, header: str, width: int = 10, optional: bool = False) -> Column:
    """A decimal column."""
    parse = cells.optional_decimal if optional else cells.decimal
    return Column(key, header, width, _attr(key, cells.write_number), parse, required=not optional)


def rated(key: str, header: str, width: int = 10, optional: bool = False) -> Column:
    """A line's rate: a number cell for ad valorem, the published text for specific and compound duties."""
    parse = cells.optional_rate_value if optional else cells.rate_value

    def get(record: Any, _ctx: Any) -> Any:
        value = getattr(record, key)
        return None if value is None else cells.write_rate(value, record.unit)

    return Column(key, header, width, get, parse, required=not optional)


def whole(key: str, header: str, width: int = 10) -> Column:
    """An optional whole-number column, within the range the model gives ``key``."""
    return Column(key, header, width, _attr(key), cells.whole_in_range(key))


def count(key: str, header: str, width: int = 10) -> Column:
    """A whole-number column whose empty cell means 0 (a category's stages, its years held)."""
    parse = cells.whole_in_range(key)
    return Column(key, header, width, _attr(key), lambda value: parse(value) or 0)


def when(key: str, header: str, width: int = 16, optional: bool = False) -> Column:
    """A timing-expression column."""
    parse = cells.optional_timing if optional else cells.timing
    return Column(key, header, width, _attr(key, cells.write_timing), parse, required=not optional)


def listed(key: str, header: str, width: int = 18) -> Column:
    """A list of ids in one cell."""
    return Column(key, header, width, _attr(key, cells.write_ids), cells.ids)


def gated(key: str = "gates", header: str = "Gates") -> Column:
    """Gating milestones in one cell (``REG-1 +6m, TEL-2``)."""
    return Column(key, header, 18, _attr(key, cells.write_gates), cells.gates)


def computed(key: str, header: str, width: int, get: Getter, is_date: bool = False) -> Column:
    """A column computed from the resolved schedule, for reading only."""
    return Column(key, header, width, get, computed=True, is_date=is_date)


def _quota(record: Any, _ctx: Any) -> Any:
    return cells.write_quota(record.quota, record.unit)


def _phase_value(value: Rate) -> Any:
    # A plain value is a number in its line's unit (the Lines sheet's Unit column); a compound is text.
    return cells.write_rate(value, "%")


def _change(value: Any) -> Change | None:
    return None if cells.is_blank(value) else cells.enum_parser(Change)(value)


PARTIES = SheetSpec(
    "Parties",
    "party",
    (
        ident("code", "Code", 10, required=True),
        plain("name", "Name", 28),
        enum("status", "Status", DevelopmentStatus, 14),
    ),
)

SECTORS = SheetSpec("Sectors", "sector", (ident("id", "Id", 22, required=True), plain("name", "Name", 28)))

# A hidden sheet of values the drop-downs offer that no record sheet lists (staging categories: the
# agreement's own and the usual built-in spellings). Import ignores it.
LISTS = "Lists"
COMMON_CATEGORIES = ("A", "B", "B3", "B5", "B7", "B10", "B15", "C", "C+", "B+", "E", "20-A", "5 Years",
                     "10 Years", "U", "EXCL")  # fmt: skip

LINES = SheetSpec(
    "Lines",
    "line",
    (
        ident("id", "Id", 14, required=True),
        ident("party", "Party", 8, required=True, choices_from="Parties"),
        ident("sector", "Sector", 20, required=True, choices_from="Sectors"),
        ident("code", "Code", 14, required=True),
        enum("code_system", "Code system", CodeSystem, 12),
        plain("description", "Description", 40),
        enum("measure", "Measure", MeasureKind, 14),
        plain("unit", "Unit", 8),
        rated("base", "Base", 14),
        ident("category", "Category", 12, choices_from=LISTS),
        rated("target", "Target", 14, optional=True),
        Column(
            "quota",
            "Tariff-rate quota",
            36,
            lambda r, _c: cells.write_quota(r.quota, r.unit),
            cells.optional_quota,
        ),
        gated(),
        plain("notes", "Notes", 30),
        plain("legal_ref", "Legal reference", 20),
    ),
)

PHASES = SheetSpec(
    "Phases",
    "phase",
    (
        ident("line", "Line", 14, required=True, choices_from="Lines"),
        Column("order", "Order", 8, lambda rec, _ctx: rec.position + 1, cells.optional_int),
        Column("label", "Label", 16, _phase("label")),
        Column("start", "Start", 16, _phase("start", cells.write_timing), cells.timing, required=True),
        Column("value", "Value", 12, _phase("value", _phase_value), cells.rate_value, required=True),
        Column("gates", "Gates", 18, _phase("gates", cells.write_gates), cells.gates),
        Column("note", "Note", 30, _phase("note")),
    ),
)

MILESTONES = SheetSpec(
    "Milestones",
    "milestone",
    (
        ident("id", "Id", 12, required=True),
        ident("party", "Party", 8, required=True, choices_from="Parties"),
        plain("title", "Title", 36),
        enum("kind", "Kind", MilestoneKind, 20),
        when("due", "Due", 16),
        plain("verifier", "Verifier", 20),
        enum("status", "Status", MilestoneStatus, 11),
        Column("actual", "Actual date", 12, _attr("actual"), cells.optional_day, is_date=True),
        listed("depends_on", "Depends on"),
        plain("note", "Note", 30),
    ),
)

EXCEPTIONS = SheetSpec(
    "Exceptions",
    "exception",
    (
        ident("id", "Id", 12, required=True),
        ident("party", "Party", 8, required=True, choices_from="Parties"),
        plain("title", "Title", 30),
        listed("scope_sectors", "Scope sectors"),
        listed("scope_lines", "Scope lines"),
        plain("legal_basis", "Legal basis", 18),
        plain("trigger", "Trigger", 30),
        number("threshold", "Threshold", 10, optional=True),
        whole("notification_days", "Notify within (days)", 12),
        whole("termination_notice_days", "Termination notice (days)", 12),
        whole("max_duration_months", "Max duration (months)", 12),
        whole("extension_months", "Extension (months)", 12),
        whole("review_interval_months", "Review every (months)", 12),
        when("sunset", "Sunset", 14, optional=True),
        plain("note", "Note", 30),
    ),
)

REVIEWS = SheetSpec(
    "Reviews",
    "review",
    (
        ident("id", "Id", 12, required=True),
        plain("title", "Title", 30),
        when("first", "First", 14),
        whole("interval_months", "Every (months)", 12),
        whole("count", "Count", 8),
        when("term_end", "Term ends", 14, optional=True),
        plain("legal_ref", "Legal reference", 20),
    ),
)

CATEGORIES = SheetSpec(
    "Categories",
    "category",
    (
        ident("code", "Code", 12, required=True),
        enum("kind", "Kind", StagingKind, 14, required=True),
        count("stages", "Stages", 8),
        count("hold", "Hold (years)", 10),
        Column("shares", "Shares", 24, _attr("shares", cells.write_decimals), cells.decimals),
        number("final", "Final", 10, optional=True),
        Column("steps", "Steps", 24, _attr("steps", cells.write_steps), cells.steps),
        Column("table", "Rate table", 30, _attr("table", cells.write_table_rows), cells.table_rows),
        plain("description", "Description", 40),
        enum("cuts", "Cuts", Cuts, 12),
    ),
)

SCENARIOS = SheetSpec(
    "Scenarios",
    "scenario",
    (
        plain("name", "Scenario", 22, required=True),
        plain("description", "Description", 36),
        Column("change", "Change", 18, _attr("change", _enum_value), _change, tuple(Change)),
        ident("milestone", "Milestone", 12),
        ident("exception", "Exception", 12),
        whole("months", "Delay (months)", 10),
        when("start", "Invoked", 14, optional=True),
        whole("duration", "Duration (months)", 10),
        Column("eif", "New EIF", 12, _attr("eif"), cells.optional_day, is_date=True),
    ),
)

RECORD_SHEETS = (PARTIES, SECTORS, LINES, PHASES, MILESTONES, EXCEPTIONS, REVIEWS, CATEGORIES, SCENARIOS)

OVERVIEW = "Overview"

# Overview settings: label in column A, value in column B; read back by label.
SETTINGS: tuple[tuple[str, str, cells.Parser], ...] = (
    ("title", "Title", cells.text),
    ("short_name", "Short name", cells.text),
    ("eif", "Entry into force", cells.day),
    ("eif_tentative", "Entry into force is tentative", cells.boolean),
    ("stage_day", "Stage day (MM-DD)", cells.text),
    ("rounding_step", "Rounding step", cells.decimal),
    ("rounding_direction", "Rounding direction", cells.enum_parser(RoundingDirection)),
    ("classification", "Classification", cells.text),
    ("rule_set", "Staging rules", cells.text),
    ("rule_set_note", "Staging rules source", cells.text),
    ("first_cut", "First cut", cells.enum_parser(FirstCut)),
    ("notes", "Notes", cells.text),
    ("uid", "Agreement id", cells.text),
)
FORMAT_LABEL = "Format"
