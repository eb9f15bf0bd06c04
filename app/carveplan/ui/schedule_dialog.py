"""Import another delegation's tariff schedule: preview, the column mapping found, and the user's changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carveplan.io.errors import ReadError
from carveplan.io.schedule.columns import FIELDS
from carveplan.io.schedule.importer import import_schedule, sniff_schedule
from carveplan.io.schedule.options import ScheduleImportOptions, ScheduleSniff
from carveplan.io.workbook.table import column_letter
from carveplan.model import Agreement
from carveplan.ui.error_dialog import ProblemListDialog

FROM_CODE = "(from the HS code)"
UNUSED = "(not used)"
_MAPPED = QColor("#e3f2e1")


class ScheduleImportDialog(QDialog):
    """Shows what CarvePlan recognized in a schedule and lets the user correct it before importing.

    After ``exec()`` returns Accepted, :attr:`result_agreement` holds the agreement with the new lines.
    """

    def __init__(
        self, path: Path, agreement: Agreement, sniff: ScheduleSniff, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import tariff schedule — {path.name}")
        self.resize(1000, 620)
        self.path, self.agreement, self.sniff = path, agreement, sniff
        self.result_agreement: Agreement | None = None
        self.party = QComboBox(self)
        self.party.setEditable(True)
        self.party.addItems([p.code for p in agreement.parties])
        self.party.setToolTip("The party whose schedule this is (a new code adds the party)")
        self.sector = QComboBox(self)
        self.sector.addItem(FROM_CODE, None)
        for sector in agreement.sectors:
            self.sector.addItem(sector.name, sector.id)
        self.sheet = QComboBox(self)
        self.sheet.addItems(list(sniff.sheets))
        self.sheet.setCurrentText(sniff.sheet)
        self.sheet.currentTextChanged.connect(self._on_sheet_changed)
        self.mapping: dict[str, QComboBox] = {name: QComboBox(self) for name in FIELDS}
        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._settings_box())
        layout.addWidget(self._mapping_box())
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._show_sniff(sniff)

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox("Schedule", self)
        form = QFormLayout(box)
        form.addRow("Party", self.party)
        form.addRow("Sector", self.sector)
        form.addRow("Sheet", self.sheet)
        return box

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox("Columns (recognized by their headers; change any)", self)
        grid = QGridLayout(box)
        for number, (name, combo) in enumerate(self.mapping.items()):
            grid.addWidget(QLabel(name.capitalize(), box), number // 3, (number % 3) * 2)
            grid.addWidget(combo, number // 3, (number % 3) * 2 + 1)
            combo.currentIndexChanged.connect(self._paint_preview)
        return box

    # --- showing what was found -------------------------------------------------
    def _show_sniff(self, sniff: ScheduleSniff) -> None:
        self.sniff = sniff
        choices = [f"{column_letter(i)} — {header}" for i, header in enumerate(sniff.headers)]
        for name, combo in self.mapping.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(UNUSED, None)
            for index, text in enumerate(choices):
                combo.addItem(text, column_letter(index))
            found = sniff.columns.fields.get(name)
            combo.setCurrentIndex(0 if found is None else found + 1)
            combo.blockSignals(False)
        self.preview.clear()
        self.preview.setColumnCount(len(sniff.headers))
        self.preview.setRowCount(len(sniff.preview))
        self.preview.setHorizontalHeaderLabels(choices)
        for row, cells in enumerate(sniff.preview):
            for column, text in enumerate(cells[: len(sniff.headers)]):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self._paint_preview()
        lines = sniff.recognized()
        header = f"Header row {sniff.header_row}" if sniff.header_row else "No header row found"
        problems = [p.message for p in sniff.problems]
        self.status.setText("; ".join([header, *lines, *problems]))

    def _paint_preview(self) -> None:
        used = {combo.currentIndex() - 1 for combo in self.mapping.values() if combo.currentIndex() > 0}
        used |= {index for _, index in self.sniff.columns.years}
        for row in range(self.preview.rowCount()):
            for column in range(self.preview.columnCount()):
                item = self.preview.item(row, column)
                if item is not None:
                    item.setBackground(QBrush(_MAPPED) if column in used else QBrush())

    def _on_sheet_changed(self, name: str) -> None:
        try:
            self._show_sniff(sniff_schedule(self.path, name))
        except ReadError as err:
            self.status.setText(err.summary())

    # --- importing -----------------------------------------------------------------
    def options(self) -> ScheduleImportOptions:
        """What the user chose, as import options adding to the open agreement."""
        mapping = {name: combo.currentData() for name, combo in self.mapping.items() if combo.currentData()}
        return ScheduleImportOptions(
            party=self.party.currentText().strip().upper(),
            sector=self.sector.currentData(),
            mapping=mapping,
            existing=self.agreement,
            sheet=self.sheet.currentText() or None,
        )

    def accept(self) -> None:
        """Import; on problems list them and stay open, the document untouched."""
        options = self.options()
        if not options.party:
            self.status.setText("Choose the party whose schedule this is.")
            return
        try:
            self.result_agreement = import_schedule(self.path, options)
        except ReadError as err:
            ProblemListDialog(
                "Cannot import", f"{self.path.name} was not imported.", err.problems, self
            ).exec()
            return
        super().accept()


def run_schedule_import(parent: QWidget, path: Path, agreement: Agreement) -> Agreement | None:
    """Sniff ``path``, show the dialog, and return the agreement with the imported lines (or ``None``)."""
    try:
        sniff = sniff_schedule(path)
    except ReadError as err:
        ProblemListDialog("Cannot import", f"{path.name} could not be read.", err.problems, parent).exec()
        return None
    dialog = ScheduleImportDialog(path, agreement, sniff, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_agreement
    return None


__all__ = ["ScheduleImportDialog", "run_schedule_import"]
