"""A dialog listing every problem of a failed import, open or export, with where each one is."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carveplan.model import Problem

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
        self.table = QTableWidget(len(problems), len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, problem in enumerate(problems):
            for column, text in enumerate(problem_cells(problem)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
