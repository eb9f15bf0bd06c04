"""What the main window's actions and docks work on: its document, views and docks, by name, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from carveplan.ui.document import Document
from carveplan.ui.files import FileController
from carveplan.ui.gantt_view import GanttView
from carveplan.ui.lazy_dock import LazyDock
from carveplan.ui.outline import OutlineView
from carveplan.ui.problems import ProblemsPanel
from carveplan.ui.tables import RecordTable, TablesPane

if TYPE_CHECKING:
    from carveplan.ui.scenario_editor import ScenarioEditor

W = TypeVar("W", bound=QWidget)


@dataclass(eq=False)
class Workbench:
    """The parts of one main window that its declared actions (``ui/actions/``) and docks (``ui/docks.py``)
    act on. The window builds the central parts; the docks and actions are added from their declarations.

    Attributes:
        window: the main window, as the parent of dialogs and docks.
        document: the agreement being edited.
        files: new, open, save, import and export.
        chart: the Gantt chart in the centre.
        outline: the outline of parties, sectors and lines.
        tables: the editable tables.
        problems: the problems panel.
        docks: every dock by its declared id (``outline``, ``tables``, ``comparison`` …).
        actions: every action by its declared id (``new``, ``undo``, ``compare`` …).
        editor: the scenario editor, once opened (one per window).
    """

    window: QMainWindow
    document: Document
    files: FileController
    chart: GanttView
    outline: OutlineView
    tables: TablesPane
    problems: ProblemsPanel
    docks: dict[str, QDockWidget] = field(default_factory=dict)
    actions: dict[str, QAction] = field(default_factory=dict)
    editor: ScenarioEditor | None = None

    def view(self, dock: str, kind: type[W]) -> W:
        """The widget shown in the dock ``dock`` (inside its scroll area, if it has one), as a ``kind``.

        A dock that makes its widget when first shown makes it now.
        """
        holder = self.docks[dock]
        widget = holder.content() if isinstance(holder, LazyDock) else holder.widget()
        found = widget if isinstance(widget, kind) else widget.findChild(kind)
        if not isinstance(found, kind):
            raise TypeError(f"the {dock} dock holds no {kind.__name__}")
        return found

    def raise_dock(self, dock: str) -> None:
        """Show the dock ``dock`` and bring its tab to front."""
        self.docks[dock].show()
        self.docks[dock].raise_()

    def set_all_sectors(self, shown: bool) -> None:
        """Show the lines outside the focus sectors in the chart and the outline, or only the focus
        sectors (the default: a whole schedule would bury the carve-outs)."""
        self.chart.update_view(all_sectors=shown, first=0)
        self.files.all_sectors = shown
        self.outline.set_all_sectors(shown)

    def open_editor(self) -> ScenarioEditor:
        """Show the window's scenario editor (created on first use) and bring it to front."""
        if self.editor is None:
            from carveplan.ui.scenario_editor import ScenarioEditor  # made on first use, loaded then too

            self.editor = ScenarioEditor(self.document, self.window)
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()
        return self.editor

    def focused_table(self) -> RecordTable | None:
        """The table that has the keyboard focus (its view, filter box or a cell editor), if any."""
        widget = QApplication.focusWidget()
        while widget is not None and widget is not self.window:
            if isinstance(widget, RecordTable) and self.tables.isAncestorOf(widget):
                return widget
            widget = widget.parentWidget()
        return None
