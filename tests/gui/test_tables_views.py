"""Record tables: selection follows the document both ways, editors check as you type, rows copy and paste."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDateEdit, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from carveplan.model import RecordKind
from carveplan.ui.document import PHASES, Document
from carveplan.ui.tables.delegate import CheckedLineEdit
from carveplan.ui.tables.pane import TablesPane
from carveplan.ui.tables.view import RecordTable
from tests.helpers.pictures import saved_picture
from tests.helpers.tables_sample import tables_sample


@pytest.fixture
def pane(qtbot: QtBot) -> TablesPane:
    widget = TablesPane(Document(tables_sample()))
    qtbot.addWidget(widget)
    widget.resize(1200, 420)
    return widget


def table_index(table: RecordTable, row: int, field: str):
    return table.proxy.index(row, table.model.spec.column_of(field))


def test_selecting_a_row_announces_it(pane: TablesPane, qtbot: QtBot) -> None:
    lines = pane.table(RecordKind.LINES)
    with qtbot.waitSignal(pane.document.selection_changed) as blocker:
        lines.view.setCurrentIndex(table_index(lines, 6, "code"))
    assert blocker.args == ["lines", "AUS-E01"]
    assert pane.table(PHASES).model.line_id == "AUS-E01"


def test_an_added_line_is_announced_and_its_phases_shown(pane: TablesPane, qtbot: QtBot) -> None:
    # After Insert on the lines table, the Phases tab showed nothing: the new line was selected in
    # the table but never announced.
    lines = pane.table(RecordKind.LINES)
    with qtbot.waitSignal(pane.document.selection_changed) as blocker:
        lines.add_row()
    added = pane.document.agreement.lines[-1].id
    assert blocker.args == ["lines", added]
    assert pane.table(PHASES).model.line_id == added
    assert lines.model.key(lines.selected_rows()[0]) == added


def test_document_selection_selects_without_echo(pane: TablesPane, qtbot: QtBot) -> None:
    milestones = pane.table(RecordKind.MILESTONES)
    seen: list[tuple[str, str]] = []
    pane.document.selection_changed.connect(lambda kind, key: seen.append((kind, key)))
    pane.document.select(RecordKind.MILESTONES, "LIC-1")
    assert milestones.selected_rows() == [2]
    assert seen == [("milestones", "LIC-1")]  # the table did not announce it again


def test_phase_selected_elsewhere_shows_its_line(pane: TablesPane) -> None:
    pane.document.select(PHASES, "VNM-T02#1")
    assert pane.table(PHASES).model.line_id == "VNM-T02"
    assert pane.table(PHASES).selected_rows() == [1]
    assert (
        pane.table(RecordKind.LINES).model.key(pane.table(RecordKind.LINES).selected_rows()[0]) == "VNM-T02"
    )


def test_show_record_switches_tab(pane: TablesPane) -> None:
    assert pane.show_record(RecordKind.EXCEPTIONS, "EXC-2")
    assert pane.currentWidget() is pane.table(RecordKind.EXCEPTIONS)
    assert pane.table(RecordKind.EXCEPTIONS).selected_rows() == [1]
    assert not pane.show_record(RecordKind.EXCEPTIONS, "nope")


def test_filter_and_sort(pane: TablesPane) -> None:
    lines = pane.table(RecordKind.LINES)
    lines.set_filter("lithium")
    assert lines.proxy.rowCount() == 2
    lines.set_filter("")
    lines.view.sortByColumn(lines.model.spec.column_of("base"), Qt.SortOrder.DescendingOrder)
    bases = [
        lines.model.records()[lines.proxy.mapToSource(lines.proxy.index(r, 0)).row()].base for r in range(3)
    ]
    assert bases == [Decimal(15), Decimal("12.5"), Decimal(10)]


def test_selection_survives_an_edit(pane: TablesPane) -> None:
    lines = pane.table(RecordKind.LINES)
    lines.view.sortByColumn(lines.model.spec.column_of("base"), Qt.SortOrder.AscendingOrder)
    pane.document.select(RecordKind.LINES, "VNM-E02")
    assert lines.proxy.setData(
        lines.view.currentIndex().siblingAtColumn(lines.model.spec.column_of("base")), "1"
    )
    assert lines.model.key(lines.selected_rows()[0]) == "VNM-E02"


def test_timing_editor_turns_red_as_you_type(pane: TablesPane, qtbot: QtBot) -> None:
    milestones = pane.table(RecordKind.MILESTONES)
    index = table_index(milestones, 0, "due")
    editor = milestones.view.itemDelegate().createEditor(
        milestones.view.viewport(), QStyleOptionViewItem(), index
    )
    assert isinstance(editor, CheckedLineEdit)
    qtbot.keyClicks(editor, "EIF+6q")
    assert "expected a unit" in editor.toolTip()
    assert "c62828" in editor.styleSheet()
    editor.clear()
    qtbot.keyClicks(editor, "EIF+6m")
    assert editor.toolTip() == ""
    assert editor.styleSheet() == ""


def test_choice_and_date_editors(pane: TablesPane) -> None:
    milestones = pane.table(RecordKind.MILESTONES)
    delegate = milestones.view.itemDelegate()
    party = table_index(milestones, 0, "party")
    combo = delegate.createEditor(milestones.view.viewport(), QStyleOptionViewItem(), party)
    assert isinstance(combo, QComboBox)
    delegate.setEditorData(combo, party)
    assert [combo.itemText(i) for i in range(combo.count())] == ["AUS", "CAN", "JPN", "VNM"]
    assert combo.currentText() == "VNM"
    combo.setCurrentText("JPN")
    delegate.setModelData(combo, milestones.proxy, party)
    assert pane.document.agreement.milestones[0].party == "JPN"
    actual = table_index(milestones, 2, "actual")
    dates = delegate.createEditor(milestones.view.viewport(), QStyleOptionViewItem(), actual)
    assert isinstance(dates, QDateEdit)
    delegate.setEditorData(dates, actual)
    assert dates.text() == "none"
    dates.setDate(dates.date().fromString("2031-04-30", "yyyy-MM-dd"))
    delegate.setModelData(dates, milestones.proxy, actual)
    assert str(pane.document.agreement.milestones[2].actual) == "2031-04-30"


def test_refused_edit_shows_the_reason(pane: TablesPane, qtbot: QtBot) -> None:
    lines = pane.table(RecordKind.LINES)
    with qtbot.waitSignal(pane.message) as blocker:
        assert not lines.proxy.setData(table_index(lines, 0, "base"), "five")
    assert blocker.args[0].startswith("Base: found 'five', expected a rate such as Free, 5, 5%, 4.4¢/kg")
    assert lines.error_label.isVisibleTo(lines)
    assert pane.document.undo_stack.count() == 0


def test_actions_copy_paste_delete_add(pane: TablesPane) -> None:
    parties = pane.table(RecordKind.PARTIES)
    parties.view.selectRow(1)
    parties.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "Code\tName\tStatus\nCAN\tCanada\tdeveloped\n"
    parties.view.clearSelection()
    parties.paste_action.trigger()
    assert [p.code for p in pane.document.agreement.parties] == ["AUS", "CAN", "JPN", "VNM", "CAN-2"]
    parties.view.selectRow(0)
    parties.view.selectionModel().select(
        parties.proxy.index(4, 0), parties.view.selectionModel().SelectionFlag.Select
    )
    parties.delete_action.trigger()
    assert [p.code for p in pane.document.agreement.parties] == ["CAN", "JPN", "VNM"]
    parties.add_action.trigger()
    assert pane.document.agreement.parties[-1].code == "NEW-4"
    assert parties.model.key(parties.selected_rows()[0]) == "NEW-4"
    assert pane.document.undo_stack.count() == 3


def test_paste_over_cells_in_shown_order(pane: TablesPane) -> None:
    lines = pane.table(RecordKind.LINES)
    lines.set_filter("VNM-C")
    lines.view.setCurrentIndex(table_index(lines, 0, "base"))
    assert lines.paste_text("3\n4\n")
    by_id = {line.id: line.base for line in pane.document.agreement.lines}
    assert (by_id["VNM-C01"], by_id["VNM-C02"]) == (3, 4)
    assert pane.document.undo_stack.count() == 1


def test_render_pane(pane: TablesPane, qtbot: QtBot, tmp_path: Path) -> None:
    pane.resize(1500, 460)
    pane.show()
    qtbot.waitExposed(pane)
    pane.document.select(RecordKind.LINES, "VNM-E03")
    saved_picture(pane.grab(), tmp_path / "tables.png")
    pane.setCurrentWidget(pane.table(RecordKind.MILESTONES))
    saved_picture(pane.grab(), tmp_path / "tables-milestones.png")
    pane.document.select(RecordKind.LINES, "VNM-T02")
    pane.setCurrentWidget(pane.table(PHASES))
    saved_picture(pane.grab(), tmp_path / "tables-phases.png")
