"""The outline: parties → sectors → lines, filter, and selection both ways."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from carveplan.model import Agreement, RecordKind
from carveplan.ui import commands
from carveplan.ui.document import Document
from carveplan.ui.outline import KEY_ROLE, KIND_ROLE, OutlineView


def _texts(view: OutlineView) -> list[str]:
    model = view.proxy
    found: list[str] = []

    def walk(parent: object) -> None:
        for row in range(model.rowCount(parent)):  # type: ignore[arg-type]
            index = model.index(row, 0, parent)  # type: ignore[arg-type]
            found.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return found


def test_outline_groups_lines_by_party_and_sector(
    qtbot: QtBot, qtmodeltester: object, small_agreement: Agreement
) -> None:
    view = OutlineView(Document(small_agreement))
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    texts = _texts(view)
    assert "AUS — Australia (1)" in texts
    assert "VNM — Viet Nam (2)" in texts
    assert "Critical minerals (1)" in texts
    assert "282520  Lithium oxide" in texts
    assert "Milestones (2)" in texts


def test_filter_finds_by_code_description_or_id(qtbot: QtBot, small_agreement: Agreement) -> None:
    view = OutlineView(Document(small_agreement))
    qtbot.addWidget(view)
    view.filter.setText("lithium")
    texts = _texts(view)
    assert "282520  Lithium oxide" in texts
    assert "271111  LNG" not in texts
    view.filter.setText("DATA-1")
    assert any(t.startswith("DATA-1") for t in _texts(view))


def test_selection_goes_both_ways(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    view = OutlineView(document)
    qtbot.addWidget(view)
    with qtbot.waitSignal(document.selection_changed) as blocker:
        source = view.model.match(view.model.index(0, 0), KEY_ROLE, "L-2", 1, _recursive())[0]
        view.tree.setCurrentIndex(view.proxy.mapFromSource(source))
    assert blocker.args == ["lines", "L-2"]
    document.select(RecordKind.MILESTONES, "DATA-1")
    current = view.tree.currentIndex()
    assert (current.data(KIND_ROLE), current.data(KEY_ROLE)) == ("milestones", "DATA-1")


def test_outline_follows_edits_and_undo(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    view = OutlineView(document)
    qtbot.addWidget(view)
    commands.edit_field(document, RecordKind.LINES, 0, "description", "Liquefied natural gas")
    assert "271111  Liquefied natural gas" in _texts(view)
    document.undo_stack.undo()
    assert "271111  LNG" in _texts(view)
    commands.edit_field(document, RecordKind.LINES, 0, "base", Decimal("1"))  # not shown: no rebuild needed
    assert "271111  LNG" in _texts(view)


def test_an_edit_updates_its_row_in_place_and_only_a_new_record_rebuilds(
    qtbot: QtBot, qtmodeltester: object, small_agreement: Agreement
) -> None:
    document = Document(small_agreement)
    view = OutlineView(document)
    qtbot.addWidget(view)
    built = view.rebuilds
    commands.edit_field(document, RecordKind.LINES, 2, "description", "Lithium carbonate")
    commands.edit_field(document, RecordKind.MILESTONES, 0, "title", "Alignment done")
    document.undo_stack.undo()
    assert view.rebuilds == built
    assert "282520  Lithium carbonate" in _texts(view)
    assert "REG-1  Regulatory alignment" in _texts(view)
    commands.edit_field(document, RecordKind.LINES, 2, "sector", "energy")  # moves to another group
    assert view.rebuilds == built + 1
    assert "Energy (2)" in _texts(view)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]


def _recursive() -> object:
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive


def test_other_lines_are_counted_and_listed_by_hs_section_on_request(
    qtbot: QtBot, small_agreement: Agreement
) -> None:
    from dataclasses import replace

    from carveplan.model import Line, Sector

    other = (
        Line("H-1", "VNM", "other", "0101.21", "Horses"),
        Line("W-1", "VNM", "other", "2204.21", "Wine"),
    )
    agreement = replace(
        small_agreement,
        sectors=(*small_agreement.sectors, Sector("other", "Other")),
        lines=(*small_agreement.lines, *other),
    )
    view = OutlineView(Document(agreement))
    qtbot.addWidget(view)
    texts = _texts(view)
    assert "Other (2, hidden)" in texts
    assert not any("Horses" in t for t in texts)
    view.set_all_sectors(True)
    texts = _texts(view)
    assert "Section I (1)" in texts
    assert "Section IV (1)" in texts
    assert any("Horses" in t for t in texts)


def _expanded_texts(view: OutlineView) -> set[str]:
    from PySide6.QtCore import QModelIndex

    found: set[str] = set()
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(view.proxy.rowCount(parent)):
            index = view.proxy.index(row, 0, parent)
            if view.tree.isExpanded(index):
                found.add(str(index.data()).rsplit(" (", 1)[0])
                pending.append(index)
    return found


def test_an_insert_keeps_what_was_opened_and_another_document_starts_folded(
    qtbot: QtBot, small_agreement: Agreement
) -> None:
    from dataclasses import replace

    from carveplan.model import Line, new_uid

    document = Document(replace(small_agreement, uid=new_uid()))
    view = OutlineView(document)
    qtbot.addWidget(view)
    party = view.proxy.index(1, 0)  # VNM
    sector = view.proxy.index(0, 0, party)  # its energy lines
    milestones = view.proxy.index(2, 0)
    for index in (sector, milestones):
        view.tree.setExpanded(index, True)
    view.tree.setExpanded(view.proxy.index(0, 0), False)  # AUS folded by the user
    opened = _expanded_texts(view)
    assert {"VNM — Viet Nam", "Energy", "Milestones"} <= opened
    assert "AUS — Australia" not in opened
    line = Line("L-4", "VNM", "energy", "271112", "Propane")
    commands.apply(document, replace(document.agreement, lines=(*document.agreement.lines, line)), "Insert")
    assert _expanded_texts(view) == opened
    assert "271112  Propane" in _texts(view)
    document.load(replace(small_agreement, uid=new_uid(), title="Another"), None)
    folded = _expanded_texts(view)  # as a document opens: the top level open, nothing below
    assert {"AUS — Australia", "VNM — Viet Nam", "Milestones"} <= folded
    assert "Energy" not in folded


def test_a_large_agreement_opened_gets_its_tree_after_the_chart(
    qtbot: QtBot, small_agreement: Agreement, monkeypatch: object
) -> None:
    from carveplan.ui import outline

    monkeypatch.setattr(outline, "DEFER_LINES", 0)  # type: ignore[attr-defined]
    document = Document(small_agreement)
    view = OutlineView(document)
    qtbot.addWidget(view)
    built = view.rebuilds
    from dataclasses import replace

    document.load(replace(small_agreement, title="Opened"), None)
    assert view.rebuilds == built  # not on the signal: the chart goes first
    qtbot.waitUntil(lambda: view.rebuilds == built + 1)
    assert "271111  LNG" in _texts(view)
