"""Divergence matrix: final years, carve-out counts, exceptions and spreads per sector and party."""

from __future__ import annotations

from datetime import date

import pytest

from carveplan.engine.divergence import divergence, divergence_of, is_partial
from carveplan.engine.resolve import resolve
from carveplan.model import (
    Agreement,
    ExceptionInvoked,
    Gate,
    Milestone,
    MilestoneMissed,
    Party,
    Scenario,
    SecurityException,
    Timing,
    parse_timing,
)
from tests.helpers.analysis import phase, tariff


def three_parties() -> Agreement:
    """AAA opens energy by 2029, BBB by 2026 with one line excluded, CCC by 2026 only partially."""
    lines = (
        tariff("A1", "AAA", "energy", phase("Y1", "5"), phase("Y3", "0")),
        tariff("A2", "AAA", "energy", category="5 Years"),
        tariff("A3", "AAA", "telecommunications", phase("Y1", "5"), phase("Y2", "0", Gate("MA"))),
        tariff("B1", "BBB", "energy", phase("Y2", "0")),
        tariff("B2", "BBB", "energy", category="EXCL"),
        tariff("C1", "CCC", "energy", phase("Y1", "5"), phase("Y2", "2.5")),
        tariff("X1", "CCC", "space", category="A"),
    )
    exceptions = (
        SecurityException("EX-A", "AAA", scope_sectors=("energy",)),
        SecurityException("EX-B", "BBB", scope_lines=("B1",)),
        SecurityException("EX-C", "CCC", scope_sectors=("telecommunications",)),
    )
    scenarios = (
        Scenario("sanctions", overrides=(ExceptionInvoked("EX-A", Timing.on(date(2025, 6, 1)), 48),)),
        Scenario("missed", overrides=(MilestoneMissed("MA"),)),
    )
    return Agreement(
        title="Three parties",
        eif=date(2025, 1, 1),
        parties=(Party("AAA", "Alpha"), Party("BBB", "Beta"), Party("CCC", "Gamma")),
        lines=lines,
        milestones=(Milestone("MA", "AAA", "Alignment", parse_timing("EIF+3m")),),
        exceptions=exceptions,
        scenarios=scenarios,
    )


def test_axes_follow_the_agreement_and_add_sectors_only_lines_name() -> None:
    matrix = divergence(three_parties())
    assert [s.id for s in matrix.sectors] == ["energy", "telecommunications", "critical_minerals", "space"]
    assert matrix.parties == ("AAA", "BBB", "CCC")
    assert len(matrix.cells) == 12
    assert matrix.scenario == "baseline"


def test_the_year_is_the_latest_final_date_of_the_partys_lines() -> None:
    matrix = divergence(three_parties())
    cell = matrix.cell("energy", "AAA")
    assert (cell.lines, cell.excluded, cell.partial, cell.blocked) == (2, 0, 0, 0)
    assert (cell.final_date, cell.final_year) == (date(2029, 1, 1), 2029)


def test_excluded_lines_are_counted_and_do_not_set_the_year() -> None:
    cell = divergence(three_parties()).cell("energy", "BBB")
    assert (cell.lines, cell.excluded, cell.committed) == (2, 1, 1)
    assert cell.final_year == 2026


def test_lines_stopping_short_of_zero_are_partial() -> None:
    cell = divergence(three_parties()).cell("energy", "CCC")
    assert (cell.partial, cell.final_year) == (1, 2026)
    schedule = resolve(three_parties())
    assert is_partial(schedule.line("C1"))
    assert not is_partial(schedule.line("A1"))
    assert not is_partial(schedule.line("B2"))  # excluded is not partial


def test_exceptions_covering_a_sector_or_named_lines() -> None:
    matrix = divergence(three_parties())
    assert matrix.cell("energy", "AAA").exceptions == ("EX-A",)
    assert matrix.cell("energy", "BBB").exceptions == ("EX-B",)
    assert matrix.cell("energy", "CCC").exceptions == ()
    assert matrix.cell("telecommunications", "CCC").exceptions == ("EX-C",)
    assert matrix.cell("energy", "AAA").invoked == ()


def test_an_invoked_exception_is_marked_and_moves_the_year() -> None:
    cell = divergence(three_parties(), "sanctions").cell("energy", "AAA")
    assert cell.invoked == ("EX-A",)
    # Y3 (2027-01-01) falls inside the window to 2029-06-01; A2's last cut (2029-01-01) too.
    assert cell.final_date == date(2029, 6, 1)


def test_spread_between_the_fastest_and_the_slowest_party() -> None:
    spread = divergence(three_parties()).spreads[0]
    assert spread.sector == "energy"
    assert (spread.fastest, spread.slowest) == (("BBB", "CCC"), ("AAA",))
    assert (spread.first_year, spread.last_year, spread.spread_years) == (2026, 2029, 3)
    assert spread.blocked == ()


def test_a_blocked_line_leaves_the_cell_without_a_year_and_is_listed_in_the_spread() -> None:
    matrix = divergence(three_parties(), "missed")
    cell = matrix.cell("telecommunications", "AAA")
    assert (cell.blocked, cell.final_date) == (1, None)
    spread = matrix.spreads[1]
    assert spread.blocked == ("AAA",)
    assert (spread.fastest, spread.spread_years) == ((), None)


def test_a_sector_with_one_dated_party_has_no_spread() -> None:
    matrix = divergence(three_parties())
    spread = matrix.spreads[1]
    assert (spread.fastest, spread.slowest, spread.spread_years) == (("AAA",), ("AAA",), 0)
    assert matrix.spreads[2].spread_years is None  # no lines at all


def test_rows_are_the_cells_of_one_sector_in_party_order() -> None:
    matrix = divergence(three_parties())
    assert [c.party for c in matrix.row("space")] == ["AAA", "BBB", "CCC"]
    assert [c.lines for c in matrix.row("space")] == [0, 0, 1]


def test_divergence_of_a_resolved_schedule_matches() -> None:
    agreement = three_parties()
    assert divergence_of(resolve(agreement, "missed")) == divergence(agreement, "missed")


def test_an_unknown_cell_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="ZZZ"):
        divergence(three_parties()).cell("energy", "ZZZ")
