"""PDF embeds TrueType fonts and SVG keeps text as text, read back by pypdf, poppler and an XML parser."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from carveplan.io.formats import ExportOptions
from carveplan.io.native import load
from carveplan.io.present.chart import export_pdf, export_svg
from carveplan.resources import sample_path

SAMPLE = sample_path()
OPTIONS = ExportOptions(today=date(2026, 11, 25))
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "deck.pdf"
    export_pdf(load(SAMPLE), path, OPTIONS)
    return path


def _fonts(page: Any) -> list[Any]:
    resources = page["/Resources"]
    return [font.get_object() for font in resources.get("/Font", {}).values()]


def test_pdf_embeds_truetype_and_no_type3(deck: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (pip install '.[test]')")
    reader = pypdf.PdfReader(deck)
    fonts = [font for page in reader.pages for font in _fonts(page)]
    assert fonts
    assert all(font["/Subtype"] != "/Type3" for font in fonts)
    for font in fonts:
        (descendant,) = font["/DescendantFonts"]
        descriptor = descendant.get_object()["/FontDescriptor"].get_object()
        assert descendant.get_object()["/Subtype"] == "/CIDFontType2"  # TrueType outlines
        assert "/FontFile2" in descriptor  # embedded
    assert "Energy" in reader.pages[1].extract_text()  # searchable


def test_pdffonts_lists_embedded_truetype(deck: Path) -> None:
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("poppler's pdffonts is not installed (apt-get install poppler-utils)")
    listing = subprocess.run([pdffonts, str(deck)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        assert "TrueType" in row, row
        assert "Type 3" not in row, row
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_svg_keeps_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "chart.svg"
    export_svg(load(SAMPLE), path, OPTIONS)
    root = ET.parse(path).getroot()
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Energy (14 lines)" in texts
    assert not [g for g in root.iter(f"{SVG}path") if (g.get("id") or "").startswith("DejaVu")]  # no glyphs
