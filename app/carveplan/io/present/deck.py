"""A PowerPoint deck for a meeting: title, chart slides per sector, milestones, coverage, the scenario.

Charts are embedded as high-resolution PNG pictures: PowerPoint shows SVG only beside a PNG
fallback, which the slide library cannot write, so a picture at 200 dpi or more is the portable
choice. The classification label sits in every slide's footer.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from carveplan.engine.compare import compare_schedules
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import check_progress
from carveplan.io.formats import ExportOptions
from carveplan.io.present.chart import ChartJob, chart_job, deck_pages, draw_job
from carveplan.io.present.coverage import deck_coverage, draw_coverage_page
from carveplan.io.present.tables import (
    COMPARISON_HEADER,
    MILESTONE_HEADER,
    comparison_rows,
    day_text,
    key_milestones,
    most_delayed,
    moved_events,
)
from carveplan.model import Agreement

SLIDE = (13.333, 7.5)  # inches, 16:9
MARGIN = 0.4
CHART_TOP, CHART_HEIGHT = 1.05, 5.85
MIN_DPI = 200


def export_pptx(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    """Write a meeting deck.

    Args:
        agreement: the agreement.
        path: the ``.pptx`` file to write (replaced atomically).
        options: scenario (adds a comparison slide), sectors, parties, window, style, dpi, today.

    Raises:
        WriteError: when the file cannot be written or the chart window is empty.
        Cancelled: when the progress callback asks to stop.
    """
    write_atomic(path, deck_bytes(agreement, options))


def deck_bytes(agreement: Agreement, options: ExportOptions) -> bytes:
    """The deck as ``.pptx`` bytes (see :func:`export_pptx`)."""
    from pptx import Presentation
    from pptx.util import Inches

    job = chart_job(agreement, options)
    pages = deck_pages(job, CHART_HEIGHT)
    total = len(pages) + 2
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE[0]), Inches(SLIDE[1])
    _title_slide(deck, job)
    for number, (selection, heading) in enumerate(pages, start=1):
        check_progress(options.progress, number, total)
        slide = _titled(deck, heading)
        picture = _chart_png(job, selection, max(options.dpi, MIN_DPI))
        slide.shapes.add_picture(
            picture, Inches(MARGIN), Inches(CHART_TOP), width=Inches(SLIDE[0] - 2 * MARGIN)
        )
    _milestones_slide(deck, job)
    _coverage_slide(deck, job, max(options.dpi, MIN_DPI))
    if job.baseline is not None:
        _comparison_slide(deck, job)
    check_progress(options.progress, total, total)
    _footers(deck, agreement.classification)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _chart_png(job: ChartJob, selection: Any, dpi: int) -> io.BytesIO:
    """The chart of ``selection`` at slide size, so its fonts keep their point sizes on the slide."""
    fig = Figure(figsize=(SLIDE[0] - 2 * MARGIN, CHART_HEIGHT))
    draw_job(fig, job, selection, job.schedule.agreement.title)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor=fig.get_facecolor())
    buffer.seek(0)
    return buffer


def _title_slide(deck: Any, job: ChartJob) -> None:
    agreement = job.schedule.agreement
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = agreement.title
    _place(slide.shapes.title, MARGIN, 1.8, SLIDE[0] - 2 * MARGIN, 1.6)
    tentative = " (tentative)" if agreement.eif_tentative else ""
    subtitle = slide.placeholders[1]
    _place(subtitle, MARGIN, 3.6, SLIDE[0] - 2 * MARGIN, 2.0)
    subtitle.text_frame.text = f"Scenario: {job.schedule.scenario}"
    for text in (
        f"Entry into force: {day_text(job.schedule.eif)}{tentative}",
        f"As of {day_text(job.today)}",
    ):
        subtitle.text_frame.add_paragraph().text = text


def _titled(deck: Any, title: str) -> Any:
    """A slide with the "Title Only" layout and its title placed for a 16:9 page."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = title
    _place(slide.shapes.title, MARGIN, 0.2, SLIDE[0] - 2 * MARGIN, 0.8)
    paragraph = slide.shapes.title.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    paragraph.runs[0].font.size = Pt(30)
    return slide


