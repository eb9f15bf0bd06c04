"""The chart's view state and its arithmetic: zoom, pan, scroll, collapsed groups, filters.

Plain data and pure functions, no Qt: the desktop chart holds a :class:`ViewState` and replaces it
through setters that redraw; presentation mode sets pages through the same setters. Spans are in
days, rows are indexes into the rows :func:`carveplan.chart.rows.build_rows` gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from carveplan.chart.rows import Row, RowSelection, build_rows
from carveplan.chart.rows import window as row_window
from carveplan.engine.collector import collector_paused
from carveplan.engine.schedule import Schedule
from carveplan.engine.trajectory import unstaged_lines
from carveplan.model import Agreement, Line

MIN_SPAN_DAYS = 90
MAX_SPAN_DAYS = 365 * 60
TOP_ROWS = 3  # rows scrolling keeps on screen at the end, and above a line brought into view

Window = tuple[date, date]


@dataclass(frozen=True)
class ViewState:
    """What the user has done to the view: zoom window, scroll, collapsed groups, filters, selection.

    Attributes:
        window: first and last day shown (``None``: fit everything).
        first: index of the first row shown.
        collapsed: keys of collapsed sector/party rows.
        selected: key of the selected row (a line id).
        sectors: only these sectors (empty: all).
        parties: only these parties (empty: all).
        show_baseline: draw the baseline as ghost bars under a scenario.
        all_sectors: show the lines outside the focus sectors (sector ``other``) too.
        highlight: milestone ids drawn with a halo (the gating chain of a line being examined).
        count: rows shown from ``first`` (``None``: as many as fit; presentation pages set it).
    """

    window: Window | None = None
    first: int = 0
    collapsed: frozenset[str] = frozenset()
    selected: str | None = None
    sectors: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    show_baseline: bool = True
    all_sectors: bool = False
    highlight: frozenset[str] = frozenset()
    count: int | None = None

    def rows(self, count: int | None = None) -> RowSelection:
        """The row selection this state shows: ``count`` rows from ``first`` (``None``: every row)."""
        return RowSelection(
            sectors=self.sectors,
            parties=self.parties,
            collapsed=self.collapsed,
            selected=frozenset({self.selected} if self.selected else ()),
            focus_only=not self.all_sectors,
            first=self.first if count is not None else 0,
            count=count,
        )


# --- span arithmetic --------------------------------------------------------------------------------
def zoomed(window: Window, factor: float, centre: date | None = None) -> Window:
    """``factor`` times the span of ``window`` (kept within 90 days and 60 years), around ``centre``.

    ``centre`` keeps its place on screen (the point under the mouse stays under it); ``None``
    zooms around the middle.
    """
    start, end = window
    span = (end - start).days
    new_span = int(min(MAX_SPAN_DAYS, max(MIN_SPAN_DAYS, span * factor)))
    middle = centre or start + timedelta(days=span // 2)
    share = (middle - start).days / span if span else 0.5
    new_start = middle - timedelta(days=int(new_span * share))
    return new_start, new_start + timedelta(days=new_span)


def panned(window: Window, days: int) -> Window:
    """``window`` moved ``days`` later (negative: earlier)."""
    return window[0] + timedelta(days=days), window[1] + timedelta(days=days)


def into_view(window: Window | None, day: date | None) -> Window | None:
    """A zoomed ``window`` panned so ``day`` shows, a tenth of the span in from the left.

    Unchanged when ``day`` already shows, is unknown, or everything is shown (``None``).
    """
    if day is None or window is None or window[0] <= day <= window[1]:
        return window
    span = window[1] - window[0]
    start = day - span / 10
    return start, start + span


def scrolled(first: int, rows: int, total: int) -> int:
    """The first row after scrolling ``rows`` down (negative: up), keeping a few rows on screen."""
    return max(0, min(first + rows, max(0, total - TOP_ROWS)))


def first_showing(index: int, first: int, page: int) -> int:
    """The first row that shows row ``index``: ``first`` when it already shows in ``page`` rows."""
    if first <= index < first + page:
        return first
    return max(0, index - TOP_ROWS)


def shown_rows(rows: tuple[Row, ...], first: int, count: int | None) -> tuple[Row, ...]:
    """The rows in view: ``count`` from ``first``, led by their group headers (see :func:`window`)."""
    if first <= 0 and (count is None or count >= len(rows)):
        return rows
    return row_window(rows, first, count)


def dragged(window: Window, first: int, days: int, rows: int) -> tuple[Window, int]:
    """The window and first row after dragging ``days`` earlier-to-later and ``rows`` up-to-down."""
    return panned(window, days), max(0, first + rows)


def toggled(collapsed: frozenset[str], key: str) -> frozenset[str]:
    """``collapsed`` with the group ``key`` collapsed, or expanded if it was."""
    return collapsed ^ {key}


def with_state(state: ViewState, **changes: object) -> ViewState:
    """``state`` with ``changes`` (a typed shorthand for :func:`dataclasses.replace`)."""
    return replace(state, **changes)  # type: ignore[arg-type]


# --- rows kept between redraws ------------------------------------------------------------------------
@dataclass
class RowCache:
    """Every row of the current filters, built once and kept while nothing they show changes.

    Building them walks every line of the schedule; an edit of a rate, a milestone or an exception
    changes no row's label or group, so the rows are kept and only the visible ones redrawn.
    """

    _key: tuple[object, ...] | None = None
    _agreement: Agreement | None = None
    _rows: tuple[Row, ...] = field(default_factory=tuple)
    _selected: frozenset[str] = frozenset()
    _where: dict[str, list[int]] | None = None
    builds: int = 0

    def rows(self, schedule: Schedule, selection: RowSelection) -> tuple[Row, ...]:
        """The rows of ``selection`` (its ``first`` and ``count`` ignored) over ``schedule``.

        Selecting another line marks its row and unmarks the last one; the rest are kept.
        """
        whole = replace(selection, first=0, count=None, selected=frozenset())
        agreement = schedule.agreement
        key = (whole, schedule.scenario, _unstaged_key(schedule))
        if key != self._key or self._agreement is None or not _same_rows(self._agreement, agreement):
            # 15,000 rows would start collections that walk the whole agreement again (most of the
            # first chart's time); rows hold no cycles.
            with collector_paused():
                self._rows = build_rows(schedule, replace(whole, selected=selection.selected))
            self._selected, self._where = selection.selected, None
            self.builds += 1
        elif selection.selected != self._selected:
            self._rows = self._reselected(selection.selected)
        self._key, self._agreement = key, agreement
        return self._rows

    def _reselected(self, selected: frozenset[str]) -> tuple[Row, ...]:
        """The rows kept, with the rows of keys in or out of ``selected`` marked again."""
        if self._where is None:
            self._where = {}
            for index, row in enumerate(self._rows):
                self._where.setdefault(row.key, []).append(index)
        rows = list(self._rows)
        for key in selected ^ self._selected:
            for index in self._where.get(key, ()):
                rows[index] = replace(rows[index], selected=key in selected)
        self._selected = selected
        return tuple(rows)


def _unstaged_key(schedule: Schedule) -> frozenset[str]:
    """Lines whose category could not be expanded get a warning label."""
    return unstaged_lines(schedule) if schedule.problems else frozenset()


def _same_rows(before: Agreement, after: Agreement) -> bool:
    """Whether the two agreements give the same rows: same groups, and no line changed its label."""
    if before is after:
        return True
    if before.sectors != after.sectors or before.parties != after.parties:
        return False
    old, new = before.lines, after.lines
    if old is new:
        return True
    if len(old) != len(new):
        return False
    return all(a is b or _label_of(a) == _label_of(b) for a, b in zip(old, new, strict=True))


def _label_of(line: Line) -> tuple[str, ...]:
    """What a line's row shows and where it goes (the category names an undefined one)."""
    return (line.id, line.party, line.sector, line.code, line.description, line.category)
