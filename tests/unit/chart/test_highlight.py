"""Highlighted milestones: a halo behind each of their diamonds, and nothing else changes."""

from __future__ import annotations

from datetime import date

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from carveplan.chart.artists import HALO_COLOUR
from carveplan.chart.gantt import draw_gantt
from carveplan.engine.schedule import Schedule

TODAY = date(2029, 5, 1)


def _offsets(art: object, name: str) -> np.ndarray:
    return np.asarray(art.collections[name].get_offsets()).reshape(-1, 2)  # type: ignore[attr-defined]


def test_no_halo_without_highlight(fig: Figure, schedule: Schedule) -> None:
    art = draw_gantt(fig, schedule, today=TODAY)
    assert len(_offsets(art, "highlight")) == 0


def test_a_halo_sits_under_each_diamond_of_a_highlighted_milestone(fig: Figure, schedule: Schedule) -> None:
    art = draw_gantt(fig, schedule, today=TODAY, highlight=frozenset({"REG-1"}))
    expected = sorted((m.x, m.y) for m in art.milestones if m.milestone.milestone.id == "REG-1")
    assert expected
    assert sorted(map(tuple, _offsets(art, "highlight"))) == expected


def test_the_halo_is_drawn_behind_the_diamond_in_its_own_colour(fig: Figure, schedule: Schedule) -> None:
    art = draw_gantt(fig, schedule, today=TODAY, highlight=frozenset({"REG-1"}))
    halo, diamonds = art.collections["highlight"], art.collections["milestones"]
    assert halo.get_zorder() < diamonds.get_zorder()
    assert tuple(halo.get_facecolor()[0]) == to_rgba(HALO_COLOUR)
    assert halo.get_sizes()[0] > diamonds.get_sizes()[0]


def test_unknown_ids_highlight_nothing(fig: Figure, schedule: Schedule) -> None:
    art = draw_gantt(fig, schedule, today=TODAY, highlight=frozenset({"NOPE"}))
    assert len(_offsets(art, "highlight")) == 0
    assert len(_offsets(art, "milestones")) == len(art.milestones)
