"""The Scenario menu: the scenarios to show, the comparison, scenario commands, clauses from presets."""

from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from carveplan.model import BASELINE, RecordKind
from carveplan.ui import scenario_editor as se
from carveplan.ui.actions.spec import ActionSpec, Entry, MenuList
from carveplan.ui.preset_dialog import PresetDialog
from carveplan.ui.scenario_box import scenario_names
from carveplan.ui.workbench import Workbench


def _fill_scenarios(bench: Workbench, menu: QMenu) -> None:
    group = QActionGroup(menu)
    for name in scenario_names(bench.document):
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(name == bench.document.scenario)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, n=name: bench.document.set_scenario(n))


def _on_scenario(bench: Workbench) -> bool:
    return bench.document.scenario != BASELINE


# Presets add clauses a scenario can invoke, so they sit apart from the scenario commands.
ENTRIES: tuple[Entry, ...] = (
    MenuList("scenarios", "list", _fill_scenarios),
    ActionSpec(
        "compare", "&Compare with Baseline", lambda b: b.raise_dock("comparison"),
        "Each line's final date in this scenario and in the baseline", ("Ctrl+Shift+B",), "compare",
    ),
    ActionSpec(
        "edit_scenario", "&Edit Scenario…", lambda b: b.open_editor(),
        "Delay or miss milestones, invoke exceptions, move EIF", section="scenario",
    ),
    ActionSpec(
        "new_scenario", "&New Scenario…", lambda b: se.ask_new_scenario(b.window, b.document),
        "Add an empty scenario", section="scenario",
    ),
    ActionSpec(
        "duplicate_scenario", "D&uplicate Scenario", lambda b: se.duplicate_current(b.document),
        "Copy this scenario to try a variant", section="scenario", enabled_when=_on_scenario,
    ),
    ActionSpec(
        "delete_scenario", "&Delete Scenario", lambda b: se.confirm_delete_current(b.window, b.document),
        "Delete this scenario", section="scenario", enabled_when=_on_scenario,
    ),
    ActionSpec(
        "exception_preset", "Add Security &Exception from Preset…",
        lambda b: PresetDialog(b.document, RecordKind.EXCEPTIONS, b.window).exec(),
        "WTO safeguard, RCEP transitional safeguard, GATS XIV bis, GATT XXI …", section="presets",
    ),
    ActionSpec(
        "review_preset", "Add &Review Clause from Preset…",
        lambda b: PresetDialog(b.document, RecordKind.REVIEWS, b.window).exec(),
        "USMCA joint review, CPTPP review …", section="presets",
    ),
)  # fmt: skip
