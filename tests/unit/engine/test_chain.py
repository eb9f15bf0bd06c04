"""The critical chain: binding gates, their upstream dependencies, slack, and blocked lines."""

from __future__ import annotations

from decimal import Decimal

import pytest

from carveplan.engine import critical_chain, resolve
from carveplan.model import Gate, MilestoneMissed, Offset, Phase, Scenario
from tests.unit.engine.conftest import agreement, line, milestone, timing

MILESTONES = (
    milestone("CAP-0", "EIF+1m"),
    milestone("REG-1", "EIF+2m", depends_on=("LAW-0",)),
    milestone("LAW-0", "2014-06-01"),
    milestone("DATA-2", "M:REG-1+3m"),
    milestone("EARLY", "EIF+1m"),
)


def phase(start: str, value: str, *gates: Gate) -> Phase:
    return Phase(timing(start), Decimal(value), gates=gates)


def test_a_binding_gate_brings_its_binding_dependencies() -> None:
    gated = line("G", base="9", phases=(phase("Y1", "6"), phase("Y2", "3"), phase("Y3", "0", Gate("DATA-2"))))
    schedule = resolve(agreement(milestones=MILESTONES, lines=(gated,)))
    chain = critical_chain(schedule, "G")
    assert chain.line == "G"
    # DATA-2 hangs off REG-1, which waits for LAW-0; CAP-0 plays no part.
    assert chain.milestones == ("LAW-0", "REG-1", "DATA-2")
    assert chain.slack_days == 0


def test_a_gate_that_is_not_binding_leaves_slack() -> None:
    relaxed = line("R", base="9", phases=(phase("Y3", "0", Gate("EARLY", Offset(1))),))
    chain = critical_chain(resolve(agreement(milestones=MILESTONES, lines=(relaxed,))), "R")
    assert chain.milestones == ()
    # EARLY + 1 month is 15 May 2012; year 3 starts 1 January 2014.
    assert chain.slack_days == 596


def test_an_early_gate_carries_through_a_prev_chain() -> None:
    chained = line(
        "P",
        base="9",
        phases=(phase("Y2", "6", Gate("LAW-0")), phase("prev+1y", "3"), phase("prev+1y", "0")),
    )
    chain = critical_chain(resolve(agreement(milestones=MILESTONES, lines=(chained,))), "P")
    assert chain.milestones == ("LAW-0",)
    assert chain.slack_days == 0


def test_a_milestone_anchored_phase_is_on_the_chain_with_no_slack() -> None:
    anchored = line("M", base="9", phases=(phase("Y2", "5"), phase("M:DATA-2+6m", "0", Gate("EARLY"))))
    chain = critical_chain(resolve(agreement(milestones=MILESTONES, lines=(anchored,))), "M")
    assert chain.milestones == ("LAW-0", "REG-1", "DATA-2")
    # EARLY is years ahead, but DATA-2 sets the start itself: any slip of it moves the line.
    assert chain.slack_days == 0


def test_plain_and_blocked_lines() -> None:
    plain = line("A", base="9", category="B5")
    gated = line("G", base="9", category="B2", gates=(Gate("DATA-2"),))
    deal = agreement(
        milestones=MILESTONES,
        lines=(plain, gated),
        scenarios=(Scenario("missed", overrides=(MilestoneMissed("LAW-0"),)),),
    )
    assert critical_chain(resolve(deal), "A").milestones == ()
    assert critical_chain(resolve(deal), "A").slack_days is None
    blocked = critical_chain(resolve(deal, "missed"), "G")
    assert blocked.milestones == ("LAW-0",)
    assert blocked.slack_days is None
    with pytest.raises(KeyError):
        critical_chain(resolve(deal), "NOPE")
