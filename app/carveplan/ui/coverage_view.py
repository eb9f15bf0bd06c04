"""The Coverage dock: curves of the share duty-free per party against the threshold, and the tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carveplan.engine.coverage import Coverage, coverage_of
from carveplan.engine.trade_match import match_trade
from carveplan.engine.xxiv import Verdict, verdicts
from carveplan.io.reports.coverage import blocker_rows, test_text, trade_text, year_rows
from carveplan.io.reports.rows import Cell, Rows
from carveplan.model import BASELINE, RecordKind
from carveplan.ui.deferred import DeferredRefresh
from carveplan.ui.document import Document

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

AnyIndex = QModelIndex | QPersistentModelIndex
_ALL = ""


class RowsModel(QAbstractTableModel):
    """A read-only table of plain rows (a header row, then data); numbers align right.

    ``bold_rows`` are shown in bold (the horizon year of each party).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.header: list[Cell] = []
        self.rows: Rows = []
        self.bold_rows: set[int] = set()

    def set_rows(self, rows: Rows, bold_rows: set[int] | None = None) -> None:
        """Show ``rows`` (the first is the header)."""
        self.beginResetModel()
        self.header = list(rows[0]) if rows else []
        self.rows = rows[1:]
        self.bold_rows = bold_rows or set()
        self.endResetModel()

    # --- Qt overrides -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.header)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return None
            return f"{value:,}" if isinstance(value, int) and abs(value) >= 10000 else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = isinstance(value, int | float)
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() in self.bold_rows:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self.header[section]) if 0 <= section < len(self.header) else None
        return str(section + 1)


CANVAS_HEIGHT = 180  # pixels the curves need; the blank before the first refresh keeps the same
FIGURE_INCHES = (8, 3)
DPI = 100


class _Blank(QWidget):
    """Where the canvas goes before the first refresh: the canvas's size, so the layout is the same."""

    def sizeHint(self) -> QSize:
        return QSize(FIGURE_INCHES[0] * DPI, FIGURE_INCHES[1] * DPI)


