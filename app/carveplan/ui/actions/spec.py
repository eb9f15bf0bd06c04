"""What a declaration says: the records each menu module declares and ``ui/menubar.py`` builds from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QWidget

from carveplan.ui.workbench import Workbench

Key = QKeySequence.StandardKey | str
Handler = Callable[[Workbench], object]
Condition = Callable[[Workbench], bool]


@dataclass(frozen=True)
class ActionSpec:
    """One user action.

    Attributes:
        id: its name in ``Workbench.actions``.
        text: the menu text, ``&`` before the mnemonic.
        handler: what it does (``None`` when ``make`` builds an action that already does it).
        tip: tooltip and status-bar text.
        keys: its shortcuts, the first shown in the menu (a Qt standard key brings all its platform keys).
        section: entries of a menu with the same section sit together, between separators.
        enabled_when: whether it can be used now (checked on focus, scenario and agreement changes).
        checkable: a toggle; the handler reads ``bench.actions[id].isChecked()``.
        icon: a standard icon, for the toolbar.
        toolbar: the toolbar section it appears in, or ``""`` when not on the toolbar.
        make: builds the action instead of a plain ``QAction`` (undo and redo name the edit they undo).
    """

    id: str
    text: str
    handler: Handler | None
    tip: str = ""
    keys: tuple[Key, ...] = ()
    section: str = ""
    enabled_when: Condition | None = None
    checkable: bool = False
    icon: QStyle.StandardPixmap | None = None
    toolbar: str = ""
    make: Callable[[Workbench, QWidget], QAction] | None = None


@dataclass(frozen=True)
class MenuList:
    """Entries that change with the document (recent files, scenarios, docks), filled each time a menu opens.

    Attributes:
        id: a name for it.
        section: as for :class:`ActionSpec`.
        fill: adds the entries to the menu given.
        submenu: the text of a submenu to fill instead of the menu itself, or ``""``.
    """

    id: str
    section: str
    fill: Callable[[Workbench, QMenu], None]
    submenu: str = ""


@dataclass(frozen=True)
class ToolWidget:
    """A widget on the toolbar, at the start of a toolbar section."""

    id: str
    toolbar: str
    factory: Callable[[Workbench], QWidget]


Entry = ActionSpec | MenuList | ToolWidget


def key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The key sequences an action answers to: a standard key brings every binding of the platform."""
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            found.extend(QKeySequence.keyBindings(key))
        else:
            found.append(QKeySequence(key))
    return found
