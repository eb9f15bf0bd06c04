"""The dialog that freezes the agreement (or one party's schedule) as a new negotiating round."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from carveplan.engine.rounds import take_round
from carveplan.model import Agreement, Round, Stance

ALL_PARTIES = "All parties"


class RoundDialog(QDialog):
    """Name, party, stance, date and note of a round; OK stays disabled until the name is new."""

    def __init__(self, agreement: Agreement, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add Round")
        self._agreement = agreement
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("Round 3 — VNM offer")
        self.party = QComboBox(self)
        self.party.addItems(
            [ALL_PARTIES, *sorted({p.code for p in agreement.parties} | _line_parties(agreement))]
        )
        self.stance = QComboBox(self)
        self.stance.addItems([s.value for s in Stance])
        self.taken = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.taken.setCalendarPopup(True)
        self.taken.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit(self)
        self.message = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Party:", self.party)
        form.addRow("&Stance:", self.stance)
        form.addRow("&Tabled on:", self.taken)
        form.addRow("N&ote:", self.note)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._on_name_text_changed)
        self._on_name_text_changed("")

    def round(self) -> Round:
        """The round as the dialog describes it, frozen from the agreement as it stands now."""
        party = "" if self.party.currentText() == ALL_PARTIES else self.party.currentText()
        day = self.taken.date()
        taken = date(day.year(), day.month(), day.day())
        stance = Stance(self.stance.currentText())
        return take_round(self._agreement, self.name.text().strip(), taken, party, stance, self.note.text())

    def _on_name_text_changed(self, text: str) -> None:
        name = text.strip()
        taken = {r.name for r in self._agreement.rounds}
        ok = bool(name) and name not in taken
        self.message.setText("A round of that name is already kept." if name in taken else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


def _line_parties(agreement: Agreement) -> set[str]:
    return {line.party for line in agreement.lines}
