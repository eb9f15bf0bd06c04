"""The comparison view: the current scenario against the baseline, line by line, grouped by sector."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from carveplan.engine.compare import compare_schedules
from carveplan.model import BASELINE, RecordKind
from carveplan.ui.comparison_model import ComparisonModel, gating_milestones
from carveplan.ui.deferred import DeferredRefresh
from carveplan.ui.document import Document


class ComparisonView(QWidget):
    """When each line reaches its final value in the current scenario and in the baseline.

    Selecting a line selects it everywhere, and asks for its gating milestones to be highlighted.

    Signals:
        highlight_changed(object): the milestone ids (a frozenset) of the line being examined;
            empty when none is, or when the view is hidden.
    """

    highlight_changed = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._syncing = False
        self.model = ComparisonModel(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.changed_only = QCheckBox("Only lines that moved", self)
        self.changed_only.setToolTip("Hide lines reaching their final value on the same date in both")
        self.tree = QTreeView(self)
        self._build()
        self.deferred = DeferredRefresh(self, self.refresh)
        document.agreement_changed.connect(self.deferred.request)
        document.scenario_changed.connect(self.deferred.request)
        document.selection_changed.connect(self._on_document_selection_changed)
        self.changed_only.toggled.connect(lambda _on: self.refresh())
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current_row_changed)

    def _build(self) -> None:
        tree = self.tree
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = tree.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((30, 6, 9, 20, 20, 14, 18)):
            tree.setColumnWidth(column, width * char + 16)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.changed_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(tree, 1)

    # --- public -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compare the current scenario with the baseline now, keeping the line being examined."""
        document = self._document
        current = self.model.entry(self.tree.currentIndex())
        comparison = compare_schedules(document.schedule(), document.schedule(BASELINE))
        self.model.set_comparison(comparison, self.changed_only.isChecked())
        self.tree.expandAll()
        self.heading.setText(self._heading_text())
        if current is not None:
            self.select_line(current.line.id)
        else:
            self.highlight_changed.emit(frozenset())

    def select_line(self, line_id: str) -> bool:
        """Make ``line_id`` the current row without announcing it; ``False`` when it is not shown."""
        index = self.model.index_of_line(line_id)
        if not index.isValid():
            self.highlight_changed.emit(frozenset())
            return False
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.tree.selectionModel().setCurrentIndex(index, flags)
            self.tree.scrollTo(index)
        finally:
            self._syncing = False
        self._emit_highlight(index)
        return True

    def set_exposed(self, exposed: bool) -> None:
        """The view came into sight or went out of it (its dock's tab): the highlight follows."""
        self.deferred.set_exposed(exposed)
        self._emit_highlight(self.tree.currentIndex())

    def _heading_text(self) -> str:
        scenario = self._document.scenario
        if scenario == BASELINE:
            return "Showing the baseline: pick a scenario to see what it does to each line."
        comparison = self.model.comparison
        assert comparison is not None
        moved = sum(s.delayed + s.newly_blocked for s in comparison.sectors)
        return f"Scenario “{scenario}” against the baseline: {moved} lines later or newly blocked."

    def _emit_highlight(self, index: QModelIndex) -> None:
        entry = self.model.entry(index)
        comparison = self.model.comparison
        if entry is None or comparison is None or not self.deferred.exposed:
            self.highlight_changed.emit(frozenset())
            return
        self.highlight_changed.emit(gating_milestones(comparison.schedule, entry))

    # --- slots --------------------------------------------------------------------------------
    def _on_tree_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        entry = self.model.entry(current)
        if entry is not None:
            self._document.select(RecordKind.LINES, entry.line.id)
        self._emit_highlight(current)

    def _on_document_selection_changed(self, kind: str, key: str) -> None:
        if kind != RecordKind.LINES or self.model.comparison is None:
            return
        current = self.model.entry(self.tree.currentIndex())
        if current is None or current.line.id != key:  # not our own announcement coming back
            self.select_line(key)

    # --- Qt overrides -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._emit_highlight(self.tree.currentIndex())

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.set_exposed(False)
