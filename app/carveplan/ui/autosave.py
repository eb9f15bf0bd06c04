"""Autosave to the user's data folder a few seconds after each change, and recovery after a crash."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, QTimer

from carveplan.io import native
from carveplan.io.errors import ReadError, WriteError
from carveplan.model import Agreement
from carveplan.ui import sessions
from carveplan.ui.document import Document

DELAY_MS = 3000


def autosave_dir() -> Path:
    """``<AppDataLocation>/autosave``, created on demand."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base) / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Recovery:
    """Unsaved work left behind by a session that did not close cleanly.

    Attributes:
        data: the autosaved agreement file.
        meta: the metadata file beside it.
        original: the file the work belonged to, ``None`` for a never-saved document.
        title: the agreement's title.
        saved_at: when it was autosaved (ISO text).
    """

    data: Path
    meta: Path
    original: Path | None
    title: str
    saved_at: str

    def load(self) -> Agreement:
        """The recovered agreement."""
        return native.load(self.data)

    def discard(self) -> None:
        """Delete the autosave files."""
        self.data.unlink(missing_ok=True)
        self.meta.unlink(missing_ok=True)

    def set_aside(self) -> Path:
        """Keep the autosaved agreement where it will not be offered again; returns where it went.

        Answering "no" to a recovery must not lose the work: it may still be wanted tomorrow.
        """
        folder = set_aside_dir()
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.title).strip() or "unsaved"
        stamp = self.saved_at.replace(":", "").replace("T", " ")[:15]
        target = folder / f"{stem} {stamp}{native.SUFFIX}".replace("  ", " ")
        number = 2
        while target.exists():
            target = folder / f"{stem} {stamp} ({number}){native.SUFFIX}"
            number += 1
        self.data.replace(target)
        self.meta.unlink(missing_ok=True)
        return target


def set_aside_dir() -> Path:
    """Where declined recoveries are kept, beside the autosave folder (which only holds live work)."""
    folder = autosave_dir().parent / "autosave set aside"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pending_recoveries() -> list[Recovery]:
    """Autosaves whose session is gone (crashed or killed), newest first."""
    found: list[Recovery] = []
    for meta in autosave_dir().glob("*.json"):
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        data = meta.with_suffix(native.SUFFIX)
        if not data.exists() or not isinstance(info, dict) or sessions.alive(meta.stem, info):
            continue
        original = Path(info["original"]) if info.get("original") else None
        found.append(Recovery(data, meta, original, info.get("title", ""), info.get("saved_at", "")))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    """Writes the document to the autosave folder shortly after each change; forgets it on save."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        stem = uuid.uuid4().hex[:12]
        sessions.claim(stem)
        folder = autosave_dir()
        self.data_path = folder / f"{stem}{native.SUFFIX}"
        self.meta_path = folder / f"{stem}.json"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        # The stack's index moves after an edit is applied, when "modified" is already up to date.
        document.undo_stack.indexChanged.connect(self._on_stack_index_changed)
        document.modified_changed.connect(self._on_document_modified_changed)

    def save_now(self) -> None:
        """Write the autosave if there are unsaved changes."""
        if not self._document.is_modified:
            self.clear()
            return
        from datetime import datetime

        try:
            native.save(self._document.agreement, self.data_path)
        except (WriteError, OSError):
            return  # autosave is best effort; the user's own save reports errors
        meta = {
            **sessions.identity(),
            "pid": os.getpid(),
            "original": str(self._document.path) if self._document.path else "",
            "title": self._document.agreement.title,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
        }
        self.meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")

    def clear(self) -> None:
        """Remove this session's autosave (after a save, or on a clean exit)."""
        self._timer.stop()
        self.data_path.unlink(missing_ok=True)
        self.meta_path.unlink(missing_ok=True)

    def _on_stack_index_changed(self, index: int) -> None:
        stack = self._document.undo_stack
        # A stack being destroyed clears itself and emits one last time: nothing to save then.
        if not shiboken6.isValid(stack):
            return
        if index != stack.cleanIndex():
            self._timer.start()

    def _on_document_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.clear()


def load_recovery(recovery: Recovery) -> Agreement | None:
    """The recovered agreement, or ``None`` when the autosave itself is unreadable."""
    try:
        return recovery.load()
    except ReadError:
        return None
