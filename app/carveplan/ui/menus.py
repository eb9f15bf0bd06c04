"""Menus, toolbar and shortcuts of the main window (File, Edit, View, Agreement, Scenario, Help)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QStyle, QToolBar

from carveplan import __version__
from carveplan.model import BASELINE
from carveplan.ui.presentation import present
from carveplan.ui.settings import recent_files

if TYPE_CHECKING:
    from carveplan.ui.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str | None


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: Shortcut = None,
    tip: str = "",
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Create the window's actions, menus and toolbar; returns the actions by name."""
    files, chart, stack = window.files, window.chart, window.document.undo_stack
    sp = QStyle.StandardPixmap
    acts = {
        "new": _action(
            window, "&New", files.new, QKeySequence.StandardKey.New, "Start a new agreement", sp.SP_FileIcon
        ),
        "open": _action(
            window,
            "&Open…",
            files.open,
            QKeySequence.StandardKey.Open,
            "Open an agreement or workbook",
            sp.SP_DialogOpenButton,
        ),
        "save": _action(
            window,
            "&Save",
            files.save,
            QKeySequence.StandardKey.Save,
            "Save the agreement",
            sp.SP_DialogSaveButton,
        ),
        "save_as": _action(
            window, "Save &As…", files.save_as, QKeySequence.StandardKey.SaveAs, "Save under another name"
        ),
        "revert": _action(window, "&Revert", files.revert, None, "Discard changes since the last save"),
        "export": _action(
            window, "&Export…", files.export, "Ctrl+E", "Export a workbook, chart, deck or calendar"
        ),
        "import_schedule": _action(
            window,
            "&Import Tariff Schedule…",
            files.import_schedule,
            "Ctrl+I",
            "Add the lines of another delegation's schedule (.xlsx or .csv)",
        ),
        "quit": _action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit, "Quit CarvePlan"),
        "zoom_in": _action(window, "Zoom &In", chart.zoom_in, "+", "Zoom in (months)"),
        "zoom_out": _action(window, "Zoom &Out", chart.zoom_out, "-", "Zoom out (years)"),
        "fit": _action(window, "&Fit All", chart.fit_all, "Ctrl+0", "Show the whole schedule"),
        "present": _action(
            window,
            "&Presentation Mode",
            lambda: present(window.document, window),
            "F5",
            "Full-screen chart for meetings",
        ),
        "find": _action(
            window,
            "&Find…",
            lambda: window.outline.filter.setFocus(),
            QKeySequence.StandardKey.Find,
            "Find a line, milestone or exception",
        ),
        "staging_rules": _action(
            window,
            "&Staging Rules…",
            lambda: _staging_rules(window),
            "Ctrl+Shift+R",
            "The agreement's staging categories, rounding and stage days (its rule set)",
        ),
        "all_sectors": _action(
            window,
            "&All Sectors",
            lambda: window.set_all_sectors(acts["all_sectors"].isChecked()),
            "Ctrl+Shift+A",
            "Show the lines outside the focus sectors too (focus sectors only when unchecked)",
        ),
        "about": _action(window, "&About CarvePlan", lambda: _about(window), None, "Version and purpose"),
        "about_qt": _action(window, "About &Qt", QApplication.aboutQt, None, "Qt version"),
    }
    # Printable single-key shortcuts do not fire while a text field has focus, so typing is safe.
    acts["zoom_in"].setShortcuts(
        [QKeySequence("+"), QKeySequence("="), QKeySequence(QKeySequence.StandardKey.ZoomIn)]
    )
    acts["zoom_out"].setShortcuts([QKeySequence("-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)])
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setIcon(window.style().standardIcon(sp.SP_ArrowBack))
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.setIcon(window.style().standardIcon(sp.SP_ArrowForward))
    acts["undo"], acts["redo"] = undo, redo

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([acts["new"], acts["open"]])
    recent = file_menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    file_menu.addSeparator()
    file_menu.addActions([acts["save"], acts["save_as"], acts["revert"]])
    file_menu.addSeparator()
    file_menu.addActions([acts["import_schedule"], acts["export"]])
    file_menu.addSeparator()
    file_menu.addAction(acts["quit"])
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    edit_menu.addAction(acts["find"])
    view_menu = bar.addMenu("&View")
    view_menu.addActions([acts["zoom_in"], acts["zoom_out"], acts["fit"]])
    acts["all_sectors"].setCheckable(True)
    view_menu.addAction(acts["all_sectors"])
    view_menu.addSeparator()
    view_menu.addAction(acts["present"])
    view_menu.addSeparator()
    for dock in (
        window.outline_dock,
        window.tables_dock,
        window.problems_dock,
        *window.analysis.docks,
        window.rounds_dock,
    ):
        view_menu.addAction(dock.toggleViewAction())
    agreement_menu = bar.addMenu("&Agreement")
    agreement_menu.addAction(acts["staging_rules"])
    agreement_menu.addActions(window.analysis.agreement_actions())
    scenario_menu = bar.addMenu("&Scenario")
    scenario_menu.aboutToShow.connect(lambda: _fill_scenarios(window, scenario_menu))
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([acts["about"], acts["about_qt"]])

    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("toolbar-main")
    toolbar.addActions([acts["new"], acts["open"], acts["save"]])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    toolbar.addSeparator()
    toolbar.addActions([acts["zoom_out"], acts["zoom_in"], acts["fit"]])
    toolbar.addSeparator()
    toolbar.addWidget(window.scenario_box)
    toolbar.addAction(acts["present"])
    window.addToolBar(toolbar)
    return acts


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = recent_files()
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {path.name}")
        action.setToolTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: window.files.open_path(p))
    if not paths:
        menu.addAction("No recent files").setEnabled(False)


def _fill_scenarios(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    group = QActionGroup(menu)
    names = [BASELINE, *(s.name for s in window.document.agreement.scenarios if s.name != BASELINE)]
    for name in names:
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(name == window.document.scenario)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, n=name: window.document.set_scenario(n))
    menu.addSeparator()
    for extra in window.analysis.scenario_actions():
        if extra is None:
            menu.addSeparator()
        else:
            menu.addAction(extra)


def _staging_rules(window: MainWindow) -> None:
    from carveplan.ui.rules_dialog import StagingRulesDialog

    StagingRulesDialog(window.document, window).exec()


def _about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        "About CarvePlan",
        f"<h3>CarvePlan {__version__}</h3>"
        "<p>Plan how sensitive sectors are opened in a multilateral trade agreement: phased "
        "carve-outs, compliance milestones, security exceptions and what-if scenarios.</p>"
        f"<p>PySide6 {PySide6.__version__}</p>",
    )
