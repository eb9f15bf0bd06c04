"""Rectangles by kind: chunks kept in order, corners for a PolyCollection, colours mixed with white."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from carveplan.chart.bars import Rects, lighten, lighten_many

_unit = st.floats(0.0, 1.0)


@given(st.tuples(_unit, _unit, _unit, _unit), _unit)
def test_lighten_many_agrees_with_lighten(colour: tuple[float, float, float, float], share: float) -> None:
    many = lighten_many(np.array([colour]), np.array([share]))[0]
    assert np.allclose(many, lighten(colour, share))


def test_one_share_for_all_rows_keeps_alpha() -> None:
    colours = np.array([[0.0, 0.0, 0.0, 0.5], [1.0, 0.5, 0.0, 1.0]])
    assert lighten_many(colours, 0.5).tolist() == [[0.5, 0.5, 0.5, 0.5], [1.0, 0.75, 0.5, 1.0]]


def _rects() -> Rects:
    rects = Rects()
    rects.add(0.0, 1.0, 2.0, 3.0, (1.0, 0.0, 0.0, 1.0))
    rects.extend(
        np.array([4.0, 6.0]), np.array([5.0, 7.0]), np.zeros(2), np.ones(2), np.array([[0, 0, 1, 1]])
    )
    return rects


def test_rects_keep_the_order_they_were_added_in() -> None:
    rects = _rects()
    assert (len(rects), rects.column(0).tolist()) == (3, [0.0, 4.0, 6.0])


def test_a_single_colour_is_spread_over_its_chunk() -> None:
    assert _rects().colours().tolist() == [[1, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 1]]


def test_corners_go_round_each_rectangle() -> None:
    corners = _rects().verts()[0].tolist()
    assert corners == [[0.0, 2.0], [0.0, 3.0], [1.0, 3.0], [1.0, 2.0]]


def test_no_rectangles() -> None:
    rects = Rects()
    assert (len(rects), rects.verts().shape, rects.colours().shape) == (0, (0, 4, 2), (0, 4))
