"""The main window: outline, Gantt chart, tables and problems around one document."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow

from carveplan.io.formats import READERS
from carveplan.model import Agreement
from carveplan.model.words import plural
from carveplan.ui import commands
from carveplan.ui.autosave import Autosaver
from carveplan.ui.docks import add_docks
from carveplan.ui.document import PHASES, Document
from carveplan.ui.files import FileController, new_agreement
from carveplan.ui.gantt_view import GanttView
from carveplan.ui.menubar import install_actions
from carveplan.ui.outline import OutlineView
from carveplan.ui.problems import ProblemsPanel
from carveplan.ui.settings import settings
from carveplan.ui.tables import TablesPane
from carveplan.ui.workbench import Workbench


class MainWindow(QMainWindow):
    """One agreement: the chart in the centre, the outline left, tables and problems below."""

    def __init__(self, document: Document | None = None) -> None:
        super().__init__()
        self.document = document or Document(new_agreement())
        self.document.setParent(self)  # the window owns its document: both go together
        self.files = FileController(self, self.document)
        self.autosaver = Autosaver(self.document, self)
        self.chart = GanttView(self.document, self)
        self.files.first_screen = self.chart
        self.setCentralWidget(self.chart)
        self.outline = OutlineView(self.document, self)
        self.tables = TablesPane(self.document, self)
        self.problems = ProblemsPanel(self.document, self)
        self.bench = Workbench(
            self, self.document, self.files, self.chart, self.outline, self.tables, self.problems
        )
        add_docks(self.bench)
        self.bench.docks["tables"].raise_()
        install_actions(self.bench)
        self._status_file = QLabel(self)
        self._status_modified = QLabel(self)
        self._status_counts = QLabel(self)
        self._status_problems = QLabel(self)
        for label in (self._status_file, self._status_modified, self._status_counts, self._status_problems):
            self.statusBar().addPermanentWidget(label)
        self.setAcceptDrops(True)
        self._shown_once = False
        self._zoom_restored = False
        self.resize(1400, 900)
        self._fit_docks(900)
        self._connect()
        self._restore_geometry()
        self._on_document_agreement_changed()
        self._on_document_path_changed()

    def _fit_docks(self, height: int) -> None:
        # The chart is what people come for: the tables get under a third of the height.
        self.resizeDocks(
            [self.bench.docks["tables"]], [max(150, min(280, int(height * 0.27)))], Qt.Orientation.Vertical
        )

    def _connect(self) -> None:
        doc = self.document
        doc.agreement_changed.connect(self._on_document_agreement_changed)
        doc.path_changed.connect(self._on_document_path_changed)
        doc.modified_changed.connect(self._on_document_modified_changed)
        self.files.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.problems.counts_changed.connect(self._on_problems_counts_changed)
        self.outline.activated.connect(self.tables.show_record)
        self.chart.phase_activated.connect(self._on_chart_phase_activated)
        self.tables.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # --- public -------------------------------------------------------------
    def fit_screen(self, available: QRect) -> None:
        """On a first start, keep the window within the screen's ``available`` area: the default
        1400x900 runs off a 1280x720 screen, hiding the status bar and the tables' buttons."""
        if isinstance(settings().value("window/geometry"), QByteArray):
            return  # the size the user left wins
        if self.width() <= available.width() and self.height() <= available.height():
            return
        self.setGeometry(available.intersected(QRect(available.topLeft(), self.size())))
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def restore(self, agreement: Agreement, original: Path | None) -> None:
        """Show recovered work as unsaved changes on top of its file (or of a new document)."""
        if original is not None and original.exists() and self.files.open_path(original, ask=False):
            commands.apply(self.document, agreement, "Recover unsaved changes")
        else:
            self.document.load(new_agreement(), None)
            commands.apply(self.document, agreement, "Recover unsaved changes")
        self.statusBar().showMessage("Recovered unsaved changes", 8000)

    # --- slots --------------------------------------------------------------
    def _on_document_agreement_changed(self) -> None:
        agreement = self.document.agreement
        self._update_title()
        self._status_counts.setText(
            f"{plural(len(agreement.parties), 'party')} · {plural(len(agreement.lines), 'line')} · "
            f"{plural(len(agreement.milestones), 'milestone')} · "
            f"{plural(len(agreement.exceptions), 'exception')}"
        )

    def _on_chart_phase_activated(self, line: str, position: int) -> None:
        # A double-clicked bar opens its value for editing; a generated phase is written out on change.
        key = f"{line}#{position}"
        self.bench.raise_dock("tables")
        if self.tables.show_record(PHASES, key):
            self.tables.table(PHASES).edit_cell(key, "value")

    def _on_document_path_changed(self) -> None:
        # The first file shown gets the zoom the user left; each file opened later starts fitted,
        # and nothing typed to filter the previous file's outline hides the new one's records.
        self.chart.fit_all()
        if not self._zoom_restored and self.document.path is not None:
            self._zoom_restored = True
            self._apply_saved_zoom()
        self.outline.filter.clear()
        path = self.document.path
        self._status_file.setText(str(path) if path else "not saved yet")
        self._update_title()

    def _on_document_modified_changed(self, _modified: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        # An unsaved document is named after its title, which edits can change.
        self.setWindowTitle(f"{self.document.display_name}[*] — CarvePlan")
        modified = self.document.is_modified
        self.setWindowModified(modified)
        self._status_modified.setText("modified" if modified else "saved" if self.document.path else "")

    def _on_problems_counts_changed(self, errors: int, warnings: int) -> None:
        self._status_problems.setText(f"{plural(errors, 'error')} · {plural(warnings, 'warning')}")
        self.bench.docks["problems"].setWindowTitle(
            f"Problems ({errors + warnings})" if errors + warnings else "Problems"
        )

    # --- Qt overrides ---------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        window = self.chart.state.window
        store.setValue("chart/span_days", (window[1] - window[0]).days if window else 0)
        self.autosaver.clear()
        self.files.guard.release()
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not isinstance(settings().value("window/state"), QByteArray):
                self._fit_docks(self.height())  # a first start on a small screen: 1280x720

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)

    def _apply_saved_zoom(self) -> None:
        """Open each document at the zoom the user last left the chart at (from entry into force)."""
        try:
            span = int(str(settings().value("chart/span_days", 0) or 0))
        except (TypeError, ValueError):
            span = 0
        if span > 0:
            start = self.document.agreement.eif - timedelta(days=90)  # no resolve just for a date
            self.chart.set_window((start, start + timedelta(days=span)))

    def _restore_geometry(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    for url in urls:
        path = Path(url.toLocalFile())
        if path.suffix.lower() in READERS:
            return path
    return None
