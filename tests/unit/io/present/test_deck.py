"""The PowerPoint deck: slides, titles, pictures and footers; LibreOffice turns it into a PDF."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from carveplan.io.errors import Cancelled
from carveplan.io.formats import ExportOptions, exporter_for
from carveplan.io.present.deck import deck_bytes
from tests.helpers.office import deck_pdf
from tests.helpers.plans import DELAY, partnership

TODAY = date(2026, 11, 25)


def _deck(**options: Any) -> Any:
    data = deck_bytes(partnership(), ExportOptions(today=TODAY, style="projector", **options))
    return Presentation(io.BytesIO(data))


def _titles(deck: Any) -> list[str]:
    return [slide.shapes.title.text for slide in deck.slides]


def _pictures(slide: Any) -> list[Any]:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_deck_has_title_sector_and_milestone_slides() -> None:
    deck = _deck()
    assert _titles(deck) == [
        "Trade and Security Partnership",
        "Energy",
        "Telecommunications",
        "Critical minerals",
        "Key milestones",
        "Liberalization coverage and the Article XXIV test",
    ]
    for slide in list(deck.slides)[1:4]:
        assert not _pictures(slide)  # the chart is shapes a reader can edit
        assert len(slide.shapes) > 30


def test_scenario_adds_a_comparison_slide_and_names_the_scenario() -> None:
    deck = _deck(scenario=DELAY)
    assert _titles(deck)[-1] == "Scenario “regulator late” against the baseline"
    subtitle = deck.slides[0].placeholders[1].text_frame.text
    assert "Scenario: regulator late" in subtitle
    assert "Entry into force: 15 Mar 2027" in subtitle


def test_every_slide_carries_the_classification_in_its_footer() -> None:
    deck = _deck(scenario=DELAY)
    for number, slide in enumerate(deck.slides, start=1):
        footers = [s.text_frame.text for s in slide.shapes if s.name == "Footer"]
        assert footers == [f"{number} / {len(deck.slides)}", "DRAFT – for negotiation"]


def test_milestones_table_lists_the_gating_milestones() -> None:
    slide = list(_deck().slides)[4]
    (table,) = [s.table for s in slide.shapes if s.has_table]
    ids = [table.cell(r, 0).text for r in range(1, len(table.rows))]
    assert table.cell(0, 0).text == "Milestone"
    assert ids == ["TR-1", "REG-1", "VER-1"]


def test_sector_selection_keeps_one_chart_slide() -> None:
    assert _titles(_deck(sectors=("Energy",)))[1:] == ["Energy", "Key milestones"]


def test_cancelling_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    options = ExportOptions(today=TODAY, progress=lambda done, total: done < 2)
    with pytest.raises(Cancelled):
        exporter_for(target)(partnership(), target, options)
    assert list(tmp_path.iterdir()) == []


def test_libreoffice_converts_the_deck_to_pdf(tmp_path: Path) -> None:
    deck = tmp_path / "deck.pptx"
    exporter_for(deck)(partnership(), deck, ExportOptions(today=TODAY, scenario=DELAY))
    pdf = deck_pdf(deck)
    pages = re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes())
    assert len(pages) == 7  # title, three sectors, key milestones, coverage, comparison


def test_the_coverage_slide_shows_the_curves_and_the_verdicts() -> None:
    slide = list(_deck().slides)[5]
    assert not _pictures(slide)  # curves, legend and verdicts are shapes
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert any(t.startswith("Article XXIV test:") for t in texts)
    assert len(slide.shapes) > 20
    # Coverage counts the whole schedule: a deck cut down to one sector has no coverage slide.
    assert "Liberalization coverage and the Article XXIV test" not in _titles(_deck(parties=("VNM",)))


def test_each_chart_slide_shows_its_own_rows() -> None:
    slides = list(_deck().slides)[1:4]
    texts = [{s.text_frame.text.strip() for s in slide.shapes if s.has_text_frame} for slide in slides]
    assert "VNM – Viet Nam" in texts[0]
    assert "Energy (2 lines)" in texts[0]
    assert "752 Mobile services" in texts[1]
    assert "752 Mobile services" not in texts[0]


def test_the_file_waits_in_a_folder_that_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    _deck()
    assert list(tmp_path.iterdir()) == []
    options = ExportOptions(today=TODAY, progress=lambda done, total: done < 2)
    with pytest.raises(Cancelled):
        exporter_for(tmp_path / "deck.pptx")(partnership(), tmp_path / "deck.pptx", options)
    assert list(tmp_path.iterdir()) == []
