"""Mega-regional benchmark: open, resolve, validate and draw the focused sector of 150,000 lines.

Run in a fresh process (its own peak memory), from the saved ``.carveplan`` file: the steps the app
takes to show such an agreement, each timed, against the least any reader does with the same file
(its bytes and one JSON parse) in the same process. Times are the process's processor seconds: the
machine is shared, and the steps are single-threaded. Validation is given the baseline already
resolved, as the app gives it the resolution it keeps, and resolves the scenario from it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from carveplan.io import native
from tests.benchmarks.harness import Result
from tests.benchmarks.mega import mega_agreement

SECONDS = 10.0  # the bound for the whole sequence
MEBIBYTES = 2048.0  # and for the process's peak memory
TIMEOUT = 900

_STEPS = """
import io, json, sys, time
from decimal import Decimal
from pathlib import Path
from matplotlib.figure import Figure
from carveplan.chart.gantt import draw_gantt
from carveplan.chart.rows import RowSelection
from carveplan.engine import validate
from carveplan.engine.incremental import full
from carveplan.io import native
from tests.benchmarks.harness import peak_mib

path = Path(sys.argv[1])
clock = time.process_time  # this process's own seconds: the machine is shared
start = clock()
json.loads(path.read_bytes().decode("utf-8-sig"), parse_float=Decimal, parse_constant=Decimal)
floor = clock() - start
marks = [clock()]
agreement = native.load(path)
marks.append(clock())
resolution = full(agreement)  # as the app resolves an opened file
schedule = resolution.schedule
marks.append(clock())
problems = validate(agreement, resolution)
marks.append(clock())
fig = Figure(figsize=(14, 9))
draw_gantt(fig, schedule, rows=RowSelection(sectors=("energy",), count=40), title_block=False, legend=False)
fig.savefig(io.BytesIO(), format="png", dpi=100)
marks.append(clock())
steps = [b - a for a, b in zip(marks, marks[1:])]
print(len(agreement.lines), floor, *steps, peak_mib(), flush=True)
"""


def run() -> list[Result]:
    """Generate and save the agreement, then time the steps in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mega.carveplan"
        native.save(mega_agreement(), path)
        size = path.stat().st_size / 2**20
        done = subprocess.run(
            [sys.executable, "-c", _STEPS, str(path)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    if done.returncode:
        raise RuntimeError(f"the mega-regional benchmark's process failed:\n{done.stderr[-2000:]}")
    lines, floor, opened, resolved, validated, drawn, peak = (float(x) for x in done.stdout.split())
    total = opened + resolved + validated + drawn
    name = f"mega-regional: {int(lines)} lines, 15 parties"
    parse = f"json.loads of the same {size:.0f} MB file"
    return [
        Result(f"{name}: open", opened, parse, floor),
        Result(f"{name}: resolve", resolved, parse, floor),
        Result(f"{name}: validate", validated, parse, floor),
        Result(f"{name}: draw the energy sector's first 40 rows", drawn, parse, floor),
        Result(f"{name}: open and resolve", opened + resolved, f"the issue's {SECONDS:g} s", SECONDS, 1.0),
        Result(
            f"{name}: open, resolve, validate and draw", total, f"the issue's {SECONDS:g} s", SECONDS, 1.0
        ),
        Result(f"{name}: peak memory", peak, f"the issue's {MEBIBYTES:g} MiB", MEBIBYTES, 1.0, unit="MiB"),
    ]
