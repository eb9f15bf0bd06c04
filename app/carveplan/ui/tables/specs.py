"""One table spec per kind of record: its columns and the defaults of a new record (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from carveplan.engine import expand
from carveplan.model import (
    Agreement,
    CodeSystem,
    DevelopmentStatus,
    Line,
    MeasureKind,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Offset,
    Party,
    Phase,
    ReviewClause,
    Scenario,
    Sector,
    SecurityException,
    StagingCategory,
    StagingKind,
    Timing,
    Unit,
)
from carveplan.ui.tables import cells as c
from carveplan.ui.tables.columns import Column, Editor, TableSpec, enum_column
from carveplan.ui.tables.overrides import FORMS, format_overrides, parse_overrides

_TIMING_TIP = "A date YYYY-MM-DD, EIF+6m, Y3 (agreement year), M:REG-1+6m (after a milestone) or prev+12m"
_MONTHS_TIP = "Whole months; empty when the clause sets none"


def _parties(agreement: Agreement) -> Sequence[str]:
    return [p.code for p in agreement.parties]


def _sectors(agreement: Agreement) -> Sequence[str]:
    return [s.id for s in agreement.sectors]


def _categories(agreement: Agreement) -> Sequence[str]:
    # The agreement's own categories first; a few built-in spellings for lines that use them.
    own = [k.code for k in agreement.categories]
    return ["", *own, *(code for code in ("A", "B5", "B10", "B15", "E", "B+", "EXCL") if code not in own)]


def _first(values: Sequence[str]) -> str:
    return values[0] if values else ""


def _key(field: str, header: str, width: int = 9) -> Column:
    return Column(field, header, parse=c.parse_key, tooltip=f"Unique {header.lower()}", width=width)


def _party() -> Column:
    return Column("party", "Party", parse=c.parse_key, editor=Editor.CHOICE, choices=_parties, width=7)


def _number(field: str, header: str, tip: str, optional: bool = False, width: int = 8) -> Column:
    parse = c.parse_optional_decimal if optional else c.parse_decimal
    return Column(field, header, c.format_decimal, parse, Editor.NUMBER, tooltip=tip, width=width)


def _count(field: str, header: str, tip: str = _MONTHS_TIP, width: int = 8) -> Column:
    return Column(
        field, header, c.format_optional, c.parse_optional_count, Editor.NUMBER, tooltip=tip, width=width
    )


def _timing(field: str, header: str, optional: bool = False) -> Column:
    fmt = c.format_optional_timing
    parse = c.parse_optional_timing if optional else c.parse_timing_cell
    return Column(field, header, fmt, parse, Editor.TIMING, tooltip=_TIMING_TIP, width=12)


def _ids(field: str, header: str, tip: str, width: int = 16) -> Column:
    return Column(field, header, c.format_ids, c.parse_ids, tooltip=tip, width=width)


def _gates(width: int = 16) -> Column:
    tip = "Milestones to be verified first, with an optional lag: REG-1+6m, DATA-2"
    return Column("gates", "Gates", c.format_gates, c.parse_gates, tooltip=tip, width=width)


def _text(field: str, header: str, width: int = 16) -> Column:
    return Column(field, header, width=width)


LINES = TableSpec(
    kind="lines",
    title="Lines",
    key_field="id",
    stem="L",
    columns=(
        _key("id", "Id"),
        _party(),
        Column("sector", "Sector", parse=c.parse_key, editor=Editor.CHOICE, choices=_sectors, width=14),
        Column(
            "code", "Code", parse=c.parse_key, tooltip="HS or CPC code, as text: 0101 keeps its zero", width=9
        ),
        enum_column("code_system", "System", CodeSystem, width=6),
        _text("description", "Description", 28),
        enum_column("measure", "Measure", MeasureKind, width=11),
        _text("unit", "Unit", 5),
        _number("base", "Base", "The value before the agreement (6.8 for 6.8 %)", width=6),
        Column(
            "category",
            "Category",
            parse=c.parse_text,
            editor=Editor.CHOICE,
            choices=_categories,
            tooltip="Staging category (B5, 5 Years, E ...); ignored when the line has its own phases",
            width=8,
        ),
        _number("target", "Target", "Final value overriding the category's; empty for its own", True, 6),
        Column(
            "phases",
            "Phases",
            lambda ps: str(len(ps)) if ps else "",
            None,
            Editor.NUMBER,
            width=6,
            tooltip="Explicit phases (edit them in the Phases tab); empty when the category generates them",
        ),
        _gates(),
        _text("legal_ref", "Legal ref.", 14),
        _text("notes", "Notes", 20),
    ),
    new_record=lambda a, key: Line(key, _first(_parties(a)), _first(_sectors(a)), code="", category="B5"),
)

PHASES = TableSpec(
    kind="phases",
    title="Phases",
    key_field=None,
    columns=(
        _text("label", "Label", 12),
        _timing("start", "Start"),
        _number("value", "Value", "The value in force from the start"),
        _gates(20),
        _text("note", "Note", 24),
    ),
    new_record=lambda a, line_id: _next_phase(a, line_id),
)


def _next_phase(agreement: Agreement, line_id: str) -> Phase:
    """A phase a year after the line's last one, at its value; the first starts at EIF from the base."""
    line = next((item for item in agreement.lines if item.id == line_id), None)
    # A line on a staging category shows generated phases: the new one follows them.
    phases = expand(line, agreement) if line is not None else ()
    if line is None or not phases:
        return Phase(Timing.eif(), line.base if line is not None else Decimal(0))
    return Phase(Timing.after_previous(Offset(12, Unit.MONTHS)), phases[-1].value)


