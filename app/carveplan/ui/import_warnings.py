"""The import check's warnings that no listed line carries, each with where it is in the file."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carveplan.model import Problem, Severity
from carveplan.model.words import plural

HEADERS = ("Severity", "Where", "Warning")
# Rows the panel shows before it scrolls: the check table above keeps most of the height.
_VISIBLE_ROWS = 3
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def add_copy_action(table: QTableWidget) -> QAction:
    """Let Ctrl+C (and the context menu's Copy) put the selected rows on the clipboard, tab-separated."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    action = QAction("&Copy", table)
    action.setShortcut(QKeySequence.StandardKey.Copy)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda: QGuiApplication.clipboard().setText(selected_text(table)))
    table.addAction(action)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def selected_text(table: QTableWidget) -> str:
    """The selected rows (all rows when none is selected) as tab-separated lines."""
    rows = sorted({index.row() for index in table.selectedIndexes()}) or range(table.rowCount())
    lines = []
    for row in rows:
        cells = (table.item(row, column) for column in range(table.columnCount()))
        lines.append("\t".join(cell.text() if cell else "" for cell in cells))
    return "\n".join(lines)


class ImportWarningPanel(QWidget):
    """Lists warnings located in the file (a row, a column, the whole sheet) rather than on a line.

    Hidden while there is none. The table takes the keyboard focus with Alt+W and copies with Ctrl+C.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # read only: arrows move in it, Tab moves on
        self.title.setBuddy(self.table)
        self.copy_action = add_copy_action(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        height = header.sizeHint().height() + _VISIBLE_ROWS * self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(height + 2 * self.table.frameWidth())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.show_problems(())

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """List ``problems``, warnings before notes; hide the panel when there is none."""
        problems = sorted(problems, key=lambda p: _ORDER[p.severity])
        self.table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            cells = (problem.severity.value, str(problem.location), problem.message)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long message is cut off at the edge
                self.table.setItem(row, column, item)
        warned = sum(p.severity is Severity.WARNING for p in problems)
        others = len(problems) - warned
        counted = plural(warned, "warning") + (f" and {plural(others, 'note')}" if others else "")
        self.title.setText(f"&Warnings in the file, not on a listed line: {counted}")
        self.setVisible(bool(problems))
