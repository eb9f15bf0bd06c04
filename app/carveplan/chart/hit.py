"""What lies under a point of the chart: the app's click and hover use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from carveplan.model import ExceptionId, LineId, MilestoneId


class HitKind(StrEnum):
    """What kind of thing was hit."""

    PHASE = "phase"
    BLOCKED = "blocked"
    EXCLUDED = "excluded"
    GROUP = "group"
    MILESTONE = "milestone"
    EXCEPTION = "exception"


@dataclass(frozen=True)
class Hit:
    """One thing drawn on the chart.

    Attributes:
        kind: phase, blocked phase, excluded line, group summary, milestone or exception band.
        row: the key of the row it is on.
        line: the line id (phases, blocked phases, excluded lines).
        phase: the phase index (phases and blocked phases).
        milestone: the milestone id.
        exception: the exception id.
    """

    kind: HitKind
    row: str
    line: LineId | None = None
    phase: int | None = None
    milestone: MilestoneId | None = None
    exception: ExceptionId | None = None


@dataclass
class HitIndex:
    """Rectangles and points with what they stand for, searched in drawing order reversed.

    Rectangles come in chunks, each with a function that makes the :class:`Hit` of its i-th
    rectangle: a chart has tens of thousands of bar spans and only the one found needs a record.
    """

    _boxes: list[np.ndarray] = field(default_factory=list)
    _box_hits: list[Callable[[int], Hit]] = field(default_factory=list)
    _points: list[tuple[float, float]] = field(default_factory=list)
    _point_hits: list[Hit] = field(default_factory=list)
    _arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def add_box(self, x0: float, x1: float, y0: float, y1: float, hit: Hit) -> None:
        """Record a rectangle (data units); later boxes win over earlier ones."""
        box = np.array([[min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)]], dtype=float)
        self.add_boxes(box, lambda _i: hit)

    def add_boxes(self, boxes: np.ndarray, hit_at: Callable[[int], Hit]) -> None:
        """Record many rectangles at once.

        Args:
            boxes: an ``(n, 4)`` array of ``x0, x1, y0, y1`` with ``x0 <= x1`` and ``y0 <= y1``.
            hit_at: makes the hit of the i-th rectangle when it is found.
        """
        if len(boxes):
            self._boxes.append(np.asarray(boxes, dtype=float).reshape(-1, 4))
            self._box_hits.append(hit_at)
            self._arrays = None

    def add_point(self, x: float, y: float, hit: Hit) -> None:
        """Record a marker (data units); markers win over boxes."""
        self._points.append((x, y))
        self._point_hits.append(hit)
        self._arrays = None

    def find(self, x: float, y: float, x_tolerance: float, y_tolerance: float = 0.4) -> Hit | None:
        """The topmost thing at ``(x, y)``: a marker within the tolerances first, then a box.

        Args:
            x: date number.
            y: row coordinate.
            x_tolerance: how far from a marker (in days) still counts.
            y_tolerance: how far from a marker (in rows) still counts.

        Returns:
            What is there, or ``None``.
        """
        boxes, starts, points = self._ensure()
        if len(points):
            dx = np.abs(points[:, 0] - x) / max(x_tolerance, 1e-9)
            dy = np.abs(points[:, 1] - y) / max(y_tolerance, 1e-9)
            dist = np.maximum(dx, dy)
            best = int(np.argmin(dist))
            if dist[best] <= 1.0:
                return self._point_hits[best]
        if len(boxes):
            inside = (boxes[:, 0] <= x) & (x <= boxes[:, 1]) & (boxes[:, 2] <= y) & (y <= boxes[:, 3])
            found = np.flatnonzero(inside)
            if len(found):
                index = int(found[-1])
                chunk = int(np.searchsorted(starts, index, side="right")) - 1
                return self._box_hits[chunk](index - int(starts[chunk]))
        return None

    def __len__(self) -> int:
        return sum(len(b) for b in self._boxes) + len(self._points)

    def _ensure(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._arrays is None:
            boxes = np.concatenate(self._boxes) if self._boxes else np.empty((0, 4))
            starts = np.cumsum([0] + [len(b) for b in self._boxes[:-1]]) if self._boxes else np.empty(0)
            points = np.asarray(self._points, dtype=float).reshape(-1, 2)
            self._arrays = (boxes, starts, points)
        return self._arrays
