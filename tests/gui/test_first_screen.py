"""A large file's first screen: painted before the chart's canvas, then replaced by the chart."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import Agreement
from carveplan.ui import files
from carveplan.ui.document import Document
from carveplan.ui.main_window import MainWindow
from tests.benchmarks.national import national_agreement
from tests.helpers.pictures import pixels_near
from tests.helpers.tables_sample import tables_sample

SECTOR = QColor("#E69F00")  # the first sector's bars


@pytest.fixture
def large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Agreement]:
    monkeypatch.setattr(files, "LARGE_FILE_BYTES", 0)  # every file counts as large
    agreement = national_agreement(1, per_party=60)
    path = tmp_path / "national.carveplan"
    native.save(agreement, path)
    return path, agreement


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(Document(tables_sample()))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    return win


def _sector_pixels(window: MainWindow) -> int:
    return pixels_near(window.chart.grab().toImage(), SECTOR)


def test_on_start_the_first_screen_shows_before_the_canvas_and_the_chart_follows(
    qtbot: QtBot, window: MainWindow, large: tuple[Path, Agreement], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _agreement = large
    # The whole schedule resolves only once the first screen is on: a small file would be done first.
    painted = threading.Event()
    slow = files.full
    monkeypatch.setattr(files, "full", lambda agreement: (painted.wait(30), slow(agreement))[1])
    window.chart.first_screen_shown.connect(painted.set)
    # As the app starts: the file is opened once the window is on screen.
    window.chart.on_screen.connect(lambda: window.files.open_path(path, ask=False))
    shown: list[bool] = []
    opened: list[Path] = []
    window.files.opened.connect(opened.append)
    window.chart.first_screen_shown.connect(
        lambda: shown.append(window.chart.canvas is None and window.document.path != path)
    )
    with qtbot.waitSignal(window.chart.first_screen_shown, timeout=30000):
        window.show()
    assert shown == [True]  # before the plotting library and before the document holds the file
    assert _sector_pixels(window) > 50  # its bars are on the screen
    qtbot.waitUntil(lambda: opened == [path], timeout=30000)
    qtbot.waitUntil(lambda: window.chart.artists is not None and len(window.chart.artists.rows) > 3)
    assert window.document.path == path
    assert window.chart.canvas is not None
    assert window.chart.canvas.isVisible()
    assert window.chart.artists.rows[0].label.startswith("Energy")
    assert _sector_pixels(window) > 50


def test_cancel_puts_back_the_chart_of_the_file_before(
    qtbot: QtBot, window: MainWindow, large: tuple[Path, Agreement], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = large
    with qtbot.waitSignal(window.chart.drawn, timeout=30000):
        window.show()
    qtbot.waitUntil(lambda: window.chart.canvas is not None)
    before = window.document.agreement
    release = threading.Event()
    slow = files.full

    def held(agreement: Agreement) -> object:
        release.wait(30)
        return slow(agreement)

    monkeypatch.setattr(files, "full", held)
    with qtbot.waitSignal(window.chart.first_screen_shown, timeout=30000):
        assert window.files.open_path(path, ask=False)
    assert not window.chart.canvas.isVisible()  # the new file's first screen stands in
    task = window.files.opening
    assert task is not None
    button = task.dialog.findChild(QPushButton)
    assert button is not None
    with qtbot.waitSignal(window.chart.drawn, timeout=30000):
        button.click()
    assert window.document.agreement is before
    assert window.chart.canvas.isVisible()
    with qtbot.waitSignal(task.settled, timeout=30000):
        release.set()
    assert window.document.agreement is before


def test_the_first_screen_fails_quietly_and_the_file_still_opens(
    qtbot: QtBot, window: MainWindow, large: tuple[Path, Agreement], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, agreement = large

    def broken(*_args: object, **_kwargs: object) -> object:
        raise ValueError("no first screen")

    monkeypatch.setattr("carveplan.ui.first_screen.first_screen", broken)
    with qtbot.waitSignal(window.chart.drawn, timeout=30000):
        window.show()
    with (
        qtbot.assertNotEmitted(window.chart.first_screen_shown),
        qtbot.waitSignal(window.files.opened, timeout=30000),
    ):
        assert window.files.open_path(path, ask=False)
    qtbot.waitUntil(lambda: window.chart.artists is not None and len(window.chart.artists.rows) > 3)
    assert window.document.agreement.lines == agreement.lines


def test_the_worker_waits_for_the_paint_before_resolving_the_rest(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carveplan.chart.rows import RowSelection
    from carveplan.chart.style import SCREEN
    from carveplan.ui import first_screen

    monkeypatch.setattr(first_screen, "PAINT_WAIT_SECONDS", 60.0)
    shown = threading.Event()
    reported: list[object] = []
    job = first_screen.screen_job((800, 600), SCREEN, RowSelection(), 0, 20, 15, shown)
    worker = threading.Thread(target=job, args=(national_agreement(1, per_party=20), reported.append))
    worker.start()
    qtbot.waitUntil(lambda: len(reported) == 1, timeout=30000)
    assert worker.is_alive()  # the screen is handed over; the rest waits for its paint
    shown.set()
    worker.join(30)
    assert not worker.is_alive()


def test_a_broken_large_file_says_where_and_puts_back_the_chart_before(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "LARGE_FILE_BYTES", 0)
    shown: list[list[str]] = []

    def record(dialog: object) -> int:
        table = dialog.table  # type: ignore[attr-defined]
        shown.append(
            [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
        )
        return 0

    monkeypatch.setattr("carveplan.ui.files.ProblemListDialog.exec", record)
    path = tmp_path / "broken.carveplan"
    native.save(national_agreement(1, per_party=20), path)
    path.write_text(path.read_text(encoding="utf-8").replace('"base": "', '"base": "x', 1), encoding="utf-8")
    with qtbot.waitSignal(window.chart.drawn, timeout=30000):
        window.show()
    before = window.document.agreement
    task_done: list[bool] = []
    with qtbot.assertNotEmitted(window.chart.first_screen_shown):
        assert window.files.open_path(path, ask=False)
        task = window.files.opening
        assert task is not None
        task.settled.connect(lambda: task_done.append(True))
        qtbot.waitUntil(lambda: task_done == [True], timeout=30000)
    assert window.document.agreement is before
    assert window.chart.canvas is not None
    assert window.chart.canvas.isVisible()  # the chart before, not a first screen
    assert len(shown) == 1
    assert any("lines[0].base" in cell for cell in shown[0])
