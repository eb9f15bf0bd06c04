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
    """Date numbers, NaN for ``None`` (ordinals in a comprehension beat numpy's date conversion)."""
    nan = math.nan
    ordinals = np.array([d.toordinal() if d is not None else nan for d in days], dtype=float)
    return ordinals + _ORDINAL_TO_NUM


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
    phases = [p for r in lines for p in r.phases]
    counts = np.array([len(r.phases) for r in lines], dtype=np.int64)
    excluded = np.array([r.excluded for r in lines], dtype=bool)
    finals = _days([r.final_date or eif for r in lines])
    starts = _days([p.start for p in phases])
    ends = _days([p.end for p in phases])
    nominal = _days([p.nominal_start for p in phases])
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1])) if len(lines) else counts
    owner = np.repeat(np.arange(len(lines)), counts)
    position = np.arange(len(phases)) - np.repeat(offsets, counts)
    blocked = np.isnan(starts)
    seen = np.concatenate(([0], np.cumsum(blocked)))
    # A phase counts only up to the line's first blocked phase, and never on a carve-out.
    alive = (seen[:-1] - seen[offsets[owner]] == 0) & ~excluded[owner]
    last = position == counts[owner] - 1
    following = np.minimum(np.arange(len(phases)) + 1, max(len(phases) - 1, 0))
    x1 = _first_known(ends, starts[following], nominal[following], hi)
    previous_x1 = np.where(position > 0, x1[np.maximum(np.arange(len(phases)) - 1, 0)], start)
    blocked_x0 = np.where(np.isnan(nominal), previous_x1, nominal)
    is_phase = alive & ~blocked & ~last
    is_blocked = alive & blocked
    line_blocked = np.bincount(owner[blocked], minlength=len(lines)) > 0
    head = np.full(len(lines), math.nan)
    head[counts > 0] = starts[offsets[counts > 0]]
    base = ~excluded & (head > start)
    first = np.full(len(lines), start, dtype=float)
    np.fmin.at(first, owner, starts)
    parts = (
        (np.flatnonzero(base), _full(base, start), head[base], BASE, -1),
        (owner[is_phase], starts[is_phase], x1[is_phase], PHASE, position[is_phase]),
        (
            owner[is_blocked],
            blocked_x0[is_blocked],
            np.maximum(hi, blocked_x0[is_blocked]),
            BLOCKED,
            position[is_blocked],
        ),
        (np.flatnonzero(excluded), _full(excluded, start), _full(excluded, max(hi, start)), EXCLUDED, -1),
    )
    return _assemble(parts, (first, finals, line_blocked, ~excluded))


def _first_known(a: np.ndarray, b: np.ndarray, c: np.ndarray, fallback: float) -> np.ndarray:
    """Element-wise the first of ``a``, ``b``, ``c`` that is not NaN, else ``fallback``."""
    out = np.where(np.isnan(a), b, a)
    out = np.where(np.isnan(out), c, out)
    return np.where(np.isnan(out), fallback, out)


def _full(mask: np.ndarray, value: float) -> np.ndarray:
    return np.full(int(mask.sum()), value, dtype=float)


def _assemble(
    parts: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, int, np.ndarray | int], ...],
    per_line: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
) -> SegmentTable:
    """Join the kinds and order them by line, then by place in the bar (base spans first, at -1)."""
    line = np.concatenate([p[0] for p in parts]).astype(np.int64)
    kind = np.concatenate([np.full(len(p[0]), p[3], dtype=np.int8) for p in parts])
    phase = np.concatenate([np.broadcast_to(np.asarray(p[4]), len(p[0])) for p in parts]).astype(np.int64)
    order = np.lexsort((phase, line))
    x0 = np.concatenate([p[1] for p in parts])[order]
    x1 = np.concatenate([p[2] for p in parts])[order]
    return SegmentTable(line[order], x0, x1, kind[order], phase[order], *per_line)
