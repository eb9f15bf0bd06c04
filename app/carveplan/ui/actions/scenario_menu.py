"""The Scenario menu: the scenarios to show, the comparison, scenario commands, clauses from presets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from carveplan.model import BASELINE, RecordKind
from carveplan.ui.actions.spec import ActionSpec, Entry, MenuList
from carveplan.ui.scenario_box import scenario_names
from carveplan.ui.workbench import Workbench

if TYPE_CHECKING:
    from carveplan.ui.preset_dialog import PresetKind


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


# The dialogs load when first asked for, not with the window.
def _new_scenario(bench: Workbench) -> None:
    from carveplan.ui.scenario_editor import ask_new_scenario

    ask_new_scenario(bench.window, bench.document)


def _duplicate_scenario(bench: Workbench) -> None:
    from carveplan.ui.scenario_editor import duplicate_current

    duplicate_current(bench.document)


def _delete_scenario(bench: Workbench) -> None:
    from carveplan.ui.scenario_editor import confirm_delete_current

    confirm_delete_current(bench.window, bench.document)


def _preset(kind: PresetKind) -> Callable[[Workbench], None]:
    def add_from_preset(bench: Workbench) -> None:
        from carveplan.ui.preset_dialog import PresetDialog

        PresetDialog(bench.document, kind, bench.window).exec()

    return add_from_preset


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
        "new_scenario", "&New Scenario…", _new_scenario,
        "Add an empty scenario", section="scenario",
    ),
    ActionSpec(
        "duplicate_scenario", "D&uplicate Scenario", _duplicate_scenario,
        "Copy this scenario to try a variant", section="scenario", enabled_when=_on_scenario,
    ),
    ActionSpec(
        "delete_scenario", "&Delete Scenario", _delete_scenario,
        "Delete this scenario", section="scenario", enabled_when=_on_scenario,
    ),
    ActionSpec(
        "exception_preset", "Add Security &Exception from Preset…",
        _preset(RecordKind.EXCEPTIONS),
        "WTO safeguard, RCEP transitional safeguard, GATS XIV bis, GATT XXI …", section="presets",
    ),
    ActionSpec(
        "review_preset", "Add &Review Clause from Preset…",
        _preset(RecordKind.REVIEWS),
        "USMCA joint review, CPTPP review …", section="presets",
    ),
)  # fmt: skip
