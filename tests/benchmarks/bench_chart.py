"""Chart benchmark: render 2,000 and 10,000 lines to PNG against a bare PolyCollection of the same bars.

``run()`` returns one dict per size (name, seconds, floor_seconds, ratio, target); running the
module prints them.
"""

from __future__ import annotations

import gc
import io
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from carveplan.chart.gantt import draw_gantt
from carveplan.chart.style import SCREEN
from tests.helpers.schedules import big_schedule

SIZES = (2_000, 10_000)
TARGET = 2.0
FIG_SIZE = (13.333, 40.0)
DPI = 100


def _best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _chart(schedule: Any) -> None:
    fig = Figure(figsize=FIG_SIZE)
    draw_gantt(fig, schedule, style=SCREEN)
    fig.savefig(io.BytesIO(), format="png", dpi=DPI)


def _floor(verts: Any, colours: Any, limits: tuple[float, float, int]) -> None:
    fig = Figure(figsize=FIG_SIZE)
    ax = fig.add_axes((0.2, 0.1, 0.75, 0.8))
    ax.add_collection(PolyCollection(verts, facecolors=colours), autolim=False)
    ax.set_xlim(limits[0], limits[1])
    ax.set_ylim(limits[2], -0.5)
    fig.savefig(io.BytesIO(), format="png", dpi=DPI)


def run() -> list[dict[str, Any]]:
    """Time the chart at each size against the floor drawn in the same run.

    Returns:
        One dict per size: ``name``, ``seconds``, ``floor``, ``floor_seconds``, ``ratio``, ``target``.
    """
    results: list[dict[str, Any]] = []
    for count in SIZES:
        schedule = big_schedule(count)
        fig = Figure(figsize=FIG_SIZE)
        art = draw_gantt(fig, schedule, style=SCREEN)
        phases = art.collections["phases"]
        verts = np.array([path.vertices[:4] for path in phases.get_paths()])
        colours = phases.get_facecolors()
        limits = (art.ax.get_xlim()[0], art.ax.get_xlim()[1], len(art.rows))
        seconds = _best(lambda s=schedule: _chart(s))
        floor = _best(lambda v=verts, c=colours, lim=limits: _floor(v, c, lim))
        results.append(
            {
                "name": f"chart: {count} lines to PNG",
                "seconds": seconds,
                "floor": f"bare PolyCollection of the same {len(verts)} bars",
                "floor_seconds": floor,
                "ratio": seconds / floor if floor else float("inf"),
                "target": TARGET,
            }
        )
    return results


def main() -> None:
    """Print the results."""
    for r in run():
        print(
            f"{r['name']}: {r['seconds']:.2f} s; {r['floor']}: {r['floor_seconds']:.2f} s; "
            f"ratio {r['ratio']:.2f} (target ≤ {r['target']:g})"
        )


if __name__ == "__main__":
    main()
