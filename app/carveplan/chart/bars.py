"""Bar geometry: each line's phases, blocked and excluded spans, group summaries and baseline ghosts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import numpy as np

from carveplan.chart.axes import day_num
from carveplan.engine.schedule import ResolvedLine

RGBA = tuple[float, float, float, float]


class SegmentKind:
    """What a bar segment shows (plain strings keep the hot loop cheap)."""

    BASE = "base"
    PHASE = "phase"
    BLOCKED = "blocked"
    EXCLUDED = "excluded"


class Segment(NamedTuple):
    """A span of one line's bar (a named tuple: tens of thousands are made per drawing).

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
    """Rectangles of one kind, kept as columns so a PolyCollection is built in one numpy call."""

    x0: list[float] = field(default_factory=list)
    x1: list[float] = field(default_factory=list)
    y0: list[float] = field(default_factory=list)
    y1: list[float] = field(default_factory=list)
    colours: list[RGBA] = field(default_factory=list)

    def add(self, x0: float, x1: float, y0: float, y1: float, colour: RGBA) -> None:
        """Add one rectangle."""
        self.x0.append(x0)
        self.x1.append(x1)
        self.y0.append(y0)
        self.y1.append(y1)
        self.colours.append(colour)

    def __len__(self) -> int:
        return len(self.x0)

    def verts(self) -> np.ndarray:
        """The rectangles as an ``(n, 4, 2)`` array of corners."""
        return rect_verts(np.asarray(self.x0), np.asarray(self.x1), np.asarray(self.y0), np.asarray(self.y1))


def rect_verts(x0: np.ndarray, x1: np.ndarray, y0: np.ndarray, y1: np.ndarray) -> np.ndarray:
    """Corners of axis-aligned rectangles as an ``(n, 4, 2)`` array (the PolyCollection input)."""
    verts = np.empty((len(x0), 4, 2))
    verts[:, 0, 0] = verts[:, 1, 0] = x0
    verts[:, 2, 0] = verts[:, 3, 0] = x1
    verts[:, 0, 1] = verts[:, 3, 1] = y0
    verts[:, 1, 1] = verts[:, 2, 1] = y1
    return verts


def line_segments(resolved: ResolvedLine, eif: date, hi: float) -> list[Segment]:
    """The spans of one line's bar from EIF to its final value, clipped at ``hi`` on the right.

    Args:
        resolved: the resolved line.
        eif: entry into force (where the bar starts).
        hi: the right edge of the window (open spans end there).

    Returns:
        Segments in date order; the final phase has no span (its value is the bar's end label).
    """
    start = day_num(eif)
    if resolved.excluded:
        return [Segment(start, max(hi, start), SegmentKind.EXCLUDED, -1)]
    phases = resolved.phases
    out: list[Segment] = []
    if phases and phases[0].start is not None and day_num(phases[0].start) > start:
        out.append(Segment(start, day_num(phases[0].start), SegmentKind.BASE, -1))
    for i, phase in enumerate(phases):
        if phase.start is None:
            nominal = phase.nominal_start
            x0 = day_num(nominal) if nominal is not None else (out[-1].x1 if out else start)
            out.append(Segment(x0, max(hi, x0), SegmentKind.BLOCKED, i))
            break
        following = phases[i + 1] if i + 1 < len(phases) else None
        if following is None:
            break
        end = phase.end or following.start or following.nominal_start
        x1 = day_num(end) if end is not None else hi
        out.append(Segment(day_num(phase.start), x1, SegmentKind.PHASE, i))
    return out


def bar_end(resolved: ResolvedLine, eif: date) -> float:
    """Where a line's bar ends: its final date, or EIF for lines final from day one."""
    return day_num(resolved.final_date or eif)


def group_span(lines: list[ResolvedLine], eif: date, hi: float) -> tuple[float, float] | None:
    """From the first phase to the last final date of a group's lines (open when one is blocked)."""
    live = [r for r in lines if not r.excluded]
    if not live:
        return None
    starts = [day_num(p.start) for r in live for p in r.phases if p.start is not None]
    first = min([day_num(eif), *starts])
    last = max(hi if r.blocked else bar_end(r, eif) for r in live)
    return first, last


def lighten(colour: RGBA, share: float) -> RGBA:
    """``colour`` mixed with white by ``share`` (0: unchanged, 1: white)."""
    r, g, b, a = colour
    return (r + (1 - r) * share, g + (1 - g) * share, b + (1 - b) * share, a)
