"""The declared actions and docks: each reachable from a menu, each key bound once, all listed in Help."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from carveplan.model import RecordKind
from carveplan.ui.actions import MENUS, action_specs
from carveplan.ui.actions.spec import ActionSpec, key_sequences
from carveplan.ui.docks import DOCKS
from carveplan.ui.document import Document
from carveplan.ui.help import GuideDialog, shortcut_rows, shortcuts_dialog
from carveplan.ui.main_window import MainWindow
from tests.helpers.pictures import saved_picture
from tests.helpers.tables_sample import tables_sample

# The offscreen platform cannot pass on size hints or raise windows, and says so.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")

# Keys declared as text that are also a Qt standard key, and why that is no clash: nothing in the window
# refreshes a view on F5 or sets text in italics on Ctrl+I.
STANDARD_KEYS_TAKEN = {"F5": "Refresh", "Ctrl+I": "Italic"}


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow(Document(tables_sample()))
    monkeypatch.setattr(win.files, "maybe_save", lambda: True)  # closing after edits asks nothing
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action reachable in ``menu`` and its submenus, as a person opening them would find them."""
    menu.aboutToShow.emit()
    found = []
    for action in menu.actions():
        sub = action.menu()
        found.extend(menu_actions(sub) if isinstance(sub, QMenu) else [action])
    return found


def reachable(window: MainWindow) -> list[QAction]:
    menus = [a.menu() for a in window.menuBar().actions()]
    return [action for menu in menus if isinstance(menu, QMenu) for action in menu_actions(menu)]


def test_every_declared_action_is_in_a_menu(window: MainWindow) -> None:
    assert [a.text() for a in window.menuBar().actions()] == [text for text, _ in MENUS.values()]
    found = reachable(window)
    missing = [spec.id for spec in action_specs() if window.bench.actions[spec.id] not in found]
    assert missing == []
    assert len(window.bench.actions) == len(action_specs())


def test_every_dock_has_its_toggle_in_the_view_menu(window: MainWindow) -> None:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view, QMenu)
    toggles = [window.bench.docks[spec.id].toggleViewAction() for spec in DOCKS]
    shown = menu_actions(view)
    assert all(toggle in shown for toggle in toggles)
    assert [t.text() for t in toggles] == [spec.title for spec in DOCKS]


def test_no_key_is_bound_twice(window: MainWindow) -> None:
    keys = Counter(
        key.toString()
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
        if action.isVisible()
    )
    assert [key for key, uses in keys.items() if uses > 1] == []
    assert "Ctrl+C" in keys  # standard keys are counted with every binding of the platform
    assert "Ctrl+Ins" in keys


def test_keys_written_out_are_no_qt_standard_key(window: MainWindow) -> None:
    standard = {
        binding.toString(): member.name
        for member in QKeySequence.StandardKey
        for binding in QKeySequence.keyBindings(member)
    }
    written = [
        QKeySequence(key).toString() for spec in action_specs() for key in spec.keys if isinstance(key, str)
    ]
    clashes = {key: standard[key] for key in written if key in standard}
    assert clashes == STANDARD_KEYS_TAKEN


def test_the_shortcuts_dialog_lists_every_shortcut(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shortcuts_dialog(window.bench.actions.values(), window)
    qtbot.addWidget(dialog)
    listed = dialog.listed()
    with_keys = [s for s in action_specs() if window.bench.actions[s.id].shortcuts()]
    assert len(listed) == len(with_keys) == len([s for s in action_specs() if key_sequences(s.keys)])
    assert ("File", "Agreement Properties", "Alt+Return") in listed
    assert ("Edit", "Insert Row", "Ins, Ctrl+Shift+N") in listed
    assert ("Scenario", "Compare with Baseline", "Ctrl+Shift+B") in listed
    typed = {
        k.toString()
        for a in window.bench.actions.values()
        for k in a.shortcuts()
        if k[0].key() < Qt.Key.Key_Back
    }
    assert typed == {key for row in listed for key in row[2].split(", ")}
    assert ("Edit", "Copy Rows", "Ctrl+C, Ctrl+Ins") in listed  # not the Copy key of multimedia keyboards
    dialog.show()
    qtbot.waitExposed(dialog)
    saved_picture(dialog.grab(), tmp_path / "shortcuts.png")


def test_help_opens_the_shortcuts_and_the_guide(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(GuideDialog, "exec", lambda self: opened.append(self.browser.toPlainText()) or 0)
    window.bench.actions["guide"].trigger()
    assert window.bench.actions["guide"].shortcut().toString() == "F1"
    guide = opened[0]
    assert guide.startswith("Getting started with CarvePlan")
    for step in ("A new agreement", "properties", "Lines", "Phases", "Import", "F5", "Export"):
        assert step in guide
    dialog = GuideDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    saved_picture(dialog.grab(), tmp_path / "guide.png")


def test_edit_menu_acts_on_the_table_with_the_focus(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    actions, document = window.bench.actions, window.document
    assert not actions["copy_rows"].isEnabled()  # nothing to act on until a table has the focus
    window.tables.show_record(RecordKind.PARTIES, "CAN")
    parties = window.tables.table(RecordKind.PARTIES)
    parties.view.setFocus()
    qtbot.waitUntil(lambda: actions["copy_rows"].isEnabled())
    qtbot.keyClick(parties.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Code\tName\tStatus\nCAN\tCanada\tdeveloped\n"
    parties.view.clearSelection()
    parties.view.setCurrentIndex(parties.proxy.index(-1, -1))
    qtbot.keyClick(parties.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [p.code for p in document.agreement.parties][-1] == "CAN-2"
    qtbot.keyClick(parties.view, Qt.Key.Key_Insert)
    assert document.agreement.parties[-1].code.startswith("NEW")
    parties.select_row(parties.model.row_of("CAN-2"))
    qtbot.keyClick(parties.view, Qt.Key.Key_Delete)
    assert "CAN-2" not in [p.code for p in document.agreement.parties]
    assert document.undo_stack.count() == 3  # paste, insert, delete: one step each
    document.undo_stack.undo()
    assert "CAN-2" in [p.code for p in document.agreement.parties]


def test_edit_menu_waits_for_a_table(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.outline.filter.setFocus()
    qtbot.waitUntil(lambda: window.outline.filter.hasFocus())
    for name in ("insert_rows", "delete_rows", "copy_rows", "paste_rows"):
        assert not window.bench.actions[name].isEnabled()
    before = window.document.agreement
    window.bench.actions["delete_rows"].trigger()
    assert window.document.agreement is before


def test_shortcut_rows_name_the_menu_an_action_is_in(window: MainWindow) -> None:
    rows = shortcut_rows([window.bench.actions["fit"], window.bench.actions["present"]])
    assert rows == [("View", "Fit All", "Ctrl+0"), ("View", "Presentation Mode", "F5")]


def test_declarations_are_unique() -> None:
    ids = [spec.id for spec in action_specs()]
    assert len(ids) == len(set(ids))
    assert len({spec.id for spec in DOCKS}) == len(DOCKS)
    assert all(isinstance(spec, ActionSpec) and spec.text for spec in action_specs())


def test_a_table_offers_its_row_commands_on_right_click_without_keys_of_its_own(window: MainWindow) -> None:
    table = window.tables.table(RecordKind.LINES)
    assert table.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in table.view.actions()] == ["Add row", "Delete", "Copy", "Paste"]
    assert all(not a.shortcuts() for a in table.view.actions())  # the Edit menu's keys act on it
