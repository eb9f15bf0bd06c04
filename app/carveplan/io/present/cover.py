"""The PDF deck's cover as a vector page: classification, title (wrapped), and what the deck holds."""

from __future__ import annotations

from carveplan.chart.page_parts import Measure, estimate
from carveplan.chart.style import ChartStyle
from carveplan.chart.vector import Baseline, Box, Item, Page, Text


def wrap(text: str, width: float, size: float, bold: bool, measure: Measure) -> list[str]:
    """``text`` broken into lines at spaces so each fits ``width`` points (a long word stands alone)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and measure(trial, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def cover_page(
    title: str,
    classification: str,
    lines: list[str],
    style: ChartStyle,
    size: tuple[float, float],
    measure: Measure = estimate,
) -> Page:
    """The cover: the classification boxed at the top, the title below it, then ``lines`` (the first
    in ink, the rest muted).

    Args:
        title: the agreement's title.
        classification: e.g. ``DRAFT – for negotiation`` (nothing drawn when empty).
        lines: scenario, entry into force, counts, window, date.
        style: the deck's style.
        size: the page's width and height in points.
        measure: a text's width as the writer sets it.
    """
    width, height = size
    left = width * 0.06
    items: list[Item] = []
    if classification:
        edge = "#000000" if style.name == "print" else "#D55E00"
        label, font = classification.upper(), style.font_size * 1.4
        pad, y = font * 0.4, height * 0.1
        text_width = measure(label, font, True)
        items.append(Box(left - pad, y - font * 0.8 - pad, text_width + 2 * pad, font + 2 * pad, None,
                         stroke=edge, stroke_width=1.0))  # fmt: skip
        items.append(Text(left, y, label, font, edge, bold=True))
    big = style.title_size * 1.5
    for i, line in enumerate(wrap(title, width * 0.88, big, True, measure)[:4]):
        items.append(
            Text(left, height * 0.2 + i * big * 1.2, line, big, style.foreground, True, baseline=Baseline.TOP)
        )
    font = style.font_size * 1.4
    for i, line in enumerate(lines):
        colour = style.muted if i else style.foreground
        items.append(Text(left, height * (0.5 + i * 0.06), line, font, colour))
    return Page(width, height, style.background, tuple(items))
