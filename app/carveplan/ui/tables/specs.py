"""One table spec per kind of record: its columns and the defaults of a new record (no Qt)."""

from __future__ import annotations

from decimal import Decimal

from carveplan.engine import expand
from carveplan.model import (
    Agreement,
    CodeSystem,
    Cuts,
    DevelopmentStatus,
    Line,
    MeasureKind,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Offset,
    Party,
    Phase,
    RecordKind,
    ReviewClause,
    Scenario,
    Sector,
    SecurityException,
    StagingCategory,
    StagingKind,
    Timing,
    Unit,
)
from carveplan.ui import document
from carveplan.ui.document import Selectable
from carveplan.ui.tables import cells as c
from carveplan.ui.tables.columnkit import (
    categories,
    count_column,
    first,
    gates_column,
    ids_column,
    key_column,
    number_column,
    parties,
    party_column,
    rate_column,
    sectors,
    text_column,
    timing_column,
)
from carveplan.ui.tables.columns import Column, Editor, TableSpec, enum_column
from carveplan.ui.tables.overrides import FORMS, format_overrides, parse_overrides

LINES = TableSpec(
    kind=RecordKind.LINES,
    title="Lines",
    key_field="id",
    stem="L",
    columns=(
        key_column("id", "Id"),
        party_column(),
        Column("sector", "Sector", parse=c.parse_key, editor=Editor.CHOICE, choices=sectors, width=18),
        Column(
            "code", "Code", parse=c.parse_key, tooltip="HS or CPC code, as text: 0101 keeps its zero", width=9
        ),
        enum_column("code_system", "System", CodeSystem, width=6),
        text_column("description", "Description", 28),
        enum_column("measure", "Measure", MeasureKind, width=11),
        text_column("unit", "Unit", 5),
        rate_column(
            "base", "Base", "The value before the agreement: 6.8 (%), 4.4¢/kg, 3.4¢/kg + 2%", width=8
        ),
        Column(
            "category",
            "Category",
            parse=c.parse_text,
            editor=Editor.CHOICE,
            choices=categories,
            tooltip="Staging category (B5, 5 Years, E ...); ignored when the line has its own phases",
            width=8,
        ),
        rate_column("target", "Target", "Final value overriding the category's; empty for its own", True, 6),
        Column(
            "quota",
            "Quota",
            parse=c.parse_optional_quota,
            tooltip="Tariff-rate quota: over-quota rate | volume | growth (over 20% | 10000 t | +3% a year)",
            width=24,
            show=lambda record, unit: c.format_optional_quota(record.quota, unit),
        ),
        Column(
            "phases",
            "Phases",
            lambda ps: str(len(ps)) if ps else "",
            None,
            Editor.NUMBER,
            width=6,
            tooltip="Explicit phases (edit them in the Phases tab); empty when the category generates them",
        ),
        gates_column(),
        text_column("legal_ref", "Legal ref.", 22),
        text_column("notes", "Notes", 20),
    ),
    new_record=lambda a, key: Line(key, first(parties(a)), first(sectors(a)), code="", category="B5"),
)

