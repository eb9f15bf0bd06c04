"""Presentation mode: pages per sector and party, keys, classification banner."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import Agreement
from carveplan.resources import sample_path
from carveplan.ui.document import Document
from carveplan.ui.presentation import PresentationWindow, presentation_pages


def test_pages_step_through_sectors_then_parties(small_agreement: Agreement) -> None:
    pages = presentation_pages(small_agreement)
    captions = [caption for _, _, caption in pages]
    assert captions == ["All sectors", "Energy", "Critical minerals", "Energy — AUS", "Energy — VNM"]


def test_keys_step_zoom_toggle_and_leave(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(dataclasses.replace(small_agreement, classification="Restricted"))
    window = PresentationWindow(document)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible()
    assert window.banner.text() == "RESTRICTED"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.chart.state.sectors == ("energy",)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.chart.state.sectors == ("critical_minerals",)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.chart.state.sectors == ("energy",)
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert not window.chart.state.show_baseline
    qtbot.waitUntil(lambda: window.chart.artists is not None, timeout=10000)
    span = window.chart.current_window()
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    start, end = window.chart.current_window()
    assert (end - start) < (span[1] - span[0])
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert window.chart.style_name == "projector"
    with qtbot.waitSignal(window.destroyed, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)


def test_no_banner_without_classification(qtbot: QtBot, small_agreement: Agreement) -> None:
    window = PresentationWindow(Document(small_agreement))
    qtbot.addWidget(window)
    window.show()
    assert not window.banner.isVisible()


@pytest.fixture(params=[(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def presenting(request: pytest.FixtureRequest, qtbot: QtBot) -> PresentationWindow:
    document = Document(native.load(sample_path()))
    window = PresentationWindow(document)
    qtbot.addWidget(window)
    window.resize(*request.param)
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        window.show()
    qtbot.waitUntil(lambda: window.chart.artists is not None and window.chart.figure is not None)
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        window.show_page(0)
    return window


def test_every_page_fits_its_rows_without_scrolling(presenting: PresentationWindow, qtbot: QtBot) -> None:
    fit = presenting.chart.rows_that_fit(0.42)
    assert len(presenting.pages) > len(presentation_pages(presenting._document.agreement))
    for number in range(0, len(presenting.pages), 3):  # a third of the pages: each redraw takes time
        with qtbot.waitSignal(presenting.chart.drawn, timeout=10000):
            presenting.show_page(number)
        artists = presenting.chart.artists
        assert artists is not None
        assert 0 < len(artists.rows) <= fit
        assert not presenting.chart.scrollbar.isVisible()
        assert artists.frame.row_points >= artists.style.label_min_points  # every row keeps its label


def test_a_page_spans_its_own_lines_and_a_zoom_does_not_carry_over(
    presenting: PresentationWindow, qtbot: QtBot
) -> None:
    schedule = presenting._document.schedule()
    number = next(i for i, p in enumerate(presenting.pages) if p.caption == "Energy — AUS")
    page = presenting.pages[number]
    ends = [
        line.final_date for line in schedule.lines if (line.line.sector, line.line.party) == ("energy", "AUS")
    ]
    last = max(day for day in ends if day is not None)
    assert page.window is not None
    assert page.window[1] <= date(last.year + 2, 12, 31)  # not the agreement's whole term
    with qtbot.waitSignal(presenting.chart.drawn, timeout=10000):
        presenting.show_page(number)
    qtbot.keyClick(presenting, Qt.Key.Key_Plus)
    assert presenting.chart.current_window() != page.window
    with qtbot.waitSignal(presenting.chart.drawn, timeout=10000):
        qtbot.keyClick(presenting, Qt.Key.Key_Right)
    assert presenting.chart.current_window() == presenting.pages[number + 1].window


def test_one_classification_label_and_values_on_the_bars(presenting: PresentationWindow) -> None:
    artists = presenting.chart.artists
    assert artists is not None
    assert presenting.banner.text() == "DRAFT – FOR NEGOTIATION"
    assert artists.title == []  # the chart's own title block (and label) is folded away
    values = [t.get_text() for t in artists.labels if "%" in t.get_text() and "→" not in t.get_text()[:1]]
    assert values
    assert min(t.get_fontsize() for t in artists.labels) >= 12


def test_a_short_page_keeps_the_row_height_of_a_full_one(
    presenting: PresentationWindow, qtbot: QtBot
) -> None:
    heights = {}
    for number, page in enumerate(presenting.pages):
        with qtbot.waitSignal(presenting.chart.drawn, timeout=10000):
            presenting.show_page(number)
        artists = presenting.chart.artists
        assert artists is not None
        heights[page.count] = artists.frame.row_points
        if len(heights) > 1:
            break
    assert len(heights) == 2  # a full page and a shorter one
    assert len({round(points, 3) for points in heights.values()}) == 1


def test_descriptions_use_the_room_a_projector_page_has(presenting: PresentationWindow) -> None:
    # Projector type is big: at the style's own cut a description kept about 17 letters. On a
    # 1280-pixel screen it keeps more than 20, and the labels still end before the bars begin.
    artists = presenting.chart.artists
    assert artists is not None
    presenting.chart.canvas.draw()
    labels = [t for t in artists.ax.get_yticklabels() if t.get_text().startswith("      ")]
    cut = [t.get_text().strip() for t in labels if t.get_text().endswith("…")]
    assert cut
    assert min(len(text.split(" ", 1)[1]) for text in cut) > 20
    renderer = presenting.chart.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    axes_left = artists.ax.get_window_extent(renderer).x0
    assert max(t.get_window_extent(renderer).x1 for t in labels) < axes_left
    assert min(t.get_window_extent(renderer).x0 for t in labels) > 0  # nothing runs off the left edge
