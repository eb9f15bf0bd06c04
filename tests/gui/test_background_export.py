"""Exports off the GUI thread: the progress dialog and Cancel come first, the window keeps working."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar, QPushButton
from pytestqt.qtbot import QtBot

from carveplan.io.formats import ExportOptions, exporter_for
from carveplan.model import Agreement
from carveplan.ui import files
from carveplan.ui.background import BackgroundTask
from carveplan.ui.document import Document
from carveplan.ui.export_run import ExportRun
from carveplan.ui.main_window import MainWindow
from tests.benchmarks.national import national_agreement

Exporter = Callable[[Agreement, Path, ExportOptions], None]


@pytest.fixture(scope="module")
def generated() -> Agreement:
    """A generated agreement of 1,500 lines: its resolve and deck take a moment."""
    return national_agreement(1, per_party=500)


@pytest.fixture
def window(qtbot: QtBot, generated: Agreement) -> MainWindow:
    win = MainWindow(Document(generated))
    qtbot.addWidget(win)
    return win


class Held:
    """The real exporter, held at its start (and optionally at its end) until the test lets it go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, hold_end: bool = False) -> None:
        self.threads: list[threading.Thread] = []
        self.start, self.end = threading.Event(), threading.Event()
        self.ended = threading.Event()
        self._hold_end = hold_end
        monkeypatch.setattr(files, "exporter_for", self._for)

    def _for(self, path: Path) -> Exporter:
        real = exporter_for(path)

        def export(agreement: Agreement, target: Path, options: ExportOptions) -> None:
            self.threads.append(threading.current_thread())
            if not self.start.wait(30):  # on the GUI thread this would time out: nothing lets it go
                raise TimeoutError("the GUI thread never ran while the export waited")
            real(agreement, target, options)
            self.ended.set()
            if self._hold_end:
                self.end.wait(30)

        return export


def _export(window: MainWindow, path: Path, options: ExportOptions) -> ExportRun:
    assert window.files.export_to(path, options)
    run = window.files.exporting
    assert run is not None
    return run


def test_the_deck_is_written_on_a_worker_while_the_window_keeps_working(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch)
    path = tmp_path / "round.pdf"
    run = _export(window, path, ExportOptions(sectors=("energy",)))
    with qtbot.waitSignal(run.task.started, timeout=20000):
        pass  # the worker took it up: export_to returned before any resolving
    # An event-loop timer on the GUI thread lets the held export go: only a free GUI thread fires it.
    QTimer.singleShot(0, held.start.set)
    qtbot.waitUntil(run.task.dialog.isVisible, timeout=20000)  # progress with Cancel while it works
    assert not path.exists()
    with qtbot.waitSignal(window.files.exported, timeout=120000) as done:
        pass
    assert done.args == [path]
    assert held.threads
    assert held.threads[0] is not threading.main_thread()
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert data.count(b"/Type /Page ") > 10  # the cover, the energy pages, the coverage page
    assert not run.task.dialog.isVisible()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["round.pdf"]  # no staging left behind


def test_cancel_while_resolving_leaves_no_file_and_the_document_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch)
    before = window.document.agreement
    messages: list[str] = []
    window.files.status.connect(messages.append)
    path = tmp_path / "round.pptx"
    run = _export(window, path, ExportOptions(sectors=("energy",)))
    qtbot.waitUntil(run.task.dialog.isVisible, timeout=20000)
    button = run.task.dialog.findChild(QPushButton)
    assert button is not None
    assert button.text() == "Cancel"
    with qtbot.waitSignal(run.cancelled, timeout=20000):
        button.click()
    # The export goes on until its next progress report, which answers stop: nothing is written.
    with qtbot.assertNotEmitted(window.files.exported), qtbot.waitSignal(run.settled, timeout=120000):
        held.start.set()
    assert not held.ended.is_set()  # it stopped part way
    assert list(tmp_path.iterdir()) == []
    assert window.document.agreement is before
    assert not window.document.is_modified
    assert messages[-1] == "Export cancelled; nothing was written"


def test_cancel_after_the_file_was_made_keeps_the_previous_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch, hold_end=True)
    held.start.set()
    path = tmp_path / "plan.xml"
    path.write_bytes(b"the previous export")
    run = _export(window, path, ExportOptions())
    qtbot.waitUntil(held.ended.is_set, timeout=120000)  # written in full, not yet in place
    button = run.task.dialog.findChild(QPushButton)
    assert button is not None
    with qtbot.waitSignal(run.cancelled, timeout=20000):
        button.click()
    with qtbot.assertNotEmitted(window.files.exported), qtbot.waitSignal(run.settled, timeout=20000):
        held.end.set()
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xml"]


def test_a_finished_slide_deck_is_complete(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "round.pptx"
    run = _export(window, path, ExportOptions(parties=("VNM",)))
    with qtbot.waitSignal(window.files.exported, timeout=120000):
        pass
    assert not run.running
    with zipfile.ZipFile(path) as deck:
        assert deck.testzip() is None
        slides = [n for n in deck.namelist() if n.startswith("ppt/slides/slide")]
    assert len(slides) > 10


def test_a_failed_export_says_why_and_leaves_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(files.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    path = tmp_path / "round.pdf"
    run = _export(window, path, ExportOptions(sectors=("no such sector",)))
    with qtbot.waitSignal(run.settled, timeout=60000):
        pass
    assert len(shown) == 1
    assert "no sector named 'no such sector'" in shown[0]
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused_before_anything_starts(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(files.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert not window.files.export_to(tmp_path / "gone" / "plan.xlsx", ExportOptions())
    assert len(shown) == 1
    assert (
        shown[0]
        == f"plan.xlsx was not written: cannot write in {tmp_path / 'gone'}: No such file or directory"
    )


def test_the_bar_fills_in_half_percent_steps_and_a_report_after_cancel_says_stop(
    qtbot: QtBot, window: MainWindow
) -> None:
    answers: list[bool] = []
    go_on = threading.Event()

    def work() -> str:
        answers.extend(task.report(done, 10_000) for done in range(10_001))
        go_on.wait(30)
        answers.append(task.report(10_000, 10_000))
        return "done"

    task = BackgroundTask(window, "Working…", work, start=False)
    bar = task.dialog.findChild(QProgressBar)
    assert bar is not None
    values: list[int] = []
    bar.valueChanged.connect(values.append)
    task.start()
    qtbot.waitUntil(lambda: 200 in values, timeout=20000)
    assert all(answers)
    shown = [v for v in values if v > 0]
    assert shown == sorted(shown)
    assert 150 <= len(shown) <= 200  # ten thousand reports, at most one a half percent
    with qtbot.waitSignal(task.cancelled, timeout=20000):
        task.cancel()
    with qtbot.waitSignal(task.settled, timeout=20000):
        go_on.set()
    assert answers[-1] is False
