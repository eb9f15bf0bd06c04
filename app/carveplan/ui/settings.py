"""Persistent settings: recent files, window geometry, last zoom (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def settings() -> QSettings:
    """The application's settings store (organization and name are set by the app)."""
    return QSettings()


def recent_files() -> list[Path]:
    """Recently opened files that still exist, most recent first."""
    value = settings().value("recent_files", [])
    if isinstance(value, str):
        names = [value]
    elif isinstance(value, list | tuple):
        names = [str(v) for v in value]
    else:
        names = []
    return [Path(n) for n in names if Path(n).exists()]


def add_recent_file(path: Path) -> None:
    """Put ``path`` first in the recent files."""
    names = [str(p) for p in recent_files() if p.resolve() != path.resolve()]
    settings().setValue("recent_files", [str(path.resolve()), *names][:MAX_RECENT])


def last_file() -> Path | None:
    """The file opened most recently, if it still exists."""
    files = recent_files()
    return files[0] if files else None