MILESTONES = TableSpec(
    kind="milestones",
    title="Milestones",
    key_field="id",
    stem="M",
    columns=(
        _key("id", "Id"),
        _party(),
        _text("title", "Title", 26),
        enum_column("kind", "Kind", MilestoneKind, width=16),
        _timing("due", "Due"),
        _text("verifier", "Verifier", 16),
        enum_column("status", "Status", MilestoneStatus, width=9),
        Column(
            "actual",
            "Actual",
            c.format_optional_date,
            c.parse_optional_date,
            Editor.DATE,
            tooltip="The date it was achieved or verified (YYYY-MM-DD); empty while unknown",
            width=10,
        ),
        _ids("depends_on", "Depends on", "Milestones to be verified first, separated by commas"),
        _text("note", "Note", 20),
    ),
    new_record=lambda a, key: Milestone(key, _first(_parties(a)), "New milestone", Timing.eif()),
)

EXCEPTIONS = TableSpec(
    kind="exceptions",
    title="Exceptions",
    key_field="id",
    stem="EXC",
    columns=(
        _key("id", "Id"),
        _party(),
        _text("title", "Title", 24),
        _ids("scope_sectors", "Sectors", "Sectors in scope (ids, separated by commas)"),
        _ids("scope_lines", "Lines", "Individual lines in scope (ids, separated by commas)"),
        _text("legal_basis", "Legal basis", 14),
        _text("trigger", "Trigger", 20),
        _number("threshold", "Threshold", "An optional numeric trigger (import surge in percent)", True),
        _count("notification_days", "Notify (d)", "Days after invocation by which others must be notified"),
        _count("termination_notice_days", "End notice (d)", "Days before the end to notify termination"),
        _count("max_duration_months", "Max (m)"),
        _count("extension_months", "Ext. (m)"),
        _count("review_interval_months", "Review (m)"),
        _timing("sunset", "Sunset", optional=True),
        _text("note", "Note", 20),
    ),
    new_record=lambda a, key: SecurityException(key, _first(_parties(a)), "New exception"),
)

REVIEWS = TableSpec(
    kind="reviews",
    title="Reviews",
    key_field="id",
    stem="REV",
    columns=(
        _key("id", "Id"),
        _text("title", "Title", 24),
        _timing("first", "First"),
        _count("interval_months", "Every (m)", "Months between reviews; empty for a single event"),
        _count("count", "Count", "How many reviews in all; empty when unbounded"),
        _timing("term_end", "Term ends", optional=True),
        _text("legal_ref", "Legal ref.", 16),
    ),
    new_record=lambda a, key: ReviewClause(key, "Joint review", Timing.eif(Offset(3, Unit.YEARS)), 60),
)

SCENARIOS = TableSpec(
    kind="scenarios",
    title="Scenarios",
    key_field="name",
    stem="scenario",
    columns=(
        _key("name", "Name", 18),
        _text("description", "Description", 30),
        Column(
            "overrides",
            "Overrides",
            format_overrides,
            parse_overrides,
            width=48,
            tooltip="Separated by ';': " + "; ".join(FORMS),
        ),
    ),
    new_record=lambda a, key: Scenario(key),
)

CATEGORIES = TableSpec(
    kind="categories",
    title="Staging",
    key_field="code",
    stem="CAT",
    columns=(
        _key("code", "Code", 8),
        enum_column("kind", "Kind", StagingKind, width=11),
        Column(
            "stages",
            "Stages",
            c.format_optional,
            c.parse_count,
            Editor.NUMBER,
            tooltip="Number of equal annual stages (linear, back-loaded, partial)",
            width=6,
        ),
        Column(
            "hold",
            "Hold (y)",
            c.format_optional,
            c.parse_count,
            Editor.NUMBER,
            tooltip="Years the base is held before cuts start (back-loaded)",
            width=6,
        ),
        Column(
            "shares",
            "Shares",
            c.format_decimals,
            c.parse_decimals,
            width=18,
            tooltip="Share of the change in each year, summing to 1 (non-linear): 0.2, 0, 0.1",
        ),
        _number("final", "Final", "The value reached (partial); empty for full liberalization", True, 6),
        Column(
            "steps",
            "Steps",
            c.format_steps,
            c.parse_steps,
            width=18,
            tooltip="Values by agreement year (steps): Y1=25, Y2=35, Y4=49",
        ),
        _text("description", "Description", 28),
    ),
    new_record=lambda a, key: StagingCategory(key, StagingKind.LINEAR, stages=5),
)

PARTIES = TableSpec(
    kind="parties",
    title="Parties",
    key_field="code",
    stem="NEW",
    columns=(
        _key("code", "Code", 7),
        _text("name", "Name", 24),
        enum_column("status", "Status", DevelopmentStatus, width=11),
    ),
    new_record=lambda a, key: Party(key, "New party"),
)

SECTORS = TableSpec(
    kind="sectors",
    title="Sectors",
    key_field="id",
    stem="sector",
    columns=(_key("id", "Id", 16), _text("name", "Name", 24)),
    new_record=lambda a, key: Sector(key, "New sector"),
)

SPECS: dict[str, TableSpec] = {
    spec.kind: spec
    for spec in (LINES, PHASES, MILESTONES, EXCEPTIONS, REVIEWS, SCENARIOS, CATEGORIES, PARTIES, SECTORS)
}
