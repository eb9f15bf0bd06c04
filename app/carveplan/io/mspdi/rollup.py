"""Outline numbers and work for the task list: GNOME Planner builds its tree and its bars from them."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from carveplan.io.mspdi.fields import MINUTES_PER_DAY, MsTask


def outline_numbers(tasks: list[MsTask]) -> list[str]:
    """``1``, ``1.1``, ``1.1.1`` … for tasks in outline order, from their outline levels.

    A level deeper than one below its parent (a plan drafted elsewhere may skip one) nests under it.
    """
    numbers: list[str] = []
    counters: list[int] = []
    prefixes: list[str] = [""]  # the number of each open level, and a dot: "", "2.", "2.1." …
    for task in tasks:
        depth = max(1, min(task.level, len(counters) + 1))
        if len(counters) >= depth:
            del counters[depth:], prefixes[depth:]
            counters[-1] += 1
        else:
            counters.append(1)
        number = f"{prefixes[-1]}{counters[-1]}"
        numbers.append(number)
        prefixes.append(number + ".")
    return numbers


def work_minutes(tasks: list[MsTask]) -> list[int]:
    """The work of each task in minutes: the weekday hours of its span, the sum below for a summary.

    Planner schedules a task without resources by its work, on the Monday-Friday 8-hour calendar its
    import gives every plan: a task without work is a zero-length bar there, and a task whose work is
    its weekday hours ends where ours does. MS Project and ProjectLibre schedule phases by duration on
    our every-day calendar and take work as information.
    """
    work = [_own(task) for task in tasks]
    open_summaries: list[int] = []
    for index, task in enumerate(tasks):
        while open_summaries and tasks[open_summaries[-1]].level >= task.level:
            open_summaries.pop()
        if not task.summary:
            for summary in open_summaries:
                work[summary] += work[index]
        else:
            open_summaries.append(index)
    return work


def _own(task: MsTask) -> int:
    if task.summary or task.milestone:
        return 0
    return weekdays(task.start, task.finish) * MINUTES_PER_DAY


@lru_cache(maxsize=8192)  # tasks share a few hundred spans
def weekdays(first: date, last: date) -> int:
    """Mondays to Fridays from ``first`` to ``last`` inclusive."""
    days = (last - first).days + 1
    weeks, rest = divmod(days, 7)
    start = first.weekday()
    return weeks * 5 + sum(1 for offset in range(rest) if (start + offset) % 7 < 5)


def minutes_text(minutes: int) -> str:
    """An MSPDI duration such as ``PT40H0M0S``."""
    return f"PT{minutes // 60}H{minutes % 60}M0S"
