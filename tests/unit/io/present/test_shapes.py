"""Chart slides as native shapes: a page of plain shapes becomes DrawingML a viewer opens and draws."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from carveplan.chart.vector import Anchor, Baseline, Box, Mark, Page, Rule, Shape, Text
from carveplan.io.formats import ExportOptions, exporter_for
from carveplan.io.present.deck import deck_bytes
from carveplan.io.present.shapes import EMU_PER_INCH, Placement, page_shapes
from carveplan.io.present.slideparts import footers, slide_xml
from tests.helpers.office import deck_pdf
from tests.helpers.plans import partnership

TODAY = date(2026, 11, 25)
SPECIAL = 'Tariffs <&> "quotes"'
_NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
BOX = (0.4, 1.05, 12.533, 5.85)


def _page() -> Page:
    items = (
        Box(10, 10, 100, 20, "#E69F00", alpha=0.5, stroke="#000000", stroke_width=1.0),
        Box(10, 40, 100, 20, "#56B4E9", hatch=True),
        Rule(0, 80, 200, 80, "#595959", 0.8, dash=(3.0, 2.0)),
        Rule(50, 100, 60, 90, "#000000"),
        *(Mark(20 + 20 * i, 120, 8, shape, "#FFFFFF", "#000000", 1.0) for i, shape in enumerate(Shape)),
        Text(5, 150, SPECIAL, 10, "#000000", bold=True),
        Text(200, 150, "right", 10, "#000000", anchor=Anchor.END, baseline=Baseline.MIDDLE),
        Text(100, 170, "turned", 8, "#000000", anchor=Anchor.MIDDLE, baseline=Baseline.TOP, rotation=90),
    )
    return Page(300, 200, "#FAFAF0", items)


def _slide(page: Page) -> Any:
    shapes = list(page_shapes(page, BOX, first_id=3))
    xml = slide_xml("A <title>", (0.4, 0.2, 12.5, 0.8), 30, shapes, footers(2, 9, "SECRET"), 3 + len(shapes))
    return etree.fromstring(xml.encode("utf-8"))


def test_every_item_becomes_a_shape_with_its_own_id() -> None:
    root = _slide(_page())
    ids = [int(e.get("id")) for e in root.iterfind(".//p:cNvPr", _NS)]
    assert (
        len(ids) == len(set(ids)) == 1 + 1 + 1 + len(_page().items) + 2
    )  # group, title, background, footers
    geometries = [g.get("prst") for g in root.iterfind(".//a:prstGeom", _NS)]
    assert {"diamond", "ellipse", "rect", "triangle", "line"} <= set(geometries)


def test_alpha_hatch_and_dashes_are_written() -> None:
    root = _slide(_page())
    assert root.find(".//a:alpha", _NS).get("val") == "50000"
    assert root.find(".//a:pattFill", _NS).get("prst") == "ltUpDiag"
    dash = root.find(".//a:custDash/a:ds", _NS)
    assert int(dash.get("d")) > int(dash.get("sp")) > 0


def test_texts_keep_their_characters_size_and_anchor() -> None:
    root = _slide(_page())
    texts = [t.text for t in root.iterfind(".//a:t", _NS)]
    assert SPECIAL in texts
    assert "A <title>" in texts
    runs = {r.findtext("a:t", namespaces=_NS): r.find("a:rPr", _NS) for r in root.iterfind(".//a:r", _NS)}
    scale = Placement.fit(_page(), BOX).points
    assert int(runs[SPECIAL].get("sz")) == round(10 * scale * 100)
    aligns = [p.get("algn") for p in root.iterfind(".//a:pPr", _NS)]
    assert {"l", "r", "ctr"} <= set(aligns)
    turned = next(
        s for s in root.iterfind(".//p:sp", _NS) if s.findtext(".//a:t", namespaces=_NS) == "turned"
    )
    assert turned.find(".//a:xfrm", _NS).get("rot") == str(270 * 60000)  # a quarter turn anticlockwise
    body = turned.find(".//a:bodyPr", _NS)
    assert body.get("wrap") == "none"
    assert body.find("a:noAutofit", _NS) is not None


def test_the_page_is_scaled_into_its_box_keeping_its_shape() -> None:
    at = Placement.fit(_page(), BOX)
    width, height = 300 * at.scale / EMU_PER_INCH, 200 * at.scale / EMU_PER_INCH
    assert height == pytest.approx(BOX[3])
    assert width <= BOX[2]
    assert at.left / EMU_PER_INCH == pytest.approx(BOX[0] + (BOX[2] - width) / 2)


def _special_deck() -> Any:
    agreement = partnership()
    agreement = replace(
        agreement,
        title=SPECIAL,
        sectors=(replace(agreement.sectors[0], name=SPECIAL), *agreement.sectors[1:]),
    )
    data = deck_bytes(agreement, ExportOptions(today=TODAY, style="projector"))
    return Presentation(io.BytesIO(data))


def test_chart_slides_open_hold_their_shapes_within_the_slide_and_name_their_rows() -> None:
    deck = _special_deck()
    slides = list(deck.slides)
    assert slides[0].shapes.title.text == SPECIAL
    assert slides[1].shapes.title.text == SPECIAL  # the first sector's chart slide
    width, height = deck.slide_width, deck.slide_height
    for slide in slides[1:4]:
        ids = [s.shape_id for s in slide.shapes]
        assert len(ids) == len(set(ids))
        for shape in slide.shapes:
            assert shape.left >= 0, shape.name
            assert shape.top >= 0, shape.name
            assert shape.left + shape.width <= width + Emu(1), shape.name
            assert shape.top + shape.height <= height + Emu(1), shape.name
    texts = {s.text_frame.text for s in slides[1].shapes if s.has_text_frame}
    assert SPECIAL in texts  # the chart's own heading
    assert any("Viet Nam" in t for t in texts)


def test_libreoffice_draws_the_bars(tmp_path: Path) -> None:
    """The Energy slide, as LibreOffice draws it, has the sector's orange bars in the chart area."""
    from PIL import Image

    deck = tmp_path / "deck.pptx"
    exporter_for(deck)(
        partnership(), deck, ExportOptions(today=TODAY, style="projector", sectors=("Energy",))
    )
    pdf = deck_pdf(deck)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "slide")],
                   check=True, timeout=120)  # fmt: skip
    (picture,) = tmp_path.glob("slide*.png")
    with Image.open(picture) as image:
        pixels = np.asarray(image.convert("RGB")).astype(int)
    rows, columns = pixels.shape[:2]
    chart = pixels[int(rows * 1.05 / 7.5) : int(rows * 7.0 / 7.5), int(columns * 0.4 / 13.333) :]
    orange = (abs(chart - (0xE6, 0x9F, 0x00)).sum(axis=2) < 40).sum()
    assert orange > 0.02 * chart.shape[0] * chart.shape[1]  # bars, not a blank or picture-less slide
    heading = pixels[: int(rows * 1.0 / 7.5)]
    assert (heading.sum(axis=2) < 200).sum() > 20  # the slide's title is set in dark text above
