"""Write a file all at once: into a temporary file beside it, then renamed over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from carveplan.io.errors import WriteError


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path to write; it replaces ``path`` only if the block ends without an exception.

    The temporary file sits in the same folder so the final rename cannot cross file systems, and a
    failed or cancelled write leaves neither a half-written file nor the temporary one behind.

    Args:
        path: the file to write.

    Yields:
        The temporary path to write to.

    Raises:
        WriteError: when the folder cannot be written (missing, read-only, disk full).
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise WriteError(f"cannot write {path}: {err.strerror or err}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise WriteError(f"cannot write {path}: {err.strerror or err}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
