"""Deck benchmark: the national agreement as a PDF deck and as slides, against bare matplotlib pages.

Each export runs once in a fresh process (its time and peak memory; a deck of 15,000 lines takes
minutes, so it is not repeated). The floor is the same page count drawn as bare matplotlib: for a
sample of the deck's pages, the page's texts (labels, row names, axis labels, title, legend) as
plain figure texts at the same places and sizes, and its bars as one PolyCollection, saved into a
``PdfPages`` (PDF) or as a 200-dpi PNG put on a slide with python-pptx (PowerPoint); the sample's
time per page times the page count.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
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
from carveplan.io.present.deck import CHART_HEIGHT, MARGIN, MIN_DPI, SLIDE
from tests.benchmarks.harness import Result, best_of
from tests.benchmarks.national import national_agreement

TODAY = date(2027, 6, 1)
SAMPLE = 24  # pages drawn bare for the floor
SECONDS_TARGET = 20.0  # the target for either deck, 15,000 lines, on this machine
TARGET = 2.0  # ratio to the bare pages

_RUN = """
import sys, time
from datetime import date
from pathlib import Path
from carveplan.io import native
from carveplan.io.formats import ExportOptions, exporter_for
from tests.benchmarks.harness import peak_mib
source, out = Path(sys.argv[1]), Path(sys.argv[2])
agreement = native.load(source)
before = peak_mib()
start = time.perf_counter()
exporter_for(out)(agreement, out, ExportOptions(today=date(2027, 6, 1)))
print(time.perf_counter() - start, before, peak_mib(), out.stat().st_size)
"""


def run() -> list[Result]:
    """Export both decks once each in a fresh process; time bare pages for the floors."""
    agreement = national_agreement(1)
    lines = len(agreement.lines)
    job = chart_job(agreement, ExportOptions(today=TODAY))
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "national.carveplan"
        native.save(agreement, source)
        for suffix, size, floor in ((".pdf", PAGES["a4"], _bare_pdf), (".pptx", _SLIDE_CHART, _bare_slides)):
            pages = deck_pages(job, size[1])
            contents = _sample(job, pages, size)
            per_page = best_of(lambda c=contents, f=floor, s=size: f(c, s)) / len(contents)
            seconds, before, peak, _ = _export(source, Path(folder) / f"deck{suffix}")
            name = "PDF deck" if suffix == ".pdf" else "PowerPoint deck"
            results += [
                Result(
                    f"{name}: export, {lines} lines, {len(pages)} pages",
                    seconds,
                    f"bare matplotlib, same {len(pages)} pages",
                    per_page * len(pages),
                    TARGET,
                ),
                Result(
                    f"{name}: export, {lines} lines, vs the issue's 20 s",
                    seconds,
                    "20 s",
                    SECONDS_TARGET,
                    1.0,
                ),
                Result(f"{name}: export peak memory", peak, "process before export", before, unit="MiB"),
            ]
    return results


_SLIDE_CHART = (SLIDE[0] - 2 * MARGIN, CHART_HEIGHT)


def _export(source: Path, out: Path) -> tuple[float, float, float, int]:
    done = subprocess.run([sys.executable, "-c", _RUN, str(source), str(out)], capture_output=True,
                          text=True, check=True)  # fmt: skip
    seconds, before, peak, size = done.stdout.split()
    return float(seconds), float(before), float(peak), int(size)


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
