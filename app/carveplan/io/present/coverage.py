"""The coverage page of the PDF deck and the slides: curves, verdicts and where the trade comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from carveplan.chart.coverage_page import coverage_page
from carveplan.chart.page_parts import Measure
from carveplan.chart.rows import RowSelection
from carveplan.chart.style import ChartStyle
from carveplan.chart.vector import Page
from carveplan.engine.coverage import Coverage, coverage_of
from carveplan.engine.schedule import Schedule
from carveplan.engine.xxiv import Verdict, verdicts
from carveplan.io.reports.coverage import pct, test_text, trade_text

if TYPE_CHECKING:  # drawn with matplotlib only on a figure; the decks' page is plain shapes
    from matplotlib.figure import Figure

TITLE = "Liberalization coverage and the Article XXIV test"


def deck_coverage(
    schedule: Schedule, baseline: Schedule | None, selection: RowSelection
) -> tuple[Coverage, Coverage | None] | None:
    """Coverage of a deck's scenario (and its baseline), or ``None`` for no coverage page.

    Coverage is counted over the whole schedule, so a deck cut down to some sectors or parties
    (``selection``) has no coverage page; nor has an agreement without tariff lines.
    """
    if selection.sectors or selection.parties:
        return None
    cover = coverage_of(schedule)
    if not cover.rows:
        return None
    return cover, None if baseline is None else coverage_of(baseline, match=cover.match)


def verdict_lines(found: tuple[Verdict, ...]) -> list[str]:
    """One line per party: ``VNM  fail  lines 73.3 %, trade 95.4 % — 4 lines short``."""
    out = []
    for v in found:
        shares = f"lines {pct(v.line_share)} %" + (
            "" if v.trade_share is None else f", trade {pct(v.trade_share)} %"
        )
        short = (
            f" — {len(v.blockers)} line{'s' if len(v.blockers) != 1 else ''} short" if not v.passes else ""
        )
        out.append(f"{v.party}  {v.label}  {shares}{short}")
    return out


def coverage_notes(cover: Coverage) -> list[tuple[str, bool]]:
    """The lines under the curves: the test, a verdict per party (bold when it fails), the trade
    source and what the measure is."""
    lines = [
        f"Article XXIV test: {test_text(cover)}",
        *verdict_lines(verdicts(cover)),
        f"{trade_text(cover)}.",
        "Static measure: the reference year's trade at each year's rates; no trade created or diverted.",
    ]
    return [(text, "fail" in text.split()[1:2]) for text in lines]


def coverage_vector_page(
    cover: Coverage, baseline: Coverage | None, style: ChartStyle, size: tuple[float, float], measure: Measure
) -> Page:
    """The deck's coverage page as plain shapes, for the PDF writer (see :func:`draw_coverage_page`)."""
    return coverage_page(cover, baseline, style, size, coverage_notes(cover), TITLE, measure)


def draw_coverage_page(
    figure: Figure, cover: Coverage, baseline: Coverage | None, style: ChartStyle, title: str | None = TITLE
) -> None:
    """A deck page: the curves under a title, then the test, one verdict per party and the trade source.

    Args:
        figure: a page-sized figure; it is cleared.
        cover: coverage of the deck's scenario.
        baseline: the baseline's, drawn dashed behind a scenario.
        style: the deck's chart style.
        title: the page title (a slide has its own).
    """
    from carveplan.chart.coverage import draw_coverage

    figure.clear()
    figure.set_layout_engine("constrained")
    figure.set_facecolor(style.background)
    notes = coverage_notes(cover)
    lines = [text for text, _ in notes]
    share = min(0.45, 0.06 + 0.045 * len(lines))
    parts = figure.subfigures(2, 1, height_ratios=[1 - share, share], squeeze=False)
    charts, below = parts[0][0], parts[1][0]
    draw_coverage(charts, cover, baseline, style, title=title)
    below.set_facecolor(style.background)
    step = 1 / (len(lines) + 1)
    for index, (text, bold) in enumerate(notes):
        weight = "bold" if bold else "normal"
        below.text(0.01, 1 - (index + 1) * step, text, fontsize=style.font_size, color=style.foreground,
                   fontweight=weight, va="center")  # fmt: skip
