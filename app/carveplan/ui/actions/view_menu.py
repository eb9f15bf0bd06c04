"""The View menu: zoom, which lines and chart furniture show, presentation mode, a toggle for each dock."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from carveplan.ui.actions.spec import ActionSpec, Entry, MenuList, ToolWidget
from carveplan.ui.docks import DOCKS
from carveplan.ui.scenario_box import ScenarioBox
from carveplan.ui.workbench import Workbench

SK = QKeySequence.StandardKey


def _present(bench: Workbench) -> None:
    from carveplan.ui.presentation import present

    present(bench.document, bench.window)


def _fill_docks(bench: Workbench, menu: QMenu) -> None:
    menu.addActions([bench.docks[spec.id].toggleViewAction() for spec in DOCKS])


def _checked(bench: Workbench, action: str) -> bool:
    return bench.actions[action].isChecked()


# Printable single keys (+, =, -) do not fire while a text field has the focus, so typing is safe.
ENTRIES: tuple[Entry, ...] = (
    ActionSpec(
        "zoom_in", "Zoom &In", lambda b: b.chart.zoom_in(), "Zoom in (months)", ("+", "=", SK.ZoomIn), "zoom",
        toolbar="zoom",
    ),
    ActionSpec(
        "zoom_out", "Zoom &Out", lambda b: b.chart.zoom_out(), "Zoom out (years)", ("-", SK.ZoomOut), "zoom",
        toolbar="zoom",
    ),
    ActionSpec(
        "fit", "&Fit All", lambda b: b.chart.fit_all(), "Show the whole schedule", ("Ctrl+0",), "zoom",
        toolbar="zoom",
    ),
    ActionSpec(
        "all_sectors", "&All Sectors", lambda b: b.set_all_sectors(_checked(b, "all_sectors")),
        "Show the lines outside the focus sectors too (focus sectors only when unchecked)", ("Ctrl+Shift+A",),
        "show", checkable=True,
    ),
    ActionSpec(
        "chrome", "Chart &Title and Legend", lambda b: b.chart.set_chrome(_checked(b, "chrome")),
        "Show the title block and legend above and below the chart (exports always have them)",
        section="show", checkable=True,
    ),
    ToolWidget("scenario_box", "present", lambda b: ScenarioBox(b.document, b.window)),
    ActionSpec(
        "present", "&Presentation Mode", _present, "Full-screen chart for meetings", ("F5",), "present",
        toolbar="present",
    ),
    MenuList("docks", "docks", _fill_docks),
)  # fmt: skip
