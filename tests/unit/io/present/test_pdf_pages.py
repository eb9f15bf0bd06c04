"""The PDF written straight from vector pages: it opens, its text is real text in any script, and it
renders with the chart's colours."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from carveplan.chart.vector import Anchor, Baseline, Box, Mark, Page, Polyline, Rule, Shape, Text
from carveplan.io.formats import ExportOptions
from carveplan.io.native import load
from carveplan.io.present.chart import export_pdf
from carveplan.io.present.pdf_pages import VectorPdf
from carveplan.model import Agreement
from carveplan.resources import sample_path

pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (pip install '.[test]')")
ACCENTED = "Pétrole brut Việt 原油"


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    """The sample agreement, its first line described in French, Vietnamese and Chinese."""
    sample = load(sample_path())
    first = replace(sample.lines[0], description=ACCENTED)
    return replace(sample, lines=(first, *sample.lines[1:]))


@pytest.fixture(scope="module")
def deck(agreement: Agreement, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("deck") / "deck.pdf"
    export_pdf(agreement, path, ExportOptions(today=date(2026, 11, 25)))
    return path


def test_the_deck_opens_and_its_text_has_every_row_and_script(deck: Path, agreement: Agreement) -> None:
    reader = pypdf.PdfReader(deck)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Pétrole brut Việt 原油" in text  # accents and CJK survive as text (CJK in the missing-glyph box)
    assert agreement.title in reader.pages[0].extract_text()  # the cover
    for sector in agreement.sectors:
        assert sector.name in text
    codes = {line.code for line in agreement.lines if line.sector != "other"}
    assert all(code in text for code in codes)
    assert reader.metadata is not None
    assert reader.metadata.title == agreement.title


def test_a_chart_page_renders_its_bars_in_the_sector_colour(deck: Path, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("poppler's pdftoppm is not installed (apt-get install poppler-utils)")
    from PIL import Image

    subprocess.run(
        [pdftoppm, "-png", "-r", "50", "-f", "2", "-l", "2", str(deck), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    picture = np.asarray(Image.open(png).convert("RGB")).astype(int)
    height, width, _ = picture.shape
    assert abs(width - 11.69 * 50) <= 1  # landscape A4
    assert abs(height - 8.27 * 50) <= 1
    r, g, b = picture[..., 0], picture[..., 1], picture[..., 2]
    orange = (abs(r - 0xE6) < 12) & (abs(g - 0x9F) < 12) & (b < 20)
    assert orange.sum() > 500  # the energy sector's bars
    assert (picture == 255).all(axis=2).mean() > 0.5  # a white page, not a black or empty one
    assert (picture[:25].sum(axis=2) < 150).sum() > 50  # the title at the top


def test_shapes_and_rotated_text_make_a_valid_page(tmp_path: Path) -> None:
    doc = VectorPdf("Shapes")
    items = (
        Box(10, 10, 100, 40, "#0072B2", 0.5, "#000000", 1.0, hatch=True),
        Rule(10, 60, 200, 60, "#D55E00", 1.2, (3.7, 1.6)),
        Mark(50, 100, 10, Shape.DIAMOND, "#FFFFFF", "#1A1A1A", 1.0),
        Mark(70, 100, 10, Shape.CIRCLE, "#009E73"),
        Mark(90, 100, 10, Shape.TRIANGLE, "#009E73"),
        Mark(110, 100, 10, Shape.SQUARE, "#009E73"),
        Polyline(((10, 150), (60, 120), (110, 150)), "#CC79A7", 2.0),
        Polyline(((10, 160), (20, 160), (15, 170)), None, 0.0, fill="#D55E00", closed=True),
        Text(
            150, 120, "Năm thứ nhất", 9, "#1A1A1A", anchor=Anchor.MIDDLE, baseline=Baseline.TOP, rotation=90
        ),
        Text(290, 20, "Négociation", 12, "#1A1A1A", bold=True, anchor=Anchor.END),
    )
    doc.add(Page(300, 200, "#FFFFFF", items))
    doc.add(Page(300, 200, "#FFFFFF", ()))
    path = tmp_path / "shapes.pdf"
    path.write_bytes(doc.finish())
    reader = pypdf.PdfReader(path, strict=True)
    assert len(reader.pages) == 2
    text = reader.pages[0].extract_text()
    assert "Négociation" in text
    assert "Năm thứ nhất" in text


def test_widths_come_from_the_embedded_font() -> None:
    doc = VectorPdf("Widths")
    assert doc.measure("iiii", 10) < doc.measure("WWWW", 10)
    assert doc.measure("Energy", 10, bold=True) > doc.measure("Energy", 10)
    assert doc.measure("", 10) == 0
    assert doc.measure("原油", 10) > 0  # a missing glyph still takes room


@pytest.mark.parametrize("system", [True, False])
def test_characters_dejavu_lacks_are_set_in_a_fallback_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: bool
) -> None:
    from carveplan.io.present import pdf_font_files as pdf_fonts

    if not system:  # as on a machine without a CJK font: the Last Resort font matplotlib ships
        monkeypatch.setattr(pdf_fonts, "SYSTEM_FALLBACKS", ())
    pdf_fonts.fallback_fonts.cache_clear()
    try:
        doc = VectorPdf("CJK")
        doc.add(Page(300, 100, "#FFFFFF", (Text(10, 50, "Crude 原油 oil", 12, "#000000"),)))
        path = tmp_path / "cjk.pdf"
        path.write_bytes(doc.finish())
    finally:
        pdf_fonts.fallback_fonts.cache_clear()
    reader = pypdf.PdfReader(path, strict=True)
    assert "Crude 原油 oil" in reader.pages[0].extract_text()
    fonts = [font.get_object()["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()]
    assert len(fonts) == 3  # regular, bold and the fallback
    if not system:
        assert any(name.endswith("+LastResortHE-Regular") for name in fonts)
