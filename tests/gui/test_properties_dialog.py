"""File → Agreement Properties and File → New: every field reachable, one undo step, wrong input refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from carveplan.model import Agreement, MonthDay, Party, RoundingDirection, RoundingRule
from carveplan.ui import properties_dialog
from carveplan.ui.main_window import MainWindow
from carveplan.ui.properties_dialog import NewAgreementDialog, PropertiesDialog, parse_parties


@pytest.fixture
def window(qtbot: QtBot, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    # Closing the window after a test must not wait on the unsaved-changes question.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow()
    qtbot.addWidget(win)
    win.document.load(small_agreement, None)
    return win


def test_every_field_is_edited_in_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    before = window.document.agreement
    dialog = PropertiesDialog(window.document, window)
    qtbot.addWidget(dialog)
    fields = dialog.fields
    fields.title.setText("  EU–Viet Nam   Free Trade Agreement ")
    fields.short_name.setText("EVFTA")
    fields.eif.setDate(QDate(2020, 8, 1))
    fields.tentative.setChecked(False)
    fields.stage_month.setCurrentIndex(3)  # April: a fiscal year
    fields.stage_day.setValue(1)
    fields.rounding_step.setText("0,01")
    fields.rounding_direction.setCurrentIndex(1)
    fields.classification.setCurrentText("RESTRICTED")
    fields.notes.setPlainText("Annex 2-A, Section A")
    dialog.accept()
    after = window.document.agreement
    assert (after.title, after.short_name) == ("EU–Viet Nam Free Trade Agreement", "EVFTA")
    assert (after.eif, after.eif_tentative, after.stage_day) == (date(2020, 8, 1), False, MonthDay(4, 1))
    assert after.rounding == RoundingRule(Decimal("0.01"), RoundingDirection.HALF_UP)
    assert (after.classification, after.notes) == ("RESTRICTED", "Annex 2-A, Section A")
    assert after.lines == before.lines
    stack = window.document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Edit agreement properties"
    stack.undo()
    assert window.document.agreement == before


def test_one_change_names_the_step_after_the_field(window: MainWindow, qtbot: QtBot) -> None:
    dialog = PropertiesDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.fields.eif.setDate(QDate(2028, 3, 15))
    dialog.accept()
    assert window.document.undo_stack.undoText() == "Change entry into force"
    assert window.document.schedule().eif == date(2028, 3, 15)


def test_nothing_changed_pushes_no_step(window: MainWindow, qtbot: QtBot) -> None:
    dialog = PropertiesDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.document.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("title", "   ", "title cannot be empty"),
        ("rounding_step", "-0.1", "rounding step"),
        ("rounding_step", "x", "rounding step"),
    ],
)
def test_wrong_input_keeps_the_dialog_open(
    window: MainWindow, qtbot: QtBot, field: str, value: str, says: str
) -> None:
    dialog = PropertiesDialog(window.document, window)
    qtbot.addWidget(dialog)
    getattr(dialog.fields, field).setText(value)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert says in dialog.fields.error.text()
    assert window.document.undo_stack.count() == 0


def test_stage_day_that_not_every_year_has_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    dialog = PropertiesDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.fields.stage_month.setCurrentIndex(1)
    dialog.fields.stage_day.setValue(29)
    dialog.accept()
    assert "29 February" in dialog.fields.error.text()
    assert window.document.agreement.stage_day == MonthDay()


def test_alt_return_opens_the_dialog_from_the_file_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(PropertiesDialog, "exec", lambda self: shown.append(self.fields.title.text()) or 0)
    action = window.bench.actions["properties"]
    assert action.shortcut().toString() == "Alt+Return"
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert shown == ["Test agreement"]


def test_new_asks_for_title_eif_and_parties(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.undo_stack.clear()

    def fill(dialog: NewAgreementDialog) -> int:
        dialog.fields.title.setText("Indo-Pacific Supply Chains Agreement")
        dialog.fields.eif.setDate(QDate(2028, 7, 1))
        dialog.parties.setPlainText("vnm Viet Nam\nAUS — Australia\nEU")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NewAgreementDialog, "exec", fill)
    with qtbot.waitSignal(window.chart.drawn, timeout=5000):
        window.show()
        window.bench.actions["new"].trigger()
    agreement = window.document.agreement
    assert agreement.title == "Indo-Pacific Supply Chains Agreement"
    assert agreement.eif == date(2028, 7, 1)
    assert agreement.parties == (Party("VNM", "Viet Nam"), Party("AUS", "Australia"), Party("EU", "EU"))
    qtbot.waitUntil(lambda: window.chart.artists is not None and not window.chart.artists.rows)
    texts = [label.get_text() for label in window.chart.artists.labels]
    assert any("Agreement Properties (Alt+Return)" in text for text in texts)
    assert not any("No lines match" in text for text in texts)


def test_cancelling_new_keeps_the_document(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    before = window.document.agreement
    monkeypatch.setattr(properties_dialog.NewAgreementDialog, "exec", lambda self: 0)
    window.files.new()
    assert window.document.agreement is before


def test_a_party_line_that_is_not_a_code_is_refused(qtbot: QtBot, small_agreement: Agreement) -> None:
    dialog = NewAgreementDialog(small_agreement)
    qtbot.addWidget(dialog)
    dialog.fields.title.setText("T")
    dialog.parties.setPlainText("VNM Viet Nam\n42 Nowhere")
    dialog.accept()
    assert dialog.result_agreement is None
    assert "'42 Nowhere'" in dialog.fields.error.text()
    assert parse_parties("VNM, AUS;VNM") == ((Party("VNM", "VNM"), Party("AUS", "AUS")), [])


def test_a_rounding_picked_in_the_dialog_is_a_direction_and_exports(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    # The combo box hands back its item data as a plain string: the agreement must get the enum,
    # or the workbook export of a new agreement fails on `.value`.
    dialog = PropertiesDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.fields.rounding_direction.setCurrentIndex(2)
    dialog.accept()
    direction = window.document.agreement.rounding.direction
    assert type(direction) is RoundingDirection
    with qtbot.waitSignal(window.files.exported, timeout=60000):
        assert window.files.export_to(tmp_path / "out.xlsx")
    assert (tmp_path / "out.xlsx").stat().st_size > 0
