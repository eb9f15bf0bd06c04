"""What phases are dated by, as plain values: the keys of dates worked out once per scenario.

Lines of one category and any base rate, or with explicit phases written alike, start on the same
dates; so do the lines with the same gates. The dates are kept by the timings and gates they hang
off. Hashing and comparing the model's records goes through their generated ``__hash__`` and
``__eq__`` for every field, record in record (a timing's offset, a gate's lag), which cost more than
dating a line; these keys hold the same fields as tuples of strings, numbers and dates, equal
exactly when the records are.
"""

from __future__ import annotations

from itertools import count
from typing import Any

from carveplan.engine.memo import LIMIT, agreement_memo
from carveplan.model import Agreement, Gate, Offset, Phase

Key = tuple[object, ...]

_TIMINGS = "timings"  # the agreement memo's entry: ({timings key: number}, {tuple id: (tuple, number)})
_numbers = count()  # never twice, whichever memo: dates kept by number stay those of their timings


def timings_number(phases: tuple[Phase, ...], agreement: Agreement, shared: bool) -> int:
    """A number for the timings and gates of ``phases``, whatever their values and labels.

    The number of a ``shared`` tuple (generated phases, which many lines and every scenario share)
    is kept with the tuple (a bounded number of them) in the agreement's memo, so its timings are
    read once, not once per line or per resolve; a line's own phases are read each time (kept, they
    would hold every version of an edited line).
    """
    memo = agreement_memo(agreement)
    tables: tuple[dict[Key, int], dict[int, tuple[tuple[Phase, ...], int]]] | None = memo.get(_TIMINGS)
    if tables is None:
        tables = memo[_TIMINGS] = ({}, {})
    numbers, by_tuple = tables
    if not shared:
        return _number(numbers, phases)
    entry = by_tuple.get(id(phases))
    if entry is None or entry[0] is not phases:  # the tuple is kept with its number: its id stays its own
        if len(by_tuple) >= LIMIT:  # a table's rows are made afresh for each line: keep a bounded number
            by_tuple.clear()
        entry = by_tuple[id(phases)] = (phases, _number(numbers, phases))
    return entry[1]


def _number(numbers: dict[Key, int], phases: tuple[Phase, ...]) -> int:
    key = timings_key(phases)
    found: Any = numbers.get(key)
    if found is None:
        if len(numbers) >= LIMIT:  # forgotten timings get a new number: dates kept by the old one stay right
            numbers.clear()
        found = numbers[key] = next(_numbers)
    number: int = found
    return number


def timings_key(phases: tuple[Phase, ...]) -> Key:
    """Each phase's timing and gates, field by field."""
    return tuple(
        (start.anchor, start.day, start.year, start.milestone, _offset(start.offset), gates_key(phase.gates))
        for phase in phases
        for start in (phase.start,)
    )


def gates_key(gates: tuple[Gate, ...]) -> Key:
    """Each gate's milestone and lag."""
    if not gates:
        return ()
    return tuple((gate.milestone, _offset(gate.lag)) for gate in gates)


def _offset(offset: Offset | None) -> tuple[int, str] | None:
    return None if offset is None else (offset.amount, offset.unit)
