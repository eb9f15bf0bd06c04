"""Benchmark plumbing: time a measure and its floor in the same run, report ratios and regressions."""

from __future__ import annotations

import gc
import platform
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")
REGRESSION = 1.25  # a ratio 25 % worse than the recorded one is reported


@dataclass(frozen=True)
class Result:
    """One measure against its floor.

    Attributes:
        name: what was measured.
        seconds: its time (best of the repeats).
        floor: what it is compared with.
        floor_seconds: the floor's time in the same run.
        target: the ratio it should stay within (``None``: informative only).
        unit: ``s`` for times; ``MiB`` for memory figures (then seconds hold the amount).
    """

    name: str
    seconds: float
    floor: str
    floor_seconds: float
    target: float | None = None
    unit: str = "s"

    @property
    def ratio(self) -> float:
        """Measure over floor."""
        return self.seconds / self.floor_seconds if self.floor_seconds else float("inf")

    @property
    def within_target(self) -> bool:
        """Whether the ratio meets its target (always true without one)."""
        return self.target is None or self.ratio <= self.target


def best_of(
    function: Callable[[], object], repeat: int = 3, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of ``repeat`` timed calls (garbage collected before each), by ``clock``."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        function()
        times.append(clock() - start)
    return min(times)


def best_of_both(
    measure: Callable[[], object], floor: Callable[[], object], repeat: int = 5
) -> tuple[float, float]:
    """The fastest of ``repeat`` calls of each, taken in turn: on a shared machine a burst of load
    then slows both sides alike instead of the one that happened to run during it."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, found in zip((measure, floor), times, strict=True):
            gc.collect()
            start = time.perf_counter()
            function()
            found.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def recorded_ratios(path: Path = RESULTS) -> dict[str, float]:
    """Ratios recorded in RESULTS.md (``| name | … | ratio | …`` rows)."""
    if not path.exists():
        return {}
    ratios: dict[str, float] = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) >= 6 and re.fullmatch(r"\d+(\.\d+)?", cells[4]):
            ratios[cells[0]] = float(cells[4])
    return ratios


def table(results: list[Result]) -> str:
    """A markdown table of the results."""
    lines = [
        "| measure | time | floor | floor time | ratio | target | ok |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        target = f"≤ {r.target:g}" if r.target is not None else "—"
        ok = "yes" if r.within_target else "NO"
        lines.append(
            f"| {r.name} | {r.seconds:.3f} {r.unit} | {r.floor} | {r.floor_seconds:.3f} {r.unit} "
            f"| {r.ratio:.2f} | {target} | {ok} |"
        )
    return "\n".join(lines)


def regressions(results: list[Result], recorded: dict[str, float]) -> list[str]:
    """Messages for ratios more than 25 % worse than recorded."""
    found = []
    for r in results:
        before = recorded.get(r.name)
        if before and r.ratio > before * REGRESSION:
            found.append(f"REGRESSION {r.name}: ratio {r.ratio:.2f} vs recorded {before:.2f}")
    return found


def peak_mib() -> float:
    """This process's resident high-water mark in MiB.

    ``VmHWM`` rather than ``ru_maxrss``: Linux carries ``ru_maxrss`` over ``exec`` from the forking
    parent, so a fresh subprocess would report the benchmark runner's own peak.
    """
    for row in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    """A one-line description of this machine."""
    import os

    cores = os.cpu_count()
    return f"{platform.machine()}, {cores} cores, Python {platform.python_version()}, {platform.system()}"


_EXPORT = """
import sys, time
from datetime import date
from pathlib import Path
from carveplan.io import native
from carveplan.io.formats import ExportOptions, exporter_for
from tests.benchmarks.harness import peak_mib
source, out, sectors, parties = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
agreement = native.load(source)
options = ExportOptions(today=date(2027, 6, 1), sectors=tuple(sectors.split(",") if sectors else ()),
                        parties=tuple(parties.split(",") if parties else ()))
before = peak_mib()
start, cpu = time.perf_counter(), time.process_time()
exporter_for(out)(agreement, out, options)
print(time.perf_counter() - start, time.process_time() - cpu, before, peak_mib())
"""


@dataclass(frozen=True)
class Export:
    """One export run in a fresh process.

    Attributes:
        seconds: wall-clock seconds the export took.
        cpu: processor seconds it used (on a shared machine, what it takes when nothing else runs:
            the export is single-threaded).
        before: resident MiB before the export.
        peak: the process's peak resident MiB.
    """

    seconds: float
    cpu: float
    before: float
    peak: float


def export_in_process(
    source: Path, out: Path, sectors: tuple[str, ...] = (), parties: tuple[str, ...] = ()
) -> Export:
    """Open ``source`` and export it to ``out`` (the suffix picks the format) in a fresh process."""
    import subprocess
    import sys

    args = [str(source), str(out), ",".join(sectors), ",".join(parties)]
    done = subprocess.run([sys.executable, "-c", _EXPORT, *args], capture_output=True, text=True, check=True)
    return Export(*(float(v) for v in done.stdout.split()))
