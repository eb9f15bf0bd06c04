"""Figures of each resolved line kept between redraws of the app's chart.

An edit resolves a few lines again and keeps the others (the same objects): the window that fits
the schedule, the summary bars of sector and party rows (which span thousands of lines), the gated
phases and the sectors are worked out again for the replaced lines only, not by walking every
phase of every line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np

from carveplan.chart.groups import GroupSpans
from carveplan.chart.rows import Row
from carveplan.chart.segments import segment_table
from carveplan.engine.collector import collector_paused
from carveplan.engine.schedule import ResolvedLine, ResolvedPhase, Schedule

# A group's members' ``first``, ``final``, ``blocked`` and ``live`` (see segments.SegmentTable).
Columns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


class LineExtents:
    """Per-line figures of one schedule after another, worked out again for replaced lines only.

    Attributes:
        misses: lines worked out so far (tests count them to prove an edit walks only its lines).
    """

    def __init__(self) -> None:
        self._lines: tuple[ResolvedLine, ...] = ()
        self._eif: date | None = None
        self._days = np.zeros((0, 2), dtype=np.int64)  # earliest and latest ordinal (0: none)
        self._summary = np.zeros((0, 4), dtype=float)  # first, final, blocked, live
        self._sectors: list[str] = []
        self._first: dict[str, int] = {}  # line id -> its first position, as line_index takes it
        self._where: dict[str, list[int]] = {}  # line id -> every position
        self._members: dict[int, tuple[tuple[str, ...], np.ndarray]] = {}
        self.misses = 0

    @property
    def lines(self) -> tuple[ResolvedLine, ...]:
        """The lines of the schedule last looked at."""
        return self._lines

    def refresh(self, schedule: Schedule) -> frozenset[str] | None:
        """Bring the figures up to ``schedule``'s lines.

        Returns:
            The ids of the lines replaced since the last call; ``None`` when all were (the first
            call, lines added or removed, another entry into force).
        """
        lines = schedule.lines
        if lines is self._lines and schedule.eif == self._eif:
            return frozenset()
        if len(lines) != len(self._lines) or schedule.eif != self._eif:
            self._reset(len(lines))
            replaced: Sequence[int] | None = None
        else:
            replaced = [k for k, (a, b) in enumerate(zip(lines, self._lines, strict=True)) if a is not b]
        positions = range(len(lines)) if replaced is None else replaced
        renamed = replaced is None or any(lines[k].line.id != self._lines[k].line.id for k in positions)
        with collector_paused():  # figures of 15,000 lines: no cycles, no collections walking them
            self._work_out(lines, positions, schedule.eif)
            if renamed:
                self._index(lines)
        self._lines, self._eif = lines, schedule.eif
        return None if replaced is None else frozenset(lines[k].line.id for k in replaced)

    def _reset(self, count: int) -> None:
        self._days = np.zeros((count, 2), dtype=np.int64)
        self._summary = np.zeros((count, 4), dtype=float)
        self._sectors = [""] * count

    def _work_out(self, lines: Sequence[ResolvedLine], positions: Iterable[int], eif: date) -> None:
        chosen = list(positions)
        if not chosen:
            return
        self.misses += len(chosen)
        picked = [lines[k] for k in chosen]
        table = segment_table(picked, eif, 0.0)
        self._summary[chosen] = np.column_stack((table.first, table.final, table.blocked, table.live))
        self._days[chosen] = _days_of(picked)
        for k, resolved in zip(chosen, picked, strict=True):
            self._sectors[k] = resolved.line.sector

    def _index(self, lines: Sequence[ResolvedLine]) -> None:
        where: dict[str, list[int]] = {}
        for k, resolved in enumerate(lines):
            where.setdefault(resolved.line.id, []).append(k)
        self._where = where
        self._first = {line_id: found[0] for line_id, found in where.items()}
        self._members.clear()

    def line_days(self, schedule: Schedule) -> tuple[date | None, date | None]:
        """The earliest and latest phase start, nominal start and final date of ``schedule``'s lines."""
        self.refresh(schedule)
        known = self._days[:, 0] > 0
        if not known.any():
            return None, None
        first, last = int(self._days[known, 0].min()), int(self._days[known, 1].max())
        return date.fromordinal(first), date.fromordinal(last)

    def gated_of(self, schedule: Schedule, line_ids: Iterable[str | None]) -> tuple[ResolvedPhase, ...]:
        """The gated phases of these lines, in the schedule's line order (as ``gated_phases`` has them)."""
        self.refresh(schedule)
        positions = sorted(k for line_id in set(line_ids) if line_id for k in self._where.get(line_id, ()))
        return tuple(p for k in positions for p in schedule.lines[k].phases if p.gates)

    def sectors(self, schedule: Schedule) -> frozenset[str]:
        """``schedule.line_sectors``, without walking every line."""
        self.refresh(schedule)
        return frozenset(self._sectors)

    def line(self, schedule: Schedule, line_id: str) -> ResolvedLine:
        """``schedule.line_index[line_id]``, without indexing every line (``KeyError`` if none)."""
        self.refresh(schedule)
        return schedule.lines[self._first[line_id]]

    def spans(self, schedule: Schedule, hi: float) -> GroupSpans:
        """The groups' summary bars of ``schedule`` (open spans end at ``hi``) from the kept figures."""
        self.refresh(schedule)
        return _KeptSpans(self, schedule, hi)

    def columns(self, schedule: Schedule, members: tuple[str, ...]) -> Columns:
        """The summary columns of a group's member lines (see :func:`geometry.build_geometry`)."""
        self.refresh(schedule)
        kept = self._members.get(id(members))
        if kept is None or kept[0] is not members:
            if len(self._members) > 256:  # groups of rows built since forgotten
                self._members.clear()
            kept = (members, np.array([self._first[m] for m in members], dtype=np.int64))
            self._members[id(members)] = kept
        rows = self._summary[kept[1]]
        return rows[:, 0], rows[:, 1], rows[:, 2] > 0, rows[:, 3] > 0


