"""Two windows, one file: a lock next to an open agreement, and a check that it did not change on disk."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(path: Path) -> Path:
    """The lock file next to ``path``: hidden, and named after it (``.~lock.deal.carveplan#``, as
    office suites name theirs, so colleagues on a shared drive recognize it)."""
    return path.with_name(f".~lock.{path.name}#")


@dataclass(frozen=True)
class Holder:
    """Who holds a file open.

    Attributes:
        pid: the process id.
        host: the machine's name.
        app: the program's name.
    """

    pid: int
    host: str
    app: str

    def describe(self) -> str:
        """``another CarvePlan (process 4242 on laptop-17)``."""
        return f"another CarvePlan (process {self.pid} on {self.host})" if self.host else "another CarvePlan"


@dataclass(frozen=True)
class Stamp:
    """What a file looked like when it was read or written: a later save elsewhere changes it.

    Attributes:
        mtime_ns: the modification time.
        size: the size in bytes.
    """

    mtime_ns: int
    size: int


def stamp_of(path: Path) -> Stamp | None:
    """The file's stamp now, ``None`` when it is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Stamp(info.st_mtime_ns, info.st_size)


class FileGuard:
    """Holds the lock of the one file a window has open, and its stamp when last read or written."""

    def __init__(self) -> None:
        self._lock: QLockFile | None = None
        self.path: Path | None = None
        self.stamp: Stamp | None = None

    def holder(self, path: Path) -> Holder | None:
        """Who else has ``path`` open (a live lock that is not ours), or ``None``.

        A lock left by a process that died (a crash) is stale and does not count.
        """
        if self._lock is not None and self.path == path:
            return None
        probe = QLockFile(str(lock_path(path)))
        probe.setStaleLockTime(0)  # a live CarvePlan may keep a file open for days
        if probe.tryLock(0):
            probe.unlock()
            return None
        if probe.error() != QLockFile.LockError.LockFailedError:
            return None  # a read-only folder: no lock can be taken, nobody holds one
        info = probe.getLockInfo()  # (pid, host, app) when the lock file could be read
        if isinstance(info, tuple) and len(info) == 3:
            return Holder(int(info[0]), str(info[1]), str(info[2]))
        return Holder(0, "", "")

    def take(self, path: Path) -> bool:
        """Hold ``path`` (dropping the previous file); ``False`` when another process holds it."""
        self.release()
        self.path = path
        self.stamp = stamp_of(path)
        lock = QLockFile(str(lock_path(path)))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._lock = lock
            return True
        return False

    def release(self) -> None:
        """Let go of the file: other windows may open it without a warning."""
        if self._lock is not None:
            self._lock.unlock()
        self._lock = None
        self.path = None
        self.stamp = None

    def changed_on_disk(self, path: Path) -> bool:
        """Whether ``path`` was written by someone else since this window read or wrote it."""
        if path != self.path or self.stamp is None:
            return False
        return stamp_of(path) != self.stamp

    def saved(self, path: Path) -> None:
        """Record our own save of ``path`` (taking its lock when it is a new file)."""
        if path != self.path or self._lock is None:
            self.take(path)
        self.stamp = stamp_of(path)
