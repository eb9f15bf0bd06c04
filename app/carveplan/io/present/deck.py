"""A PowerPoint deck for a meeting: title, chart slides per sector, milestones, coverage, the scenario.

Each chart slide is native shapes (bars, lines, marks, texts a reader can edit), written as XML
text while the file is zipped, so a 1,500-slide national deck takes seconds and keeps one slide in
memory at a time; the coverage slide is shapes too. The classification label sits in every
slide's footer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from carveplan.chart.coverage_page import coverage_page
from carveplan.chart.page import VectorPages
from carveplan.chart.rows import Row
from carveplan.engine.collector import collector_paused
from carveplan.engine.compare import compare_schedules
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import check_progress
from carveplan.io.formats import ExportOptions
from carveplan.io.present.chart import ChartJob, chart_job, deck_pages, selected_lines
from carveplan.io.present.coverage import TITLE as COVERAGE_TITLE
from carveplan.io.present.coverage import coverage_notes, deck_coverage
from carveplan.io.present.fit import (
    CELL_MARGIN_X,
    CELL_MARGIN_Y,
    FONT,
    SLACK,
    line_width,
    lines_height,
    row_height,
    wrap,
)
from carveplan.io.present.shapes import item_count, page_shapes
from carveplan.io.present.slideparts import FOOTER_HEIGHT, InsertedSlides, deck_file, footers, slide_xml
from carveplan.io.present.slideparts import FOOTER_TOP as FOOTER_BOX_TOP
from carveplan.io.present.tables import (
    COMPARISON_HEADER,
    MILESTONE_HEADER,
    comparison_rows,
    key_milestones,
    most_delayed,
    moved_events,
)
from carveplan.model import Agreement
from carveplan.model.words import day_text

SLIDE = (13.333, 7.5)  # inches, 16:9
MARGIN = 0.4
CHART_TOP, CHART_HEIGHT = 1.05, 5.85
FOOTER_TOP = 7.0  # the footer boxes start at 7.05 in; nothing above may reach below this
_NAMESPACES = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_CHART_BOX = (MARGIN, CHART_TOP, SLIDE[0] - 2 * MARGIN, CHART_HEIGHT)  # the figure's own size, in inches


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
    write_atomic(path, deck_chunks(agreement, options))


def deck_bytes(agreement: Agreement, options: ExportOptions) -> bytes:
    """The deck as ``.pptx`` bytes (see :func:`export_pptx`)."""
    return b"".join(deck_chunks(agreement, options))


def deck_chunks(agreement: Agreement, options: ExportOptions) -> Iterator[bytes]:
    """The deck as ``.pptx`` bytes in pieces: chart slides are made one by one as the file is zipped."""
    job = chart_job(agreement, options)
    with collector_paused():
        pages = deck_pages(job, CHART_HEIGHT)
        deck = _deck(job, charts=len(pages))
        count = len(deck.slides) + len(pages)
        slides = _chart_slides(job, pages, options, count)
        layout = str(deck.slide_layouts[5].part.partname)  # "Title Only", as the other titled slides
        yield from deck_file(deck, InsertedSlides(len(pages), slides, layout, after=1))


def _deck(job: ChartJob, charts: int) -> Any:
    """The slides other than the charts, numbered as if the ``charts`` followed the title slide."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE[0]), Inches(SLIDE[1])
    deck.part._element.sldSz.set("type", "custom")  # not the template's "4:3 on-screen show"
    _title_slide(deck, job)
    _milestones_slide(deck, job)
    _coverage_slide(deck, job)
    if job.baseline is not None:
        _comparison_slide(deck, job)
    _footers(deck, job.schedule.agreement.classification, charts)
    return deck


