"""Two windows, one file: the second is warned, and a save over a file changed on disk asks first."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import Agreement, RecordKind
from carveplan.ui import commands
from carveplan.ui.file_guard import lock_path
from carveplan.ui.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture
def saved(tmp_path: Path, small_agreement: Agreement) -> Path:
    path = tmp_path / "round.carveplan"
    native.save(small_agreement, path)
    return path


class Warnings(list[str]):
    """The titles of the warnings shown; each is answered from ``answers``, else with its default."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: dict[str, Button] = {"Unsaved changes": Button.Discard}

    def __call__(self, _parent: object, title: str, _text: str, _buttons: Button, default: Button) -> Button:
        self.append(title)
        return self.answers.get(title, default)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    warnings = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", warnings)
    return warnings


def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    return win


def test_a_lock_sits_next_to_the_open_file_until_the_window_closes(qtbot: QtBot, saved: Path) -> None:
    first = window(qtbot)
    assert first.files.open_path(saved, ask=False)
    assert lock_path(saved).exists()
    first.close()
    assert not lock_path(saved).exists()


def test_the_second_window_is_warned_and_cancel_keeps_it_as_it_was(
    qtbot: QtBot, saved: Path, asked: Warnings
) -> None:
    first, second = window(qtbot), window(qtbot)
    assert first.files.open_path(saved, ask=False)
    before = second.document.agreement
    assert not second.files.open_path(saved, ask=False)  # the default answer is Cancel
    assert asked == ["Open in another window"]
    assert second.document.agreement is before
    asked.answers["Open in another window"] = Button.Open
    assert second.files.open_path(saved, ask=False)
    assert second.document.path == saved


def test_no_warning_once_the_first_window_let_go(qtbot: QtBot, saved: Path, asked: Warnings) -> None:
    first, second = window(qtbot), window(qtbot)
    first.files.open_path(saved, ask=False)
    first.close()
    assert second.files.open_path(saved, ask=False)
    assert asked == []


def test_a_lock_left_by_a_crashed_carveplan_does_not_count(
    qtbot: QtBot, saved: Path, asked: Warnings
) -> None:
    # A process that takes the lock and dies without letting go, as a crash would.
    code = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(lock_path(saved))], check=True, timeout=60)
    assert lock_path(saved).exists()
    assert window(qtbot).files.open_path(saved, ask=False)
    assert asked == []


def test_saving_over_a_file_changed_on_disk_asks_first(
    qtbot: QtBot, saved: Path, asked: Warnings, small_agreement: Agreement
) -> None:
    win = window(qtbot)
    win.files.open_path(saved, ask=False)
    # Another program (or a window told to open anyway) saves its own edit.
    elsewhere = small_agreement.__class__(**{**small_agreement.__dict__, "title": "Saved elsewhere"})
    native.save(elsewhere, saved)
    os.utime(saved, ns=(os.stat(saved).st_atime_ns, os.stat(saved).st_mtime_ns + 5_000_000_000))
    commands.edit_field(win.document, RecordKind.LINES, 0, "base", Decimal("7"))
    assert not win.files.save()  # Cancel is the default
    assert asked[-1] == "File changed elsewhere"
    assert native.load(saved).title == "Saved elsewhere"
    assert win.document.is_modified
    asked.answers["File changed elsewhere"] = Button.Save
    assert win.files.save()
    assert native.load(saved).lines[0].base == Decimal("7")
    asked.clear()
    commands.edit_field(win.document, RecordKind.LINES, 0, "base", Decimal("6"))
    assert win.files.save()  # our own last save is not "changed elsewhere"
    assert asked == []
