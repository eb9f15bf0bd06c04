"""Gantt chart exports: a PNG or SVG image, and a PDF deck for a meeting (cover, then sector pages)."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carveplan.chart.frame import default_window
from carveplan.chart.page import VectorPages
from carveplan.chart.rows import Row, RowSelection, build_rows, paginate
from carveplan.chart.style import ChartStyle, style_named
from carveplan.engine.collector import collector_paused
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import WriteError, check_progress
from carveplan.io.formats import ExportOptions, schedule_for
from carveplan.io.present.cover import cover_page
from carveplan.io.present.coverage import coverage_vector_page, deck_coverage
from carveplan.io.present.pdf_pages import VectorPdf
from carveplan.io.text import clean_text, cleaned
from carveplan.model import Agreement
from carveplan.model.words import day_text

if TYPE_CHECKING:  # the decks are vector pages: matplotlib loads only for a picture (PNG, SVG)
    from matplotlib.figure import Figure

    from carveplan.chart.gantt import GanttPages

# Page sizes in inches, landscape.
PAGES: dict[str, tuple[float, float]] = {"a4": (11.69, 8.27), "16:9": (13.333, 7.5)}
IMAGE_WIDTH = 13.333
MAX_IMAGE_HEIGHT = 60.0  # inches; taller charts get thinner rows (and only group labels)
_CHROME = 2.6  # inches of title block, axes labels and legend around the rows
# TrueType fonts embedded in PDFs (Type 3, matplotlib's default, is neither searchable nor fit for
# archiving) and SVG text kept as text (selectable, smaller, read by screen readers).
FONT_SETTINGS: dict[Any, Any] = {"pdf.fonttype": 42, "svg.fonttype": "none"}


@dataclass(frozen=True)
class ChartJob:
    """What every chart export needs, worked out once from the agreement and the options.

    Attributes:
        schedule: the schedule drawn (the scenario, or the baseline).
        baseline: the baseline drawn as ghost bars when a scenario is shown.
        style: the chart style.
        selection: the sectors and parties asked for.
        window: first and last day shown.
        today: the "today" line and the "as of" date.
    """

    schedule: Schedule
    baseline: Schedule | None
    style: ChartStyle
    selection: RowSelection
    window: tuple[date, date]
    today: date


def chart_job(agreement: Agreement, options: ExportOptions) -> ChartJob:
    """Resolve the agreement (and the baseline, under a scenario) unless handed, and read the options.

    Args:
        agreement: the agreement.
        options: scenario, filters, window, style and today.

    Returns:
        The job.

    Raises:
        Cancelled: when the progress callback asks to stop.
    """
    # Resolving a national agreement takes seconds before a deck's first page: the progress
    # callback hears from each step, so the window repaints and its Cancel is heard. The steps
    # are a sliver of a bar of 100, so it does not step back when the pages are counted.
    steps = 100
    check_progress(options.progress, 0, steps)
    agreement = cleaned(agreement)  # a control character in a label would make the SVG ill-formed
    schedule = schedule_for(agreement, options.scenario, options)
    check_progress(options.progress, 1, steps)
    baseline = schedule_for(agreement, None, options) if options.scenario else None
    if baseline is not None:
        check_progress(options.progress, 2, steps)
    start, end = default_window(schedule, baseline)
    window = (options.date_from or start, options.date_to or end)
    if window[1] <= window[0]:
        raise WriteError(f"the chart window is empty: {window[0]} is not before {window[1]}")
    selection = RowSelection(
        sectors=_sector_ids(agreement, options.sectors),
        parties=_party_codes(agreement, options.parties),
        focus_only=not options.all_sectors,
    )
    return ChartJob(schedule, baseline, style_named(options.style), selection, window, options.today)


def draw_job(fig: Figure, job: ChartJob, selection: RowSelection, title: str | None = None) -> int:
    """Draw the job's chart on ``fig`` for ``selection``; returns the number of rows drawn."""
    from carveplan.chart.gantt import draw_gantt

    art = draw_gantt(fig, job.schedule, style=job.style, rows=selection, baseline=job.baseline,
                     window=job.window, today=job.today, title=title)  # fmt: skip
    return len(art.rows)


