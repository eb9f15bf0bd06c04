"""The Help menu's windows: the getting-started guide, every shortcut declared, About."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any, cast

import PySide6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from carveplan import __version__
from carveplan.resources import resource_path
from carveplan.ui.text_table import close_only, text_table

GUIDE = "guide.html"  # in resources/: read offline, no browser needed


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action with a shortcut, in the order given, the menu being the one it
    is listed in; ``&`` and ``…`` dropped."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if _typed(k)]
        if keys:
            menus = [o.title() for o in action.associatedObjects() if isinstance(o, QMenu)]
            rows.append((_plain(menus[0]) if menus else "", _plain(action.text()), ", ".join(keys)))
    return rows


def _typed(key: QKeySequence) -> bool:
    """Whether ``key`` is typed on an ordinary keyboard: standard keys also bind the Copy, Open, Zoom In …
    keys of multimedia keyboards, which would only crowd the list."""
    first = cast(Any, key)[0] if key.count() else None  # the stubs miss QKeySequence's indexing
    return first is not None and first.key() < Qt.Key.Key_Back


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").strip()


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window: menu, action and keys, one row each."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = text_table(["Menu", "Action", "Keys"], rows, self)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        close_only(self, self.table)
        self.resize(560, min(720, 80 + 26 * len(rows)))

    def listed(self) -> list[tuple[str, ...]]:
        """The rows shown."""
        table = self.table
        return [tuple(table.model().index(r, c).data() for c in range(3)) for r in range(table.rowCount())]


def shortcuts_dialog(actions: Iterable[QAction], parent: QWidget) -> ShortcutsDialog:
    """The Keyboard Shortcuts dialog for the window's ``actions`` (in the order they were declared)."""
    return ShortcutsDialog(shortcut_rows(actions), parent)


class GuideDialog(QDialog):
    """The getting-started guide bundled in ``resources/guide.html``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Getting Started with CarvePlan")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        path = resource_path(GUIDE)
        try:
            self.browser.setHtml(path.read_text(encoding="utf-8"))
        except OSError as err:  # a damaged installation: say what is missing rather than fail
            self.browser.setPlainText(f"The guide could not be read: {path} ({err.strerror or err}).")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 700)


def about(parent: QWidget) -> None:
    """The About box: version and purpose."""
    QMessageBox.about(
        parent,
        "About CarvePlan",
        f"<h3>CarvePlan {html.escape(__version__)}</h3>"
        "<p>Plan how sensitive sectors are opened in a multilateral trade agreement: phased "
        "carve-outs, compliance milestones, security exceptions and what-if scenarios.</p>"
        f"<p>PySide6 {PySide6.__version__}</p>",
    )
