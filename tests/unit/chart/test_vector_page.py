"""A deck page as plain shapes: the rows, bars, marks and chrome of the matplotlib page, inside the page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from carveplan.chart.frame import row_label
from carveplan.chart.gantt import draw_gantt
from carveplan.chart.page import VectorPages, build_page
from carveplan.chart.page_parts import estimate
from carveplan.chart.rows import build_rows, paginate
from carveplan.chart.style import STYLES
from carveplan.chart.vector import Anchor, Box, Mark, Page, Polyline, Rule, Shape, Text
from carveplan.engine.schedule import Schedule

TODAY = date(2029, 5, 1)
A4 = (841.68, 595.44)


def _texts(page: Page) -> list[Text]:
    return [item for item in page.items if isinstance(item, Text)]


def _extent(text: Text) -> tuple[float, float, float, float]:
    """The text's box (left, top, right, bottom) by the chart's width estimate."""
    width = estimate(text.text, text.size, text.bold)
    left = {Anchor.START: text.x, Anchor.MIDDLE: text.x - width / 2, Anchor.END: text.x - width}[text.anchor]
    top = {"top": text.y, "middle": text.y - text.size / 2, "baseline": text.y - text.size * 0.8}[
        text.baseline
    ]
    return left, top, left + width, top + text.size


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_row_label_shows_and_nothing_leaves_the_page(schedule: Schedule, style: str) -> None:
    rows = build_rows(schedule)
    page = build_page(schedule, rows, size=A4, style=STYLES[style], today=TODAY, title="Energy")
    texts = [t.text.strip() for t in _texts(page)]
    for row in rows:
        assert row_label(row, STYLES[style]).strip() in texts
    for text in _texts(page):
        left, top, right, bottom = _extent(text)
        assert left >= 0, text
        assert right <= page.width + 1, text
        assert top >= 0, text
        assert bottom <= page.height, text
    for item in page.items:
        if isinstance(item, Box):
            assert item.x >= 0
            assert item.x + item.width <= page.width + 0.01
            assert item.y >= 0
            assert item.y + item.height <= page.height + 0.01


def test_bars_sit_inside_the_axes_and_match_the_chart(schedule: Schedule) -> None:
    from matplotlib.figure import Figure

    rows = build_rows(schedule)
    pages = VectorPages(schedule, size=A4, today=TODAY)
    page = pages.page(rows)
    fig = Figure(figsize=(A4[0] / 72, A4[1] / 72))
    art = draw_gantt(fig, schedule, today=TODAY, visible=rows)
    left, bottom, width, height = art.ax.get_position().bounds
    axes = (left * A4[0], (1 - bottom - height) * A4[1], (left + width) * A4[0], (1 - bottom) * A4[1])
    coloured = [b for b in page.items if isinstance(b, Box) and b.fill not in (None, "#FFFFFF")]
    legend_top = A4[1] - 60  # the legend's swatches lie under the date axis
    bars = [b for b in coloured if b.height < art.frame.row_points and b.y < legend_top]  # not stripes
    assert len(bars) >= len(art.collections["phases"].get_paths())
    for box in bars:
        assert axes[0] - 0.01 <= box.x
        assert box.x + box.width <= axes[2] + 0.01
        assert axes[1] - 0.01 <= box.y
        assert box.y + box.height <= axes[3] + 0.01
    # the same value labels as the matplotlib chart, in the same order
    chart_labels = [t.get_text() for t in art.labels]
    page_texts = [t.text for t in _texts(page)]
    assert [t for t in page_texts if t in chart_labels] == chart_labels


def test_marks_legend_and_title_block(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    page = build_page(schedule, rows, size=A4, today=TODAY, title="Energy (page 1 of 2)")
    texts = [t.text for t in _texts(page)]
    assert texts.count("Energy (page 1 of 2)") == 1
    assert any(t.startswith(schedule.agreement.title) and "Scenario: baseline" in t for t in texts)
    assert "DRAFT – FOR NEGOTIATION" in texts
    assert {"EIF", "Today"} <= set(texts)  # legend entries
    assert "Y1" in texts
    diamonds = [m for m in page.items if isinstance(m, Mark) and m.shape is Shape.DIAMOND]
    assert len(diamonds) >= len(schedule.milestones)
    dashed = [r for r in page.items if isinstance(r, Rule) and r.dash]
    assert dashed  # today and the review lines
    bold = {t.text.strip() for t in _texts(page) if t.bold}
    assert {r.label for r in rows if r.is_group} <= bold


def test_pages_of_a_deck_repeat_headers_and_count_lines(schedule: Schedule) -> None:
    pages = VectorPages(schedule, size=(A4[0], 300.0), today=TODAY, lines=7)
    for rows in paginate(build_rows(schedule), 6):
        page = pages.page(rows, "Energy")
        texts = [t.text for t in _texts(page)]
        assert any("· 7 lines ·" in t.replace("  ", " ") for t in texts)
        assert any(t.strip() == rows[0].label for t in texts)


def test_an_empty_page_says_so(schedule: Schedule) -> None:
    page = build_page(schedule, (), size=A4, today=TODAY)
    assert "No lines match the selection" in [t.text for t in _texts(page)]


def test_a_long_title_is_cut_before_the_classification(schedule: Schedule) -> None:
    agreement = replace(schedule.agreement, title="A very long agreement title " * 8)
    long = replace(schedule, agreement=agreement)
    page = build_page(long, build_rows(long), size=A4, today=TODAY)
    title = next(t for t in _texts(page) if t.size == 14.0)
    assert title.text.endswith("…")
    box = next(b for b in page.items if isinstance(b, Box) and b.stroke == "#D55E00" and b.y < 20)
    assert title.x + estimate(title.text, title.size, True) < box.x


def test_coverage_page_has_a_curve_per_party_and_the_notes() -> None:
    from carveplan.chart.coverage_page import coverage_page
    from carveplan.chart.style import SCREEN
    from carveplan.engine.coverage import coverage
    from tests.helpers.trade import trade_agreement

    agreement = trade_agreement()
    cover, base = coverage(agreement, "energy late"), coverage(agreement)
    notes = [("AAA  fail", True), ("BBB  pass", False)]
    page = coverage_page(cover, base, SCREEN, A4, notes, "Coverage")
    curves = [p for p in page.items if isinstance(p, Polyline)]
    assert len(curves) == 2 * 2 * 2  # two parties and their baselines, on two panels
    texts = {t.text: t for t in _texts(page)}
    assert texts["AAA  fail"].bold
    assert not texts["BBB  pass"].bold
    assert "Tariff lines duty-free (%)" in texts
    for curve in curves:
        assert all(0 <= x <= page.width and 0 <= y <= page.height for x, y in curve.points)


def test_group_bars_kept_across_pages_equal_those_worked_out_per_page(schedule: Schedule) -> None:
    import numpy as np

    from carveplan.chart.axes import day_num
    from carveplan.chart.frame import default_window
    from carveplan.chart.geometry import build_geometry
    from carveplan.chart.groups import GroupSpans
    from carveplan.chart.style import SCREEN

    start, end = default_window(schedule)
    span = (day_num(start), day_num(end))
    kept = GroupSpans(schedule, span[1])
    for rows in paginate(build_rows(schedule), 5):
        fresh = build_geometry(schedule, rows, SCREEN, span, None)
        reused = build_geometry(schedule, rows, SCREEN, span, None, kept)
        assert len(fresh.groups) > 0
        np.testing.assert_allclose(reused.groups.verts(), fresh.groups.verts())
        np.testing.assert_allclose(reused.phases.verts(), fresh.phases.verts())
