"""The tables of every kind of record, as tabs the main window docks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from carveplan.ui.document import Document
from carveplan.ui.tables.model import RecordTableModel
from carveplan.ui.tables.phases import PhaseTableModel, split_phase_key
from carveplan.ui.tables.specs import SPECS
from carveplan.ui.tables.view import RecordTable


class TablesPane(QTabWidget):
    """One :class:`RecordTable` per kind: lines, phases, milestones, exceptions, reviews, scenarios,
    staging categories, parties and sectors.

    Signals:
        message(str): something for the status bar, from any table.
    """

    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._tables: dict[str, RecordTable] = {}
        for kind, spec in SPECS.items():
            model = PhaseTableModel(document) if kind == "phases" else RecordTableModel(document, spec)
            table = RecordTable(model, self)
            table.message.connect(self.message)
            self._tables[kind] = table
            self.addTab(table, spec.title)
        self.setDocumentMode(True)
        self._update_titles()
        document.agreement_changed.connect(self._update_titles)
        document.selection_changed.connect(self._update_titles)

    def table(self, kind: str) -> RecordTable:
        """The table of ``kind`` (``lines``, ``phases``, ``milestones`` ... as in ``collection.KINDS``)."""
        return self._tables[kind]

    def show_record(self, kind: str, key: str) -> bool:
        """Bring the table of ``kind`` to front and select ``key`` there (phases: ``LINE-ID#n``).

        Returns:
            Whether the record was found. Other views are not told: call ``document.select`` for that.
        """
        table = self._tables.get(kind)
        if table is None:
            return False
        if isinstance(table.model, PhaseTableModel):
            table.model.set_line(split_phase_key(key)[0])
        self.setCurrentWidget(table)
        return table.select_key(key)

    def _update_titles(self) -> None:
        for index, (kind, table) in enumerate(self._tables.items()):
            count = table.model.rowCount()
            title = table.model.spec.title
            if kind == "phases":
                line = table.model.line_id if isinstance(table.model, PhaseTableModel) else ""
                self.setTabText(index, f"{title} of {line}" if line else title)
            else:
                self.setTabText(index, f"{title} ({count})")
