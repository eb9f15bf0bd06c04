"""The comparison as a tree: one row per sector with its summary, its lines below, most delayed first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from carveplan.engine.compare import Change, Comparison, LineComparison, SectorSummary
from carveplan.engine.schedule import Schedule
from carveplan.model import MilestoneId

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of sector rows; a line row stores its sector's row number + 1

# Later is the bad news a negotiator looks for: red; earlier or unblocked is green.
_CHANGE_COLOURS = {
    Change.DELAYED: "#B00020",
    Change.NEWLY_BLOCKED: "#B00020",
    Change.EARLIER: "#1B7F3B",
    Change.UNBLOCKED: "#1B7F3B",
    Change.BLOCKED_IN_BOTH: "#6E6E6E",
}


@dataclass(frozen=True)
class _Column:
    header: str
    line: Callable[[LineComparison], str]
    sector: Callable[[SectorSummary, list[LineComparison]], str]
    numeric: bool = False


def _day(value: date | None, blocked: bool) -> str:
    return value.isoformat() if value is not None else ("never (blocked)" if blocked else "")


def _months(entry: LineComparison) -> str:
    if entry.delay_months is None or entry.change is Change.UNCHANGED:
        return ""
    return f"{entry.delay_months:+d}"


def _sector_changes(summary: SectorSummary) -> str:
    parts = [(summary.delayed, "delayed"), (summary.earlier, "earlier")]
    parts += [(summary.newly_blocked, "newly blocked"), (summary.unblocked, "unblocked")]
    text = " · ".join(f"{count} {word}" for count, word in parts if count)
    return text or "no change"


def _longest(entries: list[LineComparison]) -> str:
    months = [e.delay_months for e in entries if e.change is Change.DELAYED and e.delay_months is not None]
    return f"max +{max(months)}" if months else ""


COLUMNS: tuple[_Column, ...] = (
    _Column("Line", lambda e: e.line.id, lambda s, es: f"{s.name} ({s.lines} lines)"),
    _Column("Party", lambda e: e.line.party, lambda s, es: ""),
    _Column("Code", lambda e: e.line.code, lambda s, es: ""),
    _Column("Final ({scenario})", lambda e: _day(e.final, e.blocked), lambda s, es: ""),
    _Column("Final ({against})", lambda e: _day(e.against_final, e.against_blocked), lambda s, es: ""),
    _Column("Delay (months)", _months, lambda s, es: _longest(es), numeric=True),
    _Column("Change", lambda e: e.change.value, lambda s, es: _sector_changes(s)),
    _Column("Causes", lambda e: ", ".join(e.causes), lambda s, es: ""),
)


def gating_milestones(schedule: Schedule, entry: LineComparison) -> frozenset[MilestoneId]:
    """The milestones to highlight for a line: its gates, its critical chain, and milestones blamed.

    Args:
        schedule: the scenario's schedule (the one the comparison's ``entry`` comes from).
        entry: the line's comparison.

    Returns:
        Milestone ids (never exception ids or ``EIF``).
    """
    known = {m.milestone.id for m in schedule.milestones}
    gates = {gate for phase in schedule.line(entry.line.id).phases for gate in phase.gates}
    return frozenset((gates | set(entry.chain) | set(entry.causes)) & known)


class ComparisonModel(QAbstractItemModel):
    """Sectors at the top level, their lines as children, in the comparison's order (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._groups: list[tuple[SectorSummary, list[LineComparison]]] = []

    # --- content ------------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison | None, changed_only: bool = False) -> None:
        """Show ``comparison``; ``changed_only`` leaves out lines whose final date did not move."""
        self.beginResetModel()
        self.comparison = comparison
        self._groups = []
        summaries = comparison.sectors if comparison is not None else ()
        lines = comparison.lines if comparison is not None else ()
        for summary in summaries:
            entries = [e for e in lines if e.line.sector == summary.sector]
            if changed_only:
                entries = [e for e in entries if e.change not in (Change.UNCHANGED, Change.BLOCKED_IN_BOTH)]
            if entries:
                self._groups.append((summary, entries))
        self.endResetModel()

    def entry(self, index: AnyIndex) -> LineComparison | None:
        """The line at ``index``, or ``None`` for a sector row."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of_line(self, line_id: str) -> QModelIndex:
        """The first-column index of a line's row (invalid when the line is not shown)."""
        for group, (_, entries) in enumerate(self._groups):
            for row, entry in enumerate(entries):
                if entry.line.id == line_id:
                    return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def _header(self, section: int) -> str:
        scenario = self.comparison.schedule.scenario if self.comparison else "scenario"
        against = self.comparison.against.scenario if self.comparison else "baseline"
        if scenario == against:
            # Comparing the baseline with itself: say which column is which rather than repeat a name.
            scenario, against = f"{scenario}, shown", f"{against}, compared"
        return COLUMNS[section].header.format(scenario=scenario, against=against)

    # --- Qt overrides ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        entry = self.entry(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if entry is None:
                summary, entries = self._groups[index.row()]
                return column.sector(summary, entries) or None
            text = column.line(entry)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(entry)
            return text
        if role == Qt.ItemDataRole.FontRole and entry is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and entry is not None and index.column() >= 5:
            colour = _CHANGE_COLOURS.get(entry.change)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, entry: LineComparison) -> str:
        lines = [f"{entry.line.id} ({entry.line.party}) {entry.line.description}".strip()]
        if entry.chain:
            lines.append("Critical chain: " + " → ".join(entry.chain))
        if entry.causes:
            lines.append("Moved by: " + ", ".join(entry.causes))
        if entry.delay_days is not None and entry.delay_days:
            lines.append(f"Delay: {entry.delay_days} days")
        return "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._header(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemNeverHasChildren if self.entry(index) is not None else flags
