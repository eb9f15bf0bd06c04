"""Chart exports: images and the PDF deck, through the format table."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure

from carveplan.chart.style import SCREEN
from carveplan.engine.coverage import coverage
from carveplan.io.errors import Cancelled, WriteError
from carveplan.io.formats import ExportOptions, exporter_for
from carveplan.io.present.chart import PAGES, chart_job, deck_pages
from carveplan.io.present.coverage import draw_coverage_page
from carveplan.model import Agreement, ExceptionInvoked, Scenario, Timing
from tests.helpers.schedules import sample_schedule
from tests.helpers.trade import trade_agreement

TODAY = date(2026, 11, 25)


@pytest.fixture
def agreement() -> Agreement:
    """The chart sample's agreement, with a scenario that invokes its exception."""
    base = sample_schedule().agreement
    invoked = ExceptionInvoked("EXC-1", Timing.on(date(2030, 1, 1)), 18)
    return replace(base, scenarios=(Scenario("sanctions", overrides=(invoked,)),))


@pytest.mark.parametrize("style", ["screen", "projector", "print"])
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_every_style_and_format_renders(
    agreement: Agreement, tmp_path: Path, style: str, suffix: str
) -> None:
    out = tmp_path / f"chart{suffix}"
    options = ExportOptions(scenario="sanctions", style=style, today=TODAY, dpi=60)
    exporter_for(out)(agreement, out, options)
    head = out.read_bytes()[:200]
    magic = {".png": b"\x89PNG", ".pdf": b"%PDF"}.get(suffix)
    assert head.startswith(magic) if magic else b"<svg" in out.read_bytes()[:2000]
    if suffix == ".svg":
        assert b"<image" not in out.read_bytes()  # vector, not an embedded raster


def test_scenario_export_draws_the_baseline_behind(agreement: Agreement) -> None:
    job = chart_job(agreement, ExportOptions(scenario="sanctions", today=TODAY))
    assert job.schedule.scenario == "sanctions"
    assert job.baseline is not None
    assert chart_job(agreement, ExportOptions(today=TODAY)).baseline is None


def test_options_choose_window_sectors_and_parties(agreement: Agreement) -> None:
    options = ExportOptions(
        sectors=("Critical minerals",),
        parties=("vnm",),
        date_from=date(2027, 1, 1),
        date_to=date(2032, 12, 31),
        today=TODAY,
    )
    job = chart_job(agreement, options)
    assert job.selection.sectors == ("critical_minerals",)
    assert job.selection.parties == ("VNM",)
    assert job.window == (date(2027, 1, 1), date(2032, 12, 31))


def test_unknown_sector_party_or_empty_window_is_an_error(agreement: Agreement) -> None:
    with pytest.raises(WriteError, match="no sector named 'Nope'"):
        chart_job(agreement, ExportOptions(sectors=("Nope",)))
    with pytest.raises(WriteError, match="no party 'ZZZ'"):
        chart_job(agreement, ExportOptions(parties=("ZZZ",)))
    with pytest.raises(WriteError, match="window is empty"):
        chart_job(agreement, ExportOptions(date_from=date(2030, 1, 1), date_to=date(2029, 1, 1)))


def test_deck_has_a_page_per_sector_and_paginates_long_ones(agreement: Agreement) -> None:
    job = chart_job(agreement, ExportOptions(today=TODAY))
    titles = [title for _, title in deck_pages(job, 8.27)]
    assert titles == ["Energy", "Telecommunications", "Critical minerals"]
    short = deck_pages(job, 3.8)  # room for about four rows
    energy = [(rows, title) for rows, title in short if title.startswith("Energy")]
    assert len(energy) > 1
    assert energy[0][1] == f"Energy (page 1 of {len(energy)})"
    # sector, 2 party headers, 3 lines, each once; later pages repeat their headers as "continued"
    assert sum(not row.continued for rows, _ in energy for row in rows) == 6
    assert all(rows[0].continued for rows, _ in energy[1:])


def test_deck_by_party_when_parties_are_asked_for(agreement: Agreement) -> None:
    job = chart_job(agreement, ExportOptions(parties=("VNM", "KOR"), today=TODAY))
    titles = [title for _, title in deck_pages(job, 8.27)]
    assert "Energy — VNM" in titles
    assert "Energy — KOR" in titles
    assert "Critical minerals — VNM" in titles


