"""Milestone dates: due timings, delays, misses, actual dates, dependencies and named cycles."""

from __future__ import annotations

from datetime import date

from carveplan.engine import resolve
from carveplan.model import MilestoneDelay, MilestoneMissed, MilestoneStatus, Scenario
from tests.unit.engine.conftest import agreement, milestone


def test_due_timings_resolve_including_milestone_relative_ones() -> None:
    deal = agreement(milestones=(milestone("REG-1", "EIF+6m"), milestone("DATA-2", "M:REG-1+3m")))
    schedule = resolve(deal)
    assert schedule.milestone("REG-1").date == date(2012, 9, 15)
    assert schedule.milestone("DATA-2").due == date(2012, 12, 15)
    assert schedule.milestone("DATA-2").date == date(2012, 12, 15)


def test_a_milestone_waits_for_what_it_depends_on() -> None:
    deal = agreement(milestones=(milestone("LATE", "Y3"), milestone("EARLY", "EIF+1m", depends_on=("LATE",))))
    early = resolve(deal).milestone("EARLY")
    assert early.due == date(2012, 4, 15)
    assert early.date == date(2014, 1, 1)


def test_scenario_delays_add_up_and_missed_blocks_downstream() -> None:
    deal = agreement(
        milestones=(
            milestone("REG-1", "EIF+6m"),
            milestone("DATA-2", "EIF+1m", depends_on=("REG-1",)),
            milestone("LIC-3", "M:DATA-2+1m"),
        ),
        scenarios=(
            Scenario("late", overrides=(MilestoneDelay("REG-1", 2), MilestoneDelay("REG-1", 1))),
            Scenario("missed", overrides=(MilestoneMissed("REG-1"),)),
        ),
    )
    late = resolve(deal, "late")
    assert late.milestone("REG-1").date == date(2012, 12, 15)
    assert late.milestone("REG-1").delay_months == 3
    assert late.milestone("LIC-3").date == date(2013, 1, 15)
    missed = resolve(deal, "missed")
    assert missed.milestone("REG-1").date is None
    assert missed.milestone("REG-1").blocked_by == ("REG-1",)
    assert missed.milestone("DATA-2").blocked_by == ("REG-1",)
    assert missed.milestone("LIC-3").blocked_by == ("REG-1",)
    assert missed.milestone("LIC-3").date is None


def test_status_missed_and_actual_dates() -> None:
    deal = agreement(
        milestones=(
            milestone("GONE", status=MilestoneStatus.MISSED),
            milestone("DONE", "Y4", status=MilestoneStatus.VERIFIED, actual=date(2013, 2, 1)),
            milestone("NODATE", "EIF+2m", status=MilestoneStatus.ACHIEVED),
        )
    )
    schedule = resolve(deal)
    assert schedule.milestone("GONE").date is None
    assert schedule.milestone("DONE").date == date(2013, 2, 1)
    assert schedule.milestone("NODATE").date == date(2012, 5, 15)


def test_cycles_are_named_and_blocked_and_resolution_goes_on() -> None:
    deal = agreement(
        milestones=(
            milestone("OK", "EIF"),
            milestone("REG-1", depends_on=("DATA-2",)),
            milestone("DATA-2", "M:REG-1+1m"),
            milestone("AFTER", depends_on=("DATA-2", "OK")),
            milestone("SELF", depends_on=("SELF",)),
        )
    )
    schedule = resolve(deal)
    cycles = [p.message for p in schedule.problems if p.code == "milestone-cycle"]
    assert len(cycles) == 2
    assert "REG-1 -> DATA-2 -> REG-1" in cycles[0]
    assert "SELF -> SELF" in cycles[1]
    assert schedule.milestone("REG-1").date is None
    assert schedule.milestone("AFTER").date is None
    assert set(schedule.milestone("AFTER").blocked_by) == {"REG-1", "DATA-2"}
    assert schedule.milestone("OK").date == date(2012, 3, 15)


def test_unknown_dependencies_block_and_are_reported() -> None:
    deal = agreement(milestones=(milestone("A", depends_on=("NOPE",)), milestone("B", "M:GHOST")))
    schedule = resolve(deal)
    assert schedule.milestone("A").blocked_by == ("NOPE",)
    assert schedule.milestone("B").date is None
    assert [p.code for p in schedule.problems] == ["unknown-milestone", "unknown-milestone"]


def test_a_long_chain_does_not_recurse() -> None:
    chain = [milestone("M0", "EIF")] + [milestone(f"M{i}", f"M:M{i - 1}+1d") for i in range(1, 3000)]
    schedule = resolve(agreement(milestones=tuple(reversed(chain))))
    assert schedule.milestone("M2999").date == date(2020, 5, 31)
