"""The exceptions register: every security exception, its scope, rules and invocations in each scenario."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from carveplan.engine.register import Invocation, RegisterRow, exception_register
from carveplan.model import RecordKind
from carveplan.ui.deferred import DeferredRefresh
from carveplan.ui.document import Document

AnyIndex = QModelIndex | QPersistentModelIndex
_WARNING_COLOUR = "#B00020"


def invocation_text(invocation: Invocation) -> str:
    """One invocation on one line: ``sanctions: 2025-06-01 → 2026-06-01``."""
    window = invocation.window
    return f"{invocation.scenario}: {window.start.isoformat()} → {window.end.isoformat()}"


def invocation_details(invocation: Invocation) -> str:
    """An invocation's deadlines, for a tooltip: notifications and reviews within the window."""
    window = invocation.window
    rows = [invocation_text(invocation), f"{_count(len(window.lines), 'line')} suspended"]
    if window.notification_deadline is not None:
        rows.append(f"Notify by {window.notification_deadline.isoformat()}")
    if window.termination_notice is not None:
        rows.append(f"Notify termination by {window.termination_notice.isoformat()}")
    if window.review_dates:
        rows.append("Reviews: " + ", ".join(d.isoformat() for d in window.review_dates))
    rows.extend(f"Warning: {w}" for w in window.warnings)
    return "\n".join(rows)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _scope(row: RegisterRow) -> str:
    sectors = ", ".join(row.exception.scope_sectors)
    count = _count(len(row.scope), "line")
    return f"{count} ({sectors})" if sectors else count


@dataclass(frozen=True)
class _Column:
    header: str
    text: Callable[[RegisterRow], str]
    tooltip: Callable[[RegisterRow], str] | None = None


COLUMNS: tuple[_Column, ...] = (
    _Column("Exception", lambda r: r.exception.id, lambda r: r.exception.title),
    _Column("Party", lambda r: r.exception.party),
    _Column("Title", lambda r: r.exception.title),
    _Column("Legal basis", lambda r: r.exception.legal_basis, lambda r: r.exception.trigger),
    _Column("Scope", _scope, lambda r: ", ".join(r.scope) or "No line in scope"),
    _Column("Rules", lambda r: r.rules, lambda r: r.rules),
    _Column(
        "Invocations",
        lambda r: "; ".join(invocation_text(i) for i in r.invocations) or "not invoked",
        lambda r: "\n\n".join(invocation_details(i) for i in r.invocations) or "Invoked in no scenario",
    ),
    _Column("Warnings", lambda r: "; ".join(r.warnings), lambda r: "\n".join(r.warnings)),
)


class RegisterModel(QAbstractTableModel):
    """One read-only row per security exception, in the agreement's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[RegisterRow, ...] = ()

    def set_rows(self, rows: tuple[RegisterRow, ...]) -> None:
        """Show the register ``rows``."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    # --- Qt overrides -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip or column.text)(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and column.header == "Warnings" and row.warnings:
            return QBrush(QColor(_WARNING_COLOUR))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        return None


class RegisterView(QWidget):
    """The register, refreshed after edits; double-click a row to go to the exception."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.table.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((9, 6, 26, 22, 22, 34, 36)):
            self.table.setColumnWidth(column, width * char + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        self.deferred = DeferredRefresh(self, self.refresh)
        document.agreement_changed.connect(self.deferred.request)
        self.table.activated.connect(self._on_table_activated)

    def refresh(self) -> None:
        """Rebuild the register from every scenario (resolved schedules come from the document's cache)."""
        document = self._document
        schedules = [document.schedule(s.name) for s in document.agreement.scenarios]
        self.model.set_rows(exception_register(document.agreement, schedules))

    def set_exposed(self, exposed: bool) -> None:
        """The view came into sight or went out of it (its dock's tab): refresh when seen again."""
        self.deferred.set_exposed(exposed)

    def _on_table_activated(self, index: QModelIndex) -> None:
        self._document.select(RecordKind.EXCEPTIONS, self.model.rows[index.row()].exception.id)
