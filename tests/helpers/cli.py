"""Setting up command-line tests: a schedule written as CSV text, imported with ``carveplan import``."""

from __future__ import annotations

from pathlib import Path

import pytest

from carveplan.main import main


def run_import(folder: Path, name: str, schedule: str, party: str, eif: str) -> tuple[int, Path]:
    """Write ``schedule`` as ``name.csv`` in ``folder`` and import it as ``party``'s energy lines.

    Returns:
        The exit status and the ``.carveplan`` file it was asked to write.
    """
    source = folder / f"{name}.csv"
    source.write_text(schedule, encoding="utf-8")
    out = folder / f"{name}.carveplan"
    args = ["import", str(source), "-o", str(out), "--party", party, "--sector", "energy", "--eif", eif]
    return main(args), out


def imported(
    capsys: pytest.CaptureFixture[str], folder: Path, name: str, schedule: str, party: str, eif: str
) -> Path:
    """The agreement file :func:`run_import` wrote, after checking it succeeded; its output is dropped."""
    status, out = run_import(folder, name, schedule, party, eif)
    assert status == 0
    capsys.readouterr()
    return out
