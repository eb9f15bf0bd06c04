"""Vertical marks: EIF, reviews and sunsets, whatever a user typed for a sunset."""

from __future__ import annotations

from datetime import date

import pytest

from carveplan.chart.marks import vertical_marks
from carveplan.engine import resolve
from carveplan.model import Agreement, Party, SecurityException, parse_timing


@pytest.mark.parametrize("sunset", ["EIF+99999y", "Y2+99999y"])
def test_a_sunset_past_the_calendar_end_draws_no_mark(sunset: str) -> None:
    exception = SecurityException("EXC-1", "VNM", sunset=parse_timing(sunset))
    agreement = Agreement("A", date(2027, 1, 1), parties=(Party("VNM", "Viet Nam"),), exceptions=(exception,))
    marks = vertical_marks(resolve(agreement), today=None)
    assert [m.kind for m in marks] == ["eif"]


def test_a_sunset_in_range_is_marked() -> None:
    exception = SecurityException("EXC-1", "VNM", sunset=parse_timing("Y12"))
    agreement = Agreement("A", date(2027, 1, 1), parties=(Party("VNM", "Viet Nam"),), exceptions=(exception,))
    marks = vertical_marks(resolve(agreement), today=None)
    assert [(m.kind, m.label) for m in marks] == [("eif", "EIF"), ("sunset", "Sunset EXC-1")]


def test_a_label_at_the_right_edge_goes_left_of_its_line() -> None:
    # The sample's term ends in the chart's last year: its label ran past the right edge, clipped.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from carveplan.chart.gantt import draw_gantt
    from carveplan.io.native import load
    from carveplan.resources import sample_path

    fig = Figure(figsize=(13.333, 12))
    draw_gantt(fig, resolve(load(sample_path())), today=date(2026, 11, 25))
    renderer = FigureCanvasAgg(fig).get_renderer()
    (axes,) = [ax for ax in fig.axes if any(t.get_text() == "Term ends" for t in ax.texts)]
    box = axes.get_window_extent(renderer)
    (label,) = [t for t in axes.texts if t.get_text() == "Term ends"]
    extent = label.get_window_extent(renderer)
    assert box.x0 <= extent.x0
    assert extent.x1 <= box.x1


def test_milestone_marks_follow_the_schedule_they_are_asked_about() -> None:
    """A deck reads each milestone's date once a schedule: asking about another schedule in between
    (an edit, a scenario) leaves no marks of the one before."""
    from dataclasses import replace
    from datetime import timedelta

    from carveplan.chart.marks import milestone_marks
    from carveplan.chart.rows import build_rows
    from carveplan.io.native import load
    from carveplan.resources import sample_path

    agreement = load(sample_path())
    first = resolve(agreement)
    later = resolve(replace(agreement, eif=agreement.eif + timedelta(days=400)))

    def places(schedule: object, rows: object) -> list[tuple[str, float, float, str]]:
        found = milestone_marks(schedule, rows)  # type: ignore[arg-type]
        return [(m.milestone.milestone.id, m.x, m.y, m.row) for m in found]

    rows_first, rows_later = build_rows(first), build_rows(later)
    alone = places(later, rows_later)
    before = places(first, rows_first)
    assert alone
    assert before != alone  # the later entry into force moves the diamonds
    assert places(later, rows_later) == alone
    assert places(first, rows_first) == before
