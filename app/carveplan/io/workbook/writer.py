"""Writing sheets into a write-only workbook: styled headers, drop-downs, text that stays text, progress."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from itertools import zip_longest
from typing import Any

from carveplan.io.errors import check_progress
from carveplan.io.text import clean_text, is_formula_like
from carveplan.io.workbook.layout import SheetSpec
from carveplan.io.workbook.rawrows import RawRows

HEADER_FILL = "DCE6F1"
PROGRESS_EVERY = 1000
DATE_FORMAT = "yyyy-mm-dd"


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
        self.raw_rows: dict[str, RawRows] = {}
        self._tails: dict[Any, str] = {}

    def raw(self, sheet: Any, first: int = 2) -> RawRows:
        """The rows of ``sheet`` from row ``first`` (after its header), written as text (see
        :mod:`rawrows`); call :func:`splice.splice` on the saved workbook to put them in."""
        rows = self.raw_rows[sheet.title] = RawRows(sheet, first, self._tails)
        return rows

    def sheet(self, name: str, widths: Iterable[int], formats: Iterable[str] = (), freeze: str = "A2") -> Any:
        """A new sheet with frozen header, column widths, number formats and print setup.

        In write-only mode these are written with the first row, so they are set here.
        """
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(name)
        sheet.freeze_panes = freeze
        _print_setup(sheet)
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
            cell = WriteOnlyCell(sheet, clean_text(text) if isinstance(text, str) else text)
            cell.font = self.bold
            cell.fill = self.computed_fill if index < len(flags) and flags[index] else self.header_fill
            row.append(cell)
        sheet.append(row)

    def append(self, sheet: Any, values: list[Any]) -> None:
        """One row; text that a spreadsheet would take for a formula is written as text."""
        self.make_safe(sheet, values)
        sheet.append(values)

    def make_safe(self, sheet: Any, values: list[Any]) -> None:
        """Clean text in place, and make text a spreadsheet would take for a formula a literal text cell."""
        for index, value in enumerate(values):
            if isinstance(value, str):
                value = values[index] = clean_text(value)
                if is_formula_like(value):
                    values[index] = self.text_cell(sheet, value)

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
        raw = self.raw(sheet)
        for record in rows:
            raw.append([get(record, context) for get in getters])
            self.progress.step()
        last = get_column_letter(len(spec.columns))
        sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        _add_dropdowns(sheet, spec)


def _print_setup(sheet: Any) -> None:
    """Landscape, one page wide, the header row on every page: the Timeline printed on 12 pages."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


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
