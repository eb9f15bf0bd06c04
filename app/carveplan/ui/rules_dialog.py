"""Agreement → Staging Rules: the agreement's rule set, its rounding and stage days, chosen and edited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carveplan.engine import RULE_SETS
from carveplan.engine.rulesets import category_definition
from carveplan.io.errors import ReadError, WriteError
from carveplan.io.native.rules import load_rules, save_rules
from carveplan.model import (
    FirstCut,
    MonthDay,
    RoundingDirection,
    RoundingRule,
    StagingRules,
    for_party,
    rules_of,
    with_rules,
)
from carveplan.ui.commands import apply
from carveplan.ui.document import Document
from carveplan.ui.error_dialog import ProblemListDialog

GENERIC = "(generic spellings)"
_DIRECTIONS = {
    "cut down": RoundingDirection.DOWN,
    "nearest (half up)": RoundingDirection.HALF_UP,
    "up": RoundingDirection.UP,
    "nearest (half even)": RoundingDirection.HALF_EVEN,
    "none": RoundingDirection.NONE,
}
_FIRST_CUTS = {"at entry into force": FirstCut.EIF, "on the first stage day after EIF": FirstCut.STAGE_DAY}


class StagingRulesDialog(QDialog):
    """Shows the agreement's staging rules; choosing a built-in set or a file, or editing the
    rounding and days, becomes one undoable edit when the dialog is accepted."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Staging rules")
        self.resize(860, 600)
        self._document = document
        self.rules = rules_of(document.agreement)
        self.choice = QComboBox(self)
        self.choice.addItems([GENERIC, *RULE_SETS])
        self.choice.setToolTip("The rule set of a real agreement, from its tariff annex")
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(90)
        self.direction = QComboBox(self)
        self.direction.addItems(list(_DIRECTIONS))
        self.step = QLineEdit(self)
        self.step.setToolTip("The step intermediate values are brought to (0.1 percentage point)")
        self.first_cut = QComboBox(self)
        self.first_cut.addItems(list(_FIRST_CUTS))
        self.month, self.day = QSpinBox(self), QSpinBox(self)
        self.month.setRange(1, 12)
        self.day.setRange(1, 31)
        self.categories = QTableWidget(0, 2, self)
        self.categories.setHorizontalHeaderLabels(["Code", "Definition"])
        self.categories.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.categories.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self._build()
        self._show(self.rules)
        self.choice.activated.connect(self._on_choice_activated)

    def _build(self) -> None:
        load, save = QPushButton("Load from File…", self), QPushButton("Save to File…", self)
        load.clicked.connect(self._on_load_clicked)
        save.clicked.connect(self._on_save_clicked)
        top = QHBoxLayout()
        top.addWidget(self.choice, 1)
        top.addWidget(load)
        top.addWidget(save)
        days = QHBoxLayout()
        days.addWidget(QLabel("month", self))
        days.addWidget(self.month)
        days.addWidget(QLabel("day", self))
        days.addWidget(self.day)
        days.addStretch(1)
        form = QFormLayout()
        form.addRow("Rule set", top)
        form.addRow("Source", self.description)
        form.addRow("Rounding", self.direction)
        form.addRow("Step", self.step)
        form.addRow("First cut", self.first_cut)
        form.addRow("Later cuts on", days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Categories (edit single ones in the Categories table)", self))
        layout.addWidget(self.categories, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    # --- showing --------------------------------------------------------------------
    def _show(self, rules: StagingRules) -> None:
        self.rules = rules
        self.choice.setCurrentText(rules.name if rules.name in RULE_SETS else GENERIC)
        if rules.name and rules.name not in RULE_SETS:
            self.choice.setItemText(0, f"{rules.name} (this agreement)")
        self.description.setPlainText(rules.description)
        direction = next(k for k, v in _DIRECTIONS.items() if v is rules.rounding.direction)
        self.direction.setCurrentText(direction)
        self.step.setText(str(rules.rounding.step))
        self.first_cut.setCurrentText(next(k for k, v in _FIRST_CUTS.items() if v is rules.first_cut))
        self.month.setValue(rules.stage_day.month)
        self.day.setValue(rules.stage_day.day)
        self.categories.setRowCount(len(rules.categories))
        for row, category in enumerate(rules.categories):
            self.categories.setItem(row, 0, QTableWidgetItem(category.code))
            self.categories.setItem(row, 1, QTableWidgetItem(category_definition(category)))
        self.categories.resizeColumnToContents(0)
        self.status.setText(f"{len(rules.categories)} categories")

    # --- choosing ---------------------------------------------------------------------
    def _on_choice_activated(self, index: int) -> None:
        name = self.choice.itemText(index)
        if name in RULE_SETS:
            self._show(self._for_own_party(RULE_SETS[name]))
        elif index == 0 and self.rules.name in RULE_SETS:
            self._show(StagingRules("", "", (), RoundingRule(), MonthDay()))

    def _for_own_party(self, rules: StagingRules) -> StagingRules:
        """A set's own day for the one party whose lines the agreement holds (RCEP: Japan, 1 April)."""
        parties = {line.party for line in self._document.agreement.lines}
        return for_party(rules, parties.pop()) if len(parties) == 1 else rules

    def _on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load staging rules", "", "Staging rules (*.json)")
        if not path:
            return
        try:
            self._show(load_rules(path))
        except ReadError as err:
            ProblemListDialog("Cannot load", f"{Path(path).name} was not loaded.", err.problems, self).exec()

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save staging rules", "", "Staging rules (*.json)")
        if not path:
            return
        rules = self.chosen()
        try:
            if rules is not None:
                save_rules(rules, path)
                self.status.setText(f"Saved {Path(path).name}")
        except WriteError as err:
            self.status.setText(str(err))

    def chosen(self) -> StagingRules | None:
        """The rules as shown and edited; ``None`` (and a message) when the step is not a number."""
        try:
            step = Decimal(self.step.text().strip().replace(",", "."))
        except InvalidOperation:
            self.status.setText(f"The step must be a number such as 0.1, not {self.step.text()!r}")
            return None
        day = MonthDay(self.month.value(), self.day.value())
        try:
            date(2001, day.month, day.day)  # 2001 has no 29 February, which a yearly day cannot use
        except ValueError:
            self.status.setText(f"{self.month.value():02d}-{self.day.value():02d} is not a day of every year")
            return None
        rounding = RoundingRule(step, _DIRECTIONS[self.direction.currentText()])
        first = _FIRST_CUTS[self.first_cut.currentText()]
        text = self.description.toPlainText().strip()
        return replace(self.rules, description=text, rounding=rounding, stage_day=day, first_cut=first)

    def accept(self) -> None:
        """Apply the rules as one undoable edit."""
        rules = self.chosen()
        if rules is None:
            return
        after = with_rules(self._document.agreement, rules)
        apply(self._document, after, f"Set staging rules: {rules.name or 'generic spellings'}")
        super().accept()


__all__ = ["StagingRulesDialog"]
