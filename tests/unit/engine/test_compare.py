"""Scenario comparison: final dates, delays, causes and sector summaries on a hand-built agreement."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.engine.compare import EIF_CAUSE, Change, compare, compare_schedules, months_between
from carveplan.engine.dates import add_months
from carveplan.engine.resolve import resolve
from carveplan.model import MilestoneMissed, Scenario
from tests.helpers.analysis import analysis_agreement


def test_a_delayed_gate_delays_the_line_by_days_and_months() -> None:
    entry = compare(analysis_agreement(), "late").line("L6")
    assert (entry.against_final, entry.final) == (date(2026, 7, 1), date(2028, 7, 1))
    assert (entry.delay_days, entry.delay_months) == (731, 24)
    assert entry.change is Change.DELAYED
    assert entry.chain == ("M1",)
    assert entry.causes == ("M1",)


def test_a_gate_that_starts_binding_delays_by_the_part_past_the_nominal_date() -> None:
    entry = compare(analysis_agreement(), "late").line("L1")
    assert (entry.delay_days, entry.delay_months) == (181, 6)
    assert entry.causes == ("M1",)


def test_unchanged_lines_have_no_delay_and_no_causes() -> None:
    entry = compare(analysis_agreement(), "late").line("L2")
    assert entry.change is Change.UNCHANGED
    assert (entry.delay_days, entry.delay_months, entry.causes) == (0, 0, ())


def test_a_missed_milestone_blocks_the_line_in_the_scenario_only() -> None:
    entry = compare(analysis_agreement(), "late").line("L3")
    assert entry.change is Change.NEWLY_BLOCKED
    assert entry.blocked
    assert not entry.against_blocked
    assert (entry.final, entry.against_final) == (None, date(2026, 1, 1))
    assert entry.delay_days is None
    assert entry.causes == ("M2",)


def test_an_exception_window_is_named_as_the_cause() -> None:
    entry = compare(analysis_agreement(), "sanctions").line("L5")
    assert (entry.delay_days, entry.delay_months) == (151, 5)
    assert entry.causes == ("EX1",)
    assert entry.chain == ()


def test_moving_entry_into_force_is_named_as_the_cause() -> None:
    comparison = compare(analysis_agreement(), "eif later")
    assert comparison.line("L2").causes == (EIF_CAUSE,)
    assert comparison.line("L2").delay_months == 12
    assert comparison.line("L6").causes == (EIF_CAUSE, "M1")


def test_excluded_lines_are_left_out() -> None:
    comparison = compare(analysis_agreement(), "late")
    with pytest.raises(KeyError):
        comparison.line("L4")


def test_lines_are_grouped_by_sector_and_sorted_by_delay() -> None:
    comparison = compare(analysis_agreement(), "late")
    assert [e.line.id for e in comparison.lines] == ["L6", "L1", "L2", "L3", "L5"]


def test_sector_summary_counts_delays_and_blocked_lines() -> None:
    energy, telecom, minerals = compare(analysis_agreement(), "late").sectors
    assert (energy.sector, energy.name, energy.lines) == ("energy", "Energy", 3)
    assert (energy.delayed, energy.earlier, energy.max_delay_days) == (2, 0, 731)
    assert energy.mean_delay_days == 456.0
    assert (telecom.blocked, telecom.newly_blocked, telecom.against_blocked, telecom.unblocked) == (
        1,
        1,
        0,
        0,
    )
    assert (minerals.delayed, minerals.max_delay_days, minerals.mean_delay_days) == (0, 0, 0.0)


def test_against_another_scenario_lines_can_be_earlier_and_unblocked() -> None:
    comparison = compare(analysis_agreement(), "eif later", against="late")
    assert comparison.against.scenario == "late"
    l6 = comparison.line("L6")
    assert l6.change is Change.EARLIER
    assert (l6.delay_days, l6.delay_months) == (-304, -10)
    l3 = comparison.line("L3")
    assert l3.change is Change.UNBLOCKED
    assert l3.against_blocked
    assert not l3.blocked
    telecom = comparison.sectors[1]
    assert (telecom.unblocked, telecom.against_blocked, telecom.blocked) == (1, 1, 0)
    energy = comparison.sectors[0]
    assert (energy.delayed, energy.earlier, energy.max_delay_days, energy.mean_delay_days) == (
        2,
        1,
        365,
        274.5,
    )


def test_a_line_blocked_in_both_scenarios() -> None:
    agreement = analysis_agreement()
    agreement = replace(
        agreement, scenarios=(*agreement.scenarios, Scenario("m2", overrides=(MilestoneMissed("M2"),)))
    )
    entry = compare(agreement, "late", against="m2").line("L3")
    assert entry.change is Change.BLOCKED_IN_BOTH
    assert entry.blocked
    assert entry.against_blocked
    assert [e.line.id for e in compare(agreement, "late", against="m2").lines][-2:] == ["L3", "L5"]


def test_compare_schedules_takes_already_resolved_schedules() -> None:
    agreement = analysis_agreement()
    direct = compare_schedules(resolve(agreement, "sanctions"), resolve(agreement, None))
    assert direct.lines == compare(agreement, "sanctions").lines


def test_an_unknown_scenario_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="nope"):
        compare(analysis_agreement(), "nope")


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2025, 1, 31), date(2025, 2, 28), 1),
        (date(2025, 1, 15), date(2025, 2, 14), 0),
        (date(2025, 1, 15), date(2025, 2, 15), 1),
        (date(2025, 3, 1), date(2024, 3, 1), -12),
    ],
)
def test_months_between_counts_whole_calendar_months(start: date, end: date, months: int) -> None:
    assert months_between(start, end) == months


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 20000))
def test_months_between_is_the_largest_whole_month_count(start: date, days: int) -> None:
    end = date.fromordinal(start.toordinal() + days)
    months = months_between(start, end)
    assert add_months(start, months) <= end < add_months(start, months + 1)
    assert months_between(end, start) == -months
