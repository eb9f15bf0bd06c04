"""Autosave after changes, cleared on save; a crashed session's autosave is offered for recovery."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import Agreement, RecordKind
from carveplan.ui import autosave, commands
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


def test_a_live_session_autosave_is_not_offered(small_agreement: Agreement) -> None:
    import os

    folder = autosave.autosave_dir()
    native.save(small_agreement, folder / "live.carveplan")
    (folder / "live.json").write_text(json.dumps({"pid": os.getpid(), "original": ""}))
    assert all(r.data.name != "live.carveplan" for r in pending_recoveries())
    (folder / "live.carveplan").unlink()
    (folder / "live.json").unlink()
