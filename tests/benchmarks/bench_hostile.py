"""Hostile inputs: time and peak memory of the command that reads each, in a fresh process.

Floors, measured in the same run:
- each input against ``carveplan validate`` of a small valid agreement (starting the program and
  reading a file), for information; every input must stay within 10 s and 1 GiB (``BOUND_*``);
- MS Project import of 100,000 tasks (target) against a hundred times the import of 1,000: the
  import is linear in tasks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import Result
from tests.data.make_hostile_files import CASES, HOSTILE, agreement, big_files, many_tasks

ROOT = Path(__file__).resolve().parents[2]
BOUND_SECONDS = 10.0
BOUND_MIB = 1024.0
LINEAR_TARGET = 1.5
_BIG = {
    "long-cell.csv": ("import", "{file}", "-o", "{out}", "--party", "VNM", "--eif", "2027-01-01"),
    "nested.carveplan": ("validate", "{file}"),
    "tasks-100000.xml": ("import", "{file}", "-o", "{out}"),
    "chain-20000.xml": ("import", "{file}", "-o", "{out}"),
}


# The child reports its own high-water mark: ru_maxrss would carry over the runner's (see peak_mib).
_RUNNER = (
    "import sys; from carveplan.main import main; from tests.benchmarks.harness import peak_mib\n"
    "try:\n    status = main(sys.argv[2:])\nfinally:\n"
    "    open(sys.argv[1], 'w', encoding='ascii').write(str(peak_mib()))\n"
    "sys.exit(status)"
)


def child(args: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of ``carveplan ARGS`` in a fresh process (inf MiB if it died)."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'app'}{os.pathsep}{ROOT}"}
    peak = cwd / "peak.txt"
    peak.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _RUNNER, str(peak), *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    seconds = time.perf_counter() - start
    return seconds, float(peak.read_text(encoding="ascii")) if peak.exists() else float("inf")


def run() -> list[Result]:
    """Every hostile input's command against the floor; the 100,000-task import against 100 × 1,000."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        small = folder / "small.carveplan"
        from carveplan.io.native import save

        save(agreement(), small)
        floor, floor_mib = min(child(["validate", str(small)], folder) for _ in range(3))
        inputs = {name: (HOSTILE / name, case.command) for name, case in CASES.items()}
        for name, data in big_files().items():
            (folder / name).write_bytes(data)
            inputs[name] = (folder / name, _BIG[name])
        results: list[Result] = []
        worst = ("", 0.0)
        for name, (path, command) in inputs.items():
            args = [part.format(file=path, out=folder / "out.carveplan") for part in command]
            seconds, mib = child(args, folder)
            (folder / "out.carveplan").unlink(missing_ok=True)
            results.append(Result(f"hostile: {name}", seconds, "validate a small agreement", floor))
            worst = max(worst, (name, mib), key=lambda item: item[1])
            _report_bound(name, seconds, mib)
        results.append(
            Result(
                f"hostile: peak memory, worst ({worst[0]})",
                worst[1],
                "validate a small agreement",
                floor_mib,
                unit="MiB",
            )
        )
        results.append(_linear(folder))
    return results


def _linear(folder: Path) -> Result:
    small, large = folder / "plan-1000.xml", folder / "plan-100000.xml"
    small.write_bytes(many_tasks(1_000))
    large.write_bytes(many_tasks(100_000))
    start = child(["--version"], folder)[0]  # starting the program, taken off both
    one = min(child(["import", str(small), "-o", "a.carveplan"], folder)[0] for _ in range(3)) - start
    hundred = child(["import", str(large), "-o", "b.carveplan"], folder)[0] - start
    return Result(
        "hostile: MS Project import, 100,000 tasks",
        hundred,
        "100 × the import of 1,000 tasks",
        100 * one,
        LINEAR_TARGET,
    )


def _report_bound(name: str, seconds: float, mib: float) -> None:
    if seconds > BOUND_SECONDS or mib > BOUND_MIB:
        print(f"OVER BOUND {name}: {seconds:.1f} s, {mib:.0f} MiB", file=sys.stderr)
