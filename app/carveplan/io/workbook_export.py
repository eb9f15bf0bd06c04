"""Export an agreement as the exchange workbook: an overview, one sheet per kind of record, timelines."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import zip_longest
from pathlib import Path
from typing import Any

from carveplan.io import workbook_layout as layout
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import WriteError, check_progress
from carveplan.io.formats import ExportOptions
from carveplan.io.workbook_layout import Change, OverrideRow, PhaseRow, SheetSpec
from carveplan.model import (
    Agreement,
    EifMoved,
    ExceptionInvoked,
    MilestoneDelay,
    MilestoneMissed,
    Scenario,
)

# Text starting with one of these is a formula to a spreadsheet program; it is written as text.
FORMULA_START = ("=", "+", "-", "@")
HEADER_FILL = "DCE6F1"
PROGRESS_EVERY = 1000
DATE_FORMAT = "yyyy-mm-dd"

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
)
HOW_TO_EDIT = (
    "Edit values, add or delete rows, reorder columns; keep the sheet names and the header texts.",
    "Timings are written as treaties write them: 2027-01-01, EIF, EIF+6m, Y3, M:REG-1+6m, prev+12m.",
    "Lists take commas (VNM-1, VNM-2); gates take a milestone id and an optional lag (REG-1 +6m).",
    "Grey columns are computed by CarvePlan for reading; changes to them are ignored on import.",
    "Import with: carveplan import THIS.xlsx -o AGREEMENT.carveplan",
)


class Progress:
    """Counts rows written and asks the caller's callback whether to go on."""

    def __init__(self, callback: Callable[[int, int], bool] | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0

    def step(self, rows: int = 1) -> None:
        """Count ``rows``; every so often report, and stop when the callback says so."""
        before = self.done
        self.done += rows
        if self.callback is not None and (self.done // PROGRESS_EVERY != before // PROGRESS_EVERY):
            self.report()

    def report(self) -> None:
        """Report now; raises ``Cancelled`` when the callback returns False."""
        check_progress(self.callback, min(self.done, self.total), self.total)


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
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    shown = _filtered(agreement, options)
    records = _records(shown)
    progress = Progress(options.progress, sum(len(rows) for rows in records.values()))
    book = Workbook(write_only=True)
    writer = SheetWriter(book, progress)
    try:
        _write_overview(writer, shown, options)
        for spec in layout.RECORD_SHEETS:
            writer.records(spec, records[spec.name], None)
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
    write_atomic(path, buffer.getvalue())


def discard(book: Any) -> None:
    """Close a write-only workbook's sheets and delete their temporary files (export abandoned)."""
    for sheet in book.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):  # half-written XML may refuse to close; it is thrown away
            sheet.close()
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


class SheetWriter:
    """Writes sheets into a write-only workbook: header style, widths, filters, drop-downs, safe text."""

    def __init__(self, book: Any, progress: Progress) -> None:
        from openpyxl.styles import Font, PatternFill

        self.book = book
        self.progress = progress
        self.bold = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.computed_fill = PatternFill("solid", fgColor="EEEEEE")

    def sheet(self, name: str, widths: Iterable[int], formats: Iterable[str] = ()) -> Any:
        """A new sheet with frozen header, column widths and number formats.

        In write-only mode these are written with the first row, so they are set here.
        """
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(name)
        sheet.freeze_panes = "A2"
        for index, (width, number_format) in enumerate(zip_longest(widths, formats), 1):
            dimension = sheet.column_dimensions[get_column_letter(index)]
            dimension.width = width
            if number_format:
                dimension.number_format = number_format
        return sheet

    def header(self, sheet: Any, headers: Iterable[str], computed: Iterable[bool] = ()) -> None:
        """A bold header row; computed columns get a grey header."""
        from openpyxl.cell import WriteOnlyCell

        flags = list(computed)
        row = []
        for index, text in enumerate(headers):
            cell = WriteOnlyCell(sheet, text)
            cell.font = self.bold
            cell.fill = self.computed_fill if index < len(flags) and flags[index] else self.header_fill
            row.append(cell)
        sheet.append(row)

    def append(self, sheet: Any, values: list[Any]) -> None:
        """One row; text that a spreadsheet would take for a formula is written as text."""
        for index, value in enumerate(values):
            if isinstance(value, str) and value.startswith(FORMULA_START):
                values[index] = self.text_cell(sheet, value)
        sheet.append(values)

    def text_cell(self, sheet: Any, value: str) -> Any:
        """A cell holding ``value`` as literal text, even if it begins with ``=``."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        cell.quotePrefix = True  # Excel keeps it text when the cell is edited
        return cell

    def records(self, spec: SheetSpec, rows: list[Any], context: Any) -> None:
        """A record sheet: header, one row per record, autofilter and drop-downs."""
        from openpyxl.utils import get_column_letter

        formats = ("@" if c.as_text else DATE_FORMAT if c.is_date else "" for c in spec.columns)
        sheet = self.sheet(spec.name, [c.width for c in spec.columns], formats)
        self.header(sheet, (c.header for c in spec.columns), (c.computed for c in spec.columns))
        getters = [c.get for c in spec.columns]
        for record in rows:
            self.append(sheet, [get(record, context) for get in getters])
            self.progress.step()
        last = get_column_letter(len(spec.columns))
        sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        _add_dropdowns(sheet, spec)


def _add_dropdowns(sheet: Any, spec: SheetSpec) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(spec.columns, 1):
        letter = get_column_letter(index)
        if column.choices:
            listed = '"' + ",".join(column.choices) + '"'
            rule = DataValidation(
                type="list", formula1=listed, allow_blank=not column.required, showErrorMessage=True
            )
            rule.error = f"{column.header} takes one of: {', '.join(column.choices)}"
        elif column.choices_from:
            # Only a suggestion: rows may be added to the referenced sheet beyond the listed range.
            source = f"'{column.choices_from}'!$A$2:$A$5000"
            rule = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=False)
        else:
            continue
        rule.add(f"{letter}2:{letter}1048576")
        sheet.data_validations.append(rule)


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
        "eif": agreement.eif,
        "eif_tentative": "yes" if agreement.eif_tentative else "no",
        "stage_day": str(agreement.stage_day),
        "rounding_step": agreement.rounding.step,
        "rounding_direction": agreement.rounding.direction.value,
        "classification": agreement.classification,
        "notes": agreement.notes,
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


def _cell_number(value: Any) -> Any:
    from decimal import Decimal

    from carveplan.io.cells import write_number

    return write_number(value) if isinstance(value, Decimal) else value
