"""The redline workbook: the new schedule with every changed cell marked and its old value beside it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from carveplan.engine.diff import AgreementDiff, Change, LineDiff
from carveplan.engine.diff_summary import summarize
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import WriteError
from carveplan.io.reports.diff_rows import (
    LINE_COLUMNS,
    LINE_HEADERS,
    RECORD_HEADERS,
    SUMMARY_HEADERS,
    changed_cell,
    line_row,
    record_rows,
    summary_row,
)

CHANGED_FILL = "FFF2CC"  # pale amber: a cell whose value moved
ADDED_FILL = "E2EFDA"  # pale green: a line new in this version
WITHDRAWN_FONT = "808080"
CHANGED_FONT = "C00000"
AUTHOR = "CarvePlan"


def write_redline(result: AgreementDiff, path: Path, old_name: str = "", new_name: str = "") -> None:
    """Write the redline: a summary, every line with changed cells marked, and the changed clauses.

    Each changed cell is filled amber in red type and carries a comment ``Was: 5 Years``; the ``Was``
    column repeats the old values in a few words. Added lines are green, withdrawn lines struck
    through in grey.

    Args:
        result: the comparison.
        path: the .xlsx file to write (replaced whole, or left as it was on failure).
        old_name: how to name the old version (default: its title).
        new_name: how to name the new version.

    Raises:
        WriteError: when the file cannot be written.
    """
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "Summary"
    old = old_name or result.old.agreement.title
    new = new_name or result.new.agreement.title
    _summary(summary, result, old, new)
    _lines(book.create_sheet("Lines"), result)
    _records(book.create_sheet("Clauses"), result)
    buffer = io.BytesIO()
    try:
        book.save(buffer)
    except OSError as err:  # pragma: no cover - memory only
        raise WriteError(f"could not write {path}: {err}") from err
    write_atomic(path, buffer.getvalue())


def _header(sheet: Any, headers: tuple[str, ...] | list[str], row: int = 1) -> None:
    from openpyxl.styles import Font

    for column, text in enumerate(headers, start=1):
        sheet.cell(row=row, column=column, value=text).font = Font(bold=True)


def _summary(sheet: Any, result: AgreementDiff, old: str, new: str) -> None:
    from openpyxl.styles import Font

    sheet.cell(row=1, column=1, value=f"What moved from {old} to {new}").font = Font(bold=True, size=14)
    scope = f"Party {result.party}" if result.party else "All parties"
    eif = f" · entry into force {result.eif.old} → {result.eif.new}" if result.eif else ""
    sheet.cell(row=2, column=1, value=f"{scope} · {len(result.changed)} lines changed{eif}")
    _header(sheet, SUMMARY_HEADERS, row=4)
    for row in (summary_row(s) for s in summarize(result)):
        sheet.append(row)
    sheet.column_dimensions["B"].width = 24


def _lines(sheet: Any, result: AgreementDiff) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    _header(sheet, LINE_HEADERS)
    changed_fill = PatternFill("solid", start_color=CHANGED_FILL)
    added_fill = PatternFill("solid", start_color=ADDED_FILL)
    red = Font(color=CHANGED_FONT, bold=True)
    struck = Font(color=WITHDRAWN_FONT, strike=True)
    for row, entry in enumerate(result.lines, start=2):
        values = line_row(entry)
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
        cells = sheet[row]
        if entry.change is Change.ADDED:
            for cell in cells:
                cell.fill = added_fill
        elif entry.change is Change.WITHDRAWN:
            for cell in cells:
                cell.font = struck
            cells[0].comment = Comment("Withdrawn in the new version", AUTHOR)
        else:
            _mark(cells, entry, changed_fill, red, Comment)
    for index, spec in enumerate(LINE_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = spec.width
    sheet.column_dimensions[get_column_letter(len(LINE_HEADERS))].width = 40
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(LINE_HEADERS))}{len(result.lines) + 1}"


def _mark(cells: Any, entry: LineDiff, fill: Any, font: Any, comment: Any) -> None:
    """Fill each changed cell and put the old value in its comment."""
    for cell, column in zip(cells, LINE_COLUMNS, strict=False):
        change = changed_cell(entry, column)
        if change is None:
            continue
        cell.fill = fill
        cell.font = font
        cell.comment = comment(f"Was: {change.old or '(none)'}", AUTHOR)


def _records(sheet: Any, result: AgreementDiff) -> None:
    from openpyxl.styles import PatternFill

    _header(sheet, RECORD_HEADERS)
    fill = PatternFill("solid", start_color=CHANGED_FILL)
    for row in record_rows(result):
        sheet.append(row)
        if row[3] == Change.CHANGED.value:
            sheet.cell(row=sheet.max_row, column=7).fill = fill
    for letter, width in zip("ABCDEFGH", (11, 14, 7, 10, 22, 28, 28, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
