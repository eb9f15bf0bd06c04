"""A diff's lines and clauses as table rows, shared by the terminal report and the redlines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from carveplan.engine.diff import AgreementDiff, Change, LineDiff, RecordDiff
from carveplan.engine.diff_summary import DiffSummary
from carveplan.engine.diff_values import FieldChange, text
from carveplan.io.reports.rows import Cell


@dataclass(frozen=True)
class Column:
    """One column of the lines table.

    Attributes:
        header: the column's header.
        field: the :class:`FieldChange` field it shows (empty: it never changes on its own).
        value: the cell's text for a line.
        width: a width in characters, for the workbook.
    """

    header: str
    field: str
    value: Callable[[LineDiff], str]
    width: int = 12


def _final_date(entry: LineDiff) -> str:
    if entry.new is None:
        return ""
    if entry.new_excluded:
        return "excluded"
    return text(entry.new_final) or "blocked"


def _final_value(entry: LineDiff) -> str:
    change = entry.field("final value")
    return change.new if change else ""


LINE_COLUMNS: tuple[Column, ...] = (
    Column("Party", "", lambda e: e.party, 7),
    Column("Code", "code", lambda e: e.code, 13),
    Column("Sector", "sector", lambda e: e.line.sector, 16),
    Column("Description", "description", lambda e: e.line.description, 32),
    Column("Base", "base", lambda e: text(e.line.base), 8),
    Column("Category", "category", lambda e: e.line.category, 11),
    Column("Target", "target", lambda e: text(e.line.target), 8),
    Column("Gates", "gates", lambda e: text(e.line.gates), 14),
    Column("Phases", "phases", lambda e: text(e.line.phases), 20),
    Column("Final value", "final value", _final_value, 10),
    Column("Final date", "final date", _final_date, 12),
)


def was(entry: LineDiff) -> str:
    """The old values of what changed, in a few words (``category 5 Years; final date 2016-01-01``)."""
    if entry.change is Change.ADDED:
        return "new line"
    if entry.change is Change.WITHDRAWN:
        return "withdrawn"
    return "; ".join(f"{f.field} {f.old or '(none)'}" for f in entry.fields)


def change_label(entry: LineDiff) -> str:
    """``changed``, ``split from 27101211``, ``merged into 271012`` ..."""
    if entry.change is Change.SPLIT and entry.old is not None:
        return f"split from {entry.old.code}"
    if entry.change is Change.MERGED and entry.old is not None:
        return f"merged from {entry.old.code}"
    return entry.change.value


def line_row(entry: LineDiff) -> list[Cell]:
    """A line's row: the columns of :data:`LINE_COLUMNS`, then change, months and what it was."""
    return [*(c.value(entry) for c in LINE_COLUMNS), change_label(entry), entry.months, was(entry)]


LINE_HEADERS: tuple[str, ...] = (*(c.header for c in LINE_COLUMNS), "Change", "Months", "Was")


def changed_cell(entry: LineDiff, column: Column) -> FieldChange | None:
    """The change shown in a column's cell, if the field changed."""
    return entry.field(column.field) if column.field else None


SUMMARY_HEADERS = (
    "Party",
    "Sector",
    "Lines",
    "Added",
    "Withdrawn",
    "Changed",
    "Split",
    "Merged",
    "Earlier",
    "Later",
    "Mean months",
    "Newly excluded",
)


def summary_row(summary: DiffSummary) -> list[Cell]:
    """A party and sector's counts, as in :data:`SUMMARY_HEADERS`."""
    s = summary
    return [
        s.party, s.name, s.lines, s.added, s.withdrawn, s.changed, s.split, s.merged,
        s.earlier, s.later, s.mean_months, s.newly_excluded,
    ]  # fmt: skip


RECORD_HEADERS = ("Kind", "Key", "Party", "Change", "Field", "Old", "New", "Months")


def record_rows(result: AgreementDiff) -> list[list[Cell]]:
    """One row per changed field of each milestone, exception, review and category (one when added)."""
    rows: list[list[Cell]] = []
    if result.eif is not None:
        rows.append(["agreement", "", "", "changed", result.eif.field, result.eif.old, result.eif.new, None])
    for record in result.records:
        rows.extend(_record_rows(record))
    return rows


def _record_rows(record: RecordDiff) -> list[list[Cell]]:
    head = [record.kind, record.key, record.party, record.change.value]
    if not record.fields:
        return [[*head, "", "", "", None]]
    return [
        [*head, f.field, f.old, f.new, record.months if f.field == "date" else None] for f in record.fields
    ]
