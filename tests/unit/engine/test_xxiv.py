"""The Article XXIV verdict: thresholds and horizon as settings, blockers largest trade first."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from carveplan.engine.coverage import Status, coverage
from carveplan.engine.xxiv import verdicts
from carveplan.model import CoverageTest
from tests.helpers.trade import trade_agreement


def test_the_default_test_fails_a_party_short_of_ninety_percent() -> None:
    aaa, bbb = verdicts(coverage(trade_agreement()))
    assert (aaa.party, aaa.year) == ("AAA", 2036)
    assert aaa.line_share == 60  # A1, A2, A5 of five lines
    assert aaa.trade_share == Decimal("87.5")  # 1400 of 1600
    assert (aaa.lines_pass, aaa.trade_pass, aaa.passes, aaa.label) == (False, False, False, "fail")
    assert (bbb.line_share, bbb.trade_share, bbb.label) == (100, 100, "pass")


def test_blockers_are_listed_largest_trade_first() -> None:
    aaa = verdicts(coverage(trade_agreement()))[0]
    blockers = [(b.line.id, b.status, b.value, b.rate) for b in aaa.blockers]
    # Both carry 100; the tie is broken by code.
    assert blockers == [("A3", Status.EXCLUDED, 100, 5), ("A4", Status.CUT, 100, 4)]


def test_thresholds_are_settings() -> None:
    agreement = replace(trade_agreement(), coverage_test=CoverageTest(Decimal(60), Decimal("87.5"), 10))
    aaa = verdicts(coverage(agreement))[0]
    assert aaa.passes


def test_the_horizon_is_a_setting() -> None:
    # By the end of year 3 (2029) A2 is still at 4: two lines of five, 1100 of 1600 free.
    cover = coverage(trade_agreement(), test=CoverageTest(Decimal(40), Decimal(60), 3))
    aaa = verdicts(cover)[0]
    assert aaa.year == 2029
    assert (aaa.line_share, aaa.trade_share) == (40, Decimal("68.75"))
    assert aaa.passes
    assert [b.line.id for b in aaa.blockers] == ["A2", "A3", "A4"]


def test_without_trade_data_only_lines_are_assessed() -> None:
    agreement = replace(trade_agreement(), trade=None, coverage_test=CoverageTest(Decimal(60)))
    aaa = verdicts(coverage(agreement))[0]
    assert aaa.trade_share is None
    assert aaa.trade_pass is None
    assert aaa.label == "pass (lines only)"


def test_a_scenario_that_delays_the_energy_sector() -> None:
    agreement = trade_agreement()
    baseline = coverage(agreement)
    late = coverage(agreement, "energy late")
    # Baseline: A2 free from 2031. Late: its gate opens six years after EIF, all cuts land in 2033.
    assert baseline.row("AAA", 2031, "energy").lines[Status.FREE] == 1 + 1
    assert late.row("AAA", 2031, "energy").lines[Status.BASE] == 1
    assert late.row("AAA", 2031).trade_share() == Decimal("68.75")
    assert late.row("AAA", 2033).trade_share() == Decimal("87.5")
    assert late.row("AAA", 2031).revenue_forgone == 104  # A2 forgoes nothing while held at base
    # Held at base until 2033, A2 costs the test nothing at year 10 but blocks year 5.
    five = CoverageTest(Decimal(60), Decimal(80), 5)
    assert verdicts(coverage(agreement, test=five))[0].passes
    late_five = verdicts(coverage(agreement, "energy late", test=five))[0]
    assert not late_five.passes
    assert late_five.blockers[0].line.id == "A2"
    assert late_five.blockers[0].status is Status.BASE
