"""The Help menu: the getting-started guide, every keyboard shortcut, About."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from carveplan.ui.actions.spec import ActionSpec, Entry
from carveplan.ui.workbench import Workbench


# The help pages load when first asked for, not with the window.
def _guide(bench: Workbench) -> None:
    from carveplan.ui.help import GuideDialog

    GuideDialog(bench.window).exec()


def _shortcuts(bench: Workbench) -> None:
    from carveplan.ui.help import shortcuts_dialog

    shortcuts_dialog(bench.actions.values(), bench.window).exec()


def _about(bench: Workbench) -> None:
    from carveplan.ui.help import about

    about(bench.window)


ENTRIES: tuple[Entry, ...] = (
    ActionSpec(
        "guide", "&Getting Started", _guide,
        "A new agreement, its lines and phases, import, presentation and export, in one page",
        (QKeySequence.StandardKey.HelpContents,), "guide",
    ),
    ActionSpec(
        "shortcuts", "&Keyboard Shortcuts",
        _shortcuts,
        "Every keyboard shortcut of the window, by menu", section="guide",
    ),
    ActionSpec(
        "about", "&About CarvePlan", _about, "Version and purpose", section="about"
    ),
    ActionSpec("about_qt", "About &Qt", lambda b: QApplication.aboutQt(), "Qt version", section="about"),
)  # fmt: skip
