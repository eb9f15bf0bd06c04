"""The problems panel: the engine's validation of the agreement, refreshed as the user edits."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carveplan.engine import validate
from carveplan.engine.incremental import Resolution
from carveplan.model import BASELINE, Agreement, Problem, RecordKind, Severity
from carveplan.ui.document import Document

# Location.kind is a singular record word; the collections are plural.
COLLECTION_OF: dict[str, RecordKind] = {
    "line": RecordKind.LINES,
    "phase": RecordKind.LINES,
    "milestone": RecordKind.MILESTONES,
    "exception": RecordKind.EXCEPTIONS,
    "review": RecordKind.REVIEWS,
    "scenario": RecordKind.SCENARIOS,
    "party": RecordKind.PARTIES,
    "sector": RecordKind.SECTORS,
    "category": RecordKind.CATEGORIES,
}
_HEADERS = ("Severity", "Where", "Problem")
_COLOURS = {Severity.ERROR: "#b00020", Severity.WARNING: "#8a5a00", Severity.INFO: "#3d5a80"}
AnyIndex = QModelIndex | QPersistentModelIndex


class ProblemModel(QAbstractTableModel):
    """A read-only table of problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: tuple[Problem, ...] = ()

    def set_problems(self, problems: tuple[Problem, ...]) -> None:
        """Show ``problems``, errors first."""
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        self.beginResetModel()
        self.problems = tuple(sorted(problems, key=lambda p: order[p.severity]))
        self.endResetModel()

    # --- Qt overrides -------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (problem.severity.value, str(problem.location), problem.message)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(QColor(_COLOURS[problem.severity]))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section]
        return None


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (queued signal)."""

    finished = Signal(int, object)


class _Validation(QRunnable):
    """Validates one snapshot of the agreement (records are immutable, so sharing is safe)."""

    def __init__(
        self, agreement: Agreement, generation: int, relay: _Relay, baseline: Resolution | None = None
    ) -> None:
        super().__init__()
        self._agreement, self._generation, self._relay = agreement, generation, relay
        self._baseline = baseline  # resolved already by the chart: not resolved again

    def run(self) -> None:
        problems = validate(self._agreement, self._baseline)
        # The window may have closed while this ran: then there is no one left to tell.
        if shiboken6.isValid(self._relay):
            self._relay.finished.emit(self._generation, problems)


class ProblemsPanel(QWidget):
    """Validation results; double-click (or Enter) goes to the item.

    While a validation runs on the worker thread a busy bar shows with a Stop button; Stop (or
    the next edit) drops that run's result.

    Signals:
        counts_changed(int, int): errors and warnings after each validation.
        settled: a background validation ended (shown, or dropped as stopped or superseded).
    """

    counts_changed = Signal(int, int)
    settled = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = ProblemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.busy = QWidget(self)
        self.progress = QProgressBar(self.busy)
        self.progress.setRange(0, 0)  # a busy bar: validation has no steps to count
        self.progress.setTextVisible(False)
        self.stop_button = QPushButton("Stop", self.busy)
        self.stop_button.setToolTip("Stop this validation (the next edit validates again)")
        row = QHBoxLayout(self.busy)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel("Validating…", self.busy))
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        self.busy.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.busy)
        layout.addWidget(self.table)
        self.stop_button.clicked.connect(self.stop)
        # Validating a national-scale agreement takes seconds: wait for the user to pause, then
        # validate on a worker thread (the engine is pure) and show only the latest result.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh_in_background)
        self._generation = 0
        self._relay = _Relay()  # not parented: a late worker may still hold it after the panel is gone
        self._relay.finished.connect(self._on_relay_finished)
        document.agreement_changed.connect(self._timer.start)
        self.table.activated.connect(self._on_table_activated)
        self.refresh()

    def refresh(self) -> None:
        """Validate now, on this thread."""
        self._show(validate(self._document.agreement))

    def refresh_in_background(self) -> None:
        """Validate on a worker thread; the panel updates when it is done."""
        self._generation += 1
        self.busy.show()
        QThreadPool.globalInstance().start(
            _Validation(
                self._document.agreement,
                self._generation,
                self._relay,
                self._document.resolved(BASELINE),
            )
        )

    def stop(self) -> None:
        """Drop the validation running in the background (its result is not shown)."""
        self._generation += 1
        self.busy.hide()

    def _on_relay_finished(self, generation: int, problems: tuple[Problem, ...]) -> None:
        if generation == self._generation:  # an older run finishing late is dropped
            self.busy.hide()
            self._show(problems)
        self.settled.emit()

    def _show(self, problems: tuple[Problem, ...]) -> None:
        self.model.set_problems(problems)
        errors = sum(p.severity is Severity.ERROR for p in problems)
        warnings = sum(p.severity is Severity.WARNING for p in problems)
        self.counts_changed.emit(errors, warnings)

    def _on_table_activated(self, index: QModelIndex) -> None:
        location = self.model.problems[index.row()].location
        kind = COLLECTION_OF.get(location.kind)
        if kind and location.item:
            self._document.select(kind, location.item)
