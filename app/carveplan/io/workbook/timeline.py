"""A timeline that reads as a Gantt chart in the cells themselves: lines as bars of coloured cells.

A national schedule's timeline holds about a million coloured cells. Each row is written as its
few marks (a line's id and description, the value each phase starts with) and runs of coloured
empty cells (the bar, the suspensions), which the raw writer sets as whole slices of text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Any

from carveplan.engine import ResolvedLine, Schedule
from carveplan.engine.dates import add_months
from carveplan.io.formats import ExportOptions
from carveplan.io.workbook.rawrows import Cell, Run
from carveplan.io.workbook.writer import SheetWriter
from carveplan.io.workbook.year_by_year import HEAD, published
from carveplan.model import LineId

TIMELINE = "Timeline"
MAX_YEARS = 40  # a wider window would be unreadable; the sheet says where it stops
MAX_LEAD_YEARS = 5  # how far before entry into force the sheet starts for early milestones
SECTOR_COLOURS = {"energy": "F4B183", "telecommunications": "9DC3E6", "critical_minerals": "A9D18E"}
OTHER_COLOURS = ("FFD966", "C9A0DC", "8FD3C9", "F8CBAD", "BDD7EE", "D9D9D9")
MILESTONE_COLOUR, BLOCKED_COLOUR, SUSPENDED_COLOUR, EXCLUDED_COLOUR = "FFE699", "FF7C80", "E06666", "D0CECE"
Marks = dict[int, Cell]  # by period (0-based), a cell with a value


class Timeline:
    """The Gantt-in-cells sheet: periods as columns, lines as coloured bars, milestones and exceptions."""

    def __init__(self, schedule: Schedule, shown: set[LineId], options: ExportOptions) -> None:
        self.schedule = schedule
        self.line_ids = shown
        self.options = options
        self.starts, self.labels = periods(_first_day(schedule), _last_day(schedule))
        self.end = add_months(self.starts[-1], 1 if len(self.starts) < 2 else _step(self.starts))
        self._columns: dict[date, int] = {}  # lines start phases on the same few hundred days

    def extra_rows(self) -> int:
        """Rows besides the lines (for progress)."""
        schedule = self.schedule
        return len(schedule.milestones) + len(schedule.windows) + len(schedule.agreement.reviews)

    def write(self, writer: SheetWriter) -> None:
        """Write the sheet."""
        from openpyxl.styles import PatternFill

        widths = (14, 8, 18, 12, 30, *(7 for _ in self.starts))
        sheet = writer.sheet(TIMELINE, widths, freeze="F2")
        self.writer = writer
        writer.header(sheet, (*HEAD, *self.labels))
        self.rows = writer.raw(sheet)
        fills = {k: PatternFill("solid", fgColor=c) for k, c in self._colours().items()}
        self.styles = {k: self.rows.style(fill=fill) for k, fill in fills.items()}
        self._legend()
        self._milestones()
        self._windows()
        self._reviews()
        for resolved in self.schedule.lines:
            if resolved.line.id in self.line_ids:
                self._line(resolved)
                writer.progress.step()

    def index(self, day: date) -> int:
        """The column (0-based among periods) of the period holding ``day``, clamped to the sheet."""
        column = self._columns.get(day)
        if column is None:
            column = min(max(bisect_right(self.starts, day) - 1, 0), len(self.starts) - 1)
            self._columns[day] = column
        return column

    def _mark(self, marks: Marks, day: date, value: Any, fill: str) -> None:
        """A mark in the period holding ``day``; none when the sheet does not reach that day (a mark
        clamped into the first or last column would claim a date it does not have)."""
        if self.starts[0] <= day < self.end:
            marks[self.index(day)] = self._styled(value, fill)

    def _colours(self) -> dict[str, str]:
        sectors = [s.id for s in self.schedule.agreement.sectors]
        others = iter(OTHER_COLOURS * (len(sectors) // len(OTHER_COLOURS) + 1))
        colours = {s: SECTOR_COLOURS.get(s) or next(others) for s in sectors}
        colours.update(
            milestone=MILESTONE_COLOUR,
            blocked=BLOCKED_COLOUR,
            suspended=SUSPENDED_COLOUR,
            excluded=EXCLUDED_COLOUR,
        )
        return colours

    def _style(self, fill: str) -> int:
        return self.styles.get(fill, self.styles["excluded"])

    def _styled(self, value: Any, fill: str) -> tuple[Any, int]:
        return value, self._style(fill)

    def _row(self, head: tuple[Any, ...], marks: Marks, runs: Sequence[Run] = ()) -> None:
        """A row: the head cells, the marks and the coloured runs after them (marks win)."""
        cells: dict[int, Cell] = dict(enumerate(head))
        width = len(HEAD)
        for period, cell in marks.items():
            cells[width + period] = cell
        self.rows.append_runs(cells, [(width + a, width + b, s) for a, b, s in runs])

    def _legend(self) -> None:
        names = {s.id: s.name for s in self.schedule.agreement.sectors}
        labels = {
            "milestone": "milestone ◆",
            "blocked": "blocked ✖",
            "suspended": "exception",
            "excluded": "excluded",
        }
        marks = {i: self._styled(labels.get(k, names.get(k, k)), k) for i, k in enumerate(self.styles)}
        self._row(("Legend", "", "", "", f"scenario: {self.schedule.scenario}"), marks)

    def _milestones(self) -> None:
        for resolved in self.schedule.milestones:
            marks: Marks = {}
            record = resolved.milestone
            if resolved.date is not None:
                self._mark(marks, resolved.date, "◆", "milestone")
            elif resolved.due is not None:
                self._mark(marks, resolved.due, "✖", "blocked")
            self._row((record.id, record.party, "milestone", "", record.title), marks)
            self.writer.progress.step()

    def _windows(self) -> None:
        for window in self.schedule.windows:
            marks: Marks = {}
            runs = self._paint([], window.start, window.end, "suspended")
            self._mark(marks, window.start, "invoked", "suspended")
            self._row(
                (window.exception, "", "exception", "", f"{len(window.lines)} lines suspended"), marks, runs
            )
            self.writer.progress.step()

    def _reviews(self) -> None:
        by_review: dict[str, Marks] = {}
        for event in self.schedule.reviews:
            marks = by_review.setdefault(event.review, {})
            self._mark(marks, event.date, "end" if event.number == 0 else "R", "milestone")
        for review in self.schedule.agreement.reviews:
            self._row((review.id, "", "review", "", review.title), by_review.get(review.id, {}))
            self.writer.progress.step()

    def _line(self, resolved: ResolvedLine) -> None:
        line = resolved.line
        marks: Marks = {}
        head = (line.id, line.party, line.sector, line.code, line.description)
        if resolved.excluded:
            self._mark(marks, self.schedule.eif, "excluded", "excluded")
            self._row(head, marks)
            return
        end = resolved.final_date or self.starts[-1]
        fill = line.sector if not resolved.blocked else "blocked"  # a property that scans the phases
        phases = [p for p in resolved.phases if p.start is not None]
        for phase, value in zip(phases, published((p.value for p in phases), line.unit), strict=True):
            self._mark(marks, phase.start, value, fill)  # type: ignore[arg-type]
        runs = self._paint([], self.schedule.eif, end, fill)
        for _exception, start, stop in resolved.suspended:
            runs = self._paint(runs, start, stop, "suspended", marks)
        self._row(head, marks, runs)

    def _paint(
        self, runs: list[Run], start: date, end: date, fill: str, marks: Marks | None = None
    ) -> list[Run]:
        """``runs`` with the periods from ``start`` to ``end`` coloured ``fill`` over them, and the
        ``marks`` there removed: what is painted last is what shows."""
        first, stop = self.index(start), self.index(end) + 1
        if marks:
            for period in [p for p in marks if first <= p < stop]:
                del marks[period]
        kept: list[Run] = []
        for a, b, style in runs:
            if b <= first or a >= stop:
                kept.append((a, b, style))
                continue
            if a < first:
                kept.append((a, first, style))
            if b > stop:
                kept.append((stop, b, style))
        kept.append((first, stop, self._style(fill)))
        kept.sort()
        return kept


def periods(start: date, end: date) -> tuple[list[date], list[str]]:
    """Period starts and labels from ``start`` to ``end``: months up to three years, else quarters."""
    end = min(end, date(start.year + MAX_YEARS, 12, 31))
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 36 else 3
    day = date(start.year, (start.month - 1) // step * step + 1, 1)
    starts, labels = [], []
    while day <= end:
        starts.append(day)
        labels.append(f"{day.year}-{day.month:02d}" if step == 1 else f"{day.year} Q{(day.month + 2) // 3}")
        day = add_months(day, step)
    return starts, labels


def _step(starts: list[date]) -> int:
    """Months per period."""
    return (starts[1].year - starts[0].year) * 12 + starts[1].month - starts[0].month


def _first_day(schedule: Schedule) -> date:
    """Entry into force, or an earlier milestone or exception (a licensing rule published before EIF),
    at most :data:`MAX_LEAD_YEARS` earlier."""
    days = [schedule.eif]
    for milestone in schedule.milestones:
        days += [d for d in (milestone.date, milestone.due) if d is not None]
    days += [w.start for w in schedule.windows]
    return max(min(days), date(schedule.eif.year - MAX_LEAD_YEARS, 1, 1))


def _last_day(schedule: Schedule) -> date:
    from carveplan.engine import year_range

    days = [date(year_range(schedule).stop - 1, 12, 31)]
    for milestone in schedule.milestones:
        days += [d for d in (milestone.date, milestone.due) if d is not None]
    days += [w.end for w in schedule.windows]
    return max(days)
