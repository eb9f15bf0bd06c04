"""Opening a large file off the GUI thread: progress, Cancel, and the window kept responsive."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import BASELINE, Agreement
from carveplan.ui import files
from carveplan.ui.background import BackgroundTask
from carveplan.ui.document import Document
from carveplan.ui.main_window import MainWindow
from tests.helpers.tables_sample import tables_sample


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(Document(tables_sample()))
    qtbot.addWidget(win)
    return win


def test_a_large_file_opens_in_the_background_already_resolved(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    small_agreement: Agreement,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(files, "LARGE_FILE_BYTES", 0)  # every file counts as large
    path = tmp_path / "large.carveplan"
    native.save(small_agreement, path)
    with qtbot.waitSignal(window.files.opened, timeout=20000):
        assert window.files.open_path(path, ask=False)
        assert window.document.agreement.title != small_agreement.title  # not opened yet
    assert window.files.opening is not None
    assert not window.files.opening.running
    assert window.document.agreement.lines == small_agreement.lines
    assert window.document.path == path
    # The worker resolved it: the first chart finds the lines' resolution already made.
    schedule = window.document.schedule(BASELINE)
    assert [r.line.id for r in schedule.lines] == ["L-1", "L-2", "L-3"]


def test_cancel_keeps_the_document_and_drops_the_late_result(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    small_agreement: Agreement,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    slow = files._read_and_resolve

    def blocked(path: Path, *rest: object) -> object:
        release.wait(30)
        return slow(path, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "LARGE_FILE_BYTES", 0)
    monkeypatch.setattr(files, "_read_and_resolve", blocked)
    path = tmp_path / "large.carveplan"
    native.save(small_agreement, path)
    before = window.document.agreement
    messages: list[str] = []
    window.files.status.connect(messages.append)
    assert window.files.open_path(path, ask=False)
    task = window.files.opening
    assert task is not None
    button = task.dialog.findChild(QPushButton)
    assert button is not None
    assert button.text() == "Cancel"
    with qtbot.waitSignal(task.cancelled):
        button.click()
    assert not task.running
    with qtbot.assertNotEmitted(task.finished), qtbot.waitSignal(task.settled, timeout=20000):
        release.set()
    assert window.document.agreement is before
    assert messages[-1] == "Opening large.carveplan cancelled"


def test_a_failure_in_the_background_is_reported(qtbot: QtBot, window: MainWindow) -> None:
    def broken() -> object:
        raise ValueError("no")

    task = BackgroundTask(window, "Working…", broken)
    with qtbot.waitSignal(task.failed, timeout=20000) as caught:
        pass
    assert isinstance(caught.args[0], ValueError)
    assert not task.running
