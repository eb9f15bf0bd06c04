"""File → Agreement Properties and File → New: the agreement's title, dates, rounding and label."""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carveplan.model import Agreement, MonthDay, Party, RoundingDirection, RoundingRule
from carveplan.ui import commands
from carveplan.ui.document import Document

DIRECTIONS = {
    RoundingDirection.DOWN: "cut down to the step (KORUS, EU–Viet Nam)",
    RoundingDirection.HALF_UP: "to the nearest step, halves up (US–Bahrain)",
    RoundingDirection.HALF_EVEN: "to the nearest step, halves to even",
    RoundingDirection.UP: "up to the step",
    RoundingDirection.NONE: "not rounded",
}
LABELS = ("", "DRAFT – for negotiation", "RESTRICTED", "CONFIDENTIAL", "LIMITED DISTRIBUTION", "PUBLIC")
# What each field is called in an undo step's name when it is the only change.
FIELD_NAMES = {
    "title": "title",
    "short_name": "short name",
    "eif": "entry into force",
    "eif_tentative": "entry into force",
    "stage_day": "stage day",
    "rounding": "rounding",
    "classification": "classification label",
    "notes": "notes",
}
_PARTY = re.compile(r"([A-Za-z][A-Za-z0-9]{1,7})\b[\s:—–-]*(.*)")


def parse_parties(text: str) -> tuple[tuple[Party, ...], list[str]]:
    """Parties typed one a line (``VNM Viet Nam``, or ``VNM``); returns them and what was refused."""
    parties: list[Party] = []
    refused: list[str] = []
    for raw in text.replace(";", "\n").replace(",", "\n").splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _PARTY.fullmatch(line)
        if match is None:
            refused.append(line)
            continue
        code = match.group(1).upper()
        if code not in {p.code for p in parties}:
            parties.append(Party(code, match.group(2).strip() or code))
    return tuple(parties), refused


def properties_step_name(before: Agreement, after: Agreement) -> str:
    """The undo step's name: the one field changed, or "agreement properties"."""
    changed = {FIELD_NAMES[name] for name in FIELD_NAMES if getattr(before, name) != getattr(after, name)}
    if len(changed) == 1:
        return f"Change {changed.pop()}"
    return "Edit agreement properties"


