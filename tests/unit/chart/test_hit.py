"""The hit index: boxes added one by one or in chunks, later boxes winning, markers first."""

from __future__ import annotations

import numpy as np
import pytest

from carveplan.chart.hit import Hit, HitIndex, HitKind


def _bars(count: int, y: float) -> tuple[np.ndarray, list[Hit]]:
    """``count`` side-by-side unit boxes on row ``y`` and the hit each stands for."""
    x0 = np.arange(count, dtype=float)
    boxes = np.column_stack((x0, x0 + 1, np.full(count, y - 0.3), np.full(count, y + 0.3)))
    hits = [Hit(HitKind.PHASE, f"L{y:g}", line=f"L{y:g}", phase=i) for i in range(count)]
    return boxes, hits


@pytest.mark.parametrize(("x", "y", "chunk", "bar"), [(4.5, 0.1, 0, 4), (3.5, 1.0, 1, 3)])
def test_a_box_in_either_chunk_maps_to_its_own_hit(x: float, y: float, chunk: int, bar: int) -> None:
    index = HitIndex()
    chunks = [_bars(5, 0.0), _bars(7, 1.0)]
    for boxes, hits in chunks:
        index.add_boxes(boxes, hits.__getitem__)
    assert index.find(x, y, 0.1) == chunks[chunk][1][bar]


def test_later_boxes_win_over_earlier_ones() -> None:
    index = HitIndex()
    band = Hit(HitKind.EXCEPTION, "", exception="EXC-1")
    index.add_box(10.0, 0.0, 2.0, -1.0, band)  # corners in any order
    boxes, hits = _bars(3, 0.0)
    index.add_boxes(boxes, hits.__getitem__)
    assert (index.find(1.5, 0.0, 0.1), index.find(5.0, 0.0, 0.1)) == (hits[1], band)


def test_markers_win_over_boxes() -> None:
    index = HitIndex()
    boxes, hits = _bars(3, 0.0)
    index.add_boxes(boxes, hits.__getitem__)
    marker = Hit(HitKind.MILESTONE, "energy/VNM", milestone="M-1")
    index.add_point(1.5, 0.0, marker)
    assert index.find(1.6, 0.05, 0.5) == marker


def test_nothing_there() -> None:
    index = HitIndex()
    boxes, hits = _bars(3, 0.0)
    index.add_boxes(boxes, hits.__getitem__)
    assert (index.find(9.0, 0.0, 0.1), len(index)) == (None, 3)


def test_empty_chunks_are_ignored() -> None:
    index = HitIndex()
    index.add_boxes(np.empty((0, 4)), lambda _i: Hit(HitKind.GROUP, "never"))
    boxes, hits = _bars(2, 0.0)
    index.add_boxes(boxes, hits.__getitem__)
    assert index.find(0.5, 0.0, 0.1) == hits[0]