def export_png(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    """Write the chart as a PNG image, tall enough for every row (up to a limit)."""
    _export_image(agreement, path, options, "png")


def export_svg(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    """Write the chart as an SVG vector image."""
    _export_image(agreement, path, options, "svg")


def _export_image(agreement: Agreement, path: Path, options: ExportOptions, fmt: str) -> None:
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    job = chart_job(agreement, options)
    # Drawing every row of a national agreement makes a million artists' worth of small objects: a
    # full collection at each burst walked them all, seconds in all and long pauses for the window
    # while the app exports on a worker. The figure's cycles are collected once it is let go.
    with collector_paused():
        rows = len(build_rows(job.schedule, job.selection))
        height = min(MAX_IMAGE_HEIGHT, max(5.0, _CHROME + rows * job.style.row_inches))
        fig = Figure(figsize=(IMAGE_WIDTH, height))
        draw_job(fig, job, job.selection)
        buffer = io.BytesIO()
        with rc_context(FONT_SETTINGS):
            fig.savefig(buffer, format=fmt, dpi=options.dpi, facecolor=fig.get_facecolor())
    write_atomic(path, buffer.getvalue())


def export_pdf(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    """Write a deck: a cover page, each sector (and each party, when parties are asked for), then coverage.

    Long sectors run over several pages with their headers repeated; pages are landscape A4 or
    16:9 (``options.page``). Pages are built as plain shapes and written straight to PDF with an
    embedded subset of DejaVu Sans (searchable text), hundreds of pages a second.
    The last page shows the share of lines and trade duty-free by year against the Article XXIV
    test, when the agreement has tariff lines.

    Raises:
        WriteError: when the file cannot be written.
        Cancelled: when the progress callback asks to stop (nothing is written).
    """
    job = chart_job(agreement, options)
    size = PAGES.get(options.page, PAGES["a4"])
    points = (size[0] * 72, size[1] * 72)
    pages = deck_pages(job, size[1])
    doc = VectorPdf(clean_text(agreement.title))
    lines, shown = cover_lines(job, len(pages)), job.schedule.agreement  # control characters taken out
    doc.add(cover_page(shown.title, shown.classification, lines, job.style, points, doc.measure))
    count = len(selected_lines(job))
    builder = VectorPages(job.schedule, size=points, style=job.style, window=job.window, today=job.today,
                          baseline=job.baseline, lines=count, measure=doc.measure)  # fmt: skip
    with collector_paused():  # pages of small records, no cycles: no collection walks the schedule
        for number, (rows, title) in enumerate(pages, start=1):
            check_progress(options.progress, number - 1, len(pages))
            doc.add(builder.page(rows, title))
        covered = deck_coverage(job.schedule, job.baseline, job.selection)
        if covered is not None:
            doc.add(coverage_vector_page(*covered, job.style, points, doc.measure))
        data = doc.finish()
    write_atomic(path, data)


def page_painter(fig: Figure, job: ChartJob) -> GanttPages:
    """What draws the job's pages one after another on ``fig``."""
    from carveplan.chart.gantt import GanttPages

    return GanttPages(fig, job.schedule, style=job.style, baseline=job.baseline, window=job.window,
                      today=job.today, lines=len(selected_lines(job)))  # fmt: skip


def selected_lines(job: ChartJob) -> list[ResolvedLine]:
    """The lines the job's sectors and parties select (all when none are named)."""
    sectors, parties = set(job.selection.sectors), set(job.selection.parties)
    return [
        r
        for r in job.schedule.lines
        if (not sectors or r.line.sector in sectors) and (not parties or r.line.party in parties)
    ]


def deck_pages(job: ChartJob, page_height: float) -> list[tuple[tuple[Row, ...], str]]:
    """The chart pages of a deck: ``(rows to draw, page title)`` for each page.

    The rows of each sector (or sector and party) are built once and cut into pages, each led by
    the headers of the group it continues.

    Args:
        job: the export job.
        page_height: page height in inches (decides how many rows a page holds).

    Returns:
        One entry per page, sector by sector (party by party when parties were asked for).
    """
    per_page = max(3, int((page_height - _CHROME) / job.style.row_inches))
    names = {s.id: s.name for s in job.schedule.agreement.sectors}
    sectors = list(dict.fromkeys(r.sector for r in build_rows(job.schedule, job.selection) if not r.line))
    out: list[tuple[tuple[Row, ...], str]] = []
    for sector in sectors:
        groups: list[tuple[str, ...]] = [(p,) for p in job.selection.parties] or [()]
        for parties in groups:
            rows = build_rows(job.schedule, replace(job.selection, sectors=(sector,), parties=parties))
            shown = paginate(rows, per_page)
            heading = names.get(sector, sector) + (f" — {parties[0]}" if parties else "")
            for i, page in enumerate(shown, start=1):
                number = f" (page {i} of {len(shown)})" if len(shown) > 1 else ""
                out.append((page, heading + number))
    return out


def cover_lines(job: ChartJob, pages: int) -> list[str]:
    """What the cover says under the title: scenario, entry into force, counts, window, date."""
    agreement = job.schedule.agreement
    tentative = " (tentative)" if agreement.eif_tentative else ""
    parties = set(job.selection.parties)
    shown = selected_lines(job)
    milestones = [m for m in job.schedule.milestones if not parties or m.milestone.party in parties]
    lines_of = f" of {', '.join(sorted(parties))}" if parties else ""
    return [
        f"Scenario: {job.schedule.scenario}",
        f"Entry into force: {_day(job.schedule.eif)}{tentative}",
        f"Carved-out lines{lines_of}: {len(shown)} · milestones: {len(milestones)} · "
        f"exception windows: {len(job.schedule.windows)}",
        f"Chart: {_day(job.window[0])} to {_day(job.window[1])} · {pages} page{'s' if pages != 1 else ''}",
        f"As of {_day(job.today)}",
    ]


def _sector_ids(agreement: Agreement, asked: tuple[str, ...]) -> tuple[str, ...]:
    """Sector ids for names or ids as typed (``Energy``, ``energy``, ``critical minerals``)."""
    known = {s.id.casefold(): s.id for s in agreement.sectors}
    known.update({s.name.casefold(): s.id for s in agreement.sectors})
    known.update({s.id.replace("_", " ").casefold(): s.id for s in agreement.sectors})
    missing = [a for a in asked if a.casefold() not in known]
    if missing:
        listed = ", ".join(s.name for s in agreement.sectors)
        raise WriteError(f"no sector named {', '.join(map(repr, missing))}; the agreement has: {listed}")
    return tuple(known[a.casefold()] for a in asked)


def _party_codes(agreement: Agreement, asked: tuple[str, ...]) -> tuple[str, ...]:
    """Party codes as typed, in any case; an unknown code is an error rather than an empty chart."""
    known = {p.code.casefold(): p.code for p in agreement.parties}
    known.update({line.party.casefold(): line.party for line in agreement.lines})
    missing = [a for a in asked if a.casefold() not in known]
    if missing:
        listed = ", ".join(sorted(set(known.values())))
        raise WriteError(f"no party {', '.join(map(repr, missing))}; the agreement has: {listed}")
    return tuple(known[a.casefold()] for a in asked)


def _day(day: date) -> str:
    return day_text(day)
