"""Slides whose text and tables fit their boxes with the deck's font and its wider substitutes."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.util import Emu

from carveplan.io.formats import ExportOptions
from carveplan.io.present.deck import FOOTER_TOP, deck_bytes
from carveplan.io.present.fit import CELL_MARGIN_X, CELL_MARGIN_Y, lines_height, text_width, wrap
from carveplan.model import Agreement, Gate, Milestone, MilestoneDelay, Scenario, parse_timing
from tests.helpers.office import deck_pdf
from tests.helpers.plans import partnership

TODAY = date(2026, 11, 25)
LONG = "Independent verification of the national energy regulator's alignment with the tariff methodology"


def crowded() -> Agreement:
    """Fourteen key milestones with long titles, and a scenario delaying all of them."""
    agreement = partnership()
    extra = tuple(
        Milestone(f"VNM-{n:02d}", "VNM", f"{LONG} ({n})", parse_timing(f"EIF+{n}m")) for n in range(1, 15)
    )
    first = replace(agreement.lines[0], gates=tuple(Gate(m.id) for m in extra))
    scenario = Scenario("sanctions persist", overrides=tuple(MilestoneDelay(m.id, 18) for m in extra))
    return replace(
        agreement,
        milestones=(*agreement.milestones, *extra),
        lines=(first, *agreement.lines[1:]),
        scenarios=(*agreement.scenarios, scenario),
    )


def _deck(agreement: Agreement, scenario: str | None) -> Any:
    data = deck_bytes(agreement, ExportOptions(today=TODAY, scenario=scenario, style="projector"))
    return Presentation(io.BytesIO(data))


def _inches(value: int) -> float:
    return Emu(value).inches


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), max_size=120), st.floats(0.5, 6))
def test_wrapped_lines_are_never_wider_than_the_box(text: str, width: float) -> None:
    for line in wrap(text, width, 14):
        assert len(line) <= 1 or text_width(line, 14) <= width


def test_key_milestones_run_over_several_slides_instead_of_over_the_footer() -> None:
    deck = _deck(crowded(), None)
    titles = [slide.shapes.title.text for slide in deck.slides]
    parts = [t for t in titles if t.startswith("Key milestones")]
    assert len(parts) >= 2
    assert parts[0].endswith(f"1/{len(parts)}")


@pytest.mark.parametrize("scenario", [None, "sanctions persist"])
def test_nothing_reaches_the_footer_and_every_cell_holds_its_text(scenario: str | None) -> None:
    deck = _deck(crowded(), scenario)
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            if shape.name == "Footer":
                continue
            assert _inches(shape.top + shape.height) <= FOOTER_TOP + 1e-6, (number, shape.name)
            if shape.has_table:
                _check_table(shape.table)
            elif shape.has_text_frame and shape.text_frame.text:
                _check_box(shape)


def _size(frame: Any) -> float:
    sizes = [run.font.size.pt for p in frame.paragraphs for run in p.runs if run.font.size]
    assert sizes, "every run names its size"
    return max(sizes)


def _check_table(table: Any) -> None:
    for row in table.rows:
        for cell, column in zip(row.cells, table.columns, strict=True):
            inner = _inches(column.width) - 2 * CELL_MARGIN_X
            size = _size(cell.text_frame)
            bold = any(run.font.bold for p in cell.text_frame.paragraphs for run in p.runs)
            needed = lines_height(len(wrap(cell.text, inner, size, bold)), size) + 2 * CELL_MARGIN_Y
            assert needed <= _inches(row.height) + 1e-6, cell.text


def _check_box(shape: Any) -> None:
    frame = shape.text_frame
    size = _size(frame)
    if frame.word_wrap is False:  # a chart's label: one line, no insets, as wide as it measures
        bold = any(run.font.bold for p in frame.paragraphs for run in p.runs)
        assert text_width(frame.text, size, bold) <= _inches(shape.width), frame.text
        assert size / 72 <= _inches(shape.height), frame.text
        return
    inner = _inches(shape.width) - 2 * CELL_MARGIN_X
    count = sum(len(wrap(p.text, inner, size)) for p in frame.paragraphs)
    assert lines_height(count, size) + 2 * CELL_MARGIN_Y <= _inches(shape.height) + 1e-6, frame.text


def test_libreoffice_sets_nothing_below_the_footer_line(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler's pdftotext is needed")
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(deck_bytes(crowded(), ExportOptions(today=TODAY, scenario="sanctions persist")))
    html = tmp_path / "words.html"
    subprocess.run([pdftotext, "-bbox", str(deck_pdf(deck)), str(html)], check=True, timeout=120)
    from defusedxml import ElementTree

    root = ElementTree.parse(html).getroot()
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = list(root.iter(f"{ns}page"))
    assert len(pages) == len(Presentation(deck).slides)
    for number, page in enumerate(pages, start=1):
        scale = float(page.get("width")) / 13.333  # points per inch of the slide
        footer = 7.05 * scale
        for word in page.iter(f"{ns}word"):
            top, bottom = float(word.get("yMin")), float(word.get("yMax"))
            assert float(word.get("xMax")) <= float(page.get("width")) + 0.5, (number, word.text)
            if top < footer - 1:  # a word of the slide body, not of the footer
                assert bottom <= footer + 1, (number, word.text, bottom, footer)


def test_a_long_classification_shrinks_to_one_footer_line() -> None:
    label = "RESTRICTED – for the negotiating delegations of the parties only – not for onward distribution"
    deck = _deck(replace(partnership(), classification=label), None)
    for slide in deck.slides:
        (footer,) = [s for s in slide.shapes if s.name == "Footer" and s.text_frame.text == label]
        size = footer.text_frame.paragraphs[0].runs[0].font.size.pt
        assert size < 11
        assert text_width(label, size, bold=True) <= _inches(footer.width) - 2 * CELL_MARGIN_X
