"""Autosave after changes, cleared on save; a crashed session's autosave is offered for recovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

import carveplan
from carveplan.io import native
from carveplan.model import Agreement, RecordKind
from carveplan.ui import autosave, commands, sessions
from carveplan.ui.autosave import Autosaver, pending_recoveries
from carveplan.ui.document import Document


def test_autosave_follows_changes_and_is_cleared_on_save(
    qtbot: QtBot, small_agreement: Agreement, tmp_path: Path, monkeypatch: object
) -> None:
    monkeypatch.setattr(autosave, "DELAY_MS", 10)  # type: ignore[attr-defined]
    document = Document(small_agreement)
    saver = Autosaver(document)
    commands.edit_field(document, RecordKind.LINES, 0, "base", Decimal("4.5"))
    qtbot.waitUntil(saver.data_path.exists)
    assert native.load(saver.data_path).lines[0].base == Decimal("4.5")
    assert json.loads(saver.meta_path.read_text())["title"] == "Test agreement"
    native.save(document.agreement, tmp_path / "a.carveplan")
    document.mark_saved(tmp_path / "a.carveplan")
    assert not saver.data_path.exists()
    assert not saver.meta_path.exists()


def test_autosave_of_a_dead_session_is_offered(small_agreement: Agreement, tmp_path: Path) -> None:
    folder = autosave.autosave_dir()
    for stale in folder.iterdir():
        stale.unlink()
    native.save(small_agreement, folder / "crashed.carveplan")
    meta = {
        "pid": 2**22 + 12345,
        "original": str(tmp_path / "x.carveplan"),
        "title": "T",
        "saved_at": "2027-01-01T10:00:00",
    }
    (folder / "crashed.json").write_text(json.dumps(meta))
    found = pending_recoveries()
    assert [r.data.name for r in found] == ["crashed.carveplan"]
    assert found[0].load() == small_agreement
    assert found[0].original == tmp_path / "x.carveplan"
    found[0].discard()
    assert pending_recoveries() == []


def _left(folder: Path, stem: str, agreement: Agreement, **meta: object) -> None:
    native.save(agreement, folder / f"{stem}.carveplan")
    (folder / f"{stem}.json").write_text(
        json.dumps({"original": "", "saved_at": "2027-01-01T10:00:00", **meta})
    )


def test_a_live_session_autosave_is_not_offered(small_agreement: Agreement) -> None:
    folder = autosave.autosave_dir()
    other = os.getppid()  # another process that runs: the one that started the tests
    _left(folder, "live", small_agreement, pid=other, **sessions.identity(other))
    assert all(r.data.name != "live.carveplan" for r in pending_recoveries())
    (folder / "live.carveplan").unlink()
    (folder / "live.json").unlink()


def test_this_windows_own_autosave_is_not_offered(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    saver = Autosaver(document)
    commands.edit_field(document, RecordKind.LINES, 0, "base", Decimal("4.5"))
    saver.save_now()
    assert saver.data_path.exists()
    assert all(r.data != saver.data_path for r in pending_recoveries())
    saver.clear()


def test_a_restart_that_gets_the_crashed_process_id_back_is_offered_the_autosave(
    small_agreement: Agreement,
) -> None:
    # Containers and sandboxes hand a restarted program the id the crashed one had.
    folder = autosave.autosave_dir()
    _left(folder, "same-pid", small_agreement, pid=os.getpid(), **sessions.identity())
    # Another process now holds the id the crashed one had: it started later.
    other = os.getppid()
    _left(folder, "reused", small_agreement, pid=other, **{**sessions.identity(other), "started": "1"})
    found = {r.data.name for r in pending_recoveries()}
    assert {"same-pid.carveplan", "reused.carveplan"} <= found
    for recovery in pending_recoveries():
        recovery.discard()


def test_a_restart_straight_after_a_crash_is_offered_the_autosave(
    small_agreement: Agreement, tmp_path: Path
) -> None:
    for stale in autosave.autosave_dir().iterdir():
        if stale.is_file():
            stale.unlink()
    path = tmp_path / "work.carveplan"
    native.save(small_agreement, path)
    crash = f"""
import os, signal, sys
from dataclasses import replace
from PySide6.QtCore import QCoreApplication, QStandardPaths
QCoreApplication.setOrganizationName({QCoreApplication.organizationName()!r})
QCoreApplication.setApplicationName({QCoreApplication.applicationName()!r})
QStandardPaths.setTestModeEnabled(True)
app = QCoreApplication([])
from carveplan.io import native
from carveplan.ui import commands
from carveplan.ui.autosave import Autosaver
from carveplan.ui.document import Document
document = Document(native.load(sys.argv[1]), __import__("pathlib").Path(sys.argv[1]))
saver = Autosaver(document)
commands.apply(document, replace(document.agreement, title="Edited before the crash"), "Rename")
saver.save_now()
os.kill(os.getpid(), signal.SIGKILL)
"""
    env = {**os.environ, "PYTHONPATH": str(Path(carveplan.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", crash, str(path)], env=env, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL
    found = pending_recoveries()
    assert [r.title for r in found] == ["Edited before the crash"]
    assert found[0].original == path
    found[0].discard()
