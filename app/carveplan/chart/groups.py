"""Group summary bars: from the first phase of a group's lines to their last final date."""

from __future__ import annotations

import numpy as np

from carveplan.chart.rows import Row
from carveplan.chart.segments import SegmentTable, segment_table
from carveplan.engine.schedule import Schedule


class GroupSpans:
    """Each group's summary bar (first phase to last final date), worked out once for many pages.

    A sector header stands for thousands of lines; a deck repeats it on every page of the sector,
    so its extent is kept rather than its lines' segments rebuilt for each page.
    """

    def __init__(self, schedule: Schedule, hi: float) -> None:
        self.schedule, self.hi = schedule, hi
        self._table: SegmentTable | None = None
        self._position: dict[str, int] = {}
        self._extents: dict[tuple[str, int], tuple[float, float] | None] = {}

    def extent(self, row: Row) -> tuple[float, float] | None:
        """The summary bar's start and end (date numbers), or ``None`` when every line is carved out."""
        key = (row.key, len(row.lines))
        if key not in self._extents:
            if self._table is None:
                lines = self.schedule.lines
                self._table = segment_table(lines, self.schedule.eif, self.hi)
                self._position = {r.line.id: k for k, r in reversed(list(enumerate(lines)))}
            members = [self._position[m] for m in row.lines if m in self._position]
            self._extents[key] = extent(self._table, members, self.hi)
        return self._extents[key]


def extent(table: SegmentTable, members: list[int], hi: float) -> tuple[float, float] | None:
    """From the first phase of ``members`` (lines of ``table``) to their last final date (open if blocked)."""
    index = np.asarray(members, dtype=np.int64)
    index = index[table.live[index]]
    if not len(index):
        return None
    ends = np.where(table.blocked[index], hi, table.final[index])
    first, last = float(np.min(table.first[index])), float(np.max(ends))
    return first, max(last, first)
