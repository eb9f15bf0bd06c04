"""Cells refuse what cannot be true: negative rates, gates on no milestone; categories say what they mean."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from carveplan.model import Gate, Offset, RecordKind
from carveplan.ui.document import PHASES, Document
from carveplan.ui.tables.delegate import CheckedLineEdit, ListCompleter
from carveplan.ui.tables.pane import TablesPane
from carveplan.ui.tables.view import RecordTable
from tests.helpers.tables_sample import tables_sample


@pytest.fixture
def pane(qtbot: QtBot) -> TablesPane:
    widget = TablesPane(Document(tables_sample()))
    qtbot.addWidget(widget)
    return widget


def cell(table: RecordTable, row: int, field: str) -> QModelIndex:
    return table.proxy.index(row, table.model.spec.column_of(field))


@pytest.mark.parametrize(("kind", "field"), [("lines", "base"), ("lines", "target"), ("categories", "final")])
def test_a_negative_value_is_refused(pane: TablesPane, qtbot: QtBot, kind: str, field: str) -> None:
    table = pane.table(kind)
    with qtbot.waitSignal(pane.message) as blocker:
        assert not table.proxy.setData(cell(table, 0, field), "-5")
    assert "0 or more" in blocker.args[0]
    assert pane.document.undo_stack.count() == 0


def test_a_negative_phase_value_is_refused_and_zero_accepted(pane: TablesPane) -> None:
    phases = pane.table(PHASES)
    phases.model.set_line("VNM-T02")
    assert not phases.proxy.setData(cell(phases, 0, "value"), "-1")
    assert phases.proxy.setData(cell(phases, 0, "value"), "0")
    assert pane.document.undo_stack.count() == 1


def test_a_gate_on_no_milestone_is_refused_in_the_cell(pane: TablesPane, qtbot: QtBot) -> None:
    lines = pane.table(RecordKind.LINES)
    with qtbot.waitSignal(pane.message) as blocker:
        assert not lines.proxy.setData(cell(lines, 0, "gates"), "REG-1, CHL")
    assert "no milestone 'CHL'" in blocker.args[0]
    assert "REG-1" in blocker.args[0]  # the message lists what exists
    assert lines.proxy.setData(cell(lines, 0, "gates"), "reg-1+6m".upper())
    assert pane.document.agreement.lines[0].gates == (Gate("REG-1", Offset(6)),)


@pytest.mark.parametrize("header", [False, True])
def test_a_pasted_gate_on_no_milestone_is_refused_as_typing_is(
    pane: TablesPane, qtbot: QtBot, header: bool
) -> None:
    lines = pane.table("lines")
    before = pane.document.agreement
    with qtbot.waitSignal(lines.model.edit_failed) as blocker:
        if header:  # whole rows copied from a spreadsheet are appended
            assert not lines.model.paste("Id\tParty\tGates\nX-1\tVNM\tCHL\n")
        else:  # a cell pasted over the gates cell
            assert not lines.model.paste("CHL", rows=[0], left=lines.model.spec.column_of("gates"))
    assert "no milestone 'CHL'" in blocker.args[0]
    assert pane.document.agreement is before
    assert pane.document.undo_stack.count() == 0
    assert lines.model.paste("REG-1", rows=[0], left=lines.model.spec.column_of("gates"))
    assert pane.document.agreement.lines[0].gates == (Gate("REG-1"),)


def test_gate_editor_offers_the_milestones_and_turns_red_on_an_unknown_one(
    pane: TablesPane, qtbot: QtBot
) -> None:
    lines = pane.table(RecordKind.LINES)
    index = cell(lines, 0, "gates")
    editor = lines.view.itemDelegate().createEditor(lines.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, CheckedLineEdit)
    completer = editor.completer()
    assert isinstance(completer, ListCompleter)
    offered = completer.model().stringList()
    assert offered == [m.id for m in pane.document.agreement.milestones]
    editor.setText("REG-1, CHL")  # typing would open the completer's pop-up
    assert not editor.check()
    assert "no milestone 'CHL'" in editor.toolTip()
    assert completer.splitPath("REG-1, DA") == ["DA"]
    editor.setText("REG-1, DA")
    assert completer.pathFromIndex(completer.model().index(offered.index("DATA-1"))) == "REG-1, DATA-1"
    editor.setText("REG-1, DATA-1")
    assert editor.check()


def test_category_cell_lists_the_agreement_categories_with_their_meaning(pane: TablesPane) -> None:
    lines = pane.table(RecordKind.LINES)
    index = cell(lines, 0, "category")
    delegate = lines.view.itemDelegate()
    combo = delegate.createEditor(lines.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(combo, QComboBox)
    items = [combo.itemText(i) for i in range(combo.count())]
    assert "B5 — Five equal annual cuts" in items
    assert "PR-1 — To 2.5 %" in items
    assert "B15 — 15 equal annual stages" in items  # a common spelling, read the usual way
    delegate.setEditorData(combo, index)
    assert combo.currentText() == "B5 — Five equal annual cuts"
    combo.setCurrentIndex(items.index("PR-1 — To 2.5 %"))
    delegate.setModelData(combo, lines.proxy, index)
    assert pane.document.agreement.lines[0].category == "PR-1"
    combo.setEditText("B7")  # a code not listed yet can be typed
    delegate.setModelData(combo, lines.proxy, index)
    assert pane.document.agreement.lines[0].category == "B7"
    assert pane.document.agreement.lines[0].base == Decimal("5")


@pytest.mark.parametrize(
    ("kind", "field", "bad", "good", "expected"),
    [
        ("exceptions", "notification_days", "3651", "3650", "from 0 to 3,650"),
        ("exceptions", "termination_notice_days", "999999", "0", "from 0 to 3,650"),
        ("exceptions", "max_duration_months", "1201", "1200", "from 0 to 1,200"),
        ("exceptions", "review_interval_months", "5000", "24", "from 0 to 1,200"),
        ("reviews", "interval_months", "1201", "60", "from 0 to 1,200"),
    ],
)
def test_whole_numbers_have_the_file_readers_ranges(
    pane: TablesPane, qtbot: QtBot, kind: str, field: str, bad: str, good: str, expected: str
) -> None:
    # What the table accepts, the file reader accepts again: a saved agreement always reopens.
    table = pane.table(kind)
    with qtbot.waitSignal(pane.message) as blocker:
        assert not table.proxy.setData(cell(table, 0, field), bad)
    assert expected in blocker.args[0]
    assert pane.document.undo_stack.count() == 0
    assert table.proxy.setData(cell(table, 0, field), good)
    assert table.proxy.setData(cell(table, 0, field), "")  # empty: not set


def test_the_scenario_form_offers_the_file_readers_ranges(qtbot: QtBot) -> None:
    from carveplan.model.ranges import MAX_MONTHS
    from carveplan.ui.override_form import OverrideForm

    form = OverrideForm()
    qtbot.addWidget(form)
    assert form.duration.maximum() == MAX_MONTHS
    assert form.delay_months.maximum() == MAX_MONTHS


def test_a_code_typed_on_a_category_cell_replaces_it(pane: TablesPane, qtbot: QtBot) -> None:
    # Typing on a cell opens the drop-down with the current "code — meaning" shown: the keys replace
    # it, as they do in a text cell, instead of being appended to the meaning.
    pane.show()
    lines = pane.table(RecordKind.LINES)
    lines.view.setCurrentIndex(cell(lines, 0, "category"))
    qtbot.keyClick(lines.view, "P")  # the first key opens the editor and goes to it
    combo = next(c for c in pane.findChildren(QComboBox) if c.isVisible())
    assert combo.currentText() == "P"
    qtbot.keyClicks(combo.lineEdit(), "R-1")
    lines.view.commitData(combo)  # what Return or leaving the cell does
    assert pane.document.agreement.lines[0].category == "PR-1"
