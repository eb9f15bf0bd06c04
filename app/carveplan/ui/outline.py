"""The agreement outline: parties → sectors → lines, then milestones, exceptions, reviews, scenarios."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from carveplan.engine.sectormap import OTHER, hs_section
from carveplan.model import Agreement, Line, RecordKind
from carveplan.model.change import AgreementChange
from carveplan.ui.document import Document

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3  # a line's code, for its HS section
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4  # the collection a group row lists
# An agreement of more lines than this, newly opened, gets its tree after the chart's first draw.
DEFER_LINES = 5000
DEFER_MS = 200

# Collections the outline lists after the parties: group title, and each record's key and text.
_GROUPS: dict[RecordKind, tuple[str, Callable[[Any], tuple[str, str]]]] = {
    RecordKind.MILESTONES: ("Milestones", lambda m: (m.id, f"{m.id}  {m.title}")),
    RecordKind.EXCEPTIONS: ("Security exceptions", lambda e: (e.id, f"{e.id}  {e.title}")),
    RecordKind.REVIEWS: ("Reviews", lambda r: (r.id, f"{r.id}  {r.title}")),
    RecordKind.SCENARIOS: ("Scenarios", lambda s: (s.name, s.name)),
}


def _item(text: str, kind: RecordKind | None = None, key: str = "", tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind.value if kind else "", KIND_ROLE)
    item.setData(key, KEY_ROLE)
    if tip:
        item.setToolTip(tip)
    return item


def _line_text(line: Line) -> tuple[str, str]:
    """A line item's text and tooltip."""
    text = f"{line.code}  {line.description}".strip()
    return text, f"{line.id}: {line.description} ({line.category or 'explicit phases'})"


def build_outline(
    agreement: Agreement, model: QStandardItemModel, all_sectors: bool = False
) -> dict[str, QStandardItem]:
    """Fill ``model`` with the agreement's outline (cleared first).

    Lines outside the focus sectors (``other``) are counted but listed only with ``all_sectors``,
    grouped by their HS section: a whole schedule would bury the carve-outs.

    Returns:
        The line items by line id (the first, should ids repeat), to update a line's text in place.
    """
    model.clear()
    model.setHorizontalHeaderLabels(["Agreement"])
    root = model.invisibleRootItem()
    sector_names = {s.id: s.name for s in agreement.sectors}
    by_party: dict[str, dict[str, list[QStandardItem]]] = {p.code: {} for p in agreement.parties}
    line_items: dict[str, QStandardItem] = {}
    for line in agreement.lines:
        text, tip = _line_text(line)
        item = _item(text, RecordKind.LINES, line.id, tip)
        item.setData(line.code, SECTION_ROLE)
        line_items.setdefault(line.id, item)
        by_party.setdefault(line.party, {}).setdefault(line.sector, []).append(item)
    party_names = {p.code: p.name for p in agreement.parties}
    for code, sectors in by_party.items():
        count = sum(len(items) for items in sectors.values())
        party = _item(f"{code} — {party_names.get(code, code)} ({count})", RecordKind.PARTIES, code)
        for sector_id, items in sectors.items():
            name = sector_names.get(sector_id, sector_id)
            if sector_id != OTHER:
                sector = _item(f"{name} ({len(items)})", RecordKind.SECTORS, sector_id)
                sector.appendRows(items)
            elif all_sectors:
                sector = _item(f"{name} ({len(items)})", RecordKind.SECTORS, sector_id)
                sector.appendRows(_by_section(items))
            else:
                tip = "Lines outside the focus sectors: View → All Sectors lists them"
                sector = _item(f"{name} ({len(items)}, hidden)", RecordKind.SECTORS, sector_id, tip)
            party.appendRow(sector)
        root.appendRow(party)
    for kind, (title, describe) in _GROUPS.items():
        entries = [describe(record) for record in getattr(agreement, kind)]
        group = _item(f"{title} ({len(entries)})")
        group.setData(kind, GROUP_ROLE)
        group.appendRows([_item(text, kind, key) for key, text in entries])
        root.appendRow(group)
    return line_items


def _by_section(items: list[QStandardItem]) -> list[QStandardItem]:
    """Line items under one item per HS section, in section order."""
    groups: dict[str, list[QStandardItem]] = {}
    for item in items:
        groups.setdefault(hs_section(item.data(SECTION_ROLE)) or "No HS section", []).append(item)
    out = []
    for title, members in groups.items():
        group = _item(f"{title} ({len(members)})")
        group.appendRows(members)
        out.append(group)
    return out


