"""The coverage page of the PDF deck and the slides: curves, verdicts and where the trade comes from."""

from __future__ import annotations

from matplotlib.figure import Figure

from carveplan.chart.coverage import draw_coverage
from carveplan.chart.rows import RowSelection
from carveplan.chart.style import ChartStyle
from carveplan.engine.coverage import Coverage, coverage_of
from carveplan.engine.schedule import Schedule
from carveplan.engine.xxiv import Verdict, verdicts
from carveplan.io.reports.coverage import pct, test_text, trade_text

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
    figure.clear()
    figure.set_layout_engine("constrained")
    figure.set_facecolor(style.background)
    found = verdicts(cover)
    lines = [
        f"Article XXIV test: {test_text(cover)}",
        *verdict_lines(found),
        f"{trade_text(cover)}.",
        "Static measure: the reference year's trade at each year's rates; no trade created or diverted.",
    ]
    share = min(0.45, 0.06 + 0.045 * len(lines))
    parts = figure.subfigures(2, 1, height_ratios=[1 - share, share], squeeze=False)
    charts, notes = parts[0][0], parts[1][0]
    draw_coverage(charts, cover, baseline, style, title=title)
    notes.set_facecolor(style.background)
    step = 1 / (len(lines) + 1)
    for index, text in enumerate(lines):
        weight = "bold" if "fail" in text.split()[1:2] else "normal"
        notes.text(0.01, 1 - (index + 1) * step, text, fontsize=style.font_size, color=style.foreground,
                   fontweight=weight, va="center")  # fmt: skip
