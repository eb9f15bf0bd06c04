"""Engine benchmark: resolve + trajectory of every line, at 1× and 2× national scale."""

from __future__ import annotations

import dataclasses

from carveplan.engine import resolve, trajectory, year_range
from tests.benchmarks.harness import Result, best_of
from tests.benchmarks.national import national_agreement


def _resolve_and_trajectory(agreement: object) -> None:
    schedule = resolve(agreement, "sanctions persist")  # type: ignore[arg-type]
    trajectory(schedule, year_range(schedule))


def _floor(agreement: object) -> None:
    # The least any resolver does: look at every phase of every line once and build a record for it.
    for line in agreement.lines:  # type: ignore[attr-defined]
        for phase in line.phases:
            dataclasses.replace(phase)
        dataclasses.replace(line)


def run() -> list[Result]:
    """Time the engine at both scales against a floor of touching every record once."""
    results = []
    timings = {}
    for scale in (1, 2):
        agreement = national_agreement(scale)
        lines = len(agreement.lines)
        seconds = best_of(lambda a=agreement: _resolve_and_trajectory(a))
        floor = best_of(lambda a=agreement: _floor(a))
        timings[scale] = seconds
        results.append(
            Result(
                f"engine: resolve + trajectory, {lines} lines", seconds, "copy every line once", floor, None
            )
        )
    results.append(
        Result("engine: scaling 2× lines / 1× lines", timings[2], "twice the 1× time", 2 * timings[1], 1.25)
    )
    results.append(_duties())
    return results


def _duties() -> Result:
    # The same agreement twice: all ad valorem, and a fifth specific or compound (issue: within 1.2×).
    plain = national_agreement(1)
    mixed = national_agreement(1, duties=True)
    resolve(mixed)  # warm the category cache as the plain run is warmed by the runs above
    return Result(
        f"engine: resolve {len(mixed.lines)} lines, a fifth specific or compound",
        best_of(lambda: resolve(mixed)),
        "all ad valorem",
        best_of(lambda: resolve(plain)),
        1.2,
    )