@pytest.mark.parametrize("suffix", [".pdf", ".pptx"])
def test_a_deck_reports_progress_while_it_resolves_before_its_pages(
    agreement: Agreement, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    # Resolving and laying out a national agreement takes seconds before the first page: the
    # window hears from the export (and its Cancel) before and between them, not only page by page.
    from carveplan.io.present import chart

    seen: list[str] = []
    resolve = chart.schedule_for

    def resolving(*args: Any) -> Any:
        seen.append("resolve")
        return resolve(*args)

    monkeypatch.setattr(chart, "schedule_for", resolving)

    def progress(done: int, total: int) -> bool:
        seen.append("report")
        return True

    out = tmp_path / f"deck{suffix}"
    exporter_for(out)(agreement, out, ExportOptions(scenario="sanctions", today=TODAY, progress=progress))
    assert seen[:5] == ["report", "resolve", "report", "resolve", "report"]


def test_cancelled_deck_writes_nothing(agreement: Agreement, tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    with pytest.raises(Cancelled):
        exporter_for(out)(agreement, out, ExportOptions(today=TODAY, progress=lambda done, total: False))
    assert not out.exists()


def test_the_cover_of_a_party_deck_counts_that_party_s_lines(agreement: Agreement) -> None:
    from carveplan.chart.vector import Text
    from carveplan.io.present.chart import cover_lines
    from carveplan.io.present.cover import cover_page

    party = agreement.lines[0].party
    job = chart_job(agreement, ExportOptions(parties=(party,), today=date(2026, 5, 1)))
    page = cover_page(agreement.title, agreement.classification, cover_lines(job, 3), SCREEN, (842, 595))
    texts = [item.text for item in page.items if isinstance(item, Text)]
    counted = next(t for t in texts if t.startswith("Carved-out lines"))
    mine = sum(1 for line in agreement.lines if line.party == party)
    assert mine < len(agreement.lines)
    assert counted.startswith(f"Carved-out lines of {party}: {mine} ·")
    assert "3 pages" in " ".join(texts)


def test_the_pages_of_a_party_deck_count_that_party_s_lines(agreement: Agreement) -> None:
    from carveplan.io.present.chart import page_painter

    party = agreement.lines[0].party
    job = chart_job(agreement, ExportOptions(parties=(party,), today=date(2026, 5, 1)))
    mine = sum(1 for line in agreement.lines if line.party == party)
    painter = page_painter(Figure(figsize=PAGES["a4"]), job)
    for rows, title in deck_pages(job, PAGES["a4"][1])[:2]:  # a fresh page, then a reused one
        art = painter.draw(rows, title)
        subtitle = next(t.get_text() for t in art.title if "Scenario:" in t.get_text())
        assert f"· {mine} line{'s' if mine != 1 else ''} ·" in subtitle.replace("  ", " ")


def test_the_pdf_deck_ends_with_a_coverage_page(tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    exporter_for(out)(trade_agreement(), out, ExportOptions(today=TODAY, scenario="energy late"))
    pages = re.findall(rb"/Type\s*/Page(?![s\w])", out.read_bytes())
    assert len(pages) == 1 + 2 + 1  # cover, energy and telecommunications, coverage


def test_the_coverage_page_has_curves_and_a_verdict_per_party() -> None:
    agreement = trade_agreement()
    fig = Figure(figsize=PAGES["a4"])
    draw_coverage_page(fig, coverage(agreement, "energy late"), coverage(agreement), SCREEN)
    texts = [t.get_text() for sub in fig.subfigs for t in sub.texts]
    assert "AAA  fail  lines 60.0 %, trade 87.5 % — 2 lines short" in texts
    assert "BBB  pass  lines 100.0 %, trade 100.0 %" in texts
    assert fig.subfigs[0].get_suptitle() == "Liberalization coverage and the Article XXIV test"
    lines_ax, trade_ax = fig.subfigs[0].axes
    assert lines_ax.get_title(loc="left") == "Tariff lines duty-free (%)"
    assert len(trade_ax.get_lines()) == 2 + 2 + 2  # each party and its baseline, threshold and horizon
