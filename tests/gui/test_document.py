"""The document: edits through the undo stack, modified state, scenario and selection signals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from carveplan.model import Agreement, RecordKind
from carveplan.ui import commands
from carveplan.ui.document import Document


def test_field_edit_is_one_undoable_step(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    with qtbot.waitSignal(document.agreement_changed):
        assert commands.edit_field(document, RecordKind.LINES, 0, "base", Decimal("6"), "base")
    assert document.agreement.lines[0].base == Decimal("6")
    assert document.is_modified
    assert document.undo_stack.undoText() == "Edit base of line L-1"
    document.undo_stack.undo()
    assert document.agreement == small_agreement
    assert not document.is_modified
    document.undo_stack.redo()
    assert document.agreement.lines[0].base == Decimal("6")


def test_an_edit_that_changes_nothing_adds_no_step(small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    assert not commands.edit_field(document, RecordKind.LINES, 0, "base", small_agreement.lines[0].base)
    assert document.undo_stack.count() == 0


def test_add_and_remove_records(small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    extra = small_agreement.lines[0].__class__("L-9", "AUS", "energy", "271600", "Electricity")
    commands.add_records(document, RecordKind.LINES, 1, [extra])
    assert [line.id for line in document.agreement.lines] == ["L-1", "L-9", "L-2", "L-3"]
    commands.remove_records(document, RecordKind.LINES, [0, 2])
    assert [line.id for line in document.agreement.lines] == ["L-9", "L-3"]
    assert document.undo_stack.undoText() == "Delete 2 lines"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.agreement == small_agreement


def test_saving_marks_clean_and_sets_the_path(
    qtbot: QtBot, small_agreement: Agreement, tmp_path: Path
) -> None:
    document = Document(small_agreement)
    commands.edit_field(document, RecordKind.LINES, 0, "description", "Liquefied natural gas")
    with qtbot.waitSignals([document.path_changed, document.modified_changed]):
        document.mark_saved(tmp_path / "a.carveplan")
    assert not document.is_modified
    assert document.display_name == "a.carveplan"


def test_schedule_is_cached_until_the_next_edit(small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    first = document.schedule()
    assert document.schedule() is first
    commands.edit_field(document, RecordKind.LINES, 0, "base", Decimal("7"))
    assert document.schedule() is not first


def test_scenario_falls_back_to_baseline_when_removed(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    document.set_scenario("sanctions persist")
    assert document.schedule().scenario == "sanctions persist"
    with qtbot.waitSignal(document.scenario_changed) as blocker:
        commands.remove_records(document, RecordKind.SCENARIOS, [0])
    assert blocker.args == ["baseline"]
    assert document.scenario == "baseline"


def test_renaming_a_key_is_one_step_that_carries_references(small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    assert commands.edit_field(document, RecordKind.MILESTONES, 0, "id", "REG-A")
    assert document.undo_stack.undoText() == "Rename milestone REG-1 to REG-A"
    assert document.agreement.lines[2].gates[0].milestone == "REG-A"
    assert document.agreement.milestones[1].depends_on == ("REG-A",)
    document.undo_stack.undo()
    assert document.agreement == small_agreement


def test_schedules_follow_edits_undo_and_scenarios_as_a_full_resolve_would(
    qtbot: QtBot, small_agreement: Agreement
) -> None:
    from carveplan.engine import resolve
    from carveplan.model.change import AgreementChange

    document = Document(small_agreement)
    scenario = "sanctions persist"
    assert document.schedule() == resolve(document.agreement)
    assert document.schedule(scenario) == resolve(document.agreement, scenario)  # from the baseline
    with qtbot.waitSignal(document.agreement_changed) as blocker:
        commands.edit_field(document, RecordKind.MILESTONES, 0, "due", small_agreement.milestones[1].due)
    change = blocker.args[0]
    assert isinstance(change, AgreementChange)
    assert change.keys_of(RecordKind.MILESTONES) == {"REG-1"}
    assert not change.touches(RecordKind.LINES)
    for name in (None, scenario):
        assert document.schedule(name) == resolve(document.agreement, name)
    document.undo_stack.undo()
    for name in (scenario, None):
        assert document.schedule(name) == resolve(small_agreement, name)
