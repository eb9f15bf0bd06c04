"""The menu bar and toolbar, built from the declared actions (``ui/actions/``) and docks (``ui/docks.py``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QWidget

from carveplan.ui.actions import MENUS, action_specs, entries
from carveplan.ui.actions.spec import ActionSpec, Entry, MenuList, ToolWidget, key_sequences
from carveplan.ui.workbench import Workbench


def install_actions(bench: Workbench) -> None:
    """Give the bench's window every declared action, its menu bar and toolbar, and keep the actions enabled
    as their conditions say."""
    # Made first, so that tearing the window down removes it before the actions it enables.
    states = ActionStates(bench)
    build_actions(bench)
    build_menu_bar(bench)
    build_toolbar(bench)
    states.refresh()


def build_actions(bench: Workbench) -> None:
    """Create every declared action into ``bench.actions``; each answers its keys anywhere in the window."""
    for spec in action_specs():
        action = _make(bench, spec)
        bench.window.addAction(action)  # shortcuts work while the menu is closed, whatever has the focus
        bench.actions[spec.id] = action


def build_menu_bar(bench: Workbench) -> dict[str, QMenu]:
    """Fill the window's menu bar from the declarations; returns the menus by id."""
    menus = {}
    for name, (text, declared) in MENUS.items():
        menu = bench.window.menuBar().addMenu(text)
        menu.setObjectName(f"menu-{name.lower()}")
        submenus = {}
        for entry in declared:
            if isinstance(entry, MenuList) and entry.submenu:
                sub = submenus[entry.id] = QMenu(entry.submenu, menu)
                sub.aboutToShow.connect(lambda s=sub, e=entry: _refill(s, lambda: e.fill(bench, s)))
        _populate(bench, menu, declared, submenus)
        # Lists that follow the document (scenarios, docks) and enabled states are up to date on opening.
        menu.aboutToShow.connect(lambda m=menu, d=declared, s=submenus: _populate(bench, m, d, s))
        menus[name] = menu
    return menus


def build_toolbar(bench: Workbench) -> QToolBar:
    """The main toolbar: the declared actions and widgets with a toolbar section, in declaration order."""
    toolbar = QToolBar("Main", bench.window)
    toolbar.setObjectName("toolbar-main")
    section = None
    for entry in entries():
        if isinstance(entry, MenuList) or not entry.toolbar:
            continue
        if section is not None and entry.toolbar != section:
            toolbar.addSeparator()
        section = entry.toolbar
        if isinstance(entry, ToolWidget):
            toolbar.addWidget(entry.factory(bench))
        else:
            toolbar.addAction(bench.actions[entry.id])
    bench.window.addToolBar(toolbar)
    return toolbar


class ActionStates(QObject):
    """Keeps each action enabled as its declared condition says: on focus, scenario and agreement changes."""

    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.window)
        self._bench = bench
        self._conditional = [spec for spec in action_specs() if spec.enabled_when is not None]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.refresh)
        bench.document.scenario_changed.connect(self.refresh)
        bench.document.agreement_changed.connect(self.refresh)

    def refresh(self, *_changed: object) -> None:
        """Enable each conditional action (once made) as its condition says now."""
        for spec in self._conditional:
            action = self._bench.actions.get(spec.id)
            if action is not None and spec.enabled_when is not None:
                action.setEnabled(spec.enabled_when(self._bench))


def _make(bench: Workbench, spec: ActionSpec) -> QAction:
    parent: QWidget = bench.window
    action = spec.make(bench, parent) if spec.make is not None else QAction(spec.text, parent)
    action.setObjectName(f"action-{spec.id}")
    action.setShortcuts(key_sequences(spec.keys))
    if spec.tip:
        action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
    if spec.icon is not None:
        action.setIcon(parent.style().standardIcon(spec.icon))
    action.setCheckable(spec.checkable)
    if spec.handler is not None:
        handler = spec.handler
        action.triggered.connect(lambda _checked=False: handler(bench))
    return action


def _populate(bench: Workbench, menu: QMenu, declared: tuple[Entry, ...], submenus: dict[str, QMenu]) -> None:
    """(Re)build one menu: its entries in declaration order, a separator where the section changes."""
    _clear(menu)
    section = None
    for entry in declared:
        if isinstance(entry, ToolWidget):
            continue
        if section is not None and entry.section != section:
            menu.addSeparator()
        section = entry.section
        if isinstance(entry, ActionSpec):
            action = bench.actions[entry.id]
            if entry.enabled_when is not None:
                action.setEnabled(entry.enabled_when(bench))
            menu.addAction(action)
        elif entry.id in submenus:
            menu.addMenu(submenus[entry.id])
        else:
            entry.fill(bench, menu)


def _refill(menu: QMenu, fill: Callable[[], None]) -> None:
    _clear(menu)
    fill()


def _clear(menu: QMenu) -> None:
    """Take every entry out of ``menu``, deleting only what the menu made (separators, listed files and
    scenarios); ``QMenu.clear`` would also invalidate the declared actions it holds."""
    for action in menu.actions():
        menu.removeAction(action)
        if action.parent() is menu:
            action.deleteLater()
    for group in menu.findChildren(QActionGroup):
        group.deleteLater()
