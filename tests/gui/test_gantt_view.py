"""The chart view: drawn after start, zoom and scroll, selection both ways, tooltips."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from carveplan.chart.axes import day_num
from carveplan.chart.hit import Hit, HitKind
from carveplan.io import native
from carveplan.model import Agreement, RecordKind
from carveplan.resources import sample_path
from carveplan.ui.chart_tips import hit_tooltip
from carveplan.ui.document import Document
from carveplan.ui.gantt_view import GanttView


@pytest.fixture
def view(qtbot: QtBot, small_agreement: Agreement) -> GanttView:
    widget = GanttView(Document(small_agreement))
    widget.resize(1200, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.artists is not None, timeout=10000)
    return widget


def _bar_centre(view: GanttView, line_id: str) -> tuple[float, float]:
    assert view.artists is not None
    row = next(r for r in view.artists.rows if r.line == line_id)
    phase = view._document.schedule().line(line_id).phases[0]
    assert phase.start is not None
    return day_num(phase.start) + 30, row.y


def test_the_canvas_is_built_after_the_widget_shows(qtbot: QtBot, small_agreement: Agreement) -> None:
    widget = GanttView(Document(small_agreement))
    widget.resize(1200, 700)
    qtbot.addWidget(widget)
    assert widget.canvas is None  # matplotlib waits until the event loop runs
    with qtbot.waitSignal(widget.drawn, timeout=10000):
        widget.show()
    assert widget.artists is not None
    assert {r.line for r in widget.artists.rows if r.line} == {"L-1", "L-2", "L-3"}


def test_zoom_in_and_out_and_fit(qtbot: QtBot, view: GanttView) -> None:
    start, end = view.current_window()
    with qtbot.waitSignal(view.drawn):
        view.zoom_in()
    new_start, new_end = view.current_window()
    assert (new_end - new_start).days == pytest.approx((end - start).days / 2, abs=2)
    with qtbot.waitSignal(view.drawn):
        view.zoom_out()
        view.zoom_out()
    assert (view.current_window()[1] - view.current_window()[0]).days > (end - start).days
    with qtbot.waitSignal(view.drawn):
        view.fit_all()
    assert view.state.window is None


def test_zoom_never_goes_below_three_months(view: GanttView) -> None:
    for _ in range(12):
        view.zoom_in()
    start, end = view.current_window()
    assert (end - start).days >= 90


def test_pan_moves_the_window(view: GanttView) -> None:
    start, end = view.current_window()
    view.pan_days(365)
    assert ((view.current_window()[0] - start).days, (view.current_window()[1] - end).days) == (365, 365)


def test_clicking_a_bar_selects_the_line(qtbot: QtBot, view: GanttView) -> None:
    assert view.artists is not None
    x, y = _bar_centre(view, "L-1")
    hit = view.artists.hit(x, y)
    assert hit is not None
    assert hit.line == "L-1"
    with qtbot.waitSignal(view._document.selection_changed) as blocker:
        view._select_hit(hit)
    assert blocker.args[0] in ("lines", "phases")
    assert blocker.args[1].startswith("L-1")


def test_selecting_elsewhere_highlights_the_row(qtbot: QtBot, view: GanttView) -> None:
    with qtbot.waitSignal(view.drawn):
        view._document.select(RecordKind.LINES, "L-3")
    assert view.state.selected == "L-3"
    assert view.artists is not None
    assert any(r.selected for r in view.artists.rows if r.line == "L-3")


def test_group_click_collapses(qtbot: QtBot, view: GanttView) -> None:
    assert view.artists is not None
    sector = next(r for r in view.artists.rows if r.is_group)
    with qtbot.waitSignal(view.drawn):
        view._select_hit(Hit(HitKind.GROUP, sector.key))
    assert sector.key in view.state.collapsed
    assert view.artists is not None
    assert all(r.sector != sector.sector or r.is_group for r in view.artists.rows)


def test_tooltips_describe_phases_and_milestones(small_agreement: Agreement) -> None:
    schedule = Document(small_agreement).schedule()
    text = hit_tooltip(schedule, Hit(HitKind.PHASE, "L-1", line="L-1", phase=0))
    assert "271111" in text
    assert "4.0%" in text
    assert "1 Jan 2027" in text  # dates in prose are written one way: no leading zero
    assert "01 Jan" not in text
    gated = hit_tooltip(schedule, Hit(HitKind.PHASE, "L-3", line="L-3", phase=0))
    assert "Gated by REG-1" in gated
    milestone = hit_tooltip(schedule, Hit(HitKind.MILESTONE, "x", milestone="REG-1"))
    assert "Regulatory alignment" in milestone


def test_wheel_scrolls_rows_on_a_large_agreement(qtbot: QtBot) -> None:
    document = Document(native.load(sample_path()))
    widget = GanttView(document)
    widget.resize(1000, 500)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.drawn, timeout=10000):
        widget.show()
    assert widget.artists is not None
    shown = len(widget.artists.rows)
    assert shown < len(widget.all_rows())  # only what fits is drawn
    with qtbot.waitSignal(widget.drawn):
        widget.scroll_rows(10)
    assert widget.state.first == 10
    assert widget.artists.rows[-1].key != widget.all_rows()[shown - 1].key


def test_the_default_window_covers_entry_into_force(view: GanttView) -> None:
    start, end = view.current_window()
    assert start <= date(2027, 1, 1) <= end


def test_an_edit_redraws_only_when_it_changes_a_row_in_view(qtbot: QtBot, view: GanttView) -> None:
    from decimal import Decimal

    from carveplan.ui import commands

    with qtbot.waitSignal(view.drawn):
        view.update_view(first=0, count=3)  # the energy and AUS headers, and L-1
    assert view.artists is not None
    assert [r.line for r in view.artists.rows if r.line] == ["L-1"]
    shown = view.artists.collections["phases"]
    document = view._document
    with qtbot.waitSignal(view.drawn):
        commands.edit_field(document, RecordKind.LINES, 2, "base", Decimal("12"))  # L-3, out of view
    assert view.artists.collections["phases"] is shown
    with qtbot.waitSignal(view.drawn):
        commands.edit_field(document, RecordKind.LINES, 0, "base", Decimal("6"))  # L-1
    assert view.artists.collections["phases"] is not shown
    shown = view.artists.collections["phases"]
    with qtbot.waitSignal(view.drawn):
        commands.edit_field(document, RecordKind.MILESTONES, 0, "due", document.agreement.milestones[1].due)
    assert view.artists.collections["phases"] is not shown  # milestones show on every page
