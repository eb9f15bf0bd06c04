"""Vector pages painted with QPainter: each item's pixels where the PDF writer puts them, and the view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from pytestqt.qtbot import QtBot

from carveplan.chart.page import build_page
from carveplan.chart.rows import build_rows, window
from carveplan.chart.style import SCREEN
from carveplan.chart.vector import Anchor, Baseline, Box, Item, Mark, Page, Polyline, Rule, Shape, Text
from carveplan.engine.resolve import resolve
from carveplan.io import native
from carveplan.io.present.pdf_pages import VectorPdf
from carveplan.resources import sample_path
from carveplan.ui.page_painter import PageView, paint_page
from tests.helpers.pictures import saved_picture

WHITE = QColor("#FFFFFF")
pytestmark = pytest.mark.usefixtures("qapp")  # fonts need the application


def painted(*items: Item, scale: float = 2.0, size: float = 100.0) -> QImage:
    """A white ``size``-point square page holding ``items``, painted at ``scale`` pixels a point."""
    side = round(size * scale)
    image = QImage(side, side, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FF00FF"))  # anything the background leaves unpainted shows
    painter = QPainter(image)
    paint_page(painter, Page(size, size, "#FFFFFF", items), scale)
    painter.end()
    return image


def near(image: QImage, x: float, y: float, colour: str, tolerance: int = 6) -> bool:
    got, want = image.pixelColor(round(x), round(y)), QColor(colour)
    pairs = ((got.red(), want.red()), (got.green(), want.green()), (got.blue(), want.blue()))
    return all(abs(a - b) <= tolerance for a, b in pairs)


def inked(
    image: QImage, left: int = 0, top: int = 0, right: int | None = None, bottom: int | None = None
) -> list[tuple[int, int]]:
    """The pixels darker than a light grey in the given area, as (x, y): ink, not paper."""
    right, bottom = right or image.width(), bottom or image.height()
    return [
        (x, y)
        for y in range(max(top, 0), min(bottom, image.height()))
        for x in range(max(left, 0), min(right, image.width()))
        if image.pixelColor(x, y).lightness() < 200
    ]


def test_an_empty_page_is_all_background() -> None:
    image = painted()
    assert {image.pixel(x, y) for x in range(0, 200, 7) for y in range(0, 200, 7)} == {WHITE.rgb()}


def test_a_filled_box_shows_its_colour_at_its_centre_and_nothing_outside() -> None:
    image = painted(Box(10, 20, 40, 30, "#E69F00"))
    assert near(image, 60, 70, "#E69F00")  # (30, 35) points at 2 pixels a point
    assert near(image, 110, 70, "#FFFFFF")
    assert near(image, 60, 30, "#FFFFFF")


def test_a_box_with_alpha_blends_with_what_is_under_it() -> None:
    image = painted(Box(0, 0, 100, 100, "#000000"), Box(10, 10, 50, 50, "#FFFFFF", alpha=0.5))
    grey = image.pixelColor(70, 70)
    assert 120 <= grey.red() <= 135
    assert grey.red() == grey.green() == grey.blue()
    assert near(image, 150, 150, "#000000")


def test_an_opaque_outline_is_drawn_over_the_fill_on_the_edge() -> None:
    image = painted(Box(20, 20, 60, 40, "#E69F00", stroke="#0000FF", stroke_width=4))
    assert near(image, 40, 60, "#0000FF")  # the left edge, x = 20 points
    assert near(image, 100, 80, "#E69F00")
    assert near(image, 34, 80, "#FFFFFF")  # 2 points outside the 4-point outline's half


def test_hatch_lines_take_the_outline_colour_and_stay_inside_the_box() -> None:
    image = painted(Box(20, 20, 60, 20, "#FFFFFF", stroke="#0000FF", stroke_width=0.5, hatch=True))
    inside = {image.pixelColor(x, y).name() for x in range(44, 156) for y in range(44, 76)}
    assert any(QColor(c).blue() > 200 and QColor(c).red() < 100 for c in inside)
    assert not inked(image, 0, 0, 200, 38)
    assert not inked(image, 0, 82, 200, 200)


def test_hatch_without_an_outline_takes_the_fill_colour() -> None:
    image = painted(Box(0, 0, 100, 100, "#FFFFFF"), Box(20, 20, 60, 20, None, hatch=True))
    assert inked(image, 40, 40, 160, 80), "black hatch lines where neither colour is given"


def test_a_rule_colours_its_line_and_not_beside_it() -> None:
    image = painted(Rule(10, 50, 90, 50, "#009E73", width=2))
    assert near(image, 100, 100, "#009E73")
    assert near(image, 100, 99, "#009E73")
    assert near(image, 100, 94, "#FFFFFF")
    assert near(image, 100, 106, "#FFFFFF")
    assert near(image, 16, 100, "#FFFFFF")  # butt caps, as in the PDF: nothing before x = 10 points


def test_a_dashed_rule_leaves_gaps_in_points() -> None:
    image = painted(Rule(0, 50, 100, 50, "#000000", width=1, dash=(4, 4)))
    row = [image.pixelColor(x, 100).lightness() < 128 for x in range(200)]
    assert row[4]
    assert not row[12]
    assert row[20]


def test_each_mark_shape_is_filled_at_its_centre() -> None:
    for shape in Shape:
        image = painted(Mark(50, 50, 10, shape, "#D55E00", stroke="#1A1A1A", stroke_width=1))
        assert near(image, 100, 100, "#D55E00"), shape
        assert near(image, 100, 80, "#FFFFFF"), shape  # 10 points above: beyond its 5-point half


def test_a_triangle_points_up() -> None:
    image = painted(Mark(50, 50, 20, Shape.TRIANGLE, "#000000"))
    assert near(image, 100, 85, "#000000")
    assert near(image, 85, 115, "#000000")
    assert near(image, 85, 85, "#FFFFFF")  # narrow at the top


def test_text_is_drawn_in_its_box_after_its_anchor() -> None:
    image = painted(Text(20, 50, "Energy", 12, "#000000"))
    ink = inked(image)
    assert ink
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    assert min(xs) >= 38
    assert max(xs) <= 40 + 6 * 12 * 2
    assert min(ys) >= 100 - 12 * 2
    assert max(ys) <= 100 + 6


def test_text_anchored_at_its_end_is_left_of_x() -> None:
    image = painted(Text(80, 50, "Energy", 12, "#000000", anchor=Anchor.END))
    xs = [x for x, _ in inked(image)]
    assert xs
    assert max(xs) <= 161
    assert min(xs) < 120


def test_text_anchored_in_its_middle_straddles_x_and_a_top_baseline_hangs_below_y() -> None:
    image = painted(Text(50, 20, "MMMM", 10, "#000000", anchor=Anchor.MIDDLE, baseline=Baseline.TOP))
    ink = inked(image)
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    assert min(xs) < 100 < max(xs)
    assert abs((min(xs) + max(xs)) / 2 - 100) <= 3
    assert min(ys) >= 39
    assert max(ys) <= 40 + 20


def test_rotated_text_runs_upwards() -> None:
    image = painted(Text(50, 90, "Energy sector", 10, "#000000", rotation=90))
    ink = inked(image)
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    assert max(ys) - min(ys) > 3 * (max(xs) - min(xs))
    assert max(ys) <= 181
    assert min(xs) >= 100 - 20
    assert max(xs) <= 100 + 5


def test_a_polyline_strokes_its_points_and_a_filled_one_closes() -> None:
    line = Polyline(((10, 90), (50, 10), (90, 90)), "#0072B2", width=2)
    image = painted(line)
    assert near(image, 100, 22, "#0072B2")
    assert near(image, 100, 150, "#FFFFFF")
    filled = painted(Polyline(((10, 10), (90, 10), (50, 90)), None, fill="#0072B2"))
    assert near(filled, 100, 60, "#0072B2")


def test_scale_maps_points_to_pixels() -> None:
    image = painted(Box(25, 25, 50, 50, "#000000"), scale=1.0)
    assert near(image, 30, 30, "#000000")
    assert near(image, 20, 20, "#FFFFFF")


def test_the_view_paints_a_page_and_says_so_once(qtbot: QtBot) -> None:
    view = PageView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    width, height = view.page_size()
    with qtbot.waitSignal(view.painted, timeout=5000):
        view.set_page(Page(width, height, "#FFFFFF", (Box(0, 0, width / 2, height, "#E69F00"),)))
        view.show()
    image = view.grab().toImage()
    assert near(image, 100, 150, "#E69F00")
    assert near(image, 300, 150, "#FFFFFF")
    emitted: list[bool] = []
    view.painted.connect(lambda: emitted.append(True))
    view.set_page(Page(width, height, "#FFFFFF", (Box(0, 0, width, height, "#000000"),)))
    view.repaint()
    QCoreApplication.processEvents()
    assert near(view.grab().toImage(), 300, 150, "#000000")
    assert emitted == []


def test_the_view_without_a_page_or_with_an_empty_one_does_not_say_painted(qtbot: QtBot) -> None:
    view = PageView()
    qtbot.addWidget(view)
    view.resize(200, 100)
    emitted: list[bool] = []
    view.painted.connect(lambda: emitted.append(True))
    assert not view.grab().isNull()
    view.set_page(Page(150, 75, "#FFFFFF", ()))
    assert near(view.grab().toImage(), 100, 50, "#FFFFFF")
    QCoreApplication.processEvents()
    assert emitted == []


def test_a_chart_page_of_the_sample_agreement_renders(qtbot: QtBot, tmp_path: Path) -> None:
    schedule = resolve(native.load(sample_path()))
    rows = window(build_rows(schedule), 0, 40)
    view = PageView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    page = build_page(schedule, rows, size=view.page_size(), style=SCREEN, title="Sample")
    with qtbot.waitSignal(view.painted, timeout=5000):
        view.set_page(page)
        view.show()
    image = saved_picture(QPixmap(view.grab()), tmp_path / "page.png", min_colours=12)
    scale = view.width() / page.width
    bars = [i for i in page.items if isinstance(i, Box) and i.fill and i.alpha == 1 and i.width > 4]
    assert bars
    bar = max(bars, key=lambda b: b.width * b.height)
    assert near(image, (bar.x + bar.width / 2) * scale, (bar.y + bar.height / 2) * scale, bar.fill or "")
    title = next(i for i in page.items if isinstance(i, Text) and i.text == "Sample")
    assert inked(image, round(title.x * scale), 0, round((title.x + 60) * scale), round(title.y * scale) + 4)


def test_texts_are_as_wide_as_the_pdf_sets_them() -> None:
    # Ended at x, or started where the PDF's width puts the start: the same pixels when the widths agree
    # (no kerning, no "ff" ligature, sizes not rounded to whole pixels).
    measure = VectorPdf("widths").measure
    for words, size, bold in (("Tariff line 39863459", 7.5, False), ("Waffle AVAWAY", 9.0, True)):
        for scale in (1.0, 4 / 3, 2.0):
            ended = inked(painted(Text(95, 50, words, size, "#000000", bold, Anchor.END), scale=scale))
            start = 95 - measure(words, size, bold)
            started = inked(painted(Text(start, 50, words, size, "#000000", bold), scale=scale))
            left, right = min(x for x, _ in ended), max(x for x, _ in ended)
            assert abs(min(x for x, _ in started) - left) <= 1, (words, scale)
            assert abs(max(x for x, _ in started) - right) <= 1, (words, scale)