def _chart_slides(
    job: ChartJob, pages: list[tuple[tuple[Row, ...], str]], options: ExportOptions, count: int
) -> Iterator[str]:
    """Each chart slide's XML, made when the file gets to it; progress is reported slide by slide."""
    painter = chart_pages(job)
    title = job.schedule.agreement.title
    classification = job.schedule.agreement.classification
    width = SLIDE[0] - 2 * MARGIN
    for number, (rows, heading) in enumerate(pages, start=1):
        check_progress(options.progress, number, len(pages) + 1)
        page = painter.page(rows, title)
        size = _heading_size(heading, width)
        shapes = page_shapes(page, _CHART_BOX, first_id=3)
        feet = footers(number + 1, count, classification)
        yield slide_xml(heading, (MARGIN, 0.2, width, 0.8), size, shapes, feet, 3 + item_count(page))
    check_progress(options.progress, len(pages) + 1, len(pages) + 1)


def _heading_size(heading: str, width: float) -> int:
    """A chart slide's title size: 30 points when it fits on one line by its glyphs' advances (a
    tenth over, for hinting), else measured word by word as the other slides' titles are."""
    if line_width(heading, 30) * 1.1 <= (width - 2 * CELL_MARGIN_X) * SLACK:
        return 30
    return _fitting_size([heading], width, 0.8, 30, 18)


def chart_pages(job: ChartJob) -> VectorPages:
    """What builds the job's chart pages as shapes at slide size (their texts keep their point sizes),
    measured in the deck's font as a viewer sets it."""
    return VectorPages(job.schedule, size=(_CHART_BOX[2] * 72, _CHART_BOX[3] * 72), style=job.style,
                       window=job.window, today=job.today, baseline=job.baseline,
                       lines=len(selected_lines(job)), measure=_points)  # fmt: skip


def _points(text: str, size: float, bold: bool) -> float:
    return line_width(text, size, bold) * 72


def _title_slide(deck: Any, job: ChartJob) -> None:
    agreement = job.schedule.agreement
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    width = SLIDE[0] - 2 * MARGIN
    _place(slide.shapes.title, MARGIN, 1.8, width, 1.6)
    size = _fitting_size([agreement.title], width, 1.6, 40, 24)
    _set_text(slide.shapes.title, [_cut_to_box(agreement.title, width, 1.6, size)], size)
    tentative = " (tentative)" if agreement.eif_tentative else ""
    subtitle = slide.placeholders[1]
    _place(subtitle, MARGIN, 3.6, width, 2.0)
    lines = [
        f"Scenario: {job.schedule.scenario}",
        f"Entry into force: {day_text(job.schedule.eif)}{tentative}",
        f"As of {day_text(job.today)}",
    ]
    _set_text(subtitle, lines, _fitting_size(lines, width, 2.0, 24, 14))


def _titled(deck: Any, title: str) -> Any:
    """A slide with the "Title Only" layout and its title placed for a 16:9 page, shrunk to fit."""
    from pptx.enum.text import PP_ALIGN

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    width = SLIDE[0] - 2 * MARGIN
    _place(slide.shapes.title, MARGIN, 0.2, width, 0.8)
    _set_text(slide.shapes.title, [title], _fitting_size([title], width, 0.8, 30, 18))
    slide.shapes.title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    return slide


