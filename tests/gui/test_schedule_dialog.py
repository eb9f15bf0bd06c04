"""Importing a foreign schedule from the app: recognized mapping shown, changeable, one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from carveplan.io.schedule.importer import sniff_schedule
from carveplan.model import Agreement
from carveplan.ui import schedule_dialog
from carveplan.ui.document import Document
from carveplan.ui.files import FileController
from carveplan.ui.schedule_dialog import ScheduleImportDialog


@pytest.fixture
def ustr(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Annex 2-B"
    sheet.append(["Schedule of the United States"])
    sheet.append([])
    sheet.append(["HTS8", "Brief Description", "Base Rate", "Staging Category", "Remarks"])
    sheet.append(["27111100", "Natural gas, liquefied", "5", "B5", ""])
    sheet.append(["85176200", "Routing and switching apparatus", "8", "A", ""])
    sheet.append(["28252000", "Lithium oxide and hydroxide", "3.7", "C", "check"])
    path = tmp_path / "ustr.xlsx"
    book.save(path)
    return path


def test_dialog_shows_the_recognized_columns(qtbot: QtBot, ustr: Path, small_agreement: Agreement) -> None:
    dialog = ScheduleImportDialog(ustr, small_agreement, sniff_schedule(ustr))
    qtbot.addWidget(dialog)
    assert dialog.mapping["code"].currentData() == "A"
    assert dialog.mapping["category"].currentData() == "D"
    assert dialog.preview.rowCount() == 3
    assert "Header row 3" in dialog.status.text()


def test_accepting_adds_the_lines_with_the_users_mapping(
    qtbot: QtBot, ustr: Path, small_agreement: Agreement
) -> None:
    dialog = ScheduleImportDialog(ustr, small_agreement, sniff_schedule(ustr))
    qtbot.addWidget(dialog)
    dialog.party.setCurrentText("usa")
    note = dialog.mapping["note"]
    note.setCurrentIndex(note.findData("E"))
    dialog.accept()
    result = dialog.result_agreement
    assert result is not None
    new = result.lines[len(small_agreement.lines) :]
    assert [line.code for line in new] == ["27111100", "85176200", "28252000"]
    assert {line.party for line in new} == {"USA"}
    assert new[2].notes.endswith("check")


def test_import_from_the_file_menu_is_one_undo_step(
    qtbot: QtBot, ustr: Path, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document(small_agreement)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    files = FileController(parent, document)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ustr), ""))

    def accept(self: ScheduleImportDialog) -> int:
        self.party.setCurrentText("USA")
        self.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(schedule_dialog.ScheduleImportDialog, "exec", accept)
    files.import_schedule()
    assert len(document.agreement.lines) == len(small_agreement.lines) + 3
    assert document.undo_stack.undoText() == "Import 3 lines from ustr.xlsx"
    document.undo_stack.undo()
    assert document.agreement == small_agreement


def test_unreadable_file_leaves_the_document(
    qtbot: QtBot, tmp_path: Path, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    shown: list[str] = []
    monkeypatch.setattr(
        schedule_dialog.ProblemListDialog, "exec", lambda self: shown.append(self.windowTitle())
    )
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    assert schedule_dialog.run_schedule_import(parent, bad, small_agreement) is None
    assert shown == ["Cannot import"]


@pytest.fixture
def korus_tool(tmp_path: Path) -> Path:
    """A ministry tool export with both a basket id and the text category, and published years."""
    path = tmp_path / "korus.csv"
    path.write_text(
        "HSK,TL_Desc,Base Rate,Staging_Basket,StagingBasket,Y2027,Y2028,Y2029\n"
        "2711121000,Propane,8,6,5 Years,6.4,4.8,3.3\n"
        "0101211000,Horses,3,1,Immediate,0,0,0\n",
        encoding="utf-8",
    )
    return path


def test_the_check_shows_each_rows_sector_and_the_scrub(
    qtbot: QtBot, korus_tool: Path, small_agreement: Agreement
) -> None:
    dialog = ScheduleImportDialog(korus_tool, small_agreement, sniff_schedule(korus_tool))
    qtbot.addWidget(dialog)
    dialog.party.setCurrentText("KOR")
    dialog.rules.setCurrentText("KORUS")  # choosing the rules checks the import
    assert dialog.check.rowCount() == 2
    first = [dialog.check.item(0, c).text() for c in range(dialog.check.columnCount())]
    assert first[:4] == ["2711121000", "Propane", "energy", "5 Years"]
    assert "published 3.3, category 5 Years computes 3.2" in first[4]
    assert dialog.check.item(1, 2).text() == "other"
    assert "1 in the focus sectors, 1 other" in dialog.status.text()
    assert "1 scrub warning; rules: KORUS" in dialog.status.text()
    dialog.accept()
    assert dialog.result_agreement is not None
    assert dialog.result_agreement.rule_set == "KORUS"


def test_rules_can_come_from_a_file(
    qtbot: QtBot, korus_tool: Path, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carveplan.engine import RULE_SETS
    from carveplan.io.native.rules import save_rules

    path = korus_tool.with_name("korus-rules.json")
    save_rules(RULE_SETS["KORUS"], path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = ScheduleImportDialog(korus_tool, small_agreement, sniff_schedule(korus_tool))
    qtbot.addWidget(dialog)
    dialog.party.setCurrentText("KOR")
    dialog.rules.setCurrentIndex(dialog.rules.findData(schedule_dialog.FROM_FILE))
    assert dialog.rules.currentText() == "KORUS (korus-rules.json)"
    assert dialog.chosen_rules() == RULE_SETS["KORUS"]
    assert "rules: KORUS" in dialog.status.text()


def test_lines_the_agreement_has_are_shown_before_importing_and_left_out(
    qtbot: QtBot, ustr: Path, small_agreement: Agreement
) -> None:
    # The agreement writes the LNG line dotted; the schedule prints 27111100: the same line.
    from dataclasses import replace

    from carveplan.model import Line

    agreement = replace(
        small_agreement, lines=(*small_agreement.lines, Line("V-9", "VNM", "energy", "2711.11.00", "LNG"))
    )
    dialog = ScheduleImportDialog(ustr, agreement, sniff_schedule(ustr))
    qtbot.addWidget(dialog)
    dialog.party.setCurrentText("VNM")
    dialog.show()
    qtbot.waitUntil(lambda: dialog.check.rowCount() == 3)  # checked on opening, before any click
    first = [dialog.check.item(0, c).text() for c in range(dialog.check.columnCount())]
    assert first[0] == "27111100"
    assert first[2] == "energy"
    assert "already in the agreement as V-9: left out" in first[4]
    assert dialog.status.text().endswith("; 1 already in the agreement, left out")
    dialog.accept()
    assert dialog.result_agreement is not None
    added = dialog.result_agreement.lines[len(agreement.lines) :]
    assert [line.code for line in added] == ["85176200", "28252000"]


def test_lines_the_agreement_has_can_be_imported_again(
    qtbot: QtBot, ustr: Path, small_agreement: Agreement
) -> None:
    from dataclasses import replace

    from carveplan.model import Line

    agreement = replace(
        small_agreement, lines=(*small_agreement.lines, Line("V-9", "VNM", "energy", "27111100"))
    )
    dialog = ScheduleImportDialog(ustr, agreement, sniff_schedule(ustr))
    qtbot.addWidget(dialog)
    dialog.party.setCurrentText("VNM")
    dialog.skip_present.setChecked(False)
    dialog.accept()
    assert dialog.result_agreement is not None
    assert len(dialog.result_agreement.lines) == len(agreement.lines) + 3


def test_a_large_schedule_is_read_in_the_background(
    qtbot: QtBot, ustr: Path, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carveplan.ui import schedule_dialog

    monkeypatch.setattr(schedule_dialog, "BACKGROUND_BYTES", 0)
    dialog = ScheduleImportDialog(ustr, small_agreement, sniff_schedule(ustr))
    qtbot.addWidget(dialog)
    dialog.party.setCurrentText("usa")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.accept()
        assert dialog.result_agreement is None  # still reading
    assert dialog.importing is not None
    assert dialog.result_agreement is not None
    assert len(dialog.result_agreement.lines) == len(small_agreement.lines) + 3


@pytest.fixture
def unbased_tool(tmp_path: Path) -> Path:
    """A tool export whose first row prints a category but no base in either base column."""
    path = tmp_path / "tool.csv"
    path.write_text(
        "TL,TL_Desc,Base_Rate,Base_Rate_Alt,StagingBasket,Y2005,Alt_2005\n"
        "1029040,Bovine,,,4 Years,,\n"
        "27111100,Natural gas,5,,Immediate,0,\n",
        encoding="utf-8",
    )
    return path


def test_warnings_located_in_the_file_are_listed_below_the_check(
    qtbot: QtBot, unbased_tool: Path, small_agreement: Agreement, qtmodeltester: Any
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    dialog = ScheduleImportDialog(unbased_tool, small_agreement, sniff_schedule(unbased_tool))
    qtbot.addWidget(dialog)
    dialog.party.setCurrentText("USA")
    dialog.show()
    qtbot.waitUntil(lambda: dialog.check.rowCount() == 2)  # checked on opening, before Import
    panel = dialog.loose
    assert panel.isVisible()
    qtmodeltester.check(panel.model)
    rows = [[panel.model.index(r, c).data() for c in range(3)] for r in range(panel.model.rowCount())]
    empty = "no base rate in C (Base_Rate) and D (Base_Rate_Alt): the line starts from 0"
    assert ["warning", "tool.csv sheet 'tool' row 2 column C (Base_Rate)", empty] in rows
    assert any("'1029040' looks short (7 digits): a leading zero lost?" in r[2] for r in rows)
    assert "2 warnings (2 below the table)" in dialog.status.text()
    assert panel.title.text().startswith("&Warnings in the file, not on a listed line: 2 warnings")
    # Alt+W reaches the list from the keyboard; Ctrl+C copies it, where and what.
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.table.hasFocus)
    panel.table.selectAll()
    qtbot.keyClick(panel.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert f"row 2 column C (Base_Rate)\t{empty}" in copied
    assert "looks short" in copied
    # Tab goes on from the listed lines to the file's warnings.
    dialog.check.setFocus()
    qtbot.waitUntil(dialog.check.hasFocus)
    qtbot.keyClick(dialog.check, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.table.hasFocus)
    # The listed lines copy the same way.
    dialog.check.setFocus()
    qtbot.waitUntil(dialog.check.hasFocus)
    dialog.check.selectRow(1)
    qtbot.keyClick(dialog.check, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "27111100\tNatural gas\tenergy\tImmediate\t"
