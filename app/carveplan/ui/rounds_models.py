"""Read-only tables of the Rounds panel: the rounds, what moved between two, request-vs-offer gaps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from carveplan.engine.diff import Change, LineDiff
from carveplan.engine.diff_values import text
from carveplan.engine.gaps import LineGap
from carveplan.io.reports.diff_rows import change_label
from carveplan.model import Round

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

# Later, withdrawn or carved out is the bad news a negotiator looks for: red; new lines green.
_CHANGE_COLOURS = {Change.WITHDRAWN: "#B00020", Change.ADDED: "#1B7F3B", Change.SPLIT: "#1F5FAD"}


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, its text, and (optionally) its colour and tooltip."""

    header: str
    text: Callable[[T], str]
    numeric: bool = False
    colour: Callable[[T], str] | None = None
    tip: Callable[[T], str] | None = None


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of one kind of record, described by a tuple of :class:`Column` (read-only)."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, index: AnyIndex) -> T | None:
        """The record at ``index``."""
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    # --- Qt overrides ---------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None


ROUND_COLUMNS: tuple[Column[Round], ...] = (
    Column("Round", lambda r: r.name, tip=lambda r: r.note),
    Column("Tabled", lambda r: r.taken.isoformat()),
    Column("Party", lambda r: r.party or "all"),
    Column("Stance", lambda r: r.stance.value),
    Column("Lines", lambda r: str(len(r.lines)), numeric=True),
)


def _months(entry: LineDiff) -> str:
    return "" if entry.months is None else f"{entry.months:+d}"


def _what(entry: LineDiff) -> str:
    return "; ".join(f"{f.field} {f.old or '—'} → {f.new or '—'}" for f in entry.fields if f.field != "code")


def _diff_colour(entry: LineDiff) -> str:
    if (entry.months is not None and entry.months > 0) or entry.newly_excluded:
        return "#B00020"
    if entry.months is not None and entry.months < 0:
        return "#1B7F3B"
    return _CHANGE_COLOURS.get(entry.change, "")


DIFF_COLUMNS: tuple[Column[LineDiff], ...] = (
    Column("Party", lambda e: e.party),
    Column("Code", lambda e: e.code),
    Column("Sector", lambda e: e.line.sector),
    Column("Change", change_label, colour=_diff_colour),
    Column("Months", _months, numeric=True, colour=_diff_colour),
    Column("What changed", _what, tip=_what),
)


def _final(day: Any, excluded: bool) -> str:
    return "excluded" if excluded else (text(day) or "blocked")


def _years(gap: LineGap) -> str:
    if gap.only_in:
        return f"only in the {gap.only_in}"
    if gap.offer_excluded != gap.request_excluded:
        return "carved out" if gap.offer_excluded else "offered, not asked"
    return "" if gap.years is None else f"{gap.years:+}"


GAP_COLUMNS: tuple[Column[LineGap], ...] = (
    Column("Party", lambda g: g.line.party),
    Column("Code", lambda g: g.line.code),
    Column("Description", lambda g: g.line.description),
    Column(
        "Offered final", lambda g: "" if g.only_in == "request" else _final(g.offer_final, g.offer_excluded)
    ),
    Column(
        "Requested final",
        lambda g: "" if g.only_in == "offer" else _final(g.request_final, g.request_excluded),
    ),
    Column("Gap (years)", _years, numeric=True, colour=lambda g: "#B00020" if g.size[0] else ""),
    Column("Offered value", lambda g: text(g.offer_value), numeric=True),
    Column("Requested value", lambda g: text(g.request_value), numeric=True),
    Column("Gap (value)", lambda g: "" if g.value is None else f"{g.value:+}", numeric=True),
)