class _Form(QWidget):
    """The fields shared by both dialogs; :meth:`values` reads them back, ``None`` while one is wrong."""

    def __init__(self, agreement: Agreement, full: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.title = QLineEdit(agreement.title, self)
        self.title.setPlaceholderText("e.g. Indo-Pacific Critical Supply Chains Agreement")
        self.form.addRow("&Title:", self.title)
        self.short_name = QLineEdit(agreement.short_name, self)
        self.short_name.setPlaceholderText("e.g. IPCSCA (used where space is short)")
        self.eif = QDateEdit(QDate(agreement.eif.year, agreement.eif.month, agreement.eif.day), self)
        self.eif.setCalendarPopup(True)
        self.eif.setDisplayFormat("d MMM yyyy")
        self.eif.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        self.tentative = QCheckBox("&tentative (an assumption until ratification)", self)
        self.tentative.setChecked(agreement.eif_tentative)
        self._row("&Entry into force:", self.eif, self.tentative)
        self.stage_month = QComboBox(self)
        self.stage_month.addItems(list(calendar.month_name)[1:])
        self.stage_month.setCurrentIndex(agreement.stage_day.month - 1)
        self.stage_day = QSpinBox(self)
        self.stage_day.setRange(1, 31)
        self.stage_day.setValue(agreement.stage_day.day)
        self.rounding_step = QLineEdit(format(agreement.rounding.step, "f"), self)
        self.rounding_direction = QComboBox(self)
        for direction, text in DIRECTIONS.items():
            self.rounding_direction.addItem(text, direction)
        self.rounding_direction.setCurrentIndex(list(DIRECTIONS).index(agreement.rounding.direction))
        self.classification = QComboBox(self)
        self.classification.setEditable(True)
        self.classification.addItems(list(LABELS))
        self.classification.setCurrentText(agreement.classification)
        self.notes = QPlainTextEdit(agreement.notes, self)
        if full:
            self._add_full_rows(agreement)
        else:
            for unused in (self.short_name, self.stage_month, self.stage_day, self.rounding_step):
                unused.hide()
            for other in (self.rounding_direction, self.classification, self.notes):
                other.hide()
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #B00020")
        self.error.setWordWrap(True)
        self.form.addRow(self.error)

    def _add_full_rows(self, agreement: Agreement) -> None:
        self.form.insertRow(1, "S&hort name:", self.short_name)
        self._row("&Stage day (years 2 on):", self.stage_day, self.stage_month)
        self._row("&Rounding of interim values:", self.rounding_step, self.rounding_direction)
        count = len(agreement.categories)
        rules = QLabel(
            f"{count} categories of this agreement (Tables → Staging); other codes are read as the "
            "common spellings (A, B5, 5 Years, E, B+, U …)",
            self,
        )
        rules.setWordWrap(True)
        self.form.addRow("Staging rules:", rules)
        self.form.addRow("&Classification label:", self.classification)
        self.notes.setPlaceholderText("Negotiating mandate, sources, open questions …")
        self.notes.setFixedHeight(90)
        self.form.addRow("&Notes:", self.notes)

    def _row(self, text: str, first: QWidget, second: QWidget) -> None:
        # A label with a buddy, so its Alt+letter reaches the first field of a two-field row.
        label = QLabel(text, self)
        label.setBuddy(first)
        row = QHBoxLayout()
        row.addWidget(first)
        row.addWidget(second, 1)
        self.form.addRow(label, row)

    def values(self, agreement: Agreement) -> Agreement | None:
        """``agreement`` with the fields as typed, or ``None`` (and a message shown) when one is wrong."""
        title = " ".join(self.title.text().split())
        if not title:
            return self._refuse("The title cannot be empty.")
        month, day = self.stage_month.currentIndex() + 1, self.stage_day.value()
        if day > (28 if month == 2 else calendar.monthrange(2001, month)[1]):
            return self._refuse(
                f"The stage day {day} {calendar.month_name[month]} does not exist every year."
            )
        try:
            step = Decimal(self.rounding_step.text().strip().replace(",", "."))
        except InvalidOperation:
            step = Decimal(-1)
        if not step.is_finite() or not Decimal("0") < step <= Decimal("100"):
            return self._refuse("The rounding step is a number above 0, such as 0.1 or 0.01.")
        picked = self.eif.date()
        self.error.setText("")
        return dataclasses.replace(
            agreement,
            title=title,
            short_name=self.short_name.text().strip(),
            eif=date(picked.year(), picked.month(), picked.day()),
            eif_tentative=self.tentative.isChecked(),
            stage_day=MonthDay(month, day),
            rounding=RoundingRule(step, RoundingDirection(self.rounding_direction.currentData())),
            classification=self.classification.currentText().strip(),
            notes=self.notes.toPlainText().rstrip(),
        )

    def _refuse(self, message: str) -> Agreement | None:
        self.error.setText(message)
        return None  # so a caller can ``return self._refuse(...)``


class PropertiesDialog(QDialog):
    """File → Agreement Properties: OK applies every change as one undo step."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement Properties")
        self.document = document
        self.fields = _Form(document.agreement, full=True, parent=self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def accept(self) -> None:
        before = self.document.agreement
        after = self.fields.values(before)
        if after is None:
            return  # the form says what is wrong; the dialog stays open
        commands.apply(self.document, after, properties_step_name(before, after))
        super().accept()


class NewAgreementDialog(QDialog):
    """File → New: the title, entry into force and the first parties of a new agreement."""

    def __init__(self, template: Agreement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New agreement")
        self.template = template
        self.result_agreement: Agreement | None = None
        self.fields = _Form(template, full=False, parent=self)
        self.fields.title.setText("")
        self.parties = QPlainTextEdit(self)
        self.parties.setPlaceholderText("One a line, code then name:\nVNM Viet Nam\nAUS Australia")
        self.parties.setFixedHeight(100)
        self.fields.form.insertRow(2, "&Parties:", self.parties)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        agreement = self.fields.values(self.template)
        if agreement is None:
            return
        parties, refused = parse_parties(self.parties.toPlainText())
        if refused:
            self.fields.error.setText(
                f"Not a party: {refused[0]!r}. Write a code of 2 to 8 letters or digits, then the name."
            )
            return
        self.result_agreement = dataclasses.replace(agreement, parties=parties)
        super().accept()


def ask_new_agreement(template: Agreement, parent: QWidget | None) -> Agreement | None:
    """Ask for a new agreement's title, EIF and parties; ``None`` when the user cancels."""
    dialog = NewAgreementDialog(template, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_agreement
