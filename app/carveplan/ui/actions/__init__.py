"""Every action of the main window, declared once, menu by menu: the one place to add an action.

A new action is one :class:`~carveplan.ui.actions.spec.ActionSpec` in the ``ENTRIES`` of its menu's module
(``file_menu.py``, ``edit_menu.py`` …), placed where it shows; its handler takes the window's
:class:`~carveplan.ui.workbench.Workbench`. From these declarations ``ui/menubar.py`` builds the menu bar (a
separator wherever the section changes), the toolbar and the shortcuts; Help → Keyboard Shortcuts lists
them and the tests check that each is reachable and each key is bound once. Docks are declared in
``ui/docks.py``.
"""

from __future__ import annotations

from carveplan.ui.actions import (
    agreement_menu,
    edit_menu,
    file_menu,
    help_menu,
    scenario_menu,
    view_menu,
)
from carveplan.ui.actions.spec import ActionSpec, Entry

# The menu bar, left to right: id -> (text, entries in the order they show).
MENUS: dict[str, tuple[str, tuple[Entry, ...]]] = {
    "File": ("&File", file_menu.ENTRIES),
    "Edit": ("&Edit", edit_menu.ENTRIES),
    "View": ("&View", view_menu.ENTRIES),
    "Agreement": ("&Agreement", agreement_menu.ENTRIES),
    "Scenario": ("&Scenario", scenario_menu.ENTRIES),
    "Help": ("&Help", help_menu.ENTRIES),
}


def entries() -> list[Entry]:
    """Every declaration, menu by menu in menu-bar order."""
    return [entry for _text, declared in MENUS.values() for entry in declared]


def action_specs() -> list[ActionSpec]:
    """Every declared action, in menu-bar order."""
    return [entry for entry in entries() if isinstance(entry, ActionSpec)]