def _cut_to_box(text: str, width: float, height: float, size: float) -> str:
    """``text`` cut with an ellipsis to the lines the box holds at ``size`` points (a title longer
    than the box at the smallest size ran over the subtitle)."""
    lines = wrap(text, width - 2 * CELL_MARGIN_X, size)
    room = max(1, int((height - 2 * CELL_MARGIN_Y) // lines_height(1, size)))
    if len(lines) <= room:
        return text
    kept = " ".join(lines[:room])
    while len(wrap(f"{kept}…", width - 2 * CELL_MARGIN_X, size)) > room and " " in kept:
        kept = kept.rsplit(" ", 1)[0]
    return f"{kept.rstrip()}…"


def _fitting_size(lines: list[str], width: float, height: float, largest: int, smallest: int) -> int:
    """The largest size from ``largest`` down to ``smallest`` at which ``lines`` fit the box."""
    inner = width - 2 * CELL_MARGIN_X
    for size in range(largest, smallest - 1, -2):
        count = sum(len(wrap(line, inner, size)) for line in lines)
        if lines_height(count, size) + 2 * CELL_MARGIN_Y <= height:
            return size
    return smallest


def _set_text(shape: Any, lines: list[str], size: float, bold: bool = False) -> None:
    """Replace the text of ``shape`` by ``lines`` in the deck's font at ``size`` points."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # sized by measuring, not left to each viewer
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold or None


def _place(shape: Any, left: float, top: float, width: float, height: float) -> None:
    from pptx.util import Inches

    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in (left, top, width, height))


def _milestones_slide(deck: Any, job: ChartJob) -> None:
    rows, candidates = key_milestones(job.schedule)
    shown = f" ({len(rows)} of {candidates})" if candidates > len(rows) else ""
    if not rows:
        slide = _titled(deck, f"Key milestones{shown}")
        _text(slide, ["No compliance milestones in this agreement."], CHART_TOP)
        return
    widths = (1.3, 0.9, 4.6, 1.6, 2.6, 1.5)
    size, pages = table_pages(MILESTONE_HEADER, rows, widths, FOOTER_TOP - CHART_TOP)
    for number, page in enumerate(pages, start=1):
        part = f" — {number}/{len(pages)}" if len(pages) > 1 else ""
        slide = _titled(deck, f"Key milestones{shown}{part}")
        _table(slide, MILESTONE_HEADER, page, widths, size)


def _coverage_slide(deck: Any, job: ChartJob) -> None:
    """Coverage curves with the verdicts beneath, as shapes, when the agreement has tariff lines to count."""
    from pptx.oxml import parse_xml

    covered = deck_coverage(job.schedule, job.baseline, job.selection)
    if covered is None:
        return
    slide = _titled(deck, COVERAGE_TITLE)
    cover, baseline = covered
    size = (_CHART_BOX[2] * 72, _CHART_BOX[3] * 72)
    page = coverage_page(cover, baseline, job.style, size, coverage_notes(cover), "", _points)  # titled above
    tree = parse_xml(
        f"<p:spTree {_NAMESPACES}>{''.join(page_shapes(page, _CHART_BOX, first_id=3))}</p:spTree>"
    )
    slide.shapes._spTree.extend(list(tree))


def _comparison_slide(deck: Any, job: ChartJob) -> None:
    assert job.baseline is not None
    comparison = compare_schedules(job.schedule, job.baseline)
    title = f"Scenario “{job.schedule.scenario}” against the baseline"
    rows = comparison_rows(comparison)
    widths = (3.3, 1.2, 1.5, 1.5, 2.2, 2.0)
    size, pages = table_pages(COMPARISON_HEADER, rows, widths, FOOTER_TOP - CHART_TOP) if rows else (14, [[]])
    slide = _titled(deck, title)
    bottom = CHART_TOP
    for number, page in enumerate(pages):
        if number:
            slide = _titled(deck, f"{title} (continued)")
        bottom = _table(slide, COMPARISON_HEADER, page, widths, size) if page else CHART_TOP
    moved = most_delayed(comparison)
    lines = ["Lines moved most:", *moved] if moved else ["No line reaches its final value later than before."]
    lines = [*lines, "", *moved_events(job.schedule, job.baseline)]
    top = bottom + 0.3
    while lines:
        size, fitted = _text_that_fits(lines, FOOTER_TOP - top)
        if fitted:
            _text(slide, lines[:fitted], top, size)
            lines = lines[fitted:]
        if lines:
            slide, top = _titled(deck, f"{title} (continued)"), CHART_TOP


def table_pages(
    header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...], height: float
) -> tuple[int, list[list[tuple[str, ...]]]]:
    """The font size and the pages of rows that keep a table within ``height`` inches.

    The largest size from 14 down to 12 points that fits every row on one slide; else pages at
    12 points (smaller is unreadable on a projector), each with the header repeated.
    """
    for size in (14, 13, 12):
        head = row_height(header, widths, size, bold=True)
        if head + sum(row_height(r, widths, size) for r in rows) <= height:
            return size, [rows]
    size = 12
    room = height - row_height(header, widths, size, bold=True)
    pages: list[list[tuple[str, ...]]] = [[]]
    used = 0.0
    for row in rows:
        need = row_height(row, widths, size)
        if pages[-1] and used + need > room:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += need
    return size, pages


def _table(
    slide: Any, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...], size: int
) -> float:
    """A table under the title, header row first, rows as tall as measured; returns its bottom edge."""
    from pptx.util import Inches

    heights = [row_height(header, widths, size, bold=True), *(row_height(r, widths, size) for r in rows)]
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Inches(MARGIN), Inches(CHART_TOP),
                                   Inches(sum(widths)), Inches(sum(heights)))  # fmt: skip
    table = shape.table
    for column, width in enumerate(widths):
        table.columns[column].width = Inches(width)
    for r, values in enumerate([header, *rows]):
        table.rows[r].height = Inches(heights[r])
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Inches(CELL_MARGIN_X)
            cell.margin_top = cell.margin_bottom = Inches(CELL_MARGIN_Y)
            _set_text(cell, [value], size, bold=r == 0)
    return CHART_TOP + sum(heights)


def _text_that_fits(lines: list[str], height: float) -> tuple[int, int]:
    """The size (16 down to 12 points) and how many of ``lines`` fit in ``height`` inches (none when
    not even the first does; a slide of its own always holds one)."""
    width = SLIDE[0] - 2 * MARGIN - 2 * CELL_MARGIN_X
    for size in (16, 14, 12):
        used = 2 * CELL_MARGIN_Y
        for index, line in enumerate(lines):
            used += lines_height(len(wrap(line, width, size)), size)
            if used > height:
                if size == 12:
                    return size, index if index or height < FOOTER_TOP - CHART_TOP else 1
                break
        else:
            return size, len(lines)
    return 12, 1


def _text(slide: Any, lines: list[str], top: float, size: int = 16) -> None:
    from pptx.util import Inches

    width = SLIDE[0] - 2 * MARGIN
    count = sum(len(wrap(line, width - 2 * CELL_MARGIN_X, size)) for line in lines)
    height = lines_height(count, size) + 2 * CELL_MARGIN_Y
    box = slide.shapes.add_textbox(Inches(MARGIN), Inches(top), Inches(width), Inches(height))
    box.text_frame.margin_left = box.text_frame.margin_right = Inches(CELL_MARGIN_X)
    box.text_frame.margin_top = box.text_frame.margin_bottom = Inches(CELL_MARGIN_Y)
    _set_text(box, lines, size)


def _footers(deck: Any, classification: str, charts: int) -> None:
    """The classification label at the bottom left and the slide number at the bottom right.

    The ``charts`` slides written apart come after the title slide and are counted in.
    """
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    count = len(deck.slides) + charts
    for index, slide in enumerate(deck.slides):
        number = 1 if index == 0 else index + 1 + charts
        for foot in footers(number, count, classification):
            box = slide.shapes.add_textbox(Inches(foot.left), Inches(FOOTER_BOX_TOP), Inches(foot.width),
                                           Inches(FOOTER_HEIGHT))  # fmt: skip
            box.name = f"Footer {box.shape_id}"
            box.text_frame.word_wrap = True  # a fixed box: viewers would otherwise shrink it to the text
            paragraph = box.text_frame.paragraphs[0]
            paragraph.text = foot.text
            paragraph.alignment = PP_ALIGN.RIGHT if foot.align == "r" else PP_ALIGN.LEFT
            paragraph.runs[0].font.name = FONT
            paragraph.runs[0].font.size = Pt(foot.size)
            paragraph.runs[0].font.bold = foot.bold
