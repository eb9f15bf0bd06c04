"""Import another delegation's tariff schedule: preview, the column mapping found, and the user's changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carveplan.engine import RULE_SETS
from carveplan.engine.checks.identity import already_present
from carveplan.io.errors import ReadError
from carveplan.io.native.rules import load_rules
from carveplan.io.schedule.columns import FIELDS
from carveplan.io.schedule.importer import ScheduleImport, import_schedule_report, sniff_schedule
from carveplan.io.schedule.options import ScheduleImportOptions, ScheduleSniff
from carveplan.io.workbook.table import column_letter
from carveplan.model import Agreement, Severity, StagingRules, rules_of
from carveplan.model.words import plural
from carveplan.ui.background import BackgroundTask
from carveplan.ui.error_dialog import ProblemListDialog
from carveplan.ui.import_warnings import ImportWarningPanel, add_copy_action

FROM_CODE = "(from the HS code)"
UNUSED = "(not used)"
GENERIC = "(generic spellings)"
FROM_FILE = "From file…"
CHECK_ROWS = 2000  # lines listed in the check; the count and every scrub warning cover them all
# Schedules larger than this are read on a worker thread (a 10,000-line workbook is about 400 KB).
BACKGROUND_BYTES = 200_000
_MAPPED = QColor("#e3f2e1")
_WARNED = QColor("#fff3cd")


class ScheduleImportDialog(QDialog):
    """Shows what CarvePlan recognized in a schedule and lets the user correct it before importing.

    After ``exec()`` returns Accepted, :attr:`result_agreement` holds the agreement with the new lines.
    """

    def __init__(
        self, path: Path, agreement: Agreement, sniff: ScheduleSniff, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import tariff schedule — {path.name}")
        self.resize(1000, 760)
        self.path, self.agreement, self.sniff = path, agreement, sniff
        self.result_agreement: Agreement | None = None
        self.importing: BackgroundTask | None = None  # a large file read in the background
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
        self.rules = QComboBox(self)
        own = rules_of(agreement)
        if own.name and own.name not in RULE_SETS:
            self.rules.addItem(f"{own.name} (this agreement)", own)
        self.rules.addItem(GENERIC, None)
        for name, rules in RULE_SETS.items():
            self.rules.addItem(name, rules)
        self.rules.addItem(FROM_FILE, FROM_FILE)
        self.rules.setCurrentIndex(max(0, self.rules.findText(own.name)))
        self.rules.setToolTip(
            "The agreement's staging rules: what each category code means, and the rounding"
        )
        self.rules.currentIndexChanged.connect(self._on_rules_changed)
        self.skip_present = QCheckBox("Leave out lines the agreement already has (same party and code)", self)
        self.skip_present.setChecked(True)
        self.skip_present.toggled.connect(self._on_skip_present_toggled)
        self._checked_once = False
        self.check = QTableWidget(self)
        self.check.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.check.horizontalHeader().setStretchLastSection(True)
        add_copy_action(self.check)
        self.check.setTabKeyNavigation(False)  # read only: arrows move in it, Tab moves on
        # Warnings located in the file rather than on a listed line (an empty base cell, a short code).
        self.loose = ImportWarningPanel(self)
        self.check_button = QPushButton("&Check Import", self)
        self.check_button.setToolTip(
            "Read every row as it would be imported: sectors, categories, legal scrub"
        )
        self.check_button.clicked.connect(self._on_check_clicked)
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
        layout.addWidget(self.check_button)
        layout.addWidget(self.check, 1)
        layout.addWidget(self.loose)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.check, self.loose.table)  # Tab goes from the lines to the file's warnings
        self._show_sniff(sniff)

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox("Schedule", self)
        form = QFormLayout(box)
        form.addRow("Party", self.party)
        form.addRow("Sector", self.sector)
        form.addRow("Sheet", self.sheet)
        form.addRow("Staging rules", self.rules)
        form.addRow("", self.skip_present)
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
            rules=self.chosen_rules(),
        )

    def chosen_rules(self) -> StagingRules | None:
        """The rule set chosen; ``None`` keeps the agreement's (or the generic spellings)."""
        data = self.rules.currentData()
        return data if isinstance(data, StagingRules) else None

    # --- checking before importing -------------------------------------------------------
    def _on_rules_changed(self, index: int) -> None:
        if self.rules.itemData(index) == FROM_FILE:
            self._load_rules()
            return
        self._on_check_clicked()

    def _load_rules(self) -> None:
        """Ask for a rule set file and choose it (back to the generic spellings when none)."""
        name, _ = QFileDialog.getOpenFileName(self, "Staging rules", "", "Staging rules (*.json)")
        try:
            rules = load_rules(name) if name else None
        except ReadError as err:
            ProblemListDialog("Cannot load", f"{Path(name).name} was not loaded.", err.problems, self).exec()
            rules = None
        if rules is None:
            self.rules.setCurrentIndex(self.rules.findText(GENERIC))
            return
        self.rules.blockSignals(True)  # inserting moves the current index: no second file dialog
        self.rules.insertItem(0, f"{rules.name or Path(name).stem} ({Path(name).name})", rules)
        self.rules.blockSignals(False)
        self.rules.setCurrentIndex(0)

    def _on_skip_present_toggled(self) -> None:
        if self.check.rowCount():
            self._on_check_clicked()

    def _on_check_clicked(self) -> None:
        """Import into a copy and list every line with its sector, category and scrub warnings."""
        options = self.options()
        if not options.party:
            self.status.setText("Choose the party whose schedule this is, then check.")
            return
        try:
            self.show_check(import_schedule_report(self.path, options))
        except ReadError as err:
            self.check.setRowCount(0)
            self.loose.show_problems(())
            self.status.setText("Cannot import yet: " + "; ".join(p.message for p in err.problems[:3]))

    def show_check(self, result: ScheduleImport) -> None:
        """List the lines an import would add, warnings first marked, the file's other warnings
        below them, and a summary."""
        lines = result.agreement.lines[len(self.agreement.lines) :]
        present = already_present(self.agreement.lines, lines)
        warned: dict[str, list[str]] = {}
        fate = "left out" if self.skip_present.isChecked() else "imported again"
        for added, existing in present.items():
            warned.setdefault(added, []).append(f"already in the agreement as {existing}: {fate}")
        flagged = {p.location.item for p in result.warnings} | set(warned)
        shown = sorted(lines, key=lambda line: line.id not in flagged)
        shown = shown[:CHECK_ROWS]
        listed = {line.id for line in shown}
        for problem in result.warnings:
            if problem.location.item in listed:
                warned.setdefault(problem.location.item, []).append(problem.message)
        loose = [p for p in result.warnings if p.location.item not in listed]
        self.loose.show_problems(loose)
        headers = ["Code", "Description", "Sector", "Category", "Scrub and warnings"]
        self.check.clear()
        self.check.setColumnCount(len(headers))
        self.check.setHorizontalHeaderLabels(headers)
        self.check.setRowCount(len(shown))
        for row, line in enumerate(shown):
            notes = "; ".join(warned.get(line.id, ()))
            for column, text in enumerate((line.code, line.description, line.sector, line.category, notes)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column == 4 else "")
                if notes:
                    item.setBackground(QBrush(_WARNED))
                self.check.setItem(row, column, item)
        self.check.resizeColumnsToContents()
        # The warnings column takes the rest of the width: its notes are the longest text.
        self.check.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        scrub = sum(p.code == "scrub" for p in result.warnings)
        count = sum(p.severity is Severity.WARNING for p in result.warnings)
        below = sum(p.severity is Severity.WARNING for p in loose)
        self.status.setText(
            f"{plural(result.added, 'line')} ({result.added - result.other} in the focus sectors, "
            f"{result.other} other); {plural(result.headings, 'heading row')}, "
            f"{plural(result.foreign, 'row')} of other parties; {plural(count, 'warning')}"
            + (f" ({below} below the table)" if below else "")
            + f"; {plural(scrub, 'scrub warning')}; "
            f"rules: {result.agreement.rule_set or 'generic spellings'}"
            + (f"; {len(present)} already in the agreement, {fate}" if present else "")
        )

    def accept(self) -> None:
        """Import; on problems list them and stay open, the document untouched.

        A file of more than :data:`BACKGROUND_BYTES` is read on a worker thread behind a progress
        dialog with Cancel (a cancelled import leaves this dialog open); :attr:`importing` is the task.
        """
        options = self.options()
        if not options.party:
            self.status.setText("Choose the party whose schedule this is.")
            return
        if _size(self.path) > BACKGROUND_BYTES:
            path = self.path
            task = BackgroundTask(
                self, f"Importing {path.name}…", lambda: import_schedule_report(path, options)
            )
            task.finished.connect(lambda result: self._imported(result.agreement))
            task.failed.connect(self._import_failed)
            task.cancelled.connect(lambda: self.status.setText("Import cancelled: nothing was added."))
            self.importing = task
            return
        try:
            after = import_schedule_report(self.path, options).agreement
        except ReadError as err:
            self._import_failed(err)
            return
        self._imported(after)

    def _imported(self, after: Agreement) -> None:
        if self.skip_present.isChecked():
            present = already_present(self.agreement.lines, after.lines[len(self.agreement.lines) :])
            after = replace(after, lines=tuple(ln for ln in after.lines if ln.id not in present))
        self.result_agreement = after
        super().accept()

    def _import_failed(self, err: object) -> None:
        if not isinstance(err, ReadError):
            self.status.setText(f"Cannot import: {type(err).__name__}: {err}")
            return
        ProblemListDialog("Cannot import", f"{self.path.name} was not imported.", err.problems, self).exec()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._checked_once and self.party.currentText():
            # What each row becomes (its sector, category, a duplicate) is shown before Import.
            self._checked_once = True
            QTimer.singleShot(0, self._on_check_clicked)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader says what is wrong with it


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
