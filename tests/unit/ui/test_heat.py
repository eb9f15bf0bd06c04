"""Heatmap colours and words: the ramp's ends, readable text, spreads and tooltips."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from carveplan.engine.divergence import DivergenceCell, SectorSpread, divergence
from carveplan.ui import heat
from tests.helpers.analysis import analysis_agreement


def test_the_ramp_runs_from_early_light_to_late_dark() -> None:
    assert heat.year_colour(2026, 2026, 2030) == heat.EARLY
    assert heat.year_colour(2030, 2026, 2030) == heat.LATE
    assert heat.year_colour(2028, 2026, 2030) == heat.mix(heat.EARLY, heat.LATE, 0.5)


def test_a_single_year_sits_mid_ramp() -> None:
    assert heat.year_colour(2027, 2027, 2027) == heat.mix(heat.EARLY, heat.LATE, 0.5)


@given(st.integers(2020, 2060), st.integers(0, 30))
def test_later_years_are_never_lighter(year: int, later: int) -> None:
    first, last = 2020, 2090

    def luminance(colour: str) -> int:
        return sum(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    assert luminance(heat.year_colour(year + later, first, last)) <= luminance(
        heat.year_colour(year, first, last)
    )


def test_text_stays_readable_on_both_ends() -> None:
    assert heat.text_colour(heat.EARLY) == heat.DARK_TEXT
    assert heat.text_colour(heat.LATE) == heat.LIGHT_TEXT
    assert heat.text_colour(heat.BLOCKED) == heat.LIGHT_TEXT


def test_year_range_ignores_blocked_and_empty_cells() -> None:
    matrix = divergence(analysis_agreement(), "late")
    assert heat.year_range(matrix) == (2026, 2029)  # telecommunications (BBB) is blocked


def test_spread_colour_grows_with_the_spread() -> None:
    assert heat.spread_colour(None, 5) == heat.SPREAD_NONE
    assert heat.spread_colour(0, 5) == heat.SPREAD_NONE
    assert heat.spread_colour(5, 5) == heat.SPREAD_WIDE


def test_spread_words() -> None:
    wide = SectorSpread("energy", ("AAA",), ("BBB",), 2026, 2033, ("CCC",))
    assert heat.spread_text(wide) == "7 years"
    assert heat.spread_tooltip(wide) == "Fastest: AAA (2026)\nSlowest: BBB (2033)\nNever (blocked): CCC"
    assert heat.spread_text(SectorSpread("energy", ("AAA",), ("AAA",), 2026, 2026)) == ""
    assert heat.spread_text(SectorSpread("energy", ("AAA", "BBB"), ("AAA", "BBB"), 2026, 2026)) == "same year"


def test_cell_tooltip_lists_counts_date_and_exceptions() -> None:
    cell = DivergenceCell("energy", "AAA", 4, 1, 1, 0, date(2029, 1, 1), ("EX1",), ("EX1",))
    assert heat.cell_tooltip(cell, "Energy", "Alpha").splitlines() == [
        "Alpha — Energy",
        "4 lines: 3 committed, 1 excluded",
        "1 partial (never fully liberalized)",
        "Final value reached on 2029-01-01",
        "Exceptions covering them: EX1",
        "Invoked in this scenario: EX1",
    ]


def test_cell_tooltip_of_an_empty_or_blocked_cell() -> None:
    empty = DivergenceCell("energy", "BBB", 0, 0, 0, 0, None)
    assert heat.cell_tooltip(empty, "Energy", "Beta") == "Beta has no lines in Energy"
    blocked = DivergenceCell("energy", "BBB", 2, 0, 0, 1, None)
    assert "1 blocked: never reach" in heat.cell_tooltip(blocked, "Energy", "Beta")