class CoverageView(QWidget):
    """Coverage of the scenario being looked at, with the baseline behind it; blockers open their line.

    The figure and its canvas (and so matplotlib) are made at the first refresh, which comes only when
    the dock is in sight: the main window shows without loading the plotting library for a tabbed-away dock.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.cover: Coverage | None = None
        self.baseline: Coverage | None = None
        self.verdicts: tuple[Verdict, ...] = ()
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.verdict = QLabel(self)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.figure: Figure | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self._blank = _Blank(self)  # where the canvas goes once made
        self._blank.setMinimumHeight(CANVAS_HEIGHT)
        self.sector = QComboBox(self)
        self.sector.setToolTip("Show the whole schedule or one sector in the table")
        self.sector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.years = RowsModel(self)
        self.blockers = RowsModel(self)
        self.year_table = self._table(self.years)
        self.blocker_table = self._table(self.blockers)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.year_table, "Year by year")
        self.tabs.addTab(self.blocker_table, "Lines short of the test")
        self._layout()
        self.deferred = DeferredRefresh(self, self.refresh)
        document.agreement_changed.connect(self.deferred.request)
        document.scenario_changed.connect(self.deferred.request)
        self.sector.currentIndexChanged.connect(self._on_sector_changed)
        self.blocker_table.activated.connect(self._on_blocker_activated)

    def _table(self, model: RowsModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setVisible(False)
        return table

    def _layout(self) -> None:
        below = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Table:", self))
        bar.addWidget(self.sector)
        bar.addStretch(1)
        lower = QVBoxLayout(below)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addLayout(bar)
        lower.addWidget(self.tabs, 1)
        split = self._split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._blank)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        """Recompute coverage for the current scenario (and the baseline behind it) now."""
        from carveplan.chart.coverage import draw_coverage

        document = self._document
        agreement = document.agreement
        match = None if agreement.trade is None else match_trade(agreement.lines, agreement.trade)
        self.cover = coverage_of(document.schedule(), match=match)
        scenario = document.scenario
        self.baseline = (
            None if scenario == BASELINE else coverage_of(document.schedule(BASELINE), match=match)
        )
        self.verdicts = verdicts(self.cover)
        name = "Baseline" if scenario == BASELINE else f"Scenario “{scenario}” (baseline dashed)"
        self.heading.setText(f"{name}. Article XXIV test: {test_text(self.cover)}. {trade_text(self.cover)}.")
        self.verdict.setText(_verdict_html(self.verdicts))
        figure, canvas = self._make_canvas()
        draw_coverage(figure, self.cover, self.baseline)
        canvas.draw_idle()
        self._fill_sectors()
        self._fill_tables()

    def _make_canvas(self) -> tuple[Figure, FigureCanvasQTAgg]:
        """The figure and its canvas, made in the blank's place the first time."""
        if self.figure is None or self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figure = Figure(figsize=FIGURE_INCHES, dpi=DPI, layout=None)
            self.canvas = FigureCanvasQTAgg(self.figure)
            self.canvas.setMinimumHeight(CANVAS_HEIGHT)
            sizes = self._split.sizes()  # the canvas takes the blank's place and size
            self._split.replaceWidget(self._split.indexOf(self._blank), self.canvas)
            self._split.setSizes(sizes)
            self._blank.deleteLater()
        return self.figure, self.canvas

    def set_exposed(self, exposed: bool) -> None:
        """The view came into sight or went out of it (its dock's tab): refresh when seen again."""
        self.deferred.set_exposed(exposed)

    def _fill_sectors(self) -> None:
        assert self.cover is not None
        chosen = self.sector.currentData()
        used = dict.fromkeys(r.sector for r in self.cover.rows if r.sector)
        names = {s.id: s.name for s in self._document.agreement.sectors}
        self.sector.blockSignals(True)
        self.sector.clear()
        self.sector.addItem("Whole schedule", _ALL)
        for sector in used:
            self.sector.addItem(names.get(sector or "", sector or ""), sector)
        found = self.sector.findData(chosen)
        self.sector.setCurrentIndex(max(found, 0))
        self.sector.blockSignals(False)

    def _fill_tables(self) -> None:
        if self.cover is None:
            return
        chosen = self.sector.currentData() or None
        rows = year_rows(self.cover, sectors=chosen is not None)
        names = {s.id: s.name for s in self._document.agreement.sectors}
        wanted = names.get(chosen, chosen) if chosen else "All"
        body = [r for r in rows[1:] if r[1] == wanted]
        bold = {i for i, r in enumerate(body) if r[2] == self.cover.horizon_year}
        self.years.set_rows([rows[0], *body], bold)
        self.blockers.set_rows(blocker_rows(self.verdicts))
        # Without trade data the trade columns are empty: hide them rather than show blanks.
        for column in range(self.years.columnCount()):
            empty = all(row[column] is None for row in self.years.rows)
            self.year_table.setColumnHidden(column, empty and bool(self.years.rows))

    def _on_sector_changed(self, _index: int) -> None:
        self._fill_tables()

    def _on_blocker_activated(self, index: QModelIndex) -> None:
        line = self.blockers.rows[index.row()][1]
        if isinstance(line, str):
            self._document.select(RecordKind.LINES, line)


def _verdict_html(found: tuple[Verdict, ...]) -> str:
    parts = []
    for v in found:
        colour = "#009E73" if v.passes else "#D55E00"
        shares = f"lines {_pct(v.line_share)}" + (
            "" if v.trade_share is None else f", trade {_pct(v.trade_share)}"
        )
        parts.append(f"<b>{v.party}</b> <span style='color:{colour}'><b>{v.label}</b></span> ({shares})")
        if not v.passes and v.blockers:
            count = len(v.blockers)
            parts[-1] += f" — {count} line{'s' if count != 1 else ''} short"
    return " &nbsp;·&nbsp; ".join(parts) if parts else "No tariff lines to measure."


def _pct(value: object) -> str:
    return "–" if value is None else f"{float(value):.1f} %"  # type: ignore[arg-type]
