"""Labels use the room there is: long descriptions on a wide chart, a second line of date marks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from matplotlib.figure import Figure

from carveplan.chart.axes import day_num
from carveplan.chart.gantt import draw_gantt
from carveplan.chart.marks import VerticalMark, place_vertical_labels
from carveplan.chart.style import SCREEN
from carveplan.chart.text import text_points
from carveplan.engine import resolve
from carveplan.engine.schedule import Schedule

LONG = "Petroleum oils and oils obtained from bituminous minerals, other than crude"


def _long_description(schedule: Schedule) -> Schedule:
    first = schedule.agreement.lines[0]
    lines = (replace(first, description=LONG), *schedule.agreement.lines[1:])
    return resolve(replace(schedule.agreement, lines=lines))


def _labels(fig: Figure, schedule: Schedule, wide: bool) -> list[str]:
    art = draw_gantt(fig, schedule, title_block=False, legend=False, wide_labels=wide)
    return [t.get_text() for t in art.ax.get_yticklabels()]


def test_a_wide_chart_shows_more_of_a_description_and_a_narrow_one_cuts_it(schedule: Schedule) -> None:
    schedule = _long_description(schedule)
    wide = next(t for t in _labels(Figure(figsize=(16, 6)), schedule, True) if "Petroleum" in t)
    narrow = next(t for t in _labels(Figure(figsize=(7, 6)), schedule, True) if "Petroleum" in t)
    paged = next(t for t in _labels(Figure(figsize=(16, 6)), schedule, False) if "Petroleum" in t)
    assert len(wide.strip()) > len(paged.strip())  # the app fills its labels' share of the width
    assert len(narrow.strip()) == len(paged.strip()) == SCREEN.label_chars - 6  # the style's cut
    assert narrow.endswith("…")


def test_the_label_margin_is_the_labels_width_without_slack(schedule: Schedule) -> None:
    art = draw_gantt(Figure(figsize=(16, 6)), _long_description(schedule), wide_labels=True)
    longest = max(text_points(t.get_text(), SCREEN.font_size) for t in art.ax.get_yticklabels())
    assert art.frame.label_points <= longest + SCREEN.font_size * 0.5 + 0.01


def _marks() -> list[VerticalMark]:
    eif, sunset, term = (day_num(date(y, 1, 1)) for y in (2027, 2037, 2043))
    return [
        VerticalMark(eif, "EIF", "eif"),
        VerticalMark(sunset, "Sunset SG-VNM", "sunset"),
        VerticalMark(term, "Term ends", "review"),
    ]


def test_crowded_date_marks_take_a_second_line_instead_of_dropping_one() -> None:
    span = (day_num(date(2020, 1, 1)), day_num(date(2080, 1, 1)))
    ppd = 400 / (span[1] - span[0])  # sixty years on a 400-point axis: sunset and term ends collide
    one = place_vertical_labels(_marks(), SCREEN.small_font_size, ppd, span, tiers=1)
    assert [p.mark.label for p in one] == ["EIF", "Sunset SG-VNM"]
    two = place_vertical_labels(_marks(), SCREEN.small_font_size, ppd, span, tiers=2)
    assert {p.mark.label: p.tier for p in two} == {"EIF": 0, "Sunset SG-VNM": 0, "Term ends": 1}


def test_no_date_mark_label_runs_off_either_edge() -> None:
    marks = _marks()
    span = (marks[0].x - 5, marks[-1].x + 30)  # EIF at the left edge, the term's end near the right
    ppd = 900 / (span[1] - span[0])
    placed = place_vertical_labels(marks, SCREEN.small_font_size, ppd, span, tiers=2)
    term = next(p for p in placed if p.mark.label == "Term ends")
    assert term.align == "right"  # left of its line: it would run off the right edge
    for place in placed:
        width = text_points(place.mark.label, SCREEN.small_font_size) / ppd
        left = place.x if place.align == "left" else place.x - width
        assert span[0] <= left
        assert left + width <= span[1]


def test_the_chart_draws_crowded_labels_on_two_lines(schedule: Schedule) -> None:
    fig = Figure(figsize=(9, 6))
    art = draw_gantt(fig, schedule, window=(date(2020, 1, 1), date(2090, 1, 1)), title_block=False)
    assert art.frame.header_tiers == 2
    texts = [t for group in art.markers.values() for t in group if hasattr(t, "get_text")]
    assert {t.get_text() for t in texts} >= {"EIF", "Sunset EXC-1", "Term ends"}
    assert len({round(t.get_position()[1], 3) for t in texts}) == 2
    boxes = sorted((t.get_position()[1], t.get_position()[0]) for t in texts)
    assert len(boxes) == len(set(boxes))
