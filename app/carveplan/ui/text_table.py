"""Read-only tables of text in a dialog that only closes: the problem list, the shortcut list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget, tips: bool = False
) -> QTableWidget:
    """A table nobody edits, columns as wide as their text and the last one taking the rest.

    Args:
        headers: the column headers.
        rows: the cells, row by row.
        parent: the dialog it shows in.
        tips: whether each cell repeats its text as a tooltip (for text cut off at the edge).

    Returns:
        The filled table.
    """
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if tips:
                cell.setToolTip(text)
            table.setItem(row, column, cell)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def close_only(dialog: QDialog, *widgets: QWidget) -> None:
    """Lay ``widgets`` out from top to bottom above a Close button."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addWidget(buttons)
