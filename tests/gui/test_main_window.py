"""The main window: title and modified state, open and save, unsaved-changes prompt, drops, failures."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import Agreement, RecordKind
from carveplan.resources import sample_path
from carveplan.ui import commands
from carveplan.ui.main_window import MainWindow
from carveplan.ui.outline import KEY_ROLE
from carveplan.ui.scenario_box import ScenarioBox
from carveplan.ui.settings import settings
from tests.helpers.pictures import saved_picture


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    return win


@pytest.fixture
def saved(tmp_path: Path, small_agreement: Agreement) -> Path:
    path = tmp_path / "small.carveplan"
    native.save(small_agreement, path)
    return path


def test_title_shows_name_and_modified_mark(window: MainWindow, saved: Path) -> None:
    assert window.files.open_path(saved, ask=False)
    assert window.windowTitle() == "small.carveplan[*] — CarvePlan"
    assert not window.isWindowModified()
    commands.edit_field(window.document, RecordKind.LINES, 0, "base", Decimal("1"))
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_save_writes_the_file_and_clears_modified(window: MainWindow, saved: Path) -> None:
    window.files.open_path(saved, ask=False)
    commands.edit_field(window.document, RecordKind.LINES, 0, "description", "Liquefied natural gas")
    assert window.files.save()
    assert native.load(saved).lines[0].description == "Liquefied natural gas"
    assert not window.document.is_modified


def test_save_as_adds_the_suffix(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "renamed"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save_as()
    assert (tmp_path / "renamed.carveplan").exists()
    assert window.document.path == tmp_path / "renamed.carveplan"


@pytest.mark.parametrize(
    ("answer", "opened"),
    [(QMessageBox.StandardButton.Cancel, False), (QMessageBox.StandardButton.Discard, True)],
)
def test_unsaved_changes_prompt(
    window: MainWindow, saved: Path, monkeypatch: pytest.MonkeyPatch, answer: object, opened: bool
) -> None:
    window.files.open_path(saved, ask=False)
    commands.edit_field(window.document, RecordKind.LINES, 0, "base", Decimal("2"))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: asked.append(args[2]) or answer)
    assert window.files.open_path(sample_path()) is opened
    assert asked
    assert "unsaved changes" in asked[0]
    assert (window.document.path == sample_path()) is opened


def test_close_with_unsaved_changes_can_be_cancelled(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show()
    commands.apply(window.document, dataclasses.replace(window.document.agreement, title="Changed"), "Rename")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()


def test_failed_open_lists_problems_and_keeps_the_document(
    window: MainWindow, saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.files.open_path(saved, ask=False)
    before = window.document.agreement
    broken = tmp_path / "broken.carveplan"
    broken.write_text('{"format": "carveplan", "version": 1, "agreement": {"title": 3}}', encoding="utf-8")
    shown: list[int] = []
    monkeypatch.setattr(
        "carveplan.ui.files.ProblemListDialog.exec", lambda self: shown.append(self.table.rowCount())
    )
    assert not window.files.open_path(broken, ask=False)
    assert shown
    assert shown[0] >= 1
    assert window.document.agreement is before
    assert window.document.path == saved


def test_dropping_a_file_opens_it(window: MainWindow, saved: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(saved))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.path == saved


def test_scenario_box_switches_the_document_scenario(window: MainWindow, saved: Path) -> None:
    window.files.open_path(saved, ask=False)
    box = window.findChild(ScenarioBox)
    assert isinstance(box, ScenarioBox)
    assert [box.itemText(i) for i in range(box.count())] == ["baseline", "sanctions persist"]
    box.setCurrentText("sanctions persist")
    assert window.document.scenario == "sanctions persist"


def test_status_bar_counts(window: MainWindow, saved: Path) -> None:
    window.files.open_path(saved, ask=False)
    assert "3 lines" in window._status_counts.text()


def test_main_window_renders_the_sample(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.resize(1400, 900)
    window.show()
    window.files.open_path(sample_path(), ask=False)
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        window.chart.schedule_redraw()
    saved_picture(window.grab(), tmp_path / "main-window.png", min_colours=24)


def test_the_last_zoom_is_remembered(qtbot: QtBot, saved: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.files.open_path(saved, ask=False)
    first.chart.zoom_in()
    start, end = first.chart.current_window()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.files.open_path(saved, ask=False)
    window = second.chart.state.window
    assert window is not None
    assert (window[1] - window[0]) == (end - start)


def test_all_sectors_switch_shows_the_other_lines(
    qtbot: QtBot, window: MainWindow, small_agreement: Agreement
) -> None:
    from carveplan.model import Line, Sector

    horses = Line("H-1", "VNM", "other", "0101.21", "Horses", base=Decimal(5), category="B5")
    agreement = dataclasses.replace(
        small_agreement,
        sectors=(*small_agreement.sectors, Sector("other", "Other")),
        lines=(*small_agreement.lines, horses),
    )
    window.show()
    window.document.load(agreement, None)
    assert "H-1" not in [row.key for row in window.chart.all_rows()]
    action = window.bench.actions["all_sectors"]
    assert action.isCheckable()
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        action.trigger()
    assert action.isChecked()
    assert "H-1" in [row.key for row in window.chart.all_rows()]
    assert window.files.all_sectors
    model = window.outline.model
    assert model.match(model.index(0, 0), KEY_ROLE, "H-1", 1, Qt.MatchFlag.MatchRecursive)


def test_status_bar_counts_problems_in_words(window: MainWindow) -> None:
    window._on_problems_counts_changed(1, 2)
    assert window._status_problems.text() == "1 error · 2 warnings"
    window._on_problems_counts_changed(0, 1)
    assert window._status_problems.text() == "0 errors · 1 warning"


def test_an_error_no_reader_expected_shows_a_dialog_and_keeps_the_document(
    window: MainWindow, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))

    def overflow(_path: Path) -> Agreement:
        raise MemoryError

    monkeypatch.setattr("carveplan.ui.files.read_agreement", overflow)
    before = window.document.agreement
    assert not window.files.open_path(saved, ask=False)
    assert "could not be read (MemoryError)" in shown[0]
    assert window.document.agreement is before


def test_a_first_start_on_a_small_screen_keeps_the_window_on_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    # The default 1400x900 ran off a 1280x720 screen: no status bar, the tables' buttons cut.
    screen = QRect(0, 0, 1280, 720)
    window.fit_screen(screen)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= screen.width()
    assert window.height() <= screen.height()
    assert window.windowState() & Qt.WindowState.WindowMaximized
    image = saved_picture(window.grab(), tmp_path / "small-screen.png")
    assert image.width() <= screen.width()
    assert image.height() <= screen.height()
    status = window.statusBar()
    assert status.isVisible()
    assert status.geometry().bottom() < window.height()


def test_a_saved_window_size_is_kept(window: MainWindow) -> None:
    settings().setValue("window/geometry", window.saveGeometry())
    window.fit_screen(QRect(0, 0, 1280, 720))
    assert window.width() == 1400
