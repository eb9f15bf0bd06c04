"""Agreement → Staging Rules: choosing a rule set is one undoable edit of the agreement."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from carveplan.engine import RULE_SETS
from carveplan.model import Agreement, RoundingDirection, rules_of
from carveplan.ui.document import Document
from carveplan.ui.rules_dialog import StagingRulesDialog


def test_choosing_a_rule_set_is_undoable(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    dialog = StagingRulesDialog(document)
    qtbot.addWidget(dialog)
    index = dialog.choice.findText("US-Bahrain")
    dialog.choice.setCurrentIndex(index)
    dialog.choice.activated.emit(index)
    assert dialog.categories.rowCount() == len(RULE_SETS["US-Bahrain"].categories)
    assert dialog.direction.currentText() == "nearest (half up)"
    dialog.accept()
    assert rules_of(document.agreement) == RULE_SETS["US-Bahrain"]
    assert document.undo_stack.undoText() == "Set staging rules: US-Bahrain"
    document.undo_stack.undo()
    assert document.agreement == small_agreement
    document.undo_stack.redo()
    assert document.agreement.rule_set == "US-Bahrain"


def test_editing_the_rounding_and_a_bad_step(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    dialog = StagingRulesDialog(document)
    qtbot.addWidget(dialog)
    dialog.step.setText("abc")
    dialog.accept()
    assert "must be a number" in dialog.status.text()
    assert document.agreement == small_agreement
    dialog.step.setText("0,01")
    dialog.direction.setCurrentText("up")
    dialog.accept()
    assert document.agreement.rounding.step == Decimal("0.01")
    assert document.agreement.rounding.direction is RoundingDirection.UP


def test_rcep_for_a_japanese_schedule_puts_later_cuts_on_1_april(
    qtbot: QtBot, small_agreement: Agreement
) -> None:
    from dataclasses import replace

    from carveplan.model import MonthDay

    japanese = replace(small_agreement, lines=tuple(replace(x, party="JPN") for x in small_agreement.lines))
    document = Document(japanese)
    dialog = StagingRulesDialog(document)
    qtbot.addWidget(dialog)
    index = dialog.choice.findText("RCEP")
    dialog.choice.setCurrentIndex(index)
    dialog.choice.activated.emit(index)
    assert (dialog.month.value(), dialog.day.value()) == (4, 1)
    dialog.accept()
    assert document.agreement.stage_day == MonthDay(4, 1)
