"""Bar rectangles by kind, kept as numpy column chunks, and the colour arithmetic for them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

RGBA = tuple[float, float, float, float]
# Dividers thinner than this (points) cannot be seen, yet stroking them costs more than filling
# the bars; alternate phases are shaded, so phases stay apart without them on dense charts.
MIN_DIVIDER = 0.25


def rgba(colour: str, alpha: float | None = None) -> RGBA:
    """A colour as RGBA fractions, as ``matplotlib.colors.to_rgba`` gives it.

    The chart's colours are ``#RRGGBB`` (or ``#RRGGBBAA``), read here without loading matplotlib;
    any other colour name goes to matplotlib.
    """
    if colour.startswith("#") and len(colour) in (7, 9):
        try:
            parts = [int(colour[i : i + 2], 16) / 255 for i in range(1, len(colour), 2)]
        except ValueError:
            parts = []
        if parts:
            r, g, b, *a = parts
            return r, g, b, alpha if alpha is not None else (a[0] if a else 1.0)
    from matplotlib.colors import to_rgba

    return to_rgba(colour, alpha)


class SegmentKind:
    """What a bar segment shows (plain strings keep the labelling loop cheap)."""

    BASE = "base"
    PHASE = "phase"
    BLOCKED = "blocked"
    EXCLUDED = "excluded"


class Segment(NamedTuple):
    """A span of one line's bar, as the labelling pass reads it.

    Attributes:
        x0: start (date number).
        x1: end (date number).
        kind: base, phase, blocked or excluded.
        phase: the phase index (``-1`` for the base value before the first phase).
    """

    x0: float
    x1: float
    kind: str
    phase: int


@dataclass
class Rects:
    """Rectangles of one kind, kept as column chunks so a PolyCollection is built in one numpy call."""

    _chunks: list[tuple[np.ndarray, ...]] = field(default_factory=list)

    def add(self, x0: float, x1: float, y0: float, y1: float, colour: RGBA) -> None:
        """Add one rectangle."""
        self.extend(np.array([x0]), np.array([x1]), np.array([y0]), np.array([y1]), np.array([colour]))

    def extend(
        self, x0: np.ndarray, x1: np.ndarray, y0: np.ndarray, y1: np.ndarray, colours: np.ndarray
    ) -> None:
        """Add many rectangles: corner columns and an ``(n, 4)`` array of RGBA colours."""
        if len(x0):
            self._chunks.append((x0, x1, y0, y1, np.broadcast_to(colours, (len(x0), 4))))

    def __len__(self) -> int:
        return sum(len(chunk[0]) for chunk in self._chunks)

    def column(self, index: int) -> np.ndarray:
        """One column over all chunks: 0 to 3 are x0, x1, y0, y1."""
        return np.concatenate([c[index] for c in self._chunks]) if self._chunks else np.empty(0)

    def colours(self) -> np.ndarray:
        """The face colours as an ``(n, 4)`` array."""
        return np.concatenate([c[4] for c in self._chunks]) if self._chunks else np.empty((0, 4))

    def verts(self) -> np.ndarray:
        """The rectangles as an ``(n, 4, 2)`` array of corners."""
        return rect_verts(self.column(0), self.column(1), self.column(2), self.column(3))


def rect_verts(x0: np.ndarray, x1: np.ndarray, y0: np.ndarray, y1: np.ndarray) -> np.ndarray:
    """Corners of axis-aligned rectangles as an ``(n, 4, 2)`` array (the PolyCollection input)."""
    verts = np.empty((len(x0), 4, 2))
    verts[:, 0, 0] = verts[:, 1, 0] = x0
    verts[:, 2, 0] = verts[:, 3, 0] = x1
    verts[:, 0, 1] = verts[:, 3, 1] = y0
    verts[:, 1, 1] = verts[:, 2, 1] = y1
    return verts


def lighten(colour: RGBA, share: float) -> RGBA:
    """``colour`` mixed with white by ``share`` (0: unchanged, 1: white)."""
    r, g, b, a = colour
    return (r + (1 - r) * share, g + (1 - g) * share, b + (1 - b) * share, a)


def lighten_many(colours: np.ndarray, shares: np.ndarray | float) -> np.ndarray:
    """Rows of ``(n, 4)`` RGBA colours mixed with white by ``shares`` (alpha kept)."""
    out = np.array(colours, dtype=float, copy=True)
    share = np.asarray(shares, dtype=float).reshape(-1, 1) if np.ndim(shares) else float(shares)
    out[:, :3] += (1 - out[:, :3]) * share
    return out