def _place(shape: Any, left: float, top: float, width: float, height: float) -> None:
    from pptx.util import Inches

    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in (left, top, width, height))


def _milestones_slide(deck: Any, job: ChartJob) -> None:
    rows, candidates = key_milestones(job.schedule)
    shown = f" ({len(rows)} of {candidates})" if candidates > len(rows) else ""
    slide = _titled(deck, f"Key milestones{shown}")
    if rows:
        _table(slide, MILESTONE_HEADER, rows, (1.3, 0.9, 4.6, 1.6, 2.6, 1.5))
    else:
        _text(slide, ["No compliance milestones in this agreement."], CHART_TOP)


def _coverage_slide(deck: Any, job: ChartJob, dpi: int) -> None:
    """Coverage curves with the verdicts beneath, when the agreement has tariff lines to count."""
    from pptx.util import Inches

    covered = deck_coverage(job.schedule, job.baseline, job.selection)
    if covered is None:
        return
    slide = _titled(deck, "Liberalization coverage and the Article XXIV test")
    fig = Figure(figsize=(SLIDE[0] - 2 * MARGIN, CHART_HEIGHT))
    draw_coverage_page(fig, *covered, job.style, title=None)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor=fig.get_facecolor())
    buffer.seek(0)
    slide.shapes.add_picture(buffer, Inches(MARGIN), Inches(CHART_TOP), width=Inches(SLIDE[0] - 2 * MARGIN))


def _comparison_slide(deck: Any, job: ChartJob) -> None:
    assert job.baseline is not None
    comparison = compare_schedules(job.schedule, job.baseline)
    slide = _titled(deck, f"Scenario “{job.schedule.scenario}” against the baseline")
    rows = comparison_rows(comparison)
    bottom = _table(slide, COMPARISON_HEADER, rows, (3.3, 1.2, 1.5, 1.5, 2.2, 2.0)) if rows else CHART_TOP
    moved = most_delayed(comparison)
    lines = ["Lines moved most:", *moved] if moved else ["No line reaches its final value later than before."]
    _text(slide, [*lines, "", *moved_events(job.schedule, job.baseline)], bottom + 0.3)


def _table(
    slide: Any, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...]
) -> float:
    """A table under the title, header row first; returns its bottom edge in inches."""
    from pptx.util import Inches, Pt

    height = 0.4 * (len(rows) + 1)
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Inches(MARGIN), Inches(CHART_TOP),
                                   Inches(sum(widths)), Inches(height))  # fmt: skip
    table = shape.table
    for column, width in enumerate(widths):
        table.columns[column].width = Inches(width)
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(14)
    return CHART_TOP + height


def _text(slide: Any, lines: list[str], top: float) -> None:
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(Inches(MARGIN), Inches(top), Inches(SLIDE[0] - 2 * MARGIN), Inches(2.4))
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(16)


def _footers(deck: Any, classification: str) -> None:
    """The classification label at the bottom left and the slide number at the bottom right."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    count = len(deck.slides)
    for number, slide in enumerate(deck.slides, start=1):
        boxes = [(f"{number} / {count}", 9.9, 3.0, PP_ALIGN.RIGHT, False)]
        if classification:
            boxes.append((classification, MARGIN, 9.0, PP_ALIGN.LEFT, True))
        for text, left, width, align, bold in boxes:
            box = slide.shapes.add_textbox(Inches(left), Inches(7.05), Inches(width), Inches(0.35))
            box.name = "Footer"
            box.text_frame.word_wrap = True  # a fixed box: viewers would otherwise shrink it to the text
            paragraph = box.text_frame.paragraphs[0]
            paragraph.text = text
            paragraph.alignment = align
            paragraph.runs[0].font.size = Pt(11)
            paragraph.runs[0].font.bold = bold
