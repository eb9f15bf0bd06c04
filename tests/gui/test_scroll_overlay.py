"""Scrolling paints the rows now in view at once, over the canvas, until the canvas renders them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from carveplan.chart.vector import Text
from carveplan.ui.document import Document
from carveplan.ui.gantt_view import GanttView
from tests.benchmarks.national import national_agreement
from tests.helpers.pictures import pixels_near

SECTOR = QColor("#E69F00")


@pytest.fixture
def chart(qtbot: QtBot) -> GanttView:
    view = GanttView(Document(national_agreement(1, per_party=60)))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    with qtbot.waitSignal(view.rendered, timeout=30000):
        view.show()
    return view


def _labels(chart: GanttView) -> set[str]:
    assert chart._overlay is not None
    page = chart._overlay.page()
    assert page is not None
    return {item.text.strip() for item in page.items if isinstance(item, Text)}


def test_a_scroll_paints_the_new_rows_at_once_and_the_canvas_takes_over(
    qtbot: QtBot, chart: GanttView
) -> None:
    chart.scroll_rows(20)
    overlay = chart._overlay
    assert overlay is not None
    assert overlay.isVisible()  # before the event loop ran: no canvas render yet
    rows = chart.all_rows()[20:30]
    labels = _labels(chart)
    assert all(any(row.label[:12] in text for text in labels) for row in rows if not row.is_group)
    image = overlay.grab().toImage()
    bars = pixels_near(image, SECTOR, step=4)
    assert bars > 50  # the rows' bars are painted
    with qtbot.waitSignal(chart.rendered, timeout=30000):
        pass
    assert not overlay.isVisible()
    assert chart.artists is not None
    drawn = [row.label for row in chart.artists.rows]
    assert rows[0].label in drawn


def test_the_scroll_bar_scrolls_through_the_overlay_too(qtbot: QtBot, chart: GanttView) -> None:
    chart.scrollbar.setValue(40)
    assert chart._overlay is not None
    assert chart._overlay.isVisible()
    assert chart.state.first == 40
    with qtbot.waitSignal(chart.rendered, timeout=30000):
        pass
    assert not chart._overlay.isVisible()


def test_a_chart_with_its_title_and_legend_renders_every_scroll(qtbot: QtBot, chart: GanttView) -> None:
    chart.set_chrome(True)
    with qtbot.waitSignal(chart.rendered, timeout=30000):
        pass
    chart.scroll_rows(10)
    assert chart._overlay is None or not chart._overlay.isVisible()
    with qtbot.waitSignal(chart.rendered, timeout=30000):
        pass
