"""The deck's tables as rows: key milestones, and a scenario against the baseline."""

from __future__ import annotations

from dataclasses import replace

from carveplan.engine import compare, resolve
from carveplan.io.present.tables import (
    MAX_MILESTONE_ROWS,
    MILESTONE_HEADER,
    comparison_rows,
    key_milestones,
    most_delayed,
    moved_events,
)
from carveplan.model import Milestone, parse_timing
from tests.helpers.plans import DELAY, MISSED, partnership


def test_key_milestones_are_those_phases_wait_for_in_date_order() -> None:
    rows, candidates = key_milestones(resolve(partnership(), DELAY))
    assert candidates == 3
    assert [row[0] for row in rows] == ["TR-1", "REG-1", "VER-1"]
    regulator = dict(zip(MILESTONE_HEADER, rows[1], strict=True))
    assert regulator["Due"] == "15 Sep 2027"
    assert regulator["Expected"] == "15 Sep 2028 (+12 m)"


def test_milestones_nothing_waits_for_are_left_out_and_the_table_is_capped() -> None:
    extra = tuple(
        Milestone(f"CB-{i}", "VNM", "Capacity building", parse_timing(f"EIF+{i}m")) for i in range(1, 20)
    )
    agreement = replace(partnership(), milestones=partnership().milestones + extra)
    rows, candidates = key_milestones(resolve(agreement))
    assert candidates == 3  # the capacity-building milestones gate nothing
    alone = replace(agreement, lines=())
    rows, candidates = key_milestones(resolve(alone))
    assert (len(rows), candidates) == (MAX_MILESTONE_ROWS, 22)


def test_missed_verification_blocks_the_mobile_line() -> None:
    comparison = compare(partnership(), MISSED)
    rows = {row[0]: row for row in comparison_rows(comparison)}
    assert rows["Telecommunications"][5] == "1"  # newly blocked
    assert most_delayed(comparison) == ["752 Mobile services (VNM): never reaches its final value — VER-1"]
    events = moved_events(resolve(partnership(), MISSED), resolve(partnership()))
    assert events == ["2 phases can no longer start.", "Milestone VER-1 (VNM) is missed."]


def test_a_late_regulator_moves_phases_and_milestones_but_no_final_date() -> None:
    assert most_delayed(compare(partnership(), DELAY)) == []
    events = moved_events(resolve(partnership(), DELAY), resolve(partnership()))
    assert events[0] == "3 phases start later, by up to 12 months."
    assert "Milestone REG-1 (VNM): 15 Sep 2027 → 15 Sep 2028." in events