class OutlineView(QWidget):
    """A filter box over the outline tree; selecting an item selects the record everywhere.

    Signals:
        activated(str, str): a record was double-clicked or Enter was pressed (kind, key).
    """

    activated = Signal(str, str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._syncing = False
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Find by code, description or id…")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.activated.connect(self._on_tree_activated)
        self._deferred = QTimer(self)
        self._deferred.setSingleShot(True)
        self._deferred.setInterval(DEFER_MS)
        self._deferred.timeout.connect(self._on_deferred_timeout)
        document.agreement_changed.connect(self._on_document_agreement_changed)
        document.selection_changed.connect(self._on_document_selection_changed)
        self._shown: Agreement | None = None
        self._line_items: dict[str, QStandardItem] = {}
        self._all_sectors = False
        self.rebuilds = 0  # how often the whole tree was built (tests check edits avoid it)
        self._rebuild()

    def set_all_sectors(self, shown: bool) -> None:
        """List the lines outside the focus sectors too (grouped by HS section), or hide them."""
        if shown != self._all_sectors:
            self._all_sectors = shown
            self._rebuild()

    def _on_deferred_timeout(self) -> None:
        if self._shown is not self._document.agreement:
            self._rebuild()

    def _rebuild(self) -> None:
        agreement = self._document.agreement
        # An edit (Insert, a rename) keeps what the user had opened; another document starts folded.
        same = self._shown is not None and self._shown.uid == agreement.uid
        folds = self._folds() if same else {}
        current = self.tree.currentIndex()
        kind, key = current.data(KIND_ROLE), current.data(KEY_ROLE)
        self._shown = agreement
        self._line_items = build_outline(agreement, self.model, self._all_sectors)
        self.rebuilds += 1
        self.tree.expandToDepth(0)
        if folds:
            self._refold(folds)
            if kind and key:
                self._on_document_selection_changed(kind, key)

    def _folds(self) -> dict[tuple[str, ...], bool]:
        """Whether each item with children is expanded, by its path of ids (items new after an
        edit are not in it and keep the default)."""
        return {
            path: self.tree.isExpanded(self.proxy.mapFromSource(item.index())) for path, item in self._walk()
        }

    def _refold(self, folds: dict[tuple[str, ...], bool]) -> None:
        for path, item in self._walk():
            if path in folds:
                self.tree.setExpanded(self.proxy.mapFromSource(item.index()), folds[path])

    def _walk(self) -> list[tuple[tuple[str, ...], QStandardItem]]:
        found: list[tuple[tuple[str, ...], QStandardItem]] = []
        pending: list[tuple[QStandardItem, tuple[str, ...]]] = [(self.model.invisibleRootItem(), ())]
        while pending:
            parent, path = pending.pop()
            for row in range(parent.rowCount()):
                child = parent.child(row)
                if child is not None and child.hasChildren():
                    here = (*path, _item_id(child))
                    found.append((here, child))
                    pending.append((child, here))
        return found

    def _on_document_agreement_changed(self, change: AgreementChange) -> None:
        shown, agreement = self._shown, self._document.agreement
        if change.everything and len(agreement.lines) > DEFER_LINES:
            # A national schedule just opened: the chart draws first, the tree of its lines after.
            self._shown = None
            self._deferred.start()
            return
        if shown is None or not _patch(change, shown, agreement, self._line_items, self.model):
            self._rebuild()
        self._shown = agreement

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.tree.expandAll()

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        kind, key = current.data(KIND_ROLE), current.data(KEY_ROLE)
        if kind and key and not self._syncing:
            self._document.select(kind, key)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        kind, key = index.data(KIND_ROLE), index.data(KEY_ROLE)
        if kind and key:
            self.activated.emit(kind, key)

    def _on_document_selection_changed(self, kind: str, key: str) -> None:
        matches = self.model.match(
            self.model.index(0, 0), KEY_ROLE, key, -1, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        )
        for source in matches:
            if source.data(KIND_ROLE) == kind:
                index = self.proxy.mapFromSource(source)
                if index.isValid() and index != self.tree.currentIndex():
                    self._syncing = True
                    try:
                        self.tree.setCurrentIndex(index)
                        self.tree.scrollTo(index)
                    finally:
                        self._syncing = False
                return


def _patch(
    change: AgreementChange,
    before: Agreement,
    after: Agreement,
    line_items: dict[str, QStandardItem],
    model: QStandardItemModel,
) -> bool:
    """Update the rows an edit changed in place; ``False`` when the tree must be built again.

    Only records replaced where they were (same count) are patched; an added or deleted record, a
    line moved to another party or sector, or a changed party or sector rebuilds the tree.
    """
    if change.everything or change.touches(RecordKind.PARTIES) or change.touches(RecordKind.SECTORS):
        return False
    if change.touches(RecordKind.LINES) and not _patch_lines(before.lines, after.lines, line_items):
        return False
    groups = {model.item(row).data(GROUP_ROLE): model.item(row) for row in range(model.rowCount())}
    for kind, (_title, describe) in _GROUPS.items():
        if not change.touches(kind):
            continue
        old, new = getattr(before, kind), getattr(after, kind)
        group = groups.get(kind)
        if group is None or len(old) != len(new):
            return False
        for row, (a, b) in enumerate(zip(old, new, strict=True)):
            if a is not b:
                key, text = describe(b)
                child = group.child(row)
                child.setText(text)
                child.setData(key, KEY_ROLE)
    return True


def _patch_lines(
    before: tuple[Line, ...], after: tuple[Line, ...], line_items: dict[str, QStandardItem]
) -> bool:
    """Retext the line items whose records were replaced in place, if none moved group."""
    if len(before) != len(after):
        return False
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a is not b]
    if any((a.id, a.party, a.sector) != (b.id, b.party, b.sector) for a, b in changed):
        return False
    for a, b in changed:
        item = line_items.get(b.id)
        if item is None or (a.code != b.code and b.sector == OTHER):
            return False  # the HS section it is filed under may change
        text, tip = _line_text(b)
        if item.text() != text:
            item.setText(text)
        if item.toolTip() != tip:
            item.setToolTip(tip)
        item.setData(b.code, SECTION_ROLE)
    return True


def _item_id(item: QStandardItem) -> str:
    """What names an item across rebuilds: its record, else its title without the count."""
    kind, key = item.data(KIND_ROLE), item.data(KEY_ROLE)
    return f"{kind}:{key}" if kind and key else item.text().rsplit(" (", 1)[0]
