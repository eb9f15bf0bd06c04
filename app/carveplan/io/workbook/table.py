"""Read a sheet with a header row into records, collecting every problem with its sheet, row and column."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from carveplan.io.cells import CellError, is_blank
from carveplan.io.errors import ReadError
from carveplan.io.sheets.reader import Sheet
from carveplan.io.workbook.layout import Column, SheetSpec
from carveplan.model import Location, Problem, Severity

MAX_PROBLEMS = 200


def column_letter(index: int) -> str:
    """The spreadsheet letter of 0-based column ``index`` (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_key(text: str) -> str:
    """A header as compared: case, spaces, underscores and punctuation at the ends do not matter."""
    return re.sub(r"[\s_]+", " ", str(text).strip().lower()).strip(" :*.")


@dataclass
class Problems:
    """Problems found while reading one file; stops collecting after ``MAX_PROBLEMS``."""

    file: str
    items: list[Problem] = field(default_factory=list)
    dropped: int = 0

    def add(self, message: str, code: str, sheet: str = "", row: int | None = None, column: str = "") -> None:
        """Record an error at a place in the file."""
        if len(self.items) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        location = Location(file=self.file, sheet=sheet, row=row, column=column)
        self.items.append(Problem(Severity.ERROR, location, message, code))

    def raise_if_any(self) -> None:
        """Raise ``ReadError`` with every problem found (and how many more were not listed)."""
        if not self.items:
            return
        problems = list(self.items)
        if self.dropped:
            location = Location(file=self.file)
            message = f"and {self.dropped} more problems not listed; fix these and import again"
            problems.append(Problem(Severity.ERROR, location, message, "more"))
        raise ReadError(problems)


@dataclass(frozen=True)
class Record:
    """One data row read from a sheet: its row number as the spreadsheet shows it, and its fields."""

    row: int
    fields: dict[str, Any]


def read_table(sheet: Sheet, spec: SheetSpec, problems: Problems) -> list[Record]:
    """The rows of a record sheet below its header row, parsed by the spec's columns.

    Columns are found by header, so they may be reordered; unknown columns are ignored; blank rows
    are skipped. Each bad cell adds a problem naming its row, column letter and header.

    Args:
        sheet: the sheet's cells.
        spec: what the sheet holds.
        problems: where problems are collected.

    Returns:
        The records, each with the fields whose columns are present.
    """
    header = sheet.rows[0] if sheet.rows else []
    _check_merged_header(sheet, problems)
    found = _find_columns(sheet.name, header, spec.readable(), problems)
    report_formulas(sheet, problems)
    # Each column's place, parser and name in problems, worked out once rather than for every cell.
    places = [
        (
            position,
            column.key,
            column.parse,
            column.required,
            column,
            f"{column_letter(position)} ({column.header})",
        )
        for position, column in found
    ]
    records = []
    for index, row in enumerate(sheet.rows[1:], start=2):
        if all(is_blank(v) for v in row):
            continue
        values: dict[str, Any] = {}
        width = len(row)
        for position, key, parse, required, column, where in places:
            value = row[position] if position < width else ""
            if required and is_blank(value):
                problems.add(
                    f"{column.header} is empty; a value is required", "empty", sheet.name, index, where
                )
                continue
            try:
                values[key] = parse(value)
            except CellError as err:
                problems.add(
                    f"found {value!r}, expected {err.expected}", "bad-value", sheet.name, index, where
                )
        records.append(Record(index, values))
    return records


def report_formulas(sheet: Sheet, problems: Problems) -> None:
    """A problem for each formula whose value the file does not hold (it was never calculated)."""
    for ref in sheet.formulas_without_values:
        letters = ref.rstrip("0123456789")
        message = (
            "holds a formula with no calculated value: type the value, or open and save the file in "
            "Excel or LibreOffice so it stores the values"
        )
        problems.add(message, "formula", sheet.name, int(ref[len(letters) :]), letters)


def check_unique(records: Iterable[Record], key: str, sheet: str, header: str, problems: Problems) -> None:
    """A problem for each record whose ``key`` repeats one above it."""
    first_row: dict[Any, int] = {}
    for record in records:
        value = record.fields.get(key)
        if value is None:
            continue
        if value in first_row:
            message = f"duplicate {header} {value!r}: row {first_row[value]} has it too; ids must be unique"
            problems.add(message, "duplicate", sheet, record.row)
        else:
            first_row[value] = record.row


def _find_columns(
    name: str, header: list[Any], columns: tuple[Column, ...], problems: Problems
) -> list[tuple[int, Column]]:
    positions: dict[str, int] = {}
    for index, text in enumerate(header):
        key = header_key(text) if not is_blank(text) else ""
        if not key:
            continue
        if key in positions:
            other = column_letter(positions[key])
            message = f"the header {str(text).strip()!r} appears twice (also column {other})"
            problems.add(message, "duplicate-column", name, 1, column_letter(index))
        positions.setdefault(key, index)
    found = []
    for column in columns:
        position = positions.get(header_key(column.header))
        if position is not None:
            found.append((position, column))
        elif column.required:
            expected = ", ".join(c.header for c in columns)
            problems.add(
                f"missing column {column.header!r} (the sheet's columns are: {expected})",
                "missing-column",
                name,
                1,
            )
    return found


def _check_merged_header(sheet: Sheet, problems: Problems) -> None:
    for (row0, col0), (_row1, col1) in sheet.merged:
        if row0 == 0 and col1 > col0:
            span = f"{column_letter(col0)}1:{column_letter(col1)}1"
            message = f"merged header cells {span}: unmerge them so each column has its own header"
            problems.add(message, "merged-header", sheet.name, 1, column_letter(col0))
