"""The coverage page as plain shapes: titled or not, its panels start under what is above them."""

from __future__ import annotations

from carveplan.chart.coverage_page import coverage_page
from carveplan.chart.style import STYLES
from carveplan.chart.vector import Page, Polyline, Rule, Text
from carveplan.engine.coverage import coverage
from tests.helpers.trade import trade_agreement

SLIDE = (886.0, 396.0)  # the slide's chart box, in points
NOTES = [("Article XXIV test: 90 % of lines", False), ("AAA  fail", True)]


def _page(title: str) -> Page:
    cover = coverage(trade_agreement())
    return coverage_page(cover, None, STYLES["screen"], SLIDE, NOTES, title)


def _panel_top(page: Page) -> float:
    return min(
        min(item.y0, item.y1) if isinstance(item, Rule) else min(y for _, y in item.points)
        for item in page.items
        if isinstance(item, Rule | Polyline)
    )


def test_an_untitled_page_keeps_no_room_for_a_title() -> None:
    # A slide carries its own title: the page under it starts with the panels' headings,
    # not with the blank band a title would have taken (about 30 pt on a slide).
    titled, untitled = _page("Liberalization coverage"), _page("")
    assert not [t for t in untitled.items if isinstance(t, Text) and not t.text]
    heading = min(t.y - t.size for t in untitled.items if isinstance(t, Text))
    assert heading < STYLES["screen"].font_size * 1.5
    assert _panel_top(titled) - _panel_top(untitled) >= STYLES["screen"].title_size


def test_the_titled_page_keeps_its_title_above_the_panels() -> None:
    page = _page("Liberalization coverage")
    title = next(t for t in page.items if isinstance(t, Text) and t.text == "Liberalization coverage")
    assert title.y + title.size < _panel_top(page)
