"""Running a built CarvePlan as a user would: a clean environment, offscreen Qt, outputs checked."""

from __future__ import annotations

import os
import struct
import subprocess
from collections.abc import Sequence
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def clean_env(home: Path) -> dict[str, str]:
    """The environment minus anything that would let the checkout leak into the built program."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"} and not key.startswith("PYTEST")
    }
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), MPLCONFIGDIR=str(home / "mpl"))
    return env


def run(command: Sequence[str | Path], cwd: Path, timeout: float = 600) -> str:
    """Run ``command`` in ``cwd`` with :func:`clean_env`; returns stdout, raises with stderr on failure."""
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=clean_env(cwd),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header; fails unless the file starts like a PNG."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height
