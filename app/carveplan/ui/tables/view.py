"""A record table: filter box, sortable table with typed editors, row actions and selection sync."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carveplan.model import RecordKind
from carveplan.ui.document import PHASES
from carveplan.ui.tables.clipboard import from_tsv
from carveplan.ui.tables.delegate import CellDelegate
from carveplan.ui.tables.model import SORT_ROLE, RecordTableModel
from carveplan.ui.tables.phases import PhaseTableModel, split_phase_key

_FILTER_DELAY_MS = 150  # typing in the filter of 15,000 lines should not refilter on every key


class RecordTable(QWidget):
    """Edits one kind of record: filter, sort, typed editors, add, delete, copy and paste rows.

    Signals:
        message(str): something for the status bar (a refused edit, what a paste did).
    """

    message = Signal(str)

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.document = model.document
        self._syncing = False
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_box = QLineEdit(self)
        self.view = QTableView(self)
        self.error_label = QLabel(self)
        self._filter_timer = QTimer(self, singleShot=True, interval=_FILTER_DELAY_MS)
        self._build()
        model.edit_failed.connect(self._on_model_edit_failed)
        self.document.agreement_changed.connect(self.error_label.hide)
        self.document.selection_changed.connect(self._on_document_selection_changed)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        self._kept: tuple[str, int] | None = None
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.modelReset.connect(self._on_model_reset)

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_box.setPlaceholderText(f"Filter {self.model.spec.title.lower()}…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self._filter_timer.timeout.connect(lambda: self.set_filter(self.filter_box.text()))
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box, 1)
        # The keys (Insert, Delete, Ctrl+C, Ctrl+V) belong to the window's Edit menu, which acts on the table
        # that has the focus: one binding per key in the window. The buttons and the right-click menu remain.
        self.add_action = self._action("Add row", "Add a row")
        self.delete_action = self._action("Delete", "Delete the selected rows")
        self.copy_action = self._action("Copy", "Copy the selected rows for a spreadsheet")
        self.paste_action = self._action(
            "Paste", "Paste rows from a spreadsheet (appended) or cells over the selection"
        )
        for action in (self.add_action, self.delete_action, self.copy_action, self.paste_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            bar.addWidget(button)
            self.view.addAction(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.add_action.triggered.connect(self.add_row)
        self.delete_action.triggered.connect(self.delete_selected)
        self.copy_action.triggered.connect(self.copy_selected)
        self.paste_action.triggered.connect(self.paste_clipboard)
        self._build_view()
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)

    def _build_view(self) -> None:
        view = self.view
        view.setModel(self.proxy)
        view.setItemDelegate(CellDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # agreement order first
        view.setSortingEnabled(True)
        view.horizontalHeader().setHighlightSections(False)
        view.horizontalHeader().setStretchLastSection(True)
        char = view.fontMetrics().horizontalAdvance("0")
        for number, column in enumerate(self.model.spec.columns):
            view.setColumnWidth(number, column.width * char + 16)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _action(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    # --- actions -------------------------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Show only rows with a cell containing ``text`` (any case)."""
        self.proxy.setFilterFixedString(text.strip())

    def selected_rows(self) -> list[int]:
        """The source rows touched by the selection, in agreement order."""
        indexes = self.view.selectionModel().selectedIndexes()
        return sorted({self.proxy.mapToSource(i).row() for i in indexes})

    def add_row(self) -> None:
        """Add a record with defaults at the end and select it."""
        row = self.model.add_row()
        if row < 0:
            self.message.emit(f"Cannot add {self.model.spec.title.lower()} here")
            return
        self.select_row(row)
        # The new record is the selected one everywhere: its phases, the chart, the outline.
        self.document.select(self.model.kind, self.model.key(row))

    def delete_selected(self) -> None:
        """Delete the selected rows, as one undo step."""
        rows = self.selected_rows()
        if rows and self.model.remove_rows(rows):
            self.message.emit(f"Deleted {len(rows)} row{'s' if len(rows) > 1 else ''}")

    def copy_selected(self) -> None:
        """Put the selected rows on the clipboard as tab-separated text with a header line."""
        rows = self.selected_rows()
        if rows:
            QGuiApplication.clipboard().setText(self.model.copy_rows(rows))
            self.message.emit(f"Copied {len(rows)} row{'s' if len(rows) > 1 else ''}")

    def paste_clipboard(self) -> None:
        """Paste the clipboard's text: see :meth:`paste_text`."""
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste tab-separated text: rows with a header line are appended, cells go over the current cell."""
        current = self.view.currentIndex()
        cells = from_tsv(text)
        if not current.isValid() or not cells:
            return self.model.paste(text)
        # Cells land on the rows as shown (sorted and filtered), one after the other.
        shown = range(current.row(), min(current.row() + len(cells), self.proxy.rowCount()))
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in shown]
        return self.model.paste(text, rows, self.proxy.mapToSource(current).column())

    def select_row(self, row: int, column: int = 0) -> None:
        """Select source row ``row`` and scroll to it, without announcing it to the document."""
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            self.filter_box.clear()
            self.set_filter("")
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.selectionModel().select(index, flags)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def edit_cell(self, key: str, field: str) -> bool:
        """Select the record ``key`` and open the editor of its ``field`` cell."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        column = self.model.spec.column_of(field)
        self.select_row(row, column)
        self.view.setFocus()
        self.view.edit(self.proxy.mapFromSource(self.model.index(row, column)))
        return True

    def select_key(self, key: str) -> bool:
        """Select the record named ``key``; ``False`` when it is not in this table."""
        current = self.proxy.mapToSource(self.view.currentIndex())
        if current.isValid() and self.model.key(current.row()) == key:
            return True  # already there (our own announcement coming back): keep the column
        row = self.model.row_of(key)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    # --- slots -----------------------------------------------------------------------------------------
    def _on_view_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        row = self.proxy.mapToSource(current).row()
        self.document.select(self.model.kind, self.model.key(row))

    def _on_document_selection_changed(self, kind: str, key: str) -> None:
        if isinstance(self.model, PhaseTableModel) and kind in (RecordKind.LINES, PHASES):
            self.model.set_line(split_phase_key(key)[0] if kind == PHASES else key)
        elif kind == PHASES and self.model.kind == RecordKind.LINES:
            kind, key = RecordKind.LINES, split_phase_key(key)[0]  # a phase picked elsewhere: show its line
        if kind == self.model.kind:
            self.select_key(key)

    def _on_model_about_to_be_reset(self) -> None:
        current = self.proxy.mapToSource(self.view.currentIndex())
        self._kept = (self.model.key(current.row()), current.column()) if current.isValid() else None

    def _on_model_reset(self) -> None:
        # Every edit resets the model: stay on the record edited, in the same column.
        if self._kept is not None:
            key, column = self._kept
            row = self.model.row_of(key)
            if row >= 0:
                self.select_row(row, column)
        self._kept = None

    def _on_model_edit_failed(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.message.emit(text.splitlines()[0])
