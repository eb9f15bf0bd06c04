"""Bar segments of many lines at once: one pass to read the phases, then numpy for the spans.

A line's bar runs from EIF to its final value: a base span while the base rate applies, one span per
phase that is followed by another, and a blocked span (open to the right edge) from the first phase
that cannot start; a carve-out is one open span. The last phase has no span: its value is the label
after the bar's end.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from operator import attrgetter

import numpy as np

from carveplan.chart.axes import day_num
from carveplan.engine.schedule import ResolvedLine

BASE, PHASE, BLOCKED, EXCLUDED = 0, 1, 2, 3  # segment kind codes (index into KIND_NAMES)
KIND_NAMES = ("base", "phase", "blocked", "excluded")
_ORDINAL_TO_NUM = day_num(date(1970, 1, 1)) - date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class SegmentTable:
    """The bar segments of a list of lines, as columns, ordered by line then position in the bar.

    Attributes:
        line: index of the segment's line in the list given.
        x0: start (date number).
        x1: end (date number).
        kind: ``BASE``, ``PHASE``, ``BLOCKED`` or ``EXCLUDED``.
        phase: the phase index (``-1`` for base and carve-out spans).
        first: per line, where its bar starts (EIF, or an earlier phase).
        final: per line, its final date (EIF when it has none).
        blocked: per line, whether some phase cannot start.
        live: per line, whether it is not a carve-out.
    """

    line: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    kind: np.ndarray
    phase: np.ndarray
    first: np.ndarray
    final: np.ndarray
    blocked: np.ndarray
    live: np.ndarray

    def __len__(self) -> int:
        return len(self.x0)


def _days(days: list[date | None]) -> np.ndarray:
    """Date numbers, NaN for ``None``.

    Tens of thousands of phases share a few hundred dates: convert each distinct date once, then
    map through a dict without a Python-level loop.
    """
    lookup: dict[date | None, float] = {
        d: d.toordinal() + _ORDINAL_TO_NUM for d in set(days) if d is not None
    }
    lookup[None] = math.nan
    return np.fromiter(map(lookup.__getitem__, days), dtype=float, count=len(days))


def segment_table(lines: Sequence[ResolvedLine], eif: date, hi: float) -> SegmentTable:
    """Every bar segment of ``lines``, clipped at ``hi`` on the right.

    Args:
        lines: the resolved lines.
        eif: entry into force (where bars start).
        hi: the right edge of the window (open spans end there).

    Returns:
        The segments and each line's bar extent.
    """
    start = day_num(eif)
    per_line = list(map(attrgetter("phases"), lines))
    phases = list(chain.from_iterable(per_line))
    counts = np.fromiter(map(len, per_line), dtype=np.int64, count=len(lines))
    excluded = np.fromiter(map(attrgetter("excluded"), lines), dtype=bool, count=len(lines))
    dates = _days(list(chain.from_iterable(map(attrgetter("start", "end", "nominal_start"), phases))))
    starts, ends, nominal = dates.reshape(-1, 3).T
    offsets = np.cumsum(counts) - counts
    owner = np.repeat(np.arange(len(lines)), counts)
    flat = np.arange(len(phases))
    position = flat - offsets[owner]
    blocked = np.isnan(starts)
    seen = np.concatenate(([0], np.cumsum(blocked)))
    # A phase counts only up to the line's first blocked phase, and never on a carve-out.
    alive = (seen[:-1] - seen[offsets[owner]] == 0) & ~excluded[owner]
    following = np.minimum(flat + 1, max(len(phases) - 1, 0))
    x1 = _first_known(ends, starts[following], nominal[following], hi)
    blocked_x0 = np.where(np.isnan(nominal), np.where(position > 0, x1[flat - 1], start), nominal)
    is_phase = alive & ~blocked & (position < counts[owner] - 1)
    is_blocked = alive & blocked
    first_start = np.full(len(lines), math.nan)
    first_start[counts > 0] = starts[offsets[counts > 0]]
    base = ~excluded & (first_start > start)
    # Each line owns a head slot (its base or carve-out span) followed by one slot per phase, so
    # filling slots and dropping the empty ones leaves the segments in bar order without a sort.
    table = _Slots(len(phases) + len(lines))
    head = offsets + np.arange(len(lines))
    table.fill(head, base, start, first_start, BASE, -1)
    table.fill(head, excluded, start, np.full(len(lines), max(hi, start)), EXCLUDED, -1)
    slots = flat + owner + 1
    table.fill(slots, is_phase, starts, x1, PHASE, position)
    table.fill(slots, is_blocked, blocked_x0, np.maximum(hi, blocked_x0), BLOCKED, position)
    table.line[head] = np.arange(len(lines))
    table.line[slots] = owner
    first = np.full(len(lines), start, dtype=float)
    np.fmin.at(first, owner, starts)
    line_blocked = np.bincount(owner[blocked], minlength=len(lines)) > 0
    finals = _days([r.final_date or eif for r in lines])
    return table.done(first, finals, line_blocked, ~excluded)


def _first_known(a: np.ndarray, b: np.ndarray, c: np.ndarray, fallback: float) -> np.ndarray:
    """Element-wise the first of ``a``, ``b``, ``c`` that is not NaN, else ``fallback``."""
    out = np.where(np.isnan(a), b, a)
    out = np.where(np.isnan(out), c, out)
    return np.where(np.isnan(out), fallback, out)


class _Slots:
    """Segment columns with room for every possible segment; unfilled slots are dropped at the end."""

    def __init__(self, size: int) -> None:
        self.line = np.zeros(size, dtype=np.int64)
        self.x0 = np.zeros(size, dtype=float)
        self.x1 = np.zeros(size, dtype=float)
        self.kind = np.full(size, -1, dtype=np.int8)
        self.phase = np.full(size, -1, dtype=np.int64)

    def fill(
        self,
        slots: np.ndarray,
        mask: np.ndarray,
        x0: np.ndarray | float,
        x1: np.ndarray | float,
        kind: int,
        phase: np.ndarray | int,
    ) -> None:
        """Put a segment of ``kind`` in each slot where ``mask`` holds (arrays are per slot)."""
        chosen = slots[mask]
        self.x0[chosen] = x0[mask] if isinstance(x0, np.ndarray) else x0
        self.x1[chosen] = x1[mask] if isinstance(x1, np.ndarray) else x1
        self.kind[chosen] = kind
        self.phase[chosen] = phase[mask] if isinstance(phase, np.ndarray) else phase

    def done(self, *per_line: np.ndarray) -> SegmentTable:
        """The filled slots, in slot order, with the per-line columns."""
        keep = self.kind >= 0
        return SegmentTable(
            self.line[keep], self.x0[keep], self.x1[keep], self.kind[keep], self.phase[keep], *per_line
        )
