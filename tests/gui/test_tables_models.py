"""Table models: each passes the model tester, edits are one undo step, bad text changes nothing."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carveplan.model import (
    Agreement,
    EifMoved,
    MeasureKind,
    MilestoneDelay,
    MilestoneStatus,
    Offset,
    RecordKind,
    StagingKind,
    Timing,
    Unit,
)
from carveplan.model import collection as col
from carveplan.ui.document import Document
from carveplan.ui.tables.model import RecordTableModel
from carveplan.ui.tables.phases import PhaseTableModel
from carveplan.ui.tables.specs import SPECS
from tests.helpers.tables_sample import tables_sample


@pytest.fixture
def document(qtbot: QtBot) -> Document:
    return Document(tables_sample())


def model_of(document: Document, kind: str) -> RecordTableModel:
    if kind == "phases":
        model = PhaseTableModel(document)
        model.set_line("VNM-T02")
        return model
    return RecordTableModel(document, SPECS[kind])


def cell(model: RecordTableModel, row: int, field: str) -> Any:
    return model.index(row, model.spec.column_of(field))


@pytest.mark.parametrize("kind", list(SPECS))
def test_every_model_passes_the_model_tester(document: Document, kind: str, qtmodeltester: Any) -> None:
    qtmodeltester.check(model_of(document, kind))


def test_generated_phases_pass_the_model_tester(document: Document, qtmodeltester: Any) -> None:
    model = PhaseTableModel(document)
    model.set_line("VNM-E01")
    qtmodeltester.check(model)


# kind, row, field, text typed, value stored
EDITS = [
    ("lines", 1, "base", "7.5", Decimal("7.5")),
    ("lines", 0, "measure", "Equity cap", MeasureKind.EQUITY_CAP),
    ("lines", 0, "code", "0101", "0101"),
    ("phases", 1, "start", "M:LIC-1+6m", Timing.after_milestone("LIC-1", Offset(6, Unit.MONTHS))),
    ("milestones", 2, "status", "missed", MilestoneStatus.MISSED),
    ("milestones", 2, "actual", "2030-05-01", date(2030, 5, 1)),
    ("exceptions", 0, "scope_lines", "VNM-E01, VNM-E02", ("VNM-E01", "VNM-E02")),
    ("reviews", 0, "interval_months", "36", 36),
    (
        "scenarios",
        0,
        "overrides",
        "delay REG-1 6m; eif 2028-07-01",
        (MilestoneDelay("REG-1", 6), EifMoved(date(2028, 7, 1))),
    ),
    ("categories", 1, "kind", "back loaded", StagingKind.BACK_LOADED),
    ("parties", 0, "name", "Commonwealth of Australia", "Commonwealth of Australia"),
    ("sectors", 2, "name", "Critical raw materials", "Critical raw materials"),
]


def stored(document: Document, model: RecordTableModel, row: int, field: str) -> Any:
    if isinstance(model, PhaseTableModel):
        line = col.find(document.agreement, RecordKind.LINES, model.line_id)
        return getattr(line.phases[row], field)
    return getattr(col.records(document.agreement, model.kind)[row], field)


@pytest.mark.parametrize(("kind", "row", "field", "text", "value"), EDITS)
def test_edit_undo_redo(document: Document, kind: str, row: int, field: str, text: str, value: Any) -> None:
    model = model_of(document, kind)
    before = stored(document, model, row, field)
    assert model.setData(cell(model, row, field), text)
    assert stored(document, model, row, field) == value
    assert model.data(cell(model, row, field)) == model.spec.columns[model.spec.column_of(field)].format(
        value
    )
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert stored(document, model, row, field) == before
    document.undo_stack.redo()
    assert stored(document, model, row, field) == value


@pytest.mark.parametrize(
    ("kind", "field", "text", "message"),
    [
        ("lines", "base", "6,8,1", "Base: found '6,8,1', expected a rate such as"),
        ("lines", "base", "-2", "Base: found '-2', expected a value of 0 or more"),
        ("lines", "base", "1500", "Base: found '1500', expected a rate of at most 1000%"),
        ("lines", "base", "3.4¢ + 2%", "Base: found '3.4¢ \\+ 2%', expected a rate such as"),
        ("phases", "start", "EIF+6x", "Start: found 'EIF\\+6x', expected a timing .*at character 6"),
        ("milestones", "due", "Y0", "agreement year of 1 or more"),
        ("milestones", "actual", "2030-02-30", "real calendar date"),
        ("lines", "measure", "tarif", "expected one of: tariff"),
        ("lines", "id", "VNM-E02", "already used by another line"),
        ("scenarios", "overrides", "delay REG-1", "clause 1"),
    ],
)
def test_bad_text_is_refused(
    document: Document, qtbot: QtBot, kind: str, field: str, text: str, message: str
) -> None:
    model = model_of(document, kind)
    before = document.agreement
    with qtbot.waitSignal(model.edit_failed) as blocker:
        assert not model.setData(cell(model, 0, field), text)
    assert pytest.importorskip("re").search(message, blocker.args[0])
    assert document.agreement is before
    assert document.undo_stack.count() == 0


def test_read_only_cells_refuse_edits(document: Document) -> None:
    model = model_of(document, "lines")
    assert not model.setData(cell(model, 0, "phases"), "3")
    assert document.undo_stack.count() == 0


def test_editing_a_generated_phase_writes_the_phases_out_in_one_step(document: Document) -> None:
    model = PhaseTableModel(document)
    model.set_line("VNM-E01")
    generated = model.records()
    assert model.generated()
    assert model.flags(cell(model, 1, "value")) & Qt.ItemFlag.ItemIsEditable
    assert model.headerData(1, Qt.Orientation.Vertical) == "2 gen."
    assert "Double-click a cell" in model.data(cell(model, 1, "value"), Qt.ItemDataRole.ToolTipRole)
    assert model.data(cell(model, 1, "value"), Qt.ItemDataRole.FontRole).italic()
    assert model.setData(cell(model, 1, "value"), "3.5")
    line = col.find(document.agreement, RecordKind.LINES, "VNM-E01")
    assert len(line.phases) == len(generated)  # no extra phase, unlike adding one
    assert line.phases[1].value == Decimal("3.5")
    assert line.phases[0] == generated[0]
    assert line.phases[2:] == generated[2:]
    assert not model.generated()
    assert model.headerData(1, Qt.Orientation.Vertical) == "2"
    stack = document.undo_stack
    assert (stack.count(), stack.undoText()) == (
        1,
        "Edit value of phase 2 of line VNM-E01 (phases of B5 written out)",
    )
    stack.undo()
    assert col.find(document.agreement, RecordKind.LINES, "VNM-E01").phases == ()
    assert model.generated()


def test_unchanged_text_pushes_nothing(document: Document) -> None:
    model = model_of(document, "lines")
    assert model.setData(cell(model, 0, "base"), "5")
    assert document.undo_stack.count() == 0


def test_add_row_gets_a_free_key_and_defaults(document: Document) -> None:
    model = model_of(document, "lines")
    count = model.rowCount()
    row = model.add_row()
    assert row == count
    assert model.rowCount() == count + 1
    line = document.agreement.lines[row]
    assert line.id == f"L-{count + 1}"
    assert (line.party, line.sector) == ("AUS", "energy")
    assert document.undo_stack.undoText() == f"Add line L-{count + 1}"
    document.undo_stack.undo()
    assert model.rowCount() == count


def test_add_phase_writes_out_generated_phases(document: Document) -> None:
    model = PhaseTableModel(document)
    model.set_line("VNM-E01")
    generated = model.records()
    assert model.add_row() == len(generated)
    line = col.find(document.agreement, RecordKind.LINES, "VNM-E01")
    assert line.phases[: len(generated)] == generated
    assert line.phases[-1].start == Timing.after_previous(Offset(12, Unit.MONTHS))
    assert model.is_editable()
    assert not model.generated()
    document.undo_stack.undo()
    assert model.generated()


def test_delete_rows_is_one_undo_step(document: Document) -> None:
    model = model_of(document, "lines")
    ids = [line.id for line in document.agreement.lines]
    assert model.remove_rows([0, 2, 5])
    assert [line.id for line in document.agreement.lines] == [
        i for n, i in enumerate(ids) if n not in (0, 2, 5)
    ]
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Delete 3 lines"
    document.undo_stack.undo()
    assert [line.id for line in document.agreement.lines] == ids
    document.undo_stack.redo()
    assert len(document.agreement.lines) == len(ids) - 3


@pytest.mark.parametrize("kind", list(SPECS))
def test_copy_paste_round_trip(document: Document, kind: str) -> None:
    model = model_of(document, kind)
    rows = [0, 1]
    originals = [model.records()[r] for r in rows]
    count = model.rowCount()
    assert model.paste(model.copy_rows(rows))
    pasted = model.records()[count:]
    assert len(pasted) == 2
    assert document.undo_stack.count() == 1
    key = model.spec.key_field
    for original, copy in zip(originals, pasted, strict=True):
        if key is not None:
            assert getattr(copy, key) == getattr(original, key) + "-2"
            copy = copy.__class__(**{**copy.__dict__, key: getattr(original, key)})
        assert copy == original
    document.undo_stack.undo()
    assert model.rowCount() == count


def test_paste_from_a_spreadsheet_without_header(document: Document) -> None:
    model = model_of(document, "milestones")
    text = "GOV-1\tVNM\tProcurement rules published\ttransparency\tEIF+9m\r\n"
    assert model.paste(text)
    added = document.agreement.milestones[-1]
    assert (added.id, added.kind.value, str(added.due)) == ("GOV-1", "transparency", "EIF+9m")


def test_paste_over_cells_replaces_them(document: Document) -> None:
    model = model_of(document, "lines")
    assert model.paste("4.5\tB10\n3\tA\n", rows=[2, 3], left=model.spec.column_of("base"))
    lines = document.agreement.lines
    assert (lines[2].base, lines[2].category, lines[3].base, lines[3].category) == (
        Decimal("4.5"),
        "B10",
        3,
        "A",
    )
    assert document.undo_stack.count() == 1


def test_paste_with_a_bad_cell_applies_nothing(document: Document, qtbot: QtBot) -> None:
    model = model_of(document, "lines")
    header = "Id\tParty\tBase\tCategory"
    text = f"{header}\nX-1\tVNM\t5\tB5\nX-2\tVNM\tfive\tB5\nX-3\tVNM\t4\tB5\n"
    before: Agreement = document.agreement
    with qtbot.waitSignal(model.edit_failed) as blocker:
        assert not model.paste(text)
    assert "row 3, Base: found 'five', expected a rate such as" in blocker.args[0]
    assert document.agreement is before
    assert document.undo_stack.count() == 0


def test_paste_past_the_last_row_applies_nothing(document: Document, qtbot: QtBot) -> None:
    model = model_of(document, "parties")
    with qtbot.waitSignal(model.edit_failed) as blocker:
        assert not model.paste("A\nB\n", rows=[3], left=1)
    assert "runs past the last row" in blocker.args[0]
    assert document.undo_stack.count() == 0


def test_models_follow_undo_of_other_views(document: Document) -> None:
    model = model_of(document, "milestones")
    col_title = model.spec.column_of("title")
    after = col.update_field(document.agreement, RecordKind.MILESTONES, 0, "title", "Renamed")
    from carveplan.ui import commands

    commands.apply(document, after, "Rename")
    assert model.index(0, col_title).data() == "Renamed"
    document.undo_stack.undo()
    assert model.index(0, col_title).data() == tables_sample().milestones[0].title


def test_a_specific_duty_typed_in_base_sets_the_unit_in_one_undo_step(document: Document) -> None:
    model = model_of(document, "lines")
    before = document.agreement
    assert model.setData(cell(model, 0, "base"), "4.4¢/kg")
    line = document.agreement.lines[0]
    assert (line.base, line.unit) == (Decimal("4.4"), "¢/kg")
    assert model.data(cell(model, 0, "base")) == "4.4¢/kg"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.agreement == before


def test_a_compound_duty_is_shown_as_published_and_its_phases_staged(document: Document) -> None:
    from carveplan.model import Amount, Duty

    lines = model_of(document, "lines")
    row = next(i for i, ln in enumerate(document.agreement.lines) if ln.category and not ln.phases)
    assert lines.setData(cell(lines, row, "base"), "3.4¢/kg + 2%")
    line = document.agreement.lines[row]
    assert line.base == Duty((Amount(Decimal("3.4"), "¢/kg"), Amount(Decimal(2))))
    assert lines.data(cell(lines, row, "base")) == "3.4¢/kg + 2%"
    phases = PhaseTableModel(document)
    phases.set_line(line.id)
    shown = [phases.data(cell(phases, r, "value")) for r in range(phases.rowCount())]
    assert shown[-1] == "0¢/kg + 0%"  # every part written, so the cell reads back the same shape
    assert all("¢/kg + " in text for text in shown)


def test_a_quota_typed_in_one_cell_and_a_negative_volume_refused(document: Document, qtbot: QtBot) -> None:
    from carveplan.model.quota import Quota

    model = model_of(document, "lines")
    assert model.setData(cell(model, 0, "quota"), "over 50% staged 5 Years | 10000 t | +3% a year")
    quota = document.agreement.lines[0].quota
    assert quota == Quota(Decimal(50), Decimal(10000), "t", "5 Years", Decimal(3))
    assert model.data(cell(model, 0, "quota")) == "over 50% staged 5 Years | 10000 t | +3% a year"
    before = document.agreement
    with qtbot.waitSignal(model.edit_failed) as blocker:
        assert not model.setData(cell(model, 0, "quota"), "over 50% | -5 t")
    assert blocker.args[0] == "Quota: found 'over 50% | -5 t', expected a quota volume of 0 or more"
    assert document.agreement is before


def test_writing_out_a_gated_lines_phases_moves_its_gates_onto_them(document: Document) -> None:
    from carveplan.engine import validate
    from carveplan.model import Gate

    lines = model_of(document, "lines")
    row = next(r for r in range(lines.rowCount()) if lines.key(r) == "VNM-E01")
    gates = lines.spec.column_of("gates")
    milestone = document.agreement.milestones[0].id
    assert lines.setData(lines.index(row, gates), milestone)
    model = PhaseTableModel(document)
    model.set_line("VNM-E01")
    assert model.setData(cell(model, 1, "value"), "3.5")
    line = col.find(document.agreement, RecordKind.LINES, "VNM-E01")
    assert line.gates == ()
    assert all(phase.gates == (Gate(milestone),) for phase in line.phases)
    assert not any("line gates apply" in p.message for p in validate(document.agreement))
    document.undo_stack.undo()
    assert col.find(document.agreement, RecordKind.LINES, "VNM-E01").gates == (Gate(milestone),)


def test_phases_that_do_not_carry_the_lines_gates_leave_them_on_the_line(document: Document) -> None:
    from carveplan.model import Gate, Phase, Timing
    from carveplan.ui import commands

    line = document.agreement.lines[0]
    gated = dataclasses.replace(line, gates=(Gate("X-1"),), phases=())
    agreement = dataclasses.replace(document.agreement, lines=(gated, *document.agreement.lines[1:]))
    after = commands.with_phases(agreement, line.id, [Phase(Timing.agreement_year(2), Decimal("1"))])
    assert after.lines[0].gates == (Gate("X-1"),)  # nothing carried it: kept for the user to move
