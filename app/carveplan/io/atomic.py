"""Atomic file replacement: a save either lands whole or leaves the previous file untouched."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from carveplan.io.errors import WriteError


def write_atomic(path: str | Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` so that a crash or a full disk never leaves half a file.

    The bytes go to a temporary file in the same folder (so the final rename stays on one file
    system), are flushed and synced, and the temporary file is renamed over the target; then the
    folder is synced so the rename itself survives a power cut.

    Args:
        path: the file to write; a symbolic link is followed, so the link stays a link.
        data: the complete new contents, or its pieces in order (a large export streams them,
            never holding the whole file; an exception while they are made leaves no file).

    Raises:
        WriteError: when anything fails; the old file is then intact and no temporary file is left.
    """
    target = Path(os.path.realpath(path))
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    existed = target.exists()
    try:
        _write_synced(temporary, data, _mode_of(target))
        os.replace(temporary, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            temporary.unlink()
        kept = "; the previous file is unchanged" if existed else "; nothing was written"
        raise WriteError(f"could not save {target}: {_reason(err)}{kept}") from err
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    try:
        _sync_folder(target.parent)
    except OSError as err:
        message = f"saved {target}, but the folder could not be synced to disk: {_reason(err)}"
        raise WriteError(message) from err


def _mode_of(target: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666


def _write_synced(temporary: Path, data: bytes | Iterable[bytes], mode: int) -> None:
    # O_EXCL: never write through a file (or link) that someone else put at this name.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    with os.fdopen(fd, "wb") as stream:
        for piece in [data] if isinstance(data, bytes) else data:
            stream.write(piece)
        stream.flush()
        os.fsync(stream.fileno())


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for syncing; its rename is already durable
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _reason(err: OSError) -> str:
    return err.strerror or str(err)
