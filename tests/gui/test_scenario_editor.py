"""The scenario editor: every change is one undo step that undo and redo reverse exactly."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from carveplan.model import (
    BASELINE,
    EifMoved,
    ExceptionInvoked,
    MilestoneDelay,
    MilestoneMissed,
    Timing,
)
from carveplan.ui import scenario_editor as se
from carveplan.ui.document import Document
from carveplan.ui.override_form import DELAY, EIF, INVOKE, MISSED
from carveplan.ui.scenario_edits import ScenarioEditError
from tests.helpers.analysis import analysis_agreement


@pytest.fixture
def document() -> Document:
    document = Document(analysis_agreement())
    document.set_scenario("sanctions")
    return document


@pytest.fixture
def editor(qtbot: QtBot, document: Document) -> se.ScenarioEditor:
    dialog = se.ScenarioEditor(document)
    qtbot.addWidget(dialog)
    return dialog


def overrides(document: Document, name: str = "sanctions") -> tuple[object, ...]:
    return next(s.overrides for s in document.agreement.scenarios if s.name == name)


def names(document: Document) -> list[str]:
    return [s.name for s in document.agreement.scenarios]


def undo_redo(document: Document, check_after: object, read: object) -> None:
    """Undo, check the state went back; redo, check it came again."""
    after = read()  # type: ignore[operator]
    assert after == check_after
    document.undo_stack.undo()
    assert read() != check_after  # type: ignore[operator]
    document.undo_stack.redo()
    assert read() == check_after  # type: ignore[operator]


def test_delay_a_milestone(editor: se.ScenarioEditor, document: Document) -> None:
    editor.form.kind.setCurrentIndex(DELAY)
    editor.form.delay_milestone.setCurrentIndex(editor.form.delay_milestone.findData("M2"))
    editor.form.delay_months.setValue(9)
    assert editor.add_override()
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Delay M2 (Licensing published) by 9 months in sanctions"
    expected = (*analysis_agreement().scenarios[1].overrides, MilestoneDelay("M2", 9))
    undo_redo(document, expected, lambda: overrides(document))
    assert editor.overrides.count() == 2


def test_mark_missed(editor: se.ScenarioEditor, document: Document) -> None:
    editor.form.kind.setCurrentIndex(MISSED)
    assert editor.add_override()
    undo_redo(document, MilestoneMissed("M1"), lambda: overrides(document)[-1])


def test_invoke_an_exception_starts_from_its_maximum_duration(
    editor: se.ScenarioEditor, document: Document
) -> None:
    editor.form.kind.setCurrentIndex(INVOKE)
    assert editor.form.duration.value() == 6  # EX1 allows at most 6 months
    editor.form.start.setText("2027-03-01")
    editor.form.duration.setValue(18)
    assert editor.add_override()
    expected = ExceptionInvoked("EX1", Timing.on(date(2027, 3, 1)), 18)
    undo_redo(document, expected, lambda: overrides(document)[-1])
    window = document.schedule().windows[-1]
    assert window.warnings == ("lasts 18 months, beyond the 6 months EX1 allows",)


def test_a_bad_start_is_refused_with_the_reason(editor: se.ScenarioEditor, document: Document) -> None:
    editor.form.kind.setCurrentIndex(INVOKE)
    editor.form.start.setText("EIF+6q")
    assert not editor.add_override()
    assert "Invoked at" in editor.error.text()
    assert document.undo_stack.count() == 0


def test_move_eif(editor: se.ScenarioEditor, document: Document) -> None:
    editor.form.kind.setCurrentIndex(EIF)
    assert editor.form.eif.date() == QDate(2025, 1, 1)
    editor.form.eif.setDate(QDate(2026, 7, 1))
    assert editor.add_override()
    undo_redo(document, EifMoved(date(2026, 7, 1)), lambda: overrides(document)[-1])
    assert document.schedule().eif == date(2026, 7, 1)


def test_remove_an_override(editor: se.ScenarioEditor, document: Document) -> None:
    editor.overrides.setCurrentRow(0)
    assert editor.remove_selected()
    assert document.undo_stack.undoText().startswith("Remove Invoke EX1")
    undo_redo(document, (), lambda: overrides(document))


def test_describe_the_scenario(editor: se.ScenarioEditor, document: Document) -> None:
    editor.description.setText("  Sanctions on minerals  ")
    editor.description.editingFinished.emit()
    read = lambda: next(s.description for s in document.agreement.scenarios if s.name == "sanctions")  # noqa: E731
    undo_redo(document, "Sanctions on minerals", read)


def test_create_a_scenario_and_look_at_it(document: Document) -> None:
    assert se.create_scenario(document, " tariff war ") == "tariff war"
    assert document.scenario == "tariff war"
    undo_redo(document, ["late", "sanctions", "eif later", "tariff war"], lambda: names(document))


@pytest.mark.parametrize("bad", ["", "baseline", "late"])
def test_a_name_taken_or_reserved_is_refused(document: Document, bad: str) -> None:
    with pytest.raises(ScenarioEditError):
        se.create_scenario(document, bad)
    assert document.undo_stack.count() == 0


def test_duplicate_puts_the_copy_after_the_original(document: Document) -> None:
    assert se.duplicate_current(document) == "sanctions (copy)"
    assert document.scenario == "sanctions (copy)"
    undo_redo(document, ["late", "sanctions", "sanctions (copy)", "eif later"], lambda: names(document))
    assert overrides(document, "sanctions (copy)") == overrides(document)


def test_rename_keeps_looking_at_the_scenario(document: Document) -> None:
    se.rename_current(document, "minerals sanctions")
    assert document.scenario == "minerals sanctions"
    undo_redo(document, ["late", "minerals sanctions", "eif later"], lambda: names(document))


def test_delete_falls_back_to_the_baseline(document: Document) -> None:
    assert se.delete_current(document)
    assert document.scenario == BASELINE
    undo_redo(document, ["late", "eif later"], lambda: names(document))


def test_the_baseline_cannot_be_edited(editor: se.ScenarioEditor, document: Document) -> None:
    document.set_scenario(BASELINE)
    assert not editor.form.isEnabled()
    assert not editor.buttons["Delete"].isEnabled()
    assert se.duplicate_current(document) is None
    assert not se.delete_current(document)


def test_editor_follows_undo(editor: se.ScenarioEditor, document: Document) -> None:
    editor.form.kind.setCurrentIndex(MISSED)
    editor.add_override()
    assert editor.overrides.count() == 2
    document.undo_stack.undo()
    assert [editor.overrides.item(i).text() for i in range(editor.overrides.count())] == [
        "Invoke EX1 (Essential security — minerals) at 2025-06-01 for 12 months"
    ]
