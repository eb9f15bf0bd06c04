"""Deck benchmark: the national agreement as a PDF deck and as slides, against bare matplotlib pages.

A whole 15,000-line deck has about 800 pages and takes many minutes on a shared machine, so the
export measured is the one the app offers for a large deck, one sector of one party (energy,
Viet Nam: about 1,700 lines), run once in a fresh process for its time and peak memory; the
whole deck's time is projected from its time per page, and reported as such.

Times are processor seconds: on a machine shared by several people the wall clock measures the
others' work too, and the export is single-threaded. The floor is the same pages drawn as bare
matplotlib: for a sample of the deck's pages, the page's texts (labels, row names, axis labels,
title, legend) as plain figure texts at the same places and sizes and its bars as one
PolyCollection, saved into a ``PdfPages`` (PDF) or as a 200-dpi PNG put on a slide with
python-pptx (PowerPoint); the sample's time per page times the page count.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from carveplan.io import native
from carveplan.io.formats import ExportOptions
from carveplan.io.present.chart import PAGES, chart_job, deck_pages, page_painter
from carveplan.io.present.deck import CHART_HEIGHT, MARGIN, SLIDE
from tests.benchmarks.harness import Result, best_of, export_in_process, table
from tests.benchmarks.national import national_agreement

TODAY = date(2027, 6, 1)
SECTORS, PARTIES = ("energy",), ("VNM",)
SAMPLE = 8  # pages drawn bare for the floor
MIN_DPI = 200  # the floor's slide pictures, at the resolution slides had when their charts were pictures
SECONDS_TARGET = 20.0  # the target for either deck, 15,000 lines, on this machine
TARGET = 2.0  # ratio to the bare pages


def run(formats: tuple[str, ...] = (".pdf", ".pptx")) -> list[Result]:
    """Export the focused decks once each in a fresh process; time bare pages for the floors."""
    agreement = national_agreement(1)
    whole = chart_job(agreement, ExportOptions(today=TODAY))
    job = chart_job(agreement, ExportOptions(today=TODAY, sectors=SECTORS, parties=PARTIES))
    lines = sum(1 for r in job.schedule.lines if r.line.sector in SECTORS and r.line.party in PARTIES)
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "national.carveplan"
        native.save(agreement, source)
        for suffix in formats:
            results += _deck(suffix, job, whole, lines, source)
            print(table(results[-3:]), file=sys.stderr, flush=True)  # a deck takes minutes: show each
    return results


def _deck(suffix: str, job: Any, whole: Any, lines: int, source: Path) -> list[Result]:
    size, floor = (PAGES["a4"], _bare_pdf) if suffix == ".pdf" else (_SLIDE_CHART, _bare_slides)
    pages = len(deck_pages(job, size[1]))
    all_pages = len(deck_pages(whole, size[1]))
    contents = _sample(job, deck_pages(job, size[1]), size)
    per_page = best_of(lambda: floor(contents, size), repeat=2, clock=time.process_time) / len(contents)
    run = export_in_process(source, source.with_name(f"deck{suffix}"), SECTORS, PARTIES)
    name = "PDF deck" if suffix == ".pdf" else "PowerPoint deck"
    projected = [  # the PDF deck of 15,000 lines is measured whole by bench_decks
        Result(
            f"{name}: 15000 lines, {all_pages} pages, projected from the above",
            run.cpu / pages * all_pages,
            "the issue's 20 s",
            SECONDS_TARGET,
            1.0,
        )
    ]
    return [
        Result(
            f"{name}: export, energy × VNM, {lines} lines, {pages} pages",
            run.cpu,
            f"bare matplotlib, same {pages} pages",
            per_page * pages,
            TARGET,
        ),
        *(projected if suffix != ".pdf" else []),
        Result(
            f"{name}: export peak memory, {pages} pages",
            run.peak,
            "process before export",
            run.before,
            unit="MiB",
        ),
    ]


_SLIDE_CHART = (SLIDE[0] - 2 * MARGIN, CHART_HEIGHT)


def _sample(job: Any, pages: list[Any], size: tuple[float, float]) -> list[dict[str, Any]]:
    """What a sample of the deck's pages shows: texts with their places and sizes, bar outlines."""
    fig = Figure(figsize=size)
    painter = page_painter(fig, job)
    step = max(1, len(pages) // SAMPLE)
    out = []
    for rows, title in pages[::step][:SAMPLE]:
        art = painter.draw(rows, title)
        to_figure = fig.transFigure.inverted()
        texts = []
        for text in fig.findobj(Text):
            if text.get_visible() and text.get_text():
                x, y = to_figure.transform(text.get_transform().transform(text.get_position()))
                texts.append((x, y, text.get_text(), text.get_fontsize()))
        bars = [p.vertices for c in art.collections.values() for p in c.get_paths()]
        out.append({"texts": texts, "bars": bars, "rect": art.frame.rect, "xlim": art.ax.get_xlim(),
                    "ylim": art.ax.get_ylim()})  # fmt: skip
    return out


def _bare_figure(page: dict[str, Any], size: tuple[float, float]) -> Figure:
    fig = Figure(figsize=size)
    ax = fig.add_axes(page["rect"])
    ax.add_collection(PolyCollection(page["bars"], facecolors="#E69F00"), autolim=False)
    ax.set_xlim(*page["xlim"])
    ax.set_ylim(*page["ylim"])
    for x, y, text, points in page["texts"]:
        fig.text(x, y, text, fontsize=points)
    return fig


def _bare_pdf(contents: list[dict[str, Any]], size: tuple[float, float]) -> None:
    with PdfPages(io.BytesIO()) as pdf:
        for page in contents:
            pdf.savefig(_bare_figure(page, size))


def _bare_slides(contents: list[dict[str, Any]], size: tuple[float, float]) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    for page in contents:
        picture = io.BytesIO()
        _bare_figure(page, size).savefig(picture, format="png", dpi=MIN_DPI)
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.add_picture(picture, Inches(MARGIN), Inches(1.0), width=Inches(size[0]))
    deck.save(io.BytesIO())
