"""Running a built CarvePlan as a user would: a clean environment, offscreen Qt, outputs checked."""

from __future__ import annotations

import os
import struct
import subprocess
import zipfile
from collections.abc import Callable, Mapping, Sequence
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


def bare_env(home: Path) -> dict[str, str]:
    """Only what a desktop session would set: no Python, no venv, nothing from the test run."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home),
    }


def run(
    command: Sequence[str | Path], cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 600
) -> str:
    """Run ``command`` in ``cwd`` (default environment :func:`clean_env`); returns stdout.

    Raises:
        AssertionError: with the output, when the command fails.
    """
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=dict(env) if env is not None else clean_env(cwd),
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


def _zip_holding(member: str) -> Callable[[Path], bool]:
    def check(path: Path) -> bool:
        return zipfile.is_zipfile(path) and member in zipfile.ZipFile(path).namelist()

    return check


# suffix -> whether a file is plausibly of that format; every exporter's suffix needs an entry here.
LOOKS_LIKE: dict[str, Callable[[Path], bool]] = {
    ".png": lambda path: min(png_size(path)) >= 200,
    ".svg": lambda path: b"<svg" in path.read_bytes()[:2048],
    ".pdf": lambda path: path.read_bytes().startswith(b"%PDF-"),
    ".ics": lambda path: path.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR"),
    ".xlsx": _zip_holding("xl/workbook.xml"),
    ".pptx": _zip_holding("ppt/presentation.xml"),
    ".xml": lambda path: b"<Project" in path.read_bytes()[:1024],
}
