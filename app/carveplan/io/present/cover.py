"""The PDF deck's cover as a vector page: classification, title (wrapped), and what the deck holds."""

from __future__ import annotations

from carveplan.chart.page_parts import Measure, estimate
from carveplan.chart.style import ChartStyle
from carveplan.chart.text import shorten
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


def _cut(text: str, width: float, size: float, bold: bool, measure: Measure, force: bool = False) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points (``force``: cut it even if it fits,
    as the last of the lines shown when more follow)."""
    chars = len(text) - 1 if force else len(text)
    while chars > 1 and (force or measure(text, size, bold) > width):
        text, force = shorten(text, chars), False
        chars -= 1
    return text


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
    left, room = width * 0.06, width * 0.88
    items: list[Item] = []
    title_top = height * 0.2
    big = style.title_size * 1.5
    if classification:
        edge = "#000000" if style.name == "print" else "#D55E00"
        font = style.font_size * 1.4
        pad, y, step = font * 0.4, height * 0.1, font * 1.25
        # The label is shown whole: a long one wraps inside its box rather than leave the page.
        labels = [
            _cut(line, room, font, True, measure)
            for line in wrap(classification.upper(), room, font, True, measure)
        ]
        text_width = max(measure(label, font, True) for label in labels)
        tall = font + step * (len(labels) - 1) + 2 * pad
        items.append(Box(left - pad, y - font * 0.8 - pad, text_width + 2 * pad, tall, None, stroke=edge,
                         stroke_width=1.0))  # fmt: skip
        items += [Text(left, y + i * step, label, font, edge, bold=True) for i, label in enumerate(labels)]
        title_top = max(title_top, y + step * (len(labels) - 1) + font * 0.2 + pad + big * 0.5)
    title_lines = wrap(title, room, big, True, measure)
    font = style.font_size * 1.4
    most = max(1, min(4, int((height * 0.5 - font - title_top) // (big * 1.2))))  # above the lines
    shown = [_cut(line, room, big, True, measure) for line in title_lines[:most]]
    if len(title_lines) > most:
        shown[-1] = _cut(f"{shown[-1]} {title_lines[most]}", room, big, True, measure, force=True)
    for i, line in enumerate(shown):
        items.append(
            Text(left, title_top + i * big * 1.2, line, big, style.foreground, True, baseline=Baseline.TOP)
        )
    for i, line in enumerate(lines):
        colour = style.muted if i else style.foreground
        items.append(Text(left, height * (0.5 + i * 0.06), line, font, colour))
    return Page(width, height, style.background, tuple(items))
