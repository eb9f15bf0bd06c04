"""Reading a trade file off the GUI thread: progress with Cancel, and the document as it was."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from carveplan.io.trade.read import TradeImport, read_trade
from carveplan.model import Problem
from carveplan.ui import trade_dialog
from carveplan.ui.document import Document
from carveplan.ui.trade_dialog import TradeDialog
from tests.helpers.trade import trade_agreement


class Held:
    """The real reader, on whatever thread it runs, held at its start until the test lets it go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.threads: list[threading.Thread] = []
        self.go = threading.Event()
        self.raised: list[BaseException] = []
        monkeypatch.setattr(trade_dialog, "read_trade", self.read)

    def read(self, *args: Any) -> TradeImport:
        self.threads.append(threading.current_thread())
        if not self.go.wait(30):  # on the GUI thread this would time out: nothing lets it go
            raise TimeoutError("the GUI thread never ran while the reader waited")
        try:
            return read_trade(*args)
        except BaseException as err:
            self.raised.append(err)
            raise


@pytest.fixture
def dialog(qtbot: QtBot) -> TradeDialog:
    window = TradeDialog(Document(trade_agreement()))
    qtbot.addWidget(window)
    window.party.setCurrentIndex(window.party.findData("AAA"))
    return window


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "plain.csv"
    path.write_text("code,partner,value\n270900,BBB,600\n271012,BBB,300\n", encoding="utf-8")
    return path


def test_the_file_is_read_on_a_worker_while_the_dialog_keeps_working(
    qtbot: QtBot, dialog: TradeDialog, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch)
    task = dialog.read_file(data)
    with qtbot.waitSignal(task.started, timeout=20000):
        pass  # read_file returned before the reader read a byte
    assert not dialog._read_button.isEnabled()  # one read at a time
    with qtbot.waitSignal(dialog.read_over, timeout=20000) as over:
        held.go.set()  # let go from the test: the GUI thread was free all along
    assert over.args == [True]
    assert held.threads
    assert held.threads[0] is not threading.main_thread()
    assert dialog.table is not None
    assert len(dialog.table.flows) == 2
    assert "2 flows kept" in dialog.report.toPlainText()
    assert dialog._read_button.isEnabled()


def test_cancel_leaves_the_table_and_the_document_as_they_were(
    qtbot: QtBot, dialog: TradeDialog, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch)
    document = dialog._document
    before, table = document.agreement, dialog.table
    task = dialog.read_file(data)
    qtbot.waitUntil(task.dialog.isVisible, timeout=20000)  # progress with Cancel while it reads
    button = task.dialog.findChild(QPushButton)
    assert button is not None
    assert button.text() == "Cancel"
    with qtbot.waitSignal(dialog.read_over, timeout=20000) as over:
        button.click()
    assert over.args == [False]
    with qtbot.waitSignal(task.settled, timeout=20000):
        held.go.set()  # the reader's first progress report answers stop
    assert [type(err).__name__ for err in held.raised] == ["Cancelled"]
    assert dialog.table is table
    assert document.agreement is before
    assert not document.is_modified
    assert dialog._read_button.isEnabled()


def test_a_bad_file_is_a_located_error_and_nothing_changes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, list[Problem]]] = []

    class Shown:
        def __init__(self, title: str, summary: str, problems: list[Problem], parent: Any) -> None:
            shown.append((title, list(problems)))

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(trade_dialog, "ProblemListDialog", Shown)
    document = Document(replace(trade_agreement(), trade=None))
    dialog = TradeDialog(document)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,here\n1,2\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.read_over, timeout=20000) as over:
        dialog.read_file(bad)
    assert over.args == [False]
    assert len(shown) == 1
    title, problems = shown[0]
    assert title == "Cannot read trade data"
    assert problems
    assert all(p.location.file == "bad.csv" for p in problems)
    assert dialog.table is None
    assert document.agreement.trade is None


def test_an_unexpected_failure_is_a_message_not_a_traceback(
    qtbot: QtBot, dialog: TradeDialog, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> TradeImport:
        raise MemoryError("out of memory")

    shown: list[str] = []
    monkeypatch.setattr(trade_dialog, "read_trade", broken)
    monkeypatch.setattr(trade_dialog.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    table = dialog.table
    with qtbot.waitSignal(dialog.read_over, timeout=20000):
        dialog.read_file(data)
    assert shown == ["plain.csv was not read (MemoryError: out of memory). Nothing was changed."]
    assert dialog.table is table
