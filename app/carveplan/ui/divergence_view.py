"""The divergence heatmap: sector by party, the year each party's lines reach their final value."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from carveplan.engine.divergence import DivergenceCell, DivergenceMatrix, divergence_of
from carveplan.io.reports.rows import cell_value
from carveplan.model import BASELINE, RecordKind
from carveplan.ui import heat
from carveplan.ui.deferred import DeferredRefresh
from carveplan.ui.document import Document

AnyIndex = QModelIndex | QPersistentModelIndex
_LEGEND = (
    "Year each party's lines in the sector reach their final value: lighter is sooner, darker later. "
    "Hatched: some lines never get there. Grey: every line carved out. Hover a cell for details."
)


class DivergenceModel(QAbstractTableModel):
    """Rows are sectors, columns the parties and then the spread (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: DivergenceMatrix | None = None
        self._party_names: dict[str, str] = {}
        self._years: tuple[int, int] | None = None
        self._widest = 0

    def set_matrix(self, matrix: DivergenceMatrix, party_names: dict[str, str]) -> None:
        """Show ``matrix``; ``party_names`` give the column tooltips."""
        self.beginResetModel()
        self.matrix = matrix
        self._party_names = party_names
        self._years = heat.year_range(matrix)
        self._widest = max((s.spread_years or 0 for s in matrix.spreads), default=0)
        self.endResetModel()

    def cell(self, index: AnyIndex) -> DivergenceCell | None:
        """The sector × party cell at ``index`` (``None`` in the spread column)."""
        if self.matrix is None or not index.isValid() or index.column() >= len(self.matrix.parties):
            return None
        sector = self.matrix.sectors[index.row()]
        return self.matrix.cell(sector.id, self.matrix.parties[index.column()])

    def background(self, index: AnyIndex) -> str | None:
        """The cell's colour as ``#RRGGBB`` (``None``: the table's own background)."""
        assert self.matrix is not None
        cell = self.cell(index)
        if cell is None:
            spread = self.matrix.spreads[index.row()]
            return heat.spread_colour(spread.spread_years, self._widest)
        if not cell.lines:
            return None
        if cell.blocked:
            return heat.BLOCKED
        if not cell.committed:
            return heat.EXCLUDED
        if cell.final_year is None or self._years is None:
            return None
        return heat.year_colour(cell.final_year, *self._years)

    # --- Qt overrides -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.sectors)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.parties) + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.matrix is None:
            return None
        cell = self.cell(index)
        spread = self.matrix.spreads[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = cell_value(cell) if cell is not None else heat.spread_text(spread)
            return None if value is None or value == "" else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell is None:
                return heat.spread_tooltip(spread)
            party = self._party_names.get(cell.party, cell.party)
            return heat.cell_tooltip(cell, self.matrix.sectors[index.row()].name, party)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._brush(index, cell, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and cell is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _brush(self, index: AnyIndex, cell: DivergenceCell | None, role: int) -> QBrush | None:
        colour = self.background(index)
        if colour is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            # A hatch is drawn on the table's own light background: dark text stays readable there.
            blocked = cell is not None and cell.blocked
            return QBrush(QColor(heat.DARK_TEXT if blocked else heat.text_colour(colour)))
        if cell is not None and cell.blocked:
            return QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern)  # hatched: survives greyscale
        return QBrush(QColor(colour))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self.matrix is None:
            return None
        parties = self.matrix.parties
        if orientation == Qt.Orientation.Vertical:
            return self.matrix.sectors[section].name if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return parties[section] if section < len(parties) else "Spread"
        if role == Qt.ItemDataRole.ToolTipRole:
            if section < len(parties):
                return self._party_names.get(parties[section], parties[section])
            return "Years between the fastest and the slowest party"
        return None


class DivergenceView(QWidget):
    """The heatmap for the scenario being looked at; double-click a cell to go to its first line."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = DivergenceModel(self)
        self.heading = QLabel(self)
        self.legend = QLabel(_LEGEND, self)
        self.legend.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Tall cells read as a heatmap; a long list of sectors scrolls instead of squeezing.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setMinimumSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setShowGrid(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.deferred = DeferredRefresh(self, self.refresh)
        document.agreement_changed.connect(self.deferred.request)
        document.scenario_changed.connect(self.deferred.request)
        self.table.activated.connect(self._on_table_activated)

    def refresh(self) -> None:
        """Recompute the matrix for the current scenario now."""
        agreement = self._document.agreement
        self.model.set_matrix(
            divergence_of(self._document.schedule()), {p.code: p.name for p in agreement.parties}
        )
        scenario = self._document.scenario
        self.heading.setText("Baseline" if scenario == BASELINE else f"Scenario “{scenario}”")

    def set_exposed(self, exposed: bool) -> None:
        """The view came into sight or went out of it (its dock's tab): refresh when seen again."""
        self.deferred.set_exposed(exposed)

    def _on_table_activated(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        if cell is None:
            return
        for line in self._document.agreement.lines:
            if line.sector == cell.sector and line.party == cell.party:
                self._document.select(RecordKind.LINES, line.id)
                return
