"""Renaming a key carries every reference along, and leaves untouched records as they were."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from carveplan.model import (
    Agreement,
    ExceptionInvoked,
    Gate,
    Line,
    Milestone,
    MilestoneDelay,
    Offset,
    Party,
    Phase,
    RecordKind,
    ReviewClause,
    Scenario,
    SecurityException,
    Timing,
    TradeFlow,
    TradeTable,
)
from carveplan.model.rename import rename

AGREEMENT = Agreement(
    title="Rename",
    eif=date(2027, 1, 1),
    parties=(Party("VNM", "Viet Nam"), Party("AUS", "Australia")),
    lines=(
        Line("L-1", "VNM", "energy", "271111", gates=(Gate("REG-1"),), category="B5", base=Decimal(5)),
        Line(
            "L-2",
            "VNM",
            "telecommunications",
            "752",
            phases=(Phase(Timing.after_milestone("REG-1", Offset(6)), Decimal(49), gates=(Gate("REG-1"),)),),
        ),
        Line("L-3", "AUS", "energy", "270900", category="A"),
    ),
    milestones=(
        Milestone("REG-1", "VNM", "Alignment", Timing.eif()),
        Milestone("DATA-1", "VNM", "Data", Timing.after_milestone("REG-1"), depends_on=("REG-1",)),
    ),
    exceptions=(
        SecurityException(
            "EXC-1",
            "VNM",
            scope_sectors=("energy",),
            scope_lines=("L-2",),
            sunset=Timing.after_milestone("REG-1"),
        ),
    ),
    reviews=(ReviewClause("REV", "Review", Timing.after_milestone("REG-1", Offset(12))),),
    scenarios=(
        Scenario(
            "late",
            overrides=(
                MilestoneDelay("REG-1", 12),
                ExceptionInvoked("EXC-1", Timing.after_milestone("REG-1"), 24),
            ),
        ),
    ),
)


def test_renaming_a_milestone_follows_gates_timings_dependencies_and_overrides() -> None:
    after = rename(AGREEMENT, RecordKind.MILESTONES, "REG-1", "REG-A")
    assert after.milestones[0].id == "REG-A"
    assert after.lines[0].gates == (Gate("REG-A"),)
    assert after.lines[1].phases[0].start == Timing.after_milestone("REG-A", Offset(6))
    assert after.lines[1].phases[0].gates == (Gate("REG-A"),)
    assert after.milestones[1].depends_on == ("REG-A",)
    assert after.milestones[1].due == Timing.after_milestone("REG-A")
    assert after.exceptions[0].sunset == Timing.after_milestone("REG-A")
    assert after.reviews[0].first == Timing.after_milestone("REG-A", Offset(12))
    delay, invoked = after.scenarios[0].overrides
    assert delay == MilestoneDelay("REG-A", 12)
    assert isinstance(invoked, ExceptionInvoked)
    assert invoked.start == Timing.after_milestone("REG-A")
    assert after.lines[2] is AGREEMENT.lines[2]  # untouched records are the same objects


def test_renaming_a_party_sector_line_exception_and_category() -> None:
    after = rename(AGREEMENT, RecordKind.PARTIES, "VNM", "VN")
    assert {x.party for x in after.lines} == {"VN", "AUS"}
    assert after.milestones[0].party == "VN"
    assert after.exceptions[0].party == "VN"
    after = rename(AGREEMENT, RecordKind.SECTORS, "energy", "power")
    assert [x.sector for x in after.lines] == ["power", "telecommunications", "power"]
    assert after.exceptions[0].scope_sectors == ("power",)
    assert rename(AGREEMENT, RecordKind.LINES, "L-2", "L-20").exceptions[0].scope_lines == ("L-20",)
    invoked = rename(AGREEMENT, RecordKind.EXCEPTIONS, "EXC-1", "XXI").scenarios[0].overrides[1]
    assert isinstance(invoked, ExceptionInvoked)
    assert invoked.exception == "XXI"


def test_renaming_nothing_or_an_unknown_key_changes_nothing() -> None:
    assert rename(AGREEMENT, RecordKind.MILESTONES, "REG-1", "REG-1") is AGREEMENT
    assert rename(AGREEMENT, RecordKind.MILESTONES, "NOPE", "X") is AGREEMENT


def test_renaming_a_party_renames_it_in_the_trade_table() -> None:
    flows = (TradeFlow("VNM", "AUS", "271111", Decimal(5)), TradeFlow("AUS", "VNM", "2709", Decimal(7)))
    agreement = replace(AGREEMENT, trade=TradeTable("test", 2023, flows=flows))
    renamed = rename(agreement, RecordKind.PARTIES, "VNM", "VN")
    assert renamed.trade is not None
    assert [(f.importer, f.partner) for f in renamed.trade.flows] == [("VN", "AUS"), ("AUS", "VN")]
