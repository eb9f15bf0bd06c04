"""Arabic and Hebrew in PDF decks: the glyphs drawn are joined and in display order, the text copies
back in reading order, and Latin words and numbers inside a right-to-left name keep theirs."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from carveplan.chart.vector import Page, Text
from carveplan.io.formats import ExportOptions
from carveplan.io.native import load
from carveplan.io.present.chart import export_pdf
from carveplan.io.present.pdf_bidi import logical, visual
from carveplan.io.present.pdf_pages import VectorPdf
from carveplan.resources import sample_path

pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (pip install '.[test]')")

ARABIC = "الإمارات العربية المتحدة"
# As drawn, left to right: each letter in its joined form (final, medial, initial, isolated) and the
# lam-alef-hamza ligature, the words in display order.
ARABIC_DRAWN = (
    "\ufe93\ufeaa\ufea4\ufe98\ufee4\ufedf\ufe8d "  # المتحدة
    "\ufe94\ufef4\ufe91\ufeae\ufecc\ufedf\ufe8d "  # العربية
    "\ufe95\ufe8d\ufead\ufe8e\ufee3\ufef9\ufe8d"  # الإمارات
)
HEBREW = "מדינת ישראל"
HEBREW_DRAWN = "לארשי תנידמ"


def test_right_to_left_text_is_shaped_and_reordered() -> None:
    assert visual(ARABIC) == ARABIC_DRAWN
    assert visual(HEBREW) == HEBREW_DRAWN
    assert visual("Energy 2025") == "Energy 2025"  # left-to-right text untouched


def test_latin_and_numbers_inside_right_to_left_keep_their_order() -> None:
    assert visual("ישראל 2025 (ISR-1)") == "(ISR-1) 2025 לארשי"  # brackets mirrored, runs kept
    assert visual("AUS – ישראל") == "AUS – לארשי"  # a left-to-right label with a Hebrew name


def test_a_joined_form_copies_as_its_letters() -> None:
    assert logical("\ufe93") == "\u0629"  # teh marbuta
    assert logical("\ufef9") == "\u0625\u0644"  # lam-alef-hamza: its two letters, in display order
    assert logical("ש") == "ש"


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's deck with an Arabic and a Hebrew party name."""
    sample = load(sample_path())
    names = {"AUS": ARABIC, "CAN": HEBREW}
    parties = tuple(replace(p, name=names.get(p.code, p.name)) for p in sample.parties)
    path = tmp_path_factory.mktemp("rtl") / "deck.pdf"
    export_pdf(replace(sample, parties=parties), path, ExportOptions(today=date(2026, 11, 25)))
    return path


def test_the_deck_draws_party_names_joined_and_in_display_order(deck: Path) -> None:
    drawn = [text.strip() for page in pypdf.PdfReader(deck).pages for text in _drawn(page)]
    assert f"AUS – {ARABIC_DRAWN}" in drawn
    assert f"CAN – {HEBREW_DRAWN}" in drawn


def test_the_deck_copies_party_names_in_reading_order(deck: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler's pdftotext is not installed (apt-get install poppler-utils)")
    text = subprocess.run([pdftotext, str(deck), "-"], capture_output=True, text=True, check=True).stdout
    text = re.sub("[\u202a-\u202e]", "", text)  # the embedding marks poppler puts around each run
    assert ARABIC in text
    assert "מדינת ישראל" in text


def test_a_picture_of_arabic_shows_joined_letters(tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("poppler's pdftoppm is not installed (apt-get install poppler-utils)")
    from PIL import Image

    widths = []
    for name, text in (("joined", ARABIC), ("isolated", " ".join(ARABIC))):
        doc = VectorPdf(name)
        doc.add(Page(400, 60, "#FFFFFF", (Text(10, 30, text, 24, "#000000"),)))
        (tmp_path / f"{name}.pdf").write_bytes(doc.finish())
        subprocess.run([pdftoppm, "-png", "-r", "72", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)])
        ink = np.asarray(Image.open(next(tmp_path.glob(f"{name}*.png"))).convert("L")) < 128
        columns = ink.any(axis=0)
        widths.append(_longest_run(columns))
    joined, isolated = widths
    # Joined letters make long unbroken strokes (a whole word); isolated ones are a letter wide.
    assert joined > 40
    assert joined > 2 * isolated


def _longest_run(columns: Any) -> int:
    best = run = 0
    for inked in columns:
        run = run + 1 if inked else 0
        best = max(best, run)
    return best


def _drawn(page: Any) -> list[str]:
    """Each text object's glyphs as characters, in the order drawn (left to right)."""
    from fontTools.ttLib import TTFont

    fonts: dict[str, dict[int, str]] = {}
    for name, ref in page["/Resources"]["/Font"].items():
        cid_font = ref.get_object()["/DescendantFonts"][0].get_object()
        program = cid_font["/FontDescriptor"]["/FontFile2"].get_data()
        by_glyph = {glyph: chr(code) for code, glyph in TTFont(io.BytesIO(program)).getBestCmap().items()}
        order = TTFont(io.BytesIO(program)).getGlyphOrder()
        gids = cid_font["/CIDToGIDMap"].get_data()
        fonts[name] = {
            cid: by_glyph.get(order[int.from_bytes(gids[2 * cid : 2 * cid + 2], "big")], "?")
            for cid in range(len(gids) // 2)
        }
    texts: list[str] = []
    font: dict[int, str] = {}
    for operands, operator in pypdf.generic.ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"BT":
            texts.append("")
        elif operator == b"Tf":
            font = fonts[operands[0]]
        elif operator == b"Tj":
            codes = bytes(getattr(operands[0], "original_bytes", operands[0]))  # pypdf may decode it
            cids = (int.from_bytes(codes[i : i + 2], "big") for i in range(0, len(codes), 2))
            texts[-1] += "".join(font[cid] for cid in cids)
    return texts
