"""Coverage curves: the share of lines and of trade duty-free by year per party, against the threshold."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

from carveplan.chart.style import OKABE_ITO, SCREEN, ChartStyle
from carveplan.engine.coverage import Coverage

if TYPE_CHECKING:  # the deck's coverage page takes its shares and curves without drawing here
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

# Party colours: Okabe-Ito without yellow, which vanishes on white paper and on projectors.
PARTY_COLOURS = tuple(c for c in OKABE_ITO if c != "#F0E442")


class Share(StrEnum):
    """What a coverage panel shows the duty-free share of."""

    LINES = "lines"
    TRADE = "trade"


def party_colour(index: int) -> str:
    """The curve colour of the ``index``-th party (cycled)."""
    return PARTY_COLOURS[index % len(PARTY_COLOURS)]


def draw_coverage(
    figure: Figure | SubFigure,
    cover: Coverage,
    baseline: Coverage | None = None,
    style: ChartStyle = SCREEN,
    title: str | None = None,
) -> list[Axes]:
    """Draw the share of lines and (with trade data) of trade duty-free per party and year.

    Each party is a coloured curve; with ``baseline`` (a scenario being looked at) the baseline is
    drawn dashed and thin behind it. The threshold is a horizontal rule and the horizon year a
    vertical one, so a curve passes the test where it is above the rule at the horizon.

    Args:
        figure: a bare figure, or a part of a page (a subfigure); it is cleared.
        cover: coverage of the scenario shown.
        baseline: coverage of the baseline, drawn behind, or ``None``.
        style: screen, projector or print.
        title: a heading above the panels (a page or slide has one; a dock shows its own).

    Returns:
        The axes: lines, then trade when the agreement has trade data.
    """
    from matplotlib.figure import Figure

    figure.clear()
    figure.set_facecolor(style.background)
    if isinstance(figure, Figure):
        # Constrained layout keeps titles, ticks and the legend apart at any size, from a dock to A4.
        figure.set_layout_engine("constrained")
    shown = panels(cover)
    axes = figure.subplots(1, len(shown), squeeze=False)[0]
    for ax, (kind, heading, threshold) in zip(axes, shown, strict=True):
        _panel(ax, cover, baseline, kind, heading, threshold, style)
    _legend(figure, cover, baseline is not None, style)
    if title:
        figure.suptitle(title, x=0.01, ha="left", fontsize=style.title_size, color=style.foreground)
    return list(axes)


def panels(cover: Coverage) -> list[tuple[Share, str, Decimal]]:
    """The panels a coverage chart shows: lines, and trade when there is trade data, with their titles
    and thresholds."""
    out = [(Share.LINES, "Tariff lines duty-free (%)", cover.test.lines_share)]
    if cover.match is not None:
        out.append((Share.TRADE, "Imports from the other parties duty-free (%)", cover.test.trade_share))
    return out


def _panel(
    ax: Axes,
    cover: Coverage,
    baseline: Coverage | None,
    kind: Share,
    title: str,
    threshold: Decimal,
    style: ChartStyle,
) -> None:
    ax.set_facecolor(style.background)
    for index, party in enumerate(cover.parties):
        colour = party_colour(index)
        # A year's share holds from its stage day to the next: steps, the last one a year wide.
        if baseline is not None and party in baseline.parties:
            years, shares = curve(baseline, party, kind)
            ax.plot(
                years,
                shares,
                color=colour,
                linewidth=style.line_width,
                linestyle="--",
                alpha=0.6,
                drawstyle="steps-post",
            )
        years, shares = curve(cover, party, kind)
        ax.plot(years, shares, color=colour, linewidth=style.line_width * 1.8, drawstyle="steps-post")
    ax.axhline(float(threshold), color=style.foreground, linewidth=style.line_width, linestyle=":")
    end = cover.horizon_year + 1  # the end of the horizon year
    ax.axvline(end, color=style.muted, linewidth=style.line_width, linestyle=":")
    ax.annotate(
        f"{threshold:g} % by the end of year {cover.test.horizon}",
        (end, float(threshold)),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=style.small_font_size,
        color=style.foreground,
    )
    ax.set_ylim(-2, 102)
    ax.set_xlim(cover.years[0] - 0.2, cover.years[-1] + 1.2)
    ax.set_title(title, fontsize=style.font_size, color=style.foreground, loc="left")
    ax.tick_params(labelsize=style.small_font_size, colors=style.foreground)
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    ax.grid(True, color=style.muted, alpha=0.3, linewidth=0.6)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)


def curve(cover: Coverage, party: str, kind: Share) -> tuple[list[int], list[float]]:
    """A party's duty-free share by year as a step curve's corners (the last year a year wide)."""
    years: list[int] = []
    shares: list[float] = []
    for row in cover.series(party):
        match kind:
            case Share.LINES:
                share = row.line_share()
            case Share.TRADE:
                share = row.trade_share()
            case _:
                assert_never(kind)
        if share is not None:
            years.append(row.year)
            shares.append(float(share))
    if years:
        years.append(years[-1] + 1)
        shares.append(shares[-1])
    return years, shares


def _legend(figure: Figure | SubFigure, cover: Coverage, with_baseline: bool, style: ChartStyle) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=party_colour(i), linewidth=style.line_width * 1.8)
        for i in range(len(cover.parties))
    ]
    labels = list(cover.parties)
    if with_baseline:
        handles.append(Line2D([], [], color=style.muted, linestyle="--", linewidth=style.line_width))
        labels.append("baseline")
    handles.append(Line2D([], [], color=style.foreground, linestyle=":", linewidth=style.line_width))
    labels.append("threshold")
    figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncol=min(len(labels), 8),
        frameon=False,
        fontsize=style.small_font_size,
        labelcolor=style.foreground,
    )
