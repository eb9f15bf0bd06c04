"""The coverage page of a deck as plain shapes: duty-free share by year per party, against the
Article XXIV threshold, with notes under the panels (the same picture as :mod:`chart.coverage`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from carveplan.chart.coverage import Share, curve, panels, party_colour
from carveplan.chart.legend import LegendEntry
from carveplan.chart.page_parts import Measure, dashes, estimate, legend, mix
from carveplan.chart.style import ChartStyle
from carveplan.chart.vector import Anchor, Baseline, Item, Page, Polyline, Rule, Text
from carveplan.engine.coverage import Coverage

_Scale = Callable[[float], float]


def coverage_page(
    cover: Coverage,
    baseline: Coverage | None,
    style: ChartStyle,
    size: tuple[float, float],
    notes: Sequence[tuple[str, bool]],
    title: str,
    measure: Measure = estimate,
) -> Page:
    """One page: ``title``, a panel per share (lines, and trade when known), a legend, then ``notes``.

    Args:
        cover: coverage of the deck's scenario.
        baseline: the baseline's coverage, drawn dashed behind, or ``None``.
        style: the deck's style.
        size: the page's width and height in points.
        notes: lines of text under the panels, each with whether it is bold.
        title: the page's heading.
        measure: a text's width as the writer sets it.
    """
    width, height = size
    items: list[Item] = [
        Text(width * 0.01, 8, title, style.title_size, style.foreground, baseline=Baseline.TOP)
    ]
    share = min(0.45, 0.06 + 0.045 * len(notes))
    notes_top = height * (1 - share)
    step = height * share / (len(notes) + 1)
    for index, (text, bold) in enumerate(notes):
        y = notes_top + (index + 1) * step
        items.append(
            Text(width * 0.01, y, text, style.font_size, style.foreground, bold, baseline=Baseline.MIDDLE)
        )
    em = style.small_font_size
    legend_bottom = notes_top - 4
    entries = [
        LegendEntry(p, "line", party_colour(i), width=style.line_width * 1.8)
        for i, p in enumerate(cover.parties)
    ]
    if baseline is not None:
        entries.append(LegendEntry("baseline", "line", style.muted, dash="--", width=style.line_width))
    entries.append(LegendEntry("threshold", "line", style.foreground, dash=":", width=style.line_width))
    items += legend(entries, min(len(entries), 8), (width, legend_bottom), style, measure)
    rows = -(-len(entries) // min(len(entries), 8))
    bottom = legend_bottom - rows * em * 1.5 - em * 3.2
    top = 8 + style.title_size * 1.5 + style.font_size * 2.2
    shown = panels(cover)
    left_pad, gap = em * 3.5, width * 0.05
    panel_width = (width * 0.98 - left_pad * len(shown) - gap * (len(shown) - 1)) / len(shown)
    x = width * 0.01 + left_pad
    for kind, heading, threshold in shown:
        items += _panel(cover, baseline, kind, heading, threshold, style, (x, top, x + panel_width, bottom))
        x += panel_width + gap + left_pad
    return Page(width, height, style.background, tuple(items))


def _panel(
    cover: Coverage,
    baseline: Coverage | None,
    kind: Share,
    heading: str,
    threshold: Decimal,
    style: ChartStyle,
    box: tuple[float, float, float, float],
) -> list[Item]:
    left, top, right, bottom = box
    lo, hi = cover.years[0] - 0.2, cover.years[-1] + 1.2

    def px(year: float) -> float:
        return left + (year - lo) / (hi - lo) * (right - left)

    def py(value: float) -> float:
        return bottom - (value + 2) / 104 * (bottom - top)

    em, grid = style.small_font_size, mix(style.muted, style.background, 0.3)
    out: list[Item] = [Text(left, top - style.font_size * 0.6, heading, style.font_size, style.foreground)]
    for value in range(0, 101, 20):
        out.append(Rule(left, py(value), right, py(value), grid, 0.6))
        out.append(Rule(left - 3.5, py(value), left, py(value), style.foreground, 0.8))
        out.append(
            Text(
                left - 6,
                py(value),
                str(value),
                em,
                style.foreground,
                anchor=Anchor.END,
                baseline=Baseline.MIDDLE,
            )
        )
    first, last = cover.years[0], cover.years[-1] + 1
    every = next(n for n in (1, 2, 5, 10, 20, 50, 100) if (last - first) / n <= 6)
    for year in range(first - first % every, last + 1, every):
        if lo <= year <= hi:
            out.append(Rule(px(year), top, px(year), bottom, grid, 0.6))
            out.append(Rule(px(year), bottom, px(year), bottom + 3.5, style.foreground, 0.8))
            out.append(
                Text(
                    px(year),
                    bottom + 7,
                    str(year),
                    em,
                    style.foreground,
                    anchor=Anchor.MIDDLE,
                    baseline=Baseline.TOP,
                )
            )
    out.append(Rule(left, top, left, bottom, style.foreground, 0.8))
    out.append(Rule(left, bottom, right, bottom, style.foreground, 0.8))
    for index, party in enumerate(cover.parties):
        colour = party_colour(index)
        if baseline is not None and party in baseline.parties:
            out += _steps(
                baseline, party, kind, px, py, mix(colour, style.background, 0.6), style.line_width, "--"
            )
        out += _steps(cover, party, kind, px, py, colour, style.line_width * 1.8, "-")
    line = float(threshold)
    out.append(
        Rule(
            left, py(line), right, py(line), style.foreground, style.line_width, dashes(":", style.line_width)
        )
    )
    end = px(cover.horizon_year + 1)
    out.append(Rule(end, top, end, bottom, style.muted, style.line_width, dashes(":", style.line_width)))
    label = f"{threshold:g} % by the end of year {cover.test.horizon}"
    out.append(Text(end - 4, py(line) - 4 - em * 0.22, label, em, style.foreground, anchor=Anchor.END))
    return out


def _steps(
    cover: Coverage, party: str, kind: Share, px: _Scale, py: _Scale, colour: str, width: float, dash: str
) -> list[Item]:
    """A party's share by year as a step line (each year's share holds until the next year's)."""
    years, shares = curve(cover, party, kind)
    if len(years) < 2:
        return []
    points: list[tuple[float, float]] = []
    for i, (year, value) in enumerate(zip(years, shares, strict=True)):
        if i:
            points.append((px(year), py(shares[i - 1])))
        points.append((px(year), py(value)))
    return [Polyline(tuple(points), colour, width, dashes(dash, width))]
