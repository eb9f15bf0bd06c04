"""The Rounds panel: adding rounds (undoable), comparing two, request against offer, ghost bars."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from carveplan.engine.rounds import take_round
from carveplan.io import native
from carveplan.model import RecordKind, Stance
from carveplan.model import collection as col
from carveplan.resources import sample_path
from carveplan.ui import commands
from carveplan.ui.document import Document
from carveplan.ui.main_window import MainWindow
from carveplan.ui.round_dialog import RoundDialog
from carveplan.ui.rounds_panel import CURRENT, NO_GHOST, RoundsPanel
from tests.helpers.pictures import saved_picture

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def document() -> Document:
    return Document(native.load(sample_path()))


@pytest.fixture
def panel(qtbot: QtBot, document: Document) -> RoundsPanel:
    widget = RoundsPanel(document)
    qtbot.addWidget(widget)
    widget.resize(1200, 400)
    widget.show()
    return widget


def _offer(document: Document) -> None:
    offer = take_round(document.agreement, "Round 2 — VNM offer", date(2026, 3, 2), "VNM", Stance.OFFER)
    commands.apply(document, replace(document.agreement, rounds=(offer,)), "Add round")


def _recategorize(document: Document, line_id: str, category: str) -> None:
    index = col.index_of(document.agreement, RecordKind.LINES, line_id)
    commands.edit_field(document, RecordKind.LINES, index, "category", category)


def test_adding_a_round_is_one_undo_step(panel: RoundsPanel, document: Document) -> None:
    offer = take_round(document.agreement, "Round 2 — VNM offer", date(2026, 3, 2), "VNM", Stance.OFFER)
    assert panel.add_round(offer)
    assert document.undo_stack.undoText() == "Add round Round 2 — VNM offer"
    assert [r.name for r in panel.rounds.rows] == ["Round 2 — VNM offer"]
    document.undo_stack.undo()
    assert panel.rounds.rows == []
    document.undo_stack.redo()
    assert panel.rounds.rows[0].party == "VNM"


def test_deleting_the_selected_round_is_undoable(panel: RoundsPanel, document: Document) -> None:
    _offer(document)
    panel.table.selectRow(0)
    assert panel.delete_current()
    assert document.agreement.rounds == ()
    document.undo_stack.undo()
    assert len(document.agreement.rounds) == 1


def test_the_dialog_refuses_a_name_already_kept(qtbot: QtBot, document: Document) -> None:
    _offer(document)
    dialog = RoundDialog(document.agreement, date(2026, 5, 4))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.setText("Round 2 — VNM offer")
    assert not ok.isEnabled()
    dialog.name.setText("Round 3 — AUS request")
    dialog.party.setCurrentText("AUS")
    dialog.stance.setCurrentText("request")
    assert ok.isEnabled()
    made = dialog.round()
    assert (made.party, made.stance, made.taken) == ("AUS", Stance.REQUEST, date(2026, 5, 4))
    assert {x.party for x in made.lines} == {"AUS"}


def test_comparing_the_round_with_the_agreement_shows_what_moved(
    panel: RoundsPanel, document: Document, qtbot: QtBot
) -> None:
    _offer(document)
    _recategorize(document, "VNM-E02", "B10")  # LNG: 5 more years
    qtbot.waitUntil(lambda: len(panel.moved.rows) == 1)
    assert (panel.old.currentText(), panel.new.currentText()) == ("Round 2 — VNM offer", CURRENT)
    (entry,) = panel.moved.rows
    assert (entry.code, entry.months) == ("271111", 60)
    assert panel.moved.index(0, 4).data() == "+60"
    assert "1 lines changed: 1 later" in panel.summary.text()


def test_request_vs_offer_lists_the_largest_gap_first(
    panel: RoundsPanel, document: Document, qtbot: QtBot
) -> None:
    _offer(document)
    _recategorize(document, "VNM-E02", "A")
    _recategorize(document, "VNM-E04", "B3")
    request = take_round(document.agreement, "Round 3 — AUS request", date(2026, 5, 6), "VNM", Stance.REQUEST)
    commands.apply(document, replace(document.agreement, rounds=(*document.agreement.rounds, request)), "req")
    assert (panel.offer.currentText(), panel.request.currentText()) == (
        "Round 2 — VNM offer",
        "Round 3 — AUS request",
    )
    qtbot.waitUntil(lambda: len(panel.gaps.rows) == 2)
    assert [g.line.code for g in panel.gaps.rows] == ["271111", "850231"]
    assert panel.gaps.index(0, 5).data() == "+4.0"  # offered 1 January 2031, asked at EIF (1 January 2027)


def test_models_pass_the_model_tester(
    panel: RoundsPanel, document: Document, qtbot: QtBot, qtmodeltester: Any
) -> None:
    _offer(document)
    _recategorize(document, "VNM-E02", "A")
    qtbot.waitUntil(lambda: len(panel.moved.rows) == 1)
    for model in (panel.rounds, panel.moved, panel.gaps):
        qtmodeltester.check(model)


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    shown = MainWindow(Document(native.load(sample_path())))
    # Closing a window with unsaved changes asks what to do; the test's edits are thrown away.
    qtbot.addWidget(shown, before_close_func=lambda w: w.document.undo_stack.setClean())
    shown.resize(1400, 900)
    shown.show()
    return shown


def test_a_round_overlays_the_chart_as_ghost_bars(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    document = window.document
    _offer(document)
    _recategorize(document, "VNM-E02", "B10")
    _recategorize(document, "VNM-E04", "A")
    panel = window.bench.view("rounds", RoundsPanel)
    window.bench.docks["rounds"].raise_()
    window.chart.update_view(parties=("VNM",))  # the offer is Viet Nam's schedule
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        panel.ghost.setCurrentText("Round 2 — VNM offer")
    assert window.chart.ghost is not None
    assert window.chart.ghost[0] == "Round 2 — VNM offer"
    artists = window.chart.artists
    assert artists is not None
    labels = [t.get_text() for t in artists.legend.get_texts()]
    assert "Round 2 — VNM offer" in labels
    assert len(artists.collections["ghosts"].get_paths()) > 0
    qtbot.waitUntil(lambda: len(panel.moved.rows) == 2)
    saved_picture(window.grab(), tmp_path / "rounds.png")
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        panel.ghost.setCurrentText(NO_GHOST)
    assert window.chart.ghost is None
