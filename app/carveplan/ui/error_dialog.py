"""A dialog listing every problem of a failed import, open or export, with where each one is."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QWidget,
)

from carveplan.model import Problem
from carveplan.ui.text_table import close_only, text_table

HEADERS = ("Severity", "File", "Sheet", "Row", "Column", "Item", "Problem")


def problem_cells(problem: Problem) -> tuple[str, ...]:
    """The table cells for one problem."""
    where = problem.location
    item = f"{where.kind} {where.item} {where.field}".strip()
    row = "" if where.row is None else str(where.row)
    return (problem.severity.value, where.file, where.sheet, row, where.column, item, problem.message)


class ProblemListDialog(QDialog):
    """Shows problems in a table; the document was not changed."""

    def __init__(
        self, title: str, summary: str, problems: Sequence[Problem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 420)
        label = QLabel(summary, self)
        label.setWordWrap(True)
        self.table = text_table(HEADERS, [problem_cells(p) for p in problems], self, tips=True)
        close_only(self, label, self.table)
