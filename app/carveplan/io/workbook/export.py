"""Export an agreement as the exchange workbook: an overview, one sheet per kind of record, timelines."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from carveplan.engine.collector import collector_paused
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import WriteError
from carveplan.io.formats import ExportOptions, schedule_for
from carveplan.io.workbook import layout
from carveplan.io.workbook.analysis import LEGEND as ANALYSIS_LEGEND
from carveplan.io.workbook.analysis import analysis_rows, row_count, write_analysis
from carveplan.io.workbook.layout import Change, OverrideRow, PhaseRow
from carveplan.io.workbook.resolved import Lookup, with_computed
from carveplan.io.workbook.rounds_sheet import LEGEND as ROUNDS_LEGEND
from carveplan.io.workbook.rounds_sheet import data_rows, write_rounds
from carveplan.io.workbook.splice import splice
from carveplan.io.workbook.timeline import Timeline
from carveplan.io.workbook.writer import Progress, SheetWriter, discard
from carveplan.io.workbook.year_by_year import write_year_by_year
from carveplan.model import (
    Agreement,
    EifMoved,
    ExceptionInvoked,
    FirstCut,
    MilestoneDelay,
    MilestoneMissed,
    Scenario,
    grammar,
)

LEGEND = (
    ("Overview", "this sheet: the agreement's settings (read back on import) and this legend"),
    ("Parties", "the signatories: code, name, development status"),
    ("Sectors", "the sectors lines belong to"),
    ("Lines", "one carved-out line per row, with its base value and staging category"),
    ("Phases", "explicit phases of lines, one per row, in order per line"),
    ("Milestones", "compliance milestones, their due dates and status"),
    ("Exceptions", "security exceptions and their procedural rules"),
    ("Reviews", "review clauses and terms"),
    ("Categories", "the agreement's own staging categories"),
    ("Scenarios", "what-if scenarios, one change per row"),
    ("Year by year", "computed: the value of every line in force each calendar year"),
    ("Timeline", "computed: lines, milestones, exceptions and reviews as bars across the years"),
    *ANALYSIS_LEGEND,
    *ROUNDS_LEGEND,
    (layout.LISTS, "hidden: the staging categories the Lines sheet's Category drop-down offers"),
)
HOW_TO_EDIT = (
    "Edit values, add or delete rows, reorder columns; keep the sheet names and the header texts.",
    "Timings are written as treaties write them: 2027-01-01, EIF, EIF+6m, Y3, M:REG-1+6m, prev+12m.",
    "Lists take commas (VNM-1, VNM-2); gates take a milestone id and an optional lag (REG-1 +6m).",
    "Grey columns are computed by CarvePlan for reading; changes to them are ignored on import.",
    "Import with: carveplan import THIS.xlsx -o AGREEMENT.carveplan",
)


def export_workbook(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    """Write ``agreement`` as an .xlsx workbook that reads without CarvePlan and imports back.

    Args:
        agreement: the agreement.
        path: the .xlsx file to write; replaced only when the whole workbook is written.
        options: scenario, party and sector filters, today's date, progress callback.

    Raises:
        Cancelled: when the progress callback returned False (nothing is written).
        WriteError: when the file cannot be written.
    """
    with collector_paused():
        _export(agreement, path, options)


def _export(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    from carveplan.engine import year_range

    schedule = schedule_for(agreement, options.scenario, options)
    lookup = Lookup.of(schedule)
    shown = _filtered(agreement, options)
    records = _records(shown)
    timeline = Timeline(schedule, {line.id for line in shown.lines}, options)
    analysis = analysis_rows(schedule)
    total = sum(len(rows) for rows in records.values()) + 2 * len(shown.lines) + timeline.extra_rows()
    total += row_count(analysis) + data_rows(agreement.rounds)
    progress = Progress(options.progress, total)
    book = Workbook(write_only=True)
    writer = SheetWriter(book, progress)
    try:
        _write_overview(writer, shown, options)
        for spec in layout.RECORD_SHEETS:
            spec = replace(spec, columns=with_computed(spec.name, spec.columns))
            writer.records(spec, records[spec.name], lookup)
        write_year_by_year(writer, schedule, timeline.line_ids, year_range(schedule))
        timeline.write(writer)
        write_analysis(writer, analysis)
        write_rounds(writer, agreement.rounds)
        _write_lists(writer, shown)
        progress.report()
    except IllegalCharacterError as err:
        discard(book)
        raise WriteError(f"cannot write {path.name}: {err}; remove control characters") from None
    except BaseException:
        discard(book)
        raise
    # Built in memory (a national schedule is a few megabytes), then replaces the file at once.
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, splice(buffer.getvalue(), writer.raw_rows))


def _filtered(agreement: Agreement, options: ExportOptions) -> Agreement:
    """Only the lines of the sectors and parties asked for (all when none are named)."""
    if not options.sectors and not options.parties:
        return agreement
    lines = tuple(
        line
        for line in agreement.lines
        if (not options.sectors or line.sector in options.sectors)
        and (not options.parties or line.party in options.parties)
    )
    return replace(agreement, lines=lines)


def _records(agreement: Agreement) -> dict[str, list[Any]]:
    phases = [PhaseRow(line.id, i, p) for line in agreement.lines for i, p in enumerate(line.phases)]
    return {
        "Parties": list(agreement.parties),
        "Sectors": list(agreement.sectors),
        "Lines": list(agreement.lines),
        "Phases": phases,
        "Milestones": list(agreement.milestones),
        "Exceptions": list(agreement.exceptions),
        "Reviews": list(agreement.reviews),
        "Categories": list(agreement.categories),
        "Scenarios": [row for scenario in agreement.scenarios for row in override_rows(scenario)],
    }


def override_rows(scenario: Scenario) -> Iterator[OverrideRow]:
    """A scenario as rows of the Scenarios sheet: one per override, or one bare row."""
    head = OverrideRow(scenario.name, scenario.description)
    if not scenario.overrides:
        yield head
    for override in scenario.overrides:
        if isinstance(override, MilestoneDelay):
            yield replace(head, change=Change.DELAY, milestone=override.milestone, months=override.months)
        elif isinstance(override, MilestoneMissed):
            yield replace(head, change=Change.MISSED, milestone=override.milestone)
        elif isinstance(override, ExceptionInvoked):
            yield replace(
                head,
                change=Change.INVOKED,
                exception=override.exception,
                start=override.start,
                duration=override.duration_months,
            )
        elif isinstance(override, EifMoved):
            yield replace(head, change=Change.EIF_MOVED, eif=override.eif)


def _write_overview(writer: SheetWriter, agreement: Agreement, options: ExportOptions) -> None:
    sheet = writer.sheet(layout.OVERVIEW, (34, 60, 40))
    settings = {
        "title": agreement.title,
        "short_name": agreement.short_name,
        "eif": agreement.eif,
        "eif_tentative": grammar.format_bool(agreement.eif_tentative),
        "stage_day": str(agreement.stage_day),
        "rounding_step": agreement.rounding.step,
        "rounding_direction": agreement.rounding.direction.value,
        "classification": agreement.classification,
        "rule_set": agreement.rule_set,
        "rule_set_note": agreement.rule_set_note,
        "first_cut": (agreement.first_cut or FirstCut.EIF).value,
        "notes": agreement.notes,
        "uid": agreement.identity,
    }
    writer.header(sheet, ("Setting", "Value", "Read back on import"))
    for key, label, _parse in layout.SETTINGS:
        value = settings[key]
        writer.append(sheet, [label, _cell_number(value), "yes"])
    parties = ", ".join(f"{p.code} ({p.name})" if p.name else p.code for p in agreement.parties)
    writer.append(sheet, ["Parties", parties, "no: see the Parties sheet"])
    writer.append(sheet, ["Scenario of the computed columns", options.scenario or "baseline", "no"])
    writer.append(sheet, ["Generated", options.today, "no"])
    filters = ", ".join((*options.parties, *options.sectors))
    if filters:
        writer.append(sheet, ["Lines limited to", filters, "no: other lines are not in this workbook"])
    writer.append(sheet, [layout.FORMAT_LABEL, f"{layout.FORMAT_NAME} {layout.FORMAT_VERSION}", "yes"])
    sheet.append([])
    writer.append(sheet, ["Sheets", "What they hold"])
    for name, what in LEGEND:
        writer.append(sheet, [name, what])
    sheet.append([])
    writer.append(sheet, ["How to edit and import back"])
    for text in HOW_TO_EDIT:
        writer.append(sheet, ["", text])


def _write_lists(writer: SheetWriter, agreement: Agreement) -> None:
    sheet = writer.sheet(layout.LISTS, (20,))
    sheet.sheet_state = "hidden"
    writer.header(sheet, ("Staging category",))
    own = [c.code for c in agreement.categories]
    used = [line.category for line in agreement.lines if line.category.strip()]
    for code in dict.fromkeys((*own, *used, *layout.COMMON_CATEGORIES)):
        writer.append(sheet, [code])


def _cell_number(value: Any) -> Any:
    from decimal import Decimal

    from carveplan.io.cells import write_number

    return write_number(value) if isinstance(value, Decimal) else value
