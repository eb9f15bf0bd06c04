"""What lies under a point of the chart: the app's click and hover use it."""

from __future__ import annotations

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
    """Rectangles and points with what they stand for, searched in drawing order reversed."""

    _boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    _box_hits: list[Hit | tuple[HitKind, str, str, int | None]] = field(default_factory=list)
    _points: list[tuple[float, float]] = field(default_factory=list)
    _point_hits: list[Hit] = field(default_factory=list)
    _arrays: tuple[np.ndarray, np.ndarray] | None = None

    def add_box(self, x0: float, x1: float, y0: float, y1: float, hit: Hit) -> None:
        """Record a rectangle (data units); later boxes win over earlier ones."""
        self._boxes.append((min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)))
        self._box_hits.append(hit)
        self._arrays = None

    def add_bar(
        self,
        x0: float,
        x1: float,
        y0: float,
        y1: float,
        kind: HitKind,
        row: str,
        line: str,
        phase: int | None,
    ) -> None:
        """Record a bar span; its :class:`Hit` is made only when found (there can be tens of thousands)."""
        self._boxes.append((x0, x1, y0, y1))
        self._box_hits.append((kind, row, line, phase))
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
        boxes, points = self._ensure()
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
                hit = self._box_hits[int(found[-1])]
                if isinstance(hit, tuple):
                    kind, row, line, phase = hit
                    return Hit(kind, row, line=line, phase=phase)
                return hit
        return None

    def __len__(self) -> int:
        return len(self._boxes) + len(self._points)

    def _ensure(self) -> tuple[np.ndarray, np.ndarray]:
        if self._arrays is None:
            boxes = np.asarray(self._boxes, dtype=float).reshape(-1, 4)
            points = np.asarray(self._points, dtype=float).reshape(-1, 2)
            self._arrays = (boxes, points)
        return self._arrays