PHASES = TableSpec(
    kind=document.PHASES,
    title="Phases",
    key_field=None,
    columns=(
        text_column("label", "Label", 20),
        timing_column("start", "Start"),
        rate_column("value", "Value", "The value in force from the start: 6.4, 3.5¢/kg, 2.7¢/kg + 1.6%"),
        gates_column(20),
        text_column("note", "Note", 24),
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
    kind=RecordKind.MILESTONES,
    title="Milestones",
    key_field="id",
    stem="M",
    columns=(
        key_column("id", "Id"),
        party_column(),
        text_column("title", "Title", 34),
        enum_column("kind", "Kind", MilestoneKind, width=16),
        timing_column("due", "Due"),
        text_column("verifier", "Verifier", 24),
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
        ids_column("depends_on", "Depends on", "Milestones to be verified first, separated by commas"),
        text_column("note", "Note", 20),
    ),
    new_record=lambda a, key: Milestone(key, first(parties(a)), "New milestone", Timing.eif()),
)

EXCEPTIONS = TableSpec(
    kind=RecordKind.EXCEPTIONS,
    title="Exceptions",
    key_field="id",
    stem="EXC",
    columns=(
        key_column("id", "Id"),
        party_column(),
        text_column("title", "Title", 24),
        ids_column("scope_sectors", "Sectors", "Sectors in scope (ids, separated by commas)"),
        ids_column("scope_lines", "Lines", "Individual lines in scope (ids, separated by commas)"),
        text_column("legal_basis", "Legal basis", 14),
        text_column("trigger", "Trigger", 20),
        number_column(
            "threshold", "Threshold", "An optional numeric trigger (import surge in percent)", True
        ),
        count_column(
            "notification_days", "Notify (d)", "Days after invocation by which others must be notified"
        ),
        count_column(
            "termination_notice_days", "End notice (d)", "Days before the end to notify termination"
        ),
        count_column("max_duration_months", "Max (m)"),
        count_column("extension_months", "Ext. (m)"),
        count_column("review_interval_months", "Review (m)"),
        timing_column("sunset", "Sunset", optional=True),
        text_column("note", "Note", 20),
    ),
    new_record=lambda a, key: SecurityException(key, first(parties(a)), "New exception"),
)

REVIEWS = TableSpec(
    kind=RecordKind.REVIEWS,
    title="Reviews",
    key_field="id",
    stem="REV",
    columns=(
        key_column("id", "Id"),
        text_column("title", "Title", 24),
        timing_column("first", "First"),
        count_column("interval_months", "Every (m)", "Months between reviews; empty for a single event"),
        count_column("count", "Count", "How many reviews in all; empty when unbounded"),
        timing_column("term_end", "Term ends", optional=True),
        text_column("legal_ref", "Legal ref.", 16),
    ),
    new_record=lambda a, key: ReviewClause(key, "Joint review", Timing.eif(Offset(3, Unit.YEARS)), 60),
)

SCENARIOS = TableSpec(
    kind=RecordKind.SCENARIOS,
    title="Scenarios",
    key_field="name",
    stem="scenario",
    columns=(
        key_column("name", "Name", 18),
        text_column("description", "Description", 30),
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
    kind=RecordKind.CATEGORIES,
    title="Staging",
    key_field="code",
    stem="CAT",
    columns=(
        key_column("code", "Code", 8),
        enum_column("kind", "Kind", StagingKind, width=11),
        Column(
            "stages",
            "Stages",
            c.format_optional,
            c.count_of("stages"),
            Editor.NUMBER,
            tooltip="Number of equal annual stages (linear, back-loaded, partial)",
            width=6,
        ),
        Column(
            "hold",
            "Hold (y)",
            c.format_optional,
            c.count_of("hold"),
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
        number_column(
            "final", "Final", "The value reached (partial); empty for full liberalization", True, 6, False
        ),
        Column(
            "steps",
            "Steps",
            c.format_steps,
            c.parse_steps,
            width=18,
            tooltip="Values by agreement year (steps): Y1=25, Y2=35, Y4=49",
        ),
        text_column("description", "Description", 28),
        enum_column(
            "cuts", "Cuts", Cuts, "Which parts of a compound duty it cuts (A+EP: ad valorem only)", 10
        ),
    ),
    new_record=lambda a, key: StagingCategory(key, StagingKind.LINEAR, stages=5),
)

PARTIES = TableSpec(
    kind=RecordKind.PARTIES,
    title="Parties",
    key_field="code",
    stem="NEW",
    columns=(
        key_column("code", "Code", 7),
        text_column("name", "Name", 24),
        enum_column("status", "Status", DevelopmentStatus, width=11),
    ),
    new_record=lambda a, key: Party(key, "New party"),
)

SECTORS = TableSpec(
    kind=RecordKind.SECTORS,
    title="Sectors",
    key_field="id",
    stem="sector",
    columns=(key_column("id", "Id", 16), text_column("name", "Name", 24)),
    new_record=lambda a, key: Sector(key, "New sector"),
)

SPECS: dict[Selectable, TableSpec] = {
    spec.kind: spec
    for spec in (LINES, PHASES, MILESTONES, EXCEPTIONS, REVIEWS, SCENARIOS, CATEGORIES, PARTIES, SECTORS)
}
