"""The chart's view state without Qt: zoom, pan, scroll arithmetic and the rows kept between redraws."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from carveplan.chart import view
from carveplan.chart.rows import RowKind
from carveplan.chart.view import MAX_SPAN_DAYS, MIN_SPAN_DAYS, RowCache, ViewState
from carveplan.engine import resolve
from carveplan.engine.schedule import Schedule

JAN = date(2030, 1, 1)
DECADE = (JAN, JAN + timedelta(days=3650))


def test_zoom_halves_the_span_and_keeps_the_centre_in_place() -> None:
    centre = JAN + timedelta(days=365)
    start, end = view.zoomed(DECADE, 0.5, centre)
    assert (end - start).days == 1825
    # The centre was a tenth of the way in; it stays a tenth of the way in.
    assert (centre - start).days == pytest.approx(182, abs=1)
    assert view.zoomed(DECADE, 0.5) == (JAN + timedelta(days=913), JAN + timedelta(days=913 + 1825))


def test_zoom_stops_at_three_months_and_sixty_years() -> None:
    tiny = view.zoomed(DECADE, 0.001)
    assert (tiny[1] - tiny[0]).days == MIN_SPAN_DAYS
    huge = view.zoomed(DECADE, 1000)
    assert (huge[1] - huge[0]).days == MAX_SPAN_DAYS


def test_pan_and_bring_a_day_into_view() -> None:
    assert view.panned(DECADE, 90) == (JAN + timedelta(days=90), DECADE[1] + timedelta(days=90))
    year = (JAN, JAN + timedelta(days=365))
    assert view.into_view(year, JAN + timedelta(days=100)) == year  # already shows
    late = JAN + timedelta(days=1000)
    start, end = view.into_view(year, late) or year
    assert (end - start).days == 365
    assert start == late - timedelta(days=36.5)
    assert view.into_view(None, late) is None  # everything shows already


def test_scroll_keeps_rows_on_screen_and_selection_scrolls_only_when_needed() -> None:
    assert view.scrolled(0, -5, 100) == 0
    assert view.scrolled(90, 50, 100) == 97
    assert view.first_showing(25, 20, 10) == 20
    assert view.first_showing(40, 20, 10) == 37
    assert view.dragged(DECADE, 2, 30, -5) == (view.panned(DECADE, 30), 0)
    assert view.toggled(frozenset({"energy"}), "energy") == frozenset()


def test_the_state_gives_the_rows_to_show(schedule: Schedule) -> None:
    state = ViewState(first=4, selected="L-1", collapsed=frozenset({"energy"}))
    assert state.rows(10).first == 4
    assert state.rows(10).count == 10
    assert state.rows().first == 0
    assert state.rows().count is None
    assert state.rows().selected == frozenset({"L-1"})
    rows = RowCache().rows(schedule, ViewState().rows())
    shown = view.shown_rows(rows, 3, 4)
    assert len(shown) >= 4
    assert shown[0].y == 0
    assert view.shown_rows(rows, 0, None) is rows


def test_rows_are_kept_after_an_edit_that_changes_no_label(schedule: Schedule) -> None:
    cache = RowCache()
    rows = cache.rows(schedule, ViewState().rows())
    agreement = schedule.agreement
    lines = list(agreement.lines)
    lines[0] = replace(lines[0], base=Decimal(3))
    rate = resolve(replace(agreement, lines=tuple(lines)))
    assert cache.rows(rate, ViewState().rows()) is rows
    assert cache.builds == 1
    lines[0] = replace(lines[0], description="Renamed")
    renamed = resolve(replace(agreement, lines=tuple(lines)))
    again = cache.rows(renamed, ViewState().rows())
    assert cache.builds == 2
    assert any("Renamed" in r.label for r in again if r.kind is RowKind.LINE)
    collapsed = ViewState(collapsed=frozenset({rows[0].key})).rows()
    assert len(cache.rows(renamed, collapsed)) < len(again)


def test_selecting_a_line_marks_its_row_without_building_the_rows_again(schedule: Schedule) -> None:
    cache = RowCache()
    line_ids = [r.line.id for r in schedule.lines]
    first = cache.rows(schedule, ViewState(selected=line_ids[0]).rows())
    second = cache.rows(schedule, ViewState(selected=line_ids[1]).rows())
    assert cache.builds == 1
    assert second == RowCache().rows(schedule, ViewState(selected=line_ids[1]).rows())
    assert [r.key for r in second if r.selected] == [line_ids[1]]
    assert [r.key for r in first if r.selected] == [line_ids[0]]
    unselected = cache.rows(schedule, ViewState().rows())
    assert not any(r.selected for r in unselected)
    assert cache.builds == 1
