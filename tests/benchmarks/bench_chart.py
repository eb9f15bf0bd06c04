"""Chart benchmark: render 2,000 and 10,000 lines to PNG against a bare PolyCollection of the same bars."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from carveplan.chart.gantt import draw_gantt
from carveplan.chart.style import SCREEN
from tests.benchmarks.harness import Result, best_of
from tests.helpers.schedules import big_schedule

SIZES = (2_000, 10_000)
TARGET = 2.0
FIG_SIZE = (13.333, 40.0)
DPI = 100


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


def run() -> list[Result]:
    """Time the chart at each size against the floor drawn in the same run."""
    results = []
    for count in SIZES:
        schedule = big_schedule(count)
        art = draw_gantt(Figure(figsize=FIG_SIZE), schedule, style=SCREEN)
        phases = art.collections["phases"]
        # The floor draws exactly the chart's phase rectangles, in its colours and window.
        verts = np.array([path.vertices[:4] for path in phases.get_paths()])
        colours = phases.get_facecolors()
        limits = (art.ax.get_xlim()[0], art.ax.get_xlim()[1], len(art.rows))
        seconds = best_of(lambda s=schedule: _chart(s))
        floor = best_of(lambda v=verts, c=colours, lim=limits: _floor(v, c, lim))
        name = f"chart: {count} lines to PNG"
        results.append(Result(name, seconds, f"bare PolyCollection, same {len(verts)} bars", floor, TARGET))
    return results
