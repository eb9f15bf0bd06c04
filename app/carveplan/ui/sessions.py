"""Whether the CarvePlan session that wrote an autosave still runs, told apart from a later process
that happens to get the same process id."""

from __future__ import annotations

import os
from pathlib import Path

# Autosave stems of this process's own windows: their files are live work, never a recovery.
_OURS: set[str] = set()


def claim(stem: str) -> None:
    """Mark ``stem``'s autosave as this process's own."""
    _OURS.add(stem)


def identity(pid: int | None = None) -> dict[str, str]:
    """What tells a process from a later one with the same id: the boot and its start time (Linux).

    Empty elsewhere, where the process id alone is all there is.
    """
    pid = os.getpid() if pid is None else pid
    started = _start_ticks(pid)
    boot = _read(Path("/proc/sys/kernel/random/boot_id"))
    found = {"started": started, "boot": boot}
    return {key: value for key, value in found.items() if value}


def alive(stem: str, info: dict[str, object]) -> bool:
    """Whether the session that wrote the autosave ``stem`` (its metadata ``info``) still runs.

    A restart straight after a crash often gets the crashed process's id back (containers, sandboxes
    and PID 1 always do): the same id in another process, another boot or a zombie is a dead session.
    """
    if stem in _OURS:
        return True
    try:
        pid = int(str(info.get("pid", 0)))
    except ValueError:
        return False
    if pid <= 0 or pid == os.getpid():
        return False  # this process did not write it: an earlier one with our id did
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        pass  # another user's process: it exists; is it the one that wrote the file?
    now = identity(pid)
    for key in ("boot", "started"):
        if info.get(key) and now.get(key) and info[key] != now[key]:
            return False
    return _state(pid) != "Z"  # a zombie has ended; only its parent has not noticed


def _start_ticks(pid: int) -> str:
    stat = _read(Path(f"/proc/{pid}/stat"))
    # The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else ""


def _state(pid: int) -> str:
    fields = _read(Path(f"/proc/{pid}/stat")).rpartition(")")[2].split()
    return fields[0] if fields else ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
