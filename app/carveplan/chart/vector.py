"""A drawn page as plain shapes (boxes, lines, marks, texts) that any writer can set without matplotlib.

A deck of a national schedule has hundreds of pages; matplotlib lays out every text glyph by glyph,
which costs about a third of a second a page. A page built as these records is written straight to
PDF operators or slide shapes. Coordinates are points (1/72 inch) from the page's top-left corner,
y growing downward; colours are ``#RRGGBB`` strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Anchor(StrEnum):
    """Where a text's ``x`` is: at its start, its middle or its end."""

    START = "start"
    MIDDLE = "middle"
    END = "end"


class Baseline(StrEnum):
    """Where a text's ``y`` is: at its top, its middle or its baseline."""

    TOP = "top"
    MIDDLE = "middle"
    BASELINE = "baseline"


class Shape(StrEnum):
    """A milestone or date mark's symbol."""

    DIAMOND = "diamond"
    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: filled, outlined, or both; ``hatch`` draws diagonal lines over it.

    ``alpha`` is the fill's opacity (the outline is opaque); hatch lines take the outline's colour
    (the fill's when there is no outline).
    """

    x: float
    y: float
    width: float
    height: float
    fill: str | None
    alpha: float = 1.0
    stroke: str | None = None
    stroke_width: float = 0.0
    hatch: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A straight line; ``dash`` is on/off lengths in points (empty for solid)."""

    x0: float
    y0: float
    x1: float
    y1: float
    colour: str
    width: float = 0.5
    dash: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Mark:
    """A symbol centred on ``(x, y)``, ``size`` points across."""

    x: float
    y: float
    size: float
    shape: Shape
    fill: str
    stroke: str | None = None
    stroke_width: float = 0.0


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text in the page's sans-serif font."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    bold: bool = False
    anchor: Anchor = Anchor.START
    baseline: Baseline = Baseline.BASELINE
    rotation: float = 0.0  # degrees, counter-clockwise about (x, y)


@dataclass(frozen=True, slots=True)
class Polyline:
    """Straight segments through ``points`` (a coverage curve), closed and filled when ``fill`` is set
    (a triangle pointing down); ``dash`` as for :class:`Rule`."""

    points: tuple[tuple[float, float], ...]
    colour: str | None
    width: float = 1.0
    dash: tuple[float, ...] = ()
    fill: str | None = None
    closed: bool = False


Item = Box | Rule | Mark | Text | Polyline


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its size in points, its background and its items, painted in order."""

    width: float
    height: float
    background: str
    items: tuple[Item, ...]
