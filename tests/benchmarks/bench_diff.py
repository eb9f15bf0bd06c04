"""Diff benchmark: what moved between two rounds of a 15,000-line agreement, against resolving both."""

from __future__ import annotations

import dataclasses
import random

from carveplan.engine import resolve
from carveplan.engine.diff import diff
from carveplan.engine.diff_summary import summarize
from carveplan.model import Agreement
from tests.benchmarks.harness import Result, best_of
from tests.benchmarks.national import national_agreement

TARGET = 1.5  # the diff may cost half as much again as resolving the two rounds it compares


def revised(agreement: Agreement, seed: int = 3) -> Agreement:
    """The next round: a tenth of the lines re-categorized, 1 % withdrawn, 1 % split into two codes."""
    rng = random.Random(seed)
    lines = []
    for line in agreement.lines:
        draw = rng.random()
        if draw < 0.01:
            continue  # withdrawn
        if draw < 0.02:
            lines.extend(
                dataclasses.replace(line, id=f"{line.id}-{s}", code=f"{line.code}{s}") for s in ("10", "90")
            )
        elif draw < 0.12 and not line.phases:
            lines.append(dataclasses.replace(line, category=rng.choice(("A", "B10", "B15", "EXCL"))))
        else:
            lines.append(line)
    return dataclasses.replace(agreement, lines=tuple(lines))


def _diff(old: Agreement, new: Agreement) -> None:
    summarize(diff(old, new))


def _resolve_both(old: Agreement, new: Agreement) -> None:
    resolve(old)
    resolve(new)


def run() -> list[Result]:
    """Time the diff (with its summary) against resolving both versions."""
    old = national_agreement(1)
    new = revised(old)
    seconds = best_of(lambda: _diff(old, new))
    floor = best_of(lambda: _resolve_both(old, new))
    name = f"diff: two rounds of {len(old.lines)} lines, with summary"
    return [Result(name, seconds, "resolve both rounds", floor, TARGET)]
