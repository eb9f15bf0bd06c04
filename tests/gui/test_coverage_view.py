"""The Coverage dock and Agreement → Trade Data…: curves, tables, verdicts, and one undo step per edit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot

from carveplan.model import CoverageTest
from carveplan.ui.coverage_view import CoverageView
from carveplan.ui.document import Document
from carveplan.ui.main_window import MainWindow
from carveplan.ui.trade_dialog import TradeDialog
from tests.helpers.trade import trade_agreement

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")


@pytest.fixture(autouse=True)
def _test_mode() -> None:
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def view(qtbot: QtBot) -> CoverageView:
    document = Document(trade_agreement())
    document.set_scenario("energy late")
    widget = CoverageView(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.refresh()
    return widget


def test_models_pass_the_model_tester(view: CoverageView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.years)
    qtmodeltester.check(view.blockers)


def test_the_curves_show_both_panels_the_threshold_and_the_baseline(view: CoverageView) -> None:
    assert view.figure is not None  # made by the first refresh
    lines_ax, trade_ax = view.figure.axes
    assert lines_ax.get_title(loc="left") == "Tariff lines duty-free (%)"
    assert trade_ax.get_title(loc="left").startswith("Imports")
    # AAA and BBB solid, each with a dashed baseline behind, then the threshold and horizon rules.
    dashed = [ln for ln in trade_ax.get_lines() if ln.get_linestyle() == "--"]
    assert len(dashed) == 2
    assert any(ln.get_ydata()[0] == 90 for ln in trade_ax.get_lines() if ln.get_linestyle() == ":")


def test_the_table_and_verdict_follow_the_scenario(view: CoverageView) -> None:
    first = view.years.rows[0]
    assert (first[0], first[2], first[9], first[10]) == ("AAA", 2027, 40.0, 68.8)
    assert "AAA" in view.verdict.text()
    assert "fail" in view.verdict.text()
    assert "energy late" in view.heading.text()
    view.sector.setCurrentIndex(view.sector.findData("telecommunications"))
    assert {row[1] for row in view.years.rows} == {"Telecommunications"}


def test_a_blocker_opens_its_line(view: CoverageView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view._document.selection_changed) as signal:
        view.blocker_table.activated.emit(view.blockers.index(0, 0))
    assert signal.args == ["lines", "A3"]


def test_reading_trade_data_is_one_undo_step(qtbot: QtBot, tmp_path: Path) -> None:
    document = Document(replace(trade_agreement(), trade=None))
    dialog = TradeDialog(document)
    qtbot.addWidget(dialog)
    data = tmp_path / "plain.csv"
    data.write_text("code,partner,value\n270900,BBB,600\n", encoding="utf-8")
    dialog.party.setCurrentIndex(dialog.party.findData("AAA"))
    with qtbot.waitSignal(dialog.read_over, timeout=20000) as read:
        dialog.read_file(data)
    assert read.args == [True]
    assert "1 flows kept" in dialog.report.toPlainText()
    dialog.horizon.setValue(12)
    dialog.accept()
    assert document.agreement.trade is not None
    assert document.agreement.coverage_test == CoverageTest(horizon=12)
    document.undo_stack.undo()
    assert document.agreement.trade is None
    assert document.agreement.coverage_test is None
    document.undo_stack.redo()
    assert document.agreement.trade is not None


def test_a_bad_trade_file_leaves_the_document_alone(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "carveplan.ui.trade_dialog.ProblemListDialog.exec", lambda self: shown.append(self.windowTitle())
    )
    document = Document(replace(trade_agreement(), trade=None))
    dialog = TradeDialog(document)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,here\n1,2\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.read_over, timeout=20000) as read:
        dialog.read_file(bad)
    assert read.args == [False]
    assert shown == ["Cannot read trade data"]
    assert dialog.table is None


def test_the_agreement_menu_opens_trade_data(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(Document(trade_agreement()))
    monkeypatch.setattr(window.files, "maybe_save", lambda: True)
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Agreement")
    assert "&Trade Data…" in [a.text() for a in menu.actions()]  # type: ignore[union-attr]
    assert window.bench.actions["trade"].shortcut().toString() == "Ctrl+Shift+T"
