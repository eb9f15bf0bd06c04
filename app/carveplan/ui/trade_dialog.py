"""Agreement → Trade Data…: read a trade file into the agreement and set the Article XXIV test.

A national tariff schedule's trade file holds hundreds of thousands of rows; it is read on a worker
thread behind a progress dialog with Cancel, so the window keeps painting meanwhile.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carveplan.io.errors import Cancelled, ReadError
from carveplan.io.trade.read import SPLIT_TEXT, TradeImport, read_trade
from carveplan.model import Agreement, CoverageTest, TradeSplit, TradeTable
from carveplan.ui import commands
from carveplan.ui.background import BackgroundTask
from carveplan.ui.document import Document
from carveplan.ui.error_dialog import ProblemListDialog

_FILTER = "Trade data (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)"


class TradeDialog(QDialog):
    """Shows the stored trade table, reads a new one, and edits the coverage test settings.

    Signals:
        read_over(bool): a read ended; ``True`` when its table was taken, ``False`` when it failed
            or was cancelled (the table is then as it was).
    """

    read_over = Signal(bool)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trade Data and Coverage Test")
        self.resize(680, 520)
        self._document = document
        agreement = document.agreement
        self.table: TradeTable | None = agreement.trade
        self.split = QComboBox(self)
        for split in TradeSplit:
            self.split.addItem(f"{split.value}: {SPLIT_TEXT[split]}", split)
        self.party = QComboBox(self)
        self.party.addItem("from the file's reporter column", "")
        for party in agreement.parties:
            self.party.addItem(f"{party.code} — {party.name}", party.code)
        self.year = QSpinBox(self)
        self.year.setRange(0, 2200)
        self.year.setSpecialValueText("latest in the file")
        self.source = QLineEdit(self)
        self.source.setPlaceholderText("default: the file name and year")
        self.illustrative = QCheckBox("Illustrative figures (not published data)", self)
        self.illustrative.setChecked(bool(self.table and self.table.illustrative))
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        test = agreement.coverage_test or CoverageTest()
        self.lines_share = _percent_box(self, test.lines_share)
        self.trade_share = _percent_box(self, test.trade_share)
        self.horizon = QSpinBox(self)
        self.horizon.setRange(1, 50)
        self.horizon.setValue(test.horizon)
        self.horizon.setSuffix(" years")
        self.reading: BackgroundTask | None = None
        self._read_button = QPushButton("&Read Trade File…", self)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._build()
        self._describe()

    def _build(self) -> None:
        read = self._read_button
        read.clicked.connect(self.choose_file)
        remove = QPushButton("Re&move Trade Data", self)
        remove.clicked.connect(self._on_remove_clicked)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(read)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        options = QFormLayout()
        options.addRow("Shared among lines:", self.split)
        options.addRow("Importing party:", self.party)
        options.addRow("Year:", self.year)
        options.addRow("Source:", self.source)
        options.addRow("", self.illustrative)
        trade_box = QGroupBox("Trade data (UN Comtrade download, WITS export, or code, partner, value)", self)
        trade_layout = QVBoxLayout(trade_box)
        trade_layout.addLayout(options)
        trade_layout.addLayout(buttons_row)
        trade_layout.addWidget(self.report, 1)
        test_box = QGroupBox("Article XXIV test: duty-free by the end of agreement year", self)
        test_form = QFormLayout(test_box)
        test_form.addRow("Share of tariff lines:", self.lines_share)
        test_form.addRow("Share of imports:", self.trade_share)
        test_form.addRow("Horizon:", self.horizon)
        buttons = self._buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(trade_box, 1)
        layout.addWidget(test_box)
        layout.addWidget(buttons)

    def _describe(self) -> None:
        if self.table is None:
            self.report.setPlainText("No trade data: coverage counts tariff lines only.")
            return
        kind = "ILLUSTRATIVE figures. " if self.table.illustrative else ""
        total = sum((f.value for f in self.table.flows), Decimal(0))
        self.report.setPlainText(
            f"{kind}Source: {self.table.source}\nYear: {self.table.year or 'not given'}\n"
            f"Split: {SPLIT_TEXT[self.table.split]}\n"
            f"{len(self.table.flows):,} flows between parties, US$ {total:,.0f}"
        )

    def choose_file(self) -> None:
        """Ask for a trade file and read it."""
        start = str(self._document.path.parent) if self._document.path else ""
        name, _ = QFileDialog.getOpenFileName(self, "Read trade data", start, _FILTER)
        if name:
            self.read_file(Path(name))

    def read_file(self, path: Path) -> BackgroundTask:
        """Start reading ``path`` with the chosen options, off the GUI thread, with progress and Cancel.

        :attr:`read_over` says how it ended. Problems are listed with their file, row and column;
        then, and on Cancel, the table stays as it was. The document changes only on OK.
        """
        agreement, split = self._document.agreement, TradeSplit(self.split.currentData())
        importer, year = self.party.currentData() or None, self.year.value() or None
        source = self.source.text().strip()

        def work() -> TradeImport:
            return read_trade(path, agreement, split, importer, year, source, task.report)

        task = BackgroundTask(self, f"Reading {path.name}…", work, start=False)
        task.finished.connect(self._on_read_finished)
        task.failed.connect(lambda err: self._on_read_failed(path, err))
        task.cancelled.connect(lambda: self._read_ended(False))
        self.reading = task
        self._read_button.setEnabled(False)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        task.start()
        return task

    def _on_read_finished(self, result: TradeImport) -> None:
        self.table = result.table
        self.report.setPlainText("\n".join(result.report(limit=50)))
        self._read_ended(True)

    def _on_read_failed(self, path: Path, err: object) -> None:
        self._read_ended(False)
        if isinstance(err, ReadError):
            title, text = "Cannot read trade data", f"{path.name} was not read."
            ProblemListDialog(title, text, err.problems, self).exec()
        elif not isinstance(err, Cancelled):  # the dialog is the last line: never a traceback
            message = f"{path.name} was not read ({type(err).__name__}: {err}). Nothing was changed."
            QMessageBox.critical(self, "Cannot read trade data", message)

    def _read_ended(self, taken: bool) -> None:
        self.reading = None
        self._read_button.setEnabled(True)
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.read_over.emit(taken)

    def reject(self) -> None:
        """Close without a change; a read under way is cancelled."""
        if self.reading is not None:
            self.reading.cancel()
        super().reject()

    def _on_remove_clicked(self) -> None:
        self.table = None
        self._describe()

    def edited(self) -> Agreement:
        """The agreement with the dialog's trade table and test settings."""
        table = self.table
        if table is not None:
            table = replace(table, illustrative=self.illustrative.isChecked())
        test = CoverageTest(
            Decimal(str(self.lines_share.value())),
            Decimal(str(self.trade_share.value())),
            self.horizon.value(),
        )
        return replace(
            self._document.agreement, trade=table, coverage_test=None if test == CoverageTest() else test
        )

    def accept(self) -> None:
        """Apply the changes as one undo step."""
        commands.apply(self._document, self.edited(), "Edit trade data and coverage test")
        super().accept()


def _percent_box(parent: QWidget, value: Decimal) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0, 100)
    box.setDecimals(1)
    box.setSuffix(" %")
    box.setValue(float(value))
    return box
