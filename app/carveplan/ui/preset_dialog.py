"""Add a security exception or review clause from a treaty preset (WTO safeguard, RCEP, GATS, USMCA …)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Literal, assert_never

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from carveplan.engine.presets import EXCEPTION_PRESETS, REVIEW_PRESETS, ExceptionPreset, ReviewPreset
from carveplan.model import RecordKind
from carveplan.model import collection as col
from carveplan.ui import commands
from carveplan.ui.document import Document

PresetKind = Literal[RecordKind.EXCEPTIONS, RecordKind.REVIEWS]


def presets(kind: PresetKind) -> Sequence[ExceptionPreset | ReviewPreset]:
    """The presets for ``kind``."""
    match kind:
        case RecordKind.EXCEPTIONS:
            return EXCEPTION_PRESETS
        case RecordKind.REVIEWS:
            return REVIEW_PRESETS
        case _:
            assert_never(kind)


def _stem(kind: PresetKind) -> str:
    match kind:
        case RecordKind.EXCEPTIONS:
            return "EXC"
        case RecordKind.REVIEWS:
            return "REV"
        case _:
            assert_never(kind)


def next_id(document: Document, kind: PresetKind) -> str:
    """A free id for a new record of ``kind``: ``EXC-3`` when two exceptions exist."""
    count = len(col.records(document.agreement, kind))
    return col.unique_key(document.agreement, kind, f"{_stem(kind)}-{count + 1}")


def add_from_preset(
    document: Document, kind: PresetKind, key: str, ident: str, party: str = "", sectors: Sequence[str] = ()
) -> bool:
    """Add the preset ``key`` as a new record, as one undo step, and select it for adjusting.

    Args:
        document: the document.
        kind: security exceptions or review clauses.
        key: the preset's key (``wto_safeguard``).
        ident: the new record's id; must be free.
        party: the party that may invoke an exception.
        sectors: the sectors an exception covers.

    Returns:
        Whether the record was added.

    Raises:
        ValueError: when the id is empty or taken.
    """
    clean = ident.strip()
    if not clean or col.find(document.agreement, kind, clean) is not None:
        raise ValueError(f"“{clean}” is empty or already used: pick another id")
    preset = next(p for p in presets(kind) if p.key == key)
    record: Any
    if isinstance(preset, ExceptionPreset):
        record = dataclasses.replace(preset.build(clean, party), scope_sectors=tuple(sectors))
    else:
        record = preset.build(clean)
    index = len(col.records(document.agreement, kind))
    if not commands.add_records(document, kind, index, [record]):
        return False
    document.select(kind, clean)
    return True


class PresetDialog(QDialog):
    """Pick a preset, an id and (for exceptions) the party and sectors it covers."""

    def __init__(self, document: Document, kind: PresetKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._kind = document, kind
        self.setWindowTitle(f"Add {kind.singular} from preset")
        self.preset = QComboBox(self)
        for preset in presets(kind):
            self.preset.addItem(preset.label, preset.key)
        self.ident = QLineEdit(next_id(document, kind), self)
        self.party = QComboBox(self)
        for party in document.agreement.parties:
            self.party.addItem(f"{party.code} — {party.name}", party.code)
        self.sectors = QListWidget(self)
        for sector in document.agreement.sectors:
            item = QListWidgetItem(sector.name, self.sectors)
            item.setData(Qt.ItemDataRole.UserRole, sector.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Preset", self.preset)
        form.addRow("Id", self.ident)
        if kind is RecordKind.EXCEPTIONS:
            form.addRow("Party", self.party)
            form.addRow("Sectors covered", self.sectors)
        form.addRow(QLabel("Adjust the numbers afterwards in the table.", self))
        form.addRow(self.error)
        form.addRow(buttons)

    def checked_sectors(self) -> list[str]:
        """The ids of the sectors ticked."""
        items = (self.sectors.item(i) for i in range(self.sectors.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        """Add the record; stay open with the reason when the id cannot be used."""
        try:
            add_from_preset(
                self._document,
                self._kind,
                self.preset.currentData(),
                self.ident.text(),
                self.party.currentData() or "",
                self.checked_sectors(),
            )
        except ValueError as err:
            self.error.setText(str(err))
            return
        super().accept()
