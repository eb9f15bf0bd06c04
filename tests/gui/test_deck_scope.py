"""A large deck: the export says how large and offers one sector or one party before writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from carveplan.io.formats import ExportOptions
from carveplan.model import Agreement
from carveplan.ui import deck_scope, files
from carveplan.ui.deck_scope import DeckScopeDialog, deck_scopes
from carveplan.ui.main_window import MainWindow


def test_scopes_list_the_whole_agreement_then_each_sector_and_party(small_agreement: Agreement) -> None:
    scopes = deck_scopes(small_agreement)
    assert [(s.sectors, s.parties, s.lines) for s in scopes] == [
        ((), (), 3),
        (("energy",), (), 2),
        (("critical_minerals",), (), 1),
        ((), ("AUS",), 1),
        ((), ("VNM",), 2),
    ]
    assert scopes[0].label == "Whole agreement: 3 lines, about 1 page"
    assert scopes[2].label == "Sector Critical minerals: 1 line, about 1 page"
    assert scopes[4].label.startswith("Party VNM Viet Nam: 2 lines")


def test_the_dialog_proposes_a_smaller_deck(qtbot: QtBot, small_agreement: Agreement) -> None:
    dialog = DeckScopeDialog(small_agreement, "round.pdf")
    qtbot.addWidget(dialog)
    assert dialog.scope().sectors == ("energy",)  # the first choice smaller than everything
    dialog.choice.setCurrentIndex(4)
    assert dialog.scope().parties == ("VNM",)


@pytest.fixture
def window(qtbot: QtBot, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.document.load(small_agreement, None)
    monkeypatch.setattr(deck_scope, "LARGE_DECK", 2)  # the three-line agreement counts as large
    return win


def _recorded(monkeypatch: pytest.MonkeyPatch) -> list[ExportOptions]:
    calls: list[ExportOptions] = []

    def export(_agreement: Agreement, path: Path, options: ExportOptions) -> None:
        calls.append(options)
        path.write_bytes(b"deck")

    monkeypatch.setattr(files, "exporter_for", lambda path: export)
    return calls


def test_a_large_deck_is_written_for_the_party_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _recorded(monkeypatch)

    def choose_viet_nam(dialog: DeckScopeDialog) -> int:
        dialog.choice.setCurrentIndex(4)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(DeckScopeDialog, "exec", choose_viet_nam)
    with qtbot.waitSignal(window.files.exported, timeout=20000):
        assert window.files.export_to(tmp_path / "round.pptx")
    assert (calls[0].sectors, calls[0].parties) == ((), ("VNM",))
    assert calls[0].progress is not None  # written with a progress bar and Cancel


def test_cancelling_the_question_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _recorded(monkeypatch)
    monkeypatch.setattr(DeckScopeDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    assert not window.files.export_to(tmp_path / "round.pdf")
    assert calls == []


def test_other_formats_and_small_decks_are_not_asked_about(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _recorded(monkeypatch)
    monkeypatch.setattr(DeckScopeDialog, "exec", lambda dialog: pytest.fail("asked"))
    with qtbot.waitSignal(window.files.exported, timeout=20000):
        assert window.files.export_to(tmp_path / "plan.xml")
    monkeypatch.setattr(deck_scope, "LARGE_DECK", 2_000)
    with qtbot.waitSignal(window.files.exported, timeout=20000):
        assert window.files.export_to(tmp_path / "round.pdf")
    assert [(c.sectors, c.parties) for c in calls] == [((), ()), ((), ())]
