"""Rows to and from tab-separated text, as spreadsheets copy and paste them (no Qt)."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Sequence
from typing import Any

from carveplan.model import Agreement, RecordKind
from carveplan.model import collection as col
from carveplan.ui.tables.cells import CellError, TypedRate
from carveplan.ui.tables.columns import TableSpec


class PasteError(ValueError):
    """Pasted text with cells that cannot be read; ``problems`` lists each with its row and column."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"nothing pasted: {problems[0]}{more}")


def to_tsv(spec: TableSpec, records: Sequence[Any]) -> str:
    """A header line and one tab-separated line per record, as a spreadsheet pastes it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(c.header for c in spec.columns)
    writer.writerows([c.text(r) for c in spec.columns] for r in records)
    return out.getvalue()


def from_tsv(text: str) -> list[list[str]]:
    """The cells of tab-separated text (quoted cells with tabs or new lines, as Excel writes them)."""
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n")), delimiter="\t"))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return rows


def header_columns(spec: TableSpec, row: Sequence[str]) -> list[int] | None:
    """The column index of each cell if ``row`` is a header line of ``spec``'s table, else ``None``."""
    by_header = {c.header.casefold(): i for i, c in enumerate(spec.columns)}
    by_header.update({c.field.casefold(): i for i, c in enumerate(spec.columns)})
    found = [by_header.get(cell.strip().casefold()) for cell in row]
    if not found or any(i is None for i in found):
        return None
    return [i for i in found if i is not None]


def new_records(
    spec: TableSpec, agreement: Agreement, existing: Sequence[Any], rows: list[list[str]], context: str = ""
) -> list[Any]:
    """Records built from pasted rows, to be appended; keys already taken get a fresh one.

    Args:
        spec: the table.
        agreement: supplies defaults (first party, first sector).
        existing: the table's records now.
        rows: the pasted cells; a first header line maps cells to columns, else cells go in order.
        context: the key ``spec.new_record`` is given for tables without keys (the line, for phases).

    Returns:
        The new records.

    Raises:
        PasteError: listing every cell that cannot be read (with its row and column); nothing is built.
    """
    columns, body, first = _layout(spec, rows)
    taken = {getattr(r, spec.key_field) for r in existing} if spec.key_field else set()
    built: list[Any] = []
    problems: list[str] = []
    for number, row in enumerate(body, start=first):
        values = _read_row(spec, row, columns, number, problems, agreement)
        if spec.key_field is None:
            built.append(spec.build(agreement, context, values))
            continue
        stem = values.pop(spec.key_field, "") or f"{spec.stem}-{len(existing) + len(built) + 1}"
        key = col.free_key(stem, taken)
        taken.add(key)
        built.append(spec.build(agreement, key, values))
    if problems:
        raise PasteError(problems)
    return built


def replace_cells(
    spec: TableSpec,
    records: Sequence[Any],
    targets: Sequence[int],
    left: int,
    rows: list[list[str]],
    agreement: Agreement | None = None,
) -> list[Any]:
    """The records with a block of pasted cells written over them from column ``left`` on.

    Args:
        spec: the table.
        records: the table's records now.
        targets: the record receiving each pasted row (the rows as shown, sorted and filtered).
        left: the column of the first pasted cell.
        rows: the pasted cells.
        agreement: checks cells against it as typing does (a gate on no milestone is refused).

    Returns:
        All records, changed where the block fell.

    Raises:
        PasteError: for unreadable cells, a block running past the last row or column, a change to a
            read-only cell, or keys that would no longer be unique; nothing is changed.
    """
    result = list(records)
    problems: list[str] = []
    for offset, row in enumerate(rows):
        if offset >= len(targets):
            problems.append(f"row {offset + 1}: the block runs past the last row of the table")
            break
        target = targets[offset]
        changes = _read_row(
            spec, row, list(range(left, left + len(row))), offset + 1, problems, agreement, result[target]
        )
        result[target] = dataclasses.replace(result[target], **changes)
    if spec.key_field is not None:
        keys = [getattr(r, spec.key_field) for r in result]
        problems += sorted({f"{k!r} would be used twice" for k in keys if keys.count(k) > 1})
    if problems:
        raise PasteError(problems)
    return result


def _layout(spec: TableSpec, rows: list[list[str]]) -> tuple[list[int], list[list[str]], int]:
    """The column of each cell, the data rows, and the text row number of the first data row."""
    mapped = header_columns(spec, rows[0]) if rows else None
    if mapped is not None:
        return mapped, rows[1:], 2
    width = max((len(r) for r in rows), default=0)
    return list(range(width)), rows, 1


def _read_row(
    spec: TableSpec,
    row: Sequence[str],
    columns: Sequence[int],
    number: int,
    problems: list[str],
    agreement: Agreement | None,
    current: Any = None,
) -> dict[str, Any]:
    """The field values of one pasted row; problems are appended with the row number and header."""
    values: dict[str, Any] = {}
    for cell, index in zip(row, columns, strict=False):
        if index >= len(spec.columns):
            problems.append(f"row {number}: more cells than the table has columns")
            break
        column = spec.columns[index]
        if current is None and column.field == spec.key_field and not cell.strip():
            continue  # a new row without a key gets a fresh one
        if not column.editable:
            # A copied row carries read-only cells; only a change to one is a mistake.
            if current is not None and column.text(current) != cell.strip():
                problems.append(f"row {number}, {column.header}: read-only")
            continue
        try:
            value = column.read(cell) if agreement is None else column.read_in(agreement, cell)
        except CellError as err:
            problems.append(f"row {number}, {err}")
            continue
        if isinstance(value, TypedRate):
            if value.unit is not None and spec.kind == RecordKind.LINES:
                values["unit"] = value.unit  # 4.4¢/kg names the line's unit, whatever the Unit cell says
            value = value.value
        values[column.field] = value
    return values
