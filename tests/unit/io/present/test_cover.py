"""The PDF deck's cover keeps a long classification and a long title on the page, and whole."""

from __future__ import annotations

import pytest

from carveplan.chart.page_parts import estimate
from carveplan.chart.style import STYLES
from carveplan.chart.vector import Box, Page, Text
from carveplan.io.present.cover import cover_page

A4 = (841.68, 595.44)
WIDE = (960.0, 540.0)
LABEL = "Confidential – restricted to negotiating delegations only – not for distribution <&> " * 2
TITLE = "Comprehensive and Progressive Agreement for Trans-Pacific Partnership on Supply Chains " * 4


def _inside(page: Page) -> None:
    for item in page.items:
        if isinstance(item, Text):
            right = item.x + estimate(item.text, item.size, item.bold)
            assert item.x >= 0, item.text
            assert right <= page.width, item.text
            assert 0 <= item.y <= page.height, item.text
        if isinstance(item, Box):
            assert item.x >= 0
            assert item.x + item.width <= page.width
            assert item.y >= 0
            assert item.y + item.height <= page.height


@pytest.mark.parametrize("size", [A4, WIDE])
@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_long_classification_and_title_stay_on_the_cover(size: tuple[float, float], style: str) -> None:
    page = cover_page(TITLE, LABEL, ["Scenario: baseline", "As of 2 Dec 2026"], STYLES[style], size)
    _inside(page)
    texts = [item for item in page.items if isinstance(item, Text)]
    shown = " ".join(t.text for t in texts if t.text.isupper())
    assert shown == " ".join(LABEL.upper().split())  # the whole label, wrapped, never cut
    box = next(item for item in page.items if isinstance(item, Box))
    assert all(box.y <= t.y <= box.y + box.height for t in texts if t.text.isupper())
    title = [t for t in texts if t.size == STYLES[style].title_size * 1.5]
    assert title[-1].text.endswith("…")
    assert title[-1].y + title[-1].size * 1.2 < next(t for t in texts if t.text == "Scenario: baseline").y
