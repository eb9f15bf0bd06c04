"""The import check's warnings that no listed line carries, each with where it is in the file."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from carveplan.model import Problem, Severity
from carveplan.model.words import plural
from carveplan.ui.problems import ProblemModel

# Rows the panel shows before it scrolls: the check table above keeps most of the height.
_VISIBLE_ROWS = 3


def add_copy_action(table: QTableView) -> QAction:
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


def selected_text(table: QTableView) -> str:
    """The selected rows (all rows when none is selected) as tab-separated lines."""
    model = table.model()
    selected = {index.row() for index in table.selectionModel().selectedIndexes()}
    lines = []
    for row in sorted(selected) or range(model.rowCount()):
        cells = (model.index(row, column).data() for column in range(model.columnCount()))
        lines.append("\t".join("" if text is None else str(text) for text in cells))
    return "\n".join(lines)


class ImportWarningPanel(QWidget):
    """Lists warnings located in the file (a row, a column, the whole sheet) rather than on a line.

    Hidden while there is none. The table takes the keyboard focus with Alt+W and copies with Ctrl+C;
    its model is the problems panel's (a file of thousands of short codes lists them all, lazily).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.model = ProblemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # read only: arrows move in it, Tab moves on
        self.title.setBuddy(self.table)
        self.copy_action = add_copy_action(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Widths from the first rows: measuring 1,000 of 10,000 short-code warnings took 0.9 s, 100 0.1 s.
        header.setResizeContentsPrecision(100)
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
        self.model.set_problems(tuple(problems))
        warned = sum(p.severity is Severity.WARNING for p in problems)
        others = len(problems) - warned
        counted = plural(warned, "warning") + (f" and {plural(others, 'note')}" if others else "")
        self.title.setText(f"&Warnings in the file, not on a listed line: {counted}")
        self.setVisible(bool(problems))
