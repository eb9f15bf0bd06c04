"""The item model of a record table: shows a collection through its column specs, edits through undo."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from carveplan.model import Agreement, RecordKind
from carveplan.model import collection as col
from carveplan.model.duty import level
from carveplan.ui import commands
from carveplan.ui.document import Document, Selectable
from carveplan.ui.tables import clipboard
from carveplan.ui.tables.cells import CellError, TypedRate, check_typed
from carveplan.ui.tables.columns import TableSpec

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_NO_NUMBER = float("-inf")
Index = QModelIndex | QPersistentModelIndex


_MAX_REPAINTED_ROWS = 64  # beyond this a reset is cheaper than row-by-row repaints


class RecordTableModel(QAbstractTableModel):
    """Rows are the records of one collection of the document's agreement; columns come from a spec.

    ``setData`` never changes a record: it reads the text and pushes an undo command, and the
    document's ``agreement_changed`` brings the new rows back here.

    Signals:
        edit_failed(str): an edit or paste was refused; the message says why (for the status bar).
    """

    edit_failed = Signal(str)

    def __init__(self, document: Document, spec: TableSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.spec = spec
        self._rows: tuple[Any, ...] = self._read(document.agreement)
        # Sorting asks for the same keys n log n times: compute a column's keys once per change.
        self._sort_keys: dict[int, list[Any]] = {}
        document.agreement_changed.connect(self._on_document_agreement_changed)

    # --- records ------------------------------------------------------------------------
    @property
    def kind(self) -> Selectable:
        """The collection kind, as ``document.select`` names it."""
        return self.spec.kind

    def records(self) -> tuple[Any, ...]:
        """The records shown, in row order."""
        return self._rows

    def key(self, row: int) -> str:
        """The key that names the record at ``row`` in selections."""
        assert self.spec.key_field is not None
        value: str = getattr(self._rows[row], self.spec.key_field)
        return value

    def row_of(self, key: str) -> int:
        """The row of the record named ``key``, or -1."""
        return next((row for row in range(len(self._rows)) if self.key(row) == key), -1)

    def is_editable(self) -> bool:
        """Whether rows can be edited, added and deleted here."""
        return True

    # --- edits: each one is one undo step --------------------------------------------------
    def add_row(self, at: int | None = None) -> int:
        """Insert a record with defaults before row ``at`` (default: at the end); returns its row."""
        row = len(self._rows) if at is None else at
        new = clipboard.new_records(self.spec, self.document.agreement, self._rows, [[]], self._context())
        return row if self._insert(row, new) else -1

    def remove_rows(self, rows: Iterable[int]) -> bool:
        """Delete the records at ``rows``."""
        drop = sorted(set(rows))
        return bool(drop) and self.is_editable() and self._remove(drop)

    def copy_rows(self, rows: Iterable[int]) -> str:
        """The records at ``rows`` as tab-separated text with a header line."""
        return clipboard.to_tsv(self.spec, [self._rows[r] for r in sorted(set(rows))])

    def paste(self, text: str, rows: Sequence[int] | None = None, left: int = 0) -> bool:
        """Paste tab-separated text as one undo step.

        Every cell is read first; if any cannot be, nothing changes and ``edit_failed`` says which.

        Args:
            text: rows from a spreadsheet, or copied from a table.
            rows: the rows the pasted rows go over, in order; ``None`` to append them. Text with a
                header line is always appended (a copy of whole rows).
            left: the column the first pasted cell goes in.

        Returns:
            Whether the agreement changed.
        """
        cells = clipboard.from_tsv(text)
        if not cells or not self.is_editable():
            return False
        try:
            if rows is None or clipboard.header_columns(self.spec, cells[0]) is not None:
                agreement = self.document.agreement
                new = clipboard.new_records(self.spec, agreement, self._rows, cells, self._context())
                return self._insert(len(self._rows), new)
            agreement = self.document.agreement
            after = clipboard.replace_cells(self.spec, self._rows, rows, left, cells, agreement)
        except clipboard.PasteError as err:
            self.edit_failed.emit(str(err) + "\n" + "\n".join(err.problems[1:]))
            return False
        return self._replace(after, f"Paste into {self.spec.title.lower()}")

    # --- storage: how this model's rows live in the agreement (phases override these) ----
    def _read(self, agreement: Agreement) -> tuple[Any, ...]:
        return col.records(agreement, self._collection())

    def _collection(self) -> RecordKind:
        # Phases are no collection: their model overrides every storage method that calls this.
        if not isinstance(self.spec.kind, RecordKind):
            raise TypeError(f"{self.spec.kind} are not a collection of the agreement")
        return self.spec.kind

    def _context(self) -> str:
        return ""

    def _edit(self, row: int, field: str, value: Any, label: str) -> bool:
        return commands.edit_field(self.document, self._collection(), row, field, value, label)

    def _insert(self, row: int, new: Sequence[Any]) -> bool:
        return bool(new) and commands.add_records(self.document, self._collection(), row, new)

    def _remove(self, rows: Sequence[int]) -> bool:
        return commands.remove_records(self.document, self._collection(), rows)

    def _replace(self, records: Sequence[Any], text: str) -> bool:
        after = col.with_records(self.document.agreement, self._collection(), records)
        return commands.apply(self.document, after, text)

    def unit_of(self, row: int) -> str | None:
        """The unit values of ``row`` are in; ``None`` when the record carries its own (a line)."""
        return None

    def _check_key(self, row: int, field: str, value: Any) -> None:
        """Refuse a key another record already has: selections and references need them unique."""
        if field == self.spec.key_field and any(
            getattr(r, field) == value for i, r in enumerate(self._rows) if i != row
        ):
            raise CellError.plain(f"{value!r} is already used by another {self._collection().singular}")

    # --- slots ------------------------------------------------------------------------------
    def _on_document_agreement_changed(self) -> None:
        rows = self._read(self.document.agreement)
        if rows is self._rows:
            return  # another collection changed: nothing to redraw here
        self._show(rows)

    def _show(self, rows: tuple[Any, ...]) -> None:
        old = self._rows
        # Records are immutable and edits share the ones they do not touch, so identity finds
        # the rows an edit changed: repaint those instead of resetting a table of thousands.
        if old and len(rows) == len(old):
            changed = [
                i for i, (before, after) in enumerate(zip(old, rows, strict=True)) if before is not after
            ]
            if len(changed) <= _MAX_REPAINTED_ROWS:
                self._rows = rows
                for column, keys in self._sort_keys.items():
                    for i in changed:
                        keys[i] = self._key_of(rows[i], column)
                last = self.columnCount() - 1
                for i in changed:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
                return
        self.beginResetModel()
        self._rows = rows
        self._sort_keys.clear()
        self.endResetModel()

    # --- Qt overrides ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.spec.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.spec.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(self._rows[index.row()], self.unit_of(index.row()))
        if role == SORT_ROLE:
            return self._sort_key(index)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.width >= 16:
            return (
                column.text(self._rows[index.row()], self.unit_of(index.row())) or None
            )  # long text cut by the column width
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        column = self.spec.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.is_editable() and self.spec.columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            return False
        column = self.spec.columns[index.column()]
        record = self._rows[index.row()]
        try:
            parsed = column.read_in(self.document.agreement, str(value))
            self._check_key(index.row(), column.field, parsed)
            if isinstance(parsed, TypedRate):
                check_typed(record, parsed)
        except CellError as err:
            self.edit_failed.emit(str(err) if err.sentence else f"{column.header}: {err}")
            return False
        # Success even when nothing changed: the editor closes and no empty undo step is pushed.
        if isinstance(parsed, TypedRate):
            return self._edit_rate(index.row(), column.field, parsed, column.header.lower())
        self._edit(index.row(), column.field, parsed, column.header.lower())
        return True

    def _edit_rate(self, row: int, field: str, typed: TypedRate, label: str) -> bool:
        # A unit typed with the rate (4.4¢/kg) is the line's unit: both change in one undo step.
        record = self._rows[row]
        if typed.unit is None or getattr(record, "unit", typed.unit) == typed.unit:
            self._edit(row, field, typed.value, label)  # a phase takes its line's unit
        else:
            commands.edit_fields(
                self.document, self._collection(), row, {field: typed.value, "unit": typed.unit}, label
            )
        return True

    def _sort_key(self, index: Index) -> Any:
        keys = self._sort_keys.get(index.column())
        if keys is None:
            keys = self._sort_keys[index.column()] = [self._key_of(r, index.column()) for r in self._rows]
        return keys[index.row()]

    def _key_of(self, record: Any, column_number: int) -> Any:
        column = self.spec.columns[column_number]
        value = getattr(record, column.field)
        if column.numeric:
            if isinstance(value, tuple):
                return float(len(value))
            return _NO_NUMBER if value is None else float(level(value))
        return column.format(value).casefold()
