"""The Help menu: the getting-started guide, every keyboard shortcut, About."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from carveplan.ui.actions.spec import ActionSpec, Entry
from carveplan.ui.help import GuideDialog, about, shortcuts_dialog

ENTRIES: tuple[Entry, ...] = (
    ActionSpec(
        "guide", "&Getting Started", lambda b: GuideDialog(b.window).exec(),
        "A new agreement, its lines and phases, import, presentation and export, in one page",
        (QKeySequence.StandardKey.HelpContents,), "guide",
    ),
    ActionSpec(
        "shortcuts", "&Keyboard Shortcuts",
        lambda b: shortcuts_dialog(b.actions.values(), b.window).exec(),
        "Every keyboard shortcut of the window, by menu", section="guide",
    ),
    ActionSpec(
        "about", "&About CarvePlan", lambda b: about(b.window), "Version and purpose", section="about"
    ),
    ActionSpec("about_qt", "About &Qt", lambda b: QApplication.aboutQt(), "Qt version", section="about"),
)  # fmt: skip