class _KeptSpans(GroupSpans):
    """Summary bars from :class:`LineExtents` (a deck's :class:`GroupSpans` walks its own table)."""

    def __init__(self, kept: LineExtents, schedule: Schedule, hi: float) -> None:
        super().__init__(schedule, hi)
        self._kept = kept

    def extent(self, row: Row) -> tuple[float, float] | None:
        """The summary bar's start and end, or ``None`` when every line is carved out."""
        first, final, blocked, live = self._kept.columns(self.schedule, row.lines)
        if not live.any():
            return None
        ends = np.where(blocked[live], self.hi, final[live])
        start, end = float(np.min(first[live])), float(np.max(ends))
        return start, max(end, start)


def _days_of(lines: Sequence[ResolvedLine]) -> np.ndarray:
    """Each line's earliest and latest phase start, nominal start or final date, as ordinals (0: none)."""
    per_line = [r.phases for r in lines]
    counts = np.fromiter(map(len, per_line), dtype=np.int64, count=len(lines))
    dates = [d for phases in per_line for p in phases for d in (p.start, p.nominal_start)]
    dates += [r.final_date for r in lines]
    ordinals = _ordinals(dates)
    owner = np.concatenate((np.repeat(np.arange(len(lines)), counts * 2), np.arange(len(lines))))
    known = ordinals > 0
    first = np.full(len(lines), np.iinfo(np.int64).max)
    last = np.zeros(len(lines), dtype=np.int64)
    np.minimum.at(first, owner[known], ordinals[known])
    np.maximum.at(last, owner[known], ordinals[known])
    first[last == 0] = 0
    return np.column_stack((first, last))


def _ordinals(days: list[date | None]) -> np.ndarray:
    """``days`` as ordinals, 0 for ``None`` (a few hundred distinct dates: each converted once)."""
    lookup: dict[date | None, int] = {d: d.toordinal() for d in set(days) if d is not None}
    lookup[None] = 0
    return np.fromiter(map(lookup.__getitem__, days), dtype=np.int64, count=len(days))
