"""Starting the app: no display gives instructions, the start file, and crash recovery on start."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import carveplan
from carveplan.io import native
from carveplan.main import wants_cli
from carveplan.model import Agreement
from carveplan.resources import sample_path
from carveplan.ui import autosave
from carveplan.ui.main_window import MainWindow
from carveplan.ui.settings import add_recent_file
from carveplan.ui.startup import choose_start_file, offer_recovery


def test_without_a_display_the_app_says_how_to_run_it() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(Path(carveplan.__file__).resolve().parent.parent)
    done = subprocess.run(
        [sys.executable, "-m", "carveplan", str(sample_path())],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "xvfb-run -a " in done.stderr
    assert "Traceback" not in done.stderr


def test_the_launcher_tells_commands_from_files() -> None:
    assert wants_cli(["validate", "x.carveplan"])
    assert wants_cli(["--version"])
    assert not wants_cli(["x.carveplan"])
    assert not wants_cli([])


def test_start_file_is_the_argument_then_the_last_file_then_the_sample(tmp_path: Path) -> None:
    assert choose_start_file(["given.carveplan"]) == Path("given.carveplan")
    assert choose_start_file([]) == sample_path()
    last = tmp_path / "last.carveplan"
    last.write_text("{}", encoding="utf-8")
    add_recent_file(last)
    assert choose_start_file([]) == last.resolve()


def test_recovery_restores_unsaved_work_as_modified(
    qtbot: QtBot, small_agreement: Agreement, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "work.carveplan"
    native.save(small_agreement, original)
    folder = autosave.autosave_dir()
    for stale in folder.iterdir():
        if stale.is_file():
            stale.unlink()
    edited = small_agreement.__class__(**{**small_agreement.__dict__, "title": "Edited before the crash"})
    native.save(edited, folder / "dead.carveplan")
    meta = {
        "pid": 2**22 + 4321,
        "original": str(original),
        "title": edited.title,
        "saved_at": "2027-02-01T09:00:00",
    }
    (folder / "dead.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow()
    qtbot.addWidget(window)
    assert offer_recovery(window)
    assert window.document.agreement.title == "Edited before the crash"
    assert window.document.path == original
    assert window.document.is_modified
    window.document.undo_stack.undo()
    assert window.document.agreement == small_agreement
    assert not (folder / "dead.carveplan").exists()


def test_declined_recovery_keeps_the_autosave_aside_and_says_where(
    qtbot: QtBot, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = autosave.autosave_dir()
    shutil.rmtree(autosave.set_aside_dir(), ignore_errors=True)
    native.save(small_agreement, folder / "old.carveplan")
    meta = {"pid": 2**22 + 99, "original": "", "title": "Test agreement", "saved_at": "2027-02-01T09:00:00"}
    (folder / "old.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    assert not offer_recovery(window)
    assert not (folder / "old.carveplan").exists()
    kept = list(autosave.set_aside_dir().glob("*.carveplan"))
    assert [p.name for p in kept] == ["Test agreement 2027-02-01 0900.carveplan"]
    assert native.load(kept[0]) == small_agreement
    assert str(kept[0]) in told[0]
    assert autosave.pending_recoveries() == []  # not offered again


def test_the_display_advice_works_as_printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from carveplan.ui import app

    launcher = tmp_path / "venv" / "bin" / "carveplan"
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(launcher), "plan.carveplan"])
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # neither carveplan nor xvfb-run on PATH
    advice = app.no_display_advice(["plan.carveplan"])
    assert f"xvfb-run -a {launcher} plan.carveplan" in advice
    assert f"{launcher} --help" in advice
    assert "apt-get install xvfb" in advice
    monkeypatch.setattr(sys, "argv", ["-m"])  # python -m carveplan: the same Python again
    assert f"{sys.executable} -m carveplan --help" in app.no_display_advice([])
