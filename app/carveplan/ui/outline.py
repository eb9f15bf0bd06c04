"""The agreement outline: parties → sectors → lines, then milestones, exceptions, reviews, scenarios."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from carveplan.engine.sectormap import OTHER, hs_section
from carveplan.model import Agreement, RecordKind
from carveplan.ui.document import Document

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3  # a line's code, for its HS section


def _item(text: str, kind: RecordKind | None = None, key: str = "", tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind.value if kind else "", KIND_ROLE)
    item.setData(key, KEY_ROLE)
    if tip:
        item.setToolTip(tip)
    return item


def build_outline(agreement: Agreement, model: QStandardItemModel, all_sectors: bool = False) -> None:
    """Fill ``model`` with the agreement's outline (cleared first).

    Lines outside the focus sectors (``other``) are counted but listed only with ``all_sectors``,
    grouped by their HS section: a whole schedule would bury the carve-outs.
    """
    model.clear()
    model.setHorizontalHeaderLabels(["Agreement"])
    root = model.invisibleRootItem()
    sector_names = {s.id: s.name for s in agreement.sectors}
    by_party: dict[str, dict[str, list[QStandardItem]]] = {p.code: {} for p in agreement.parties}
    for line in agreement.lines:
        text = f"{line.code}  {line.description}".strip()
        tip = f"{line.id}: {line.description} ({line.category or 'explicit phases'})"
        item = _item(text, RecordKind.LINES, line.id, tip)
        item.setData(line.code, SECTION_ROLE)
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
    groups = (
        ("Milestones", RecordKind.MILESTONES, [(m.id, f"{m.id}  {m.title}") for m in agreement.milestones]),
        (
            "Security exceptions",
            RecordKind.EXCEPTIONS,
            [(e.id, f"{e.id}  {e.title}") for e in agreement.exceptions],
        ),
        ("Reviews", RecordKind.REVIEWS, [(r.id, f"{r.id}  {r.title}") for r in agreement.reviews]),
        ("Scenarios", RecordKind.SCENARIOS, [(s.name, s.name) for s in agreement.scenarios]),
    )
    for title, kind, entries in groups:
        group = _item(f"{title} ({len(entries)})")
        group.appendRows([_item(text, kind, key) for key, text in entries])
        root.appendRow(group)


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
        document.agreement_changed.connect(self._on_document_agreement_changed)
        document.selection_changed.connect(self._on_document_selection_changed)
        self._shown: Agreement | None = None
        self._all_sectors = False
        self._on_document_agreement_changed()

    def set_all_sectors(self, shown: bool) -> None:
        """List the lines outside the focus sectors too (grouped by HS section), or hide them."""
        if shown != self._all_sectors:
            self._all_sectors = shown
            self._shown = None
            self._on_document_agreement_changed()

    def _on_document_agreement_changed(self) -> None:
        agreement = self._document.agreement
        # The outline shows ids, codes and titles only; skip the rebuild when none of those changed.
        if self._shown is not None and _outline_key(self._shown) == _outline_key(agreement):
            return
        # An edit (Insert, a rename) keeps what the user had opened; another document starts folded.
        same = self._shown is not None and self._shown.uid == agreement.uid
        folds = self._folds() if same else {}
        current = self.tree.currentIndex()
        kind, key = current.data(KIND_ROLE), current.data(KEY_ROLE)
        self._shown = agreement
        build_outline(agreement, self.model, self._all_sectors)
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


def _item_id(item: QStandardItem) -> str:
    """What names an item across rebuilds: its record, else its title without the count."""
    kind, key = item.data(KIND_ROLE), item.data(KEY_ROLE)
    return f"{kind}:{key}" if kind and key else item.text().rsplit(" (", 1)[0]


def _outline_key(agreement: Agreement) -> tuple[object, ...]:
    return (
        tuple((p.code, p.name) for p in agreement.parties),
        tuple((s.id, s.name) for s in agreement.sectors),
        tuple((x.id, x.party, x.sector, x.code, x.description, x.category) for x in agreement.lines),
        tuple((m.id, m.title) for m in agreement.milestones),
        tuple((e.id, e.title) for e in agreement.exceptions),
        tuple((r.id, r.title) for r in agreement.reviews),
        tuple(s.name for s in agreement.scenarios),
    )
