"""Coverage on a hand-computed agreement: line and trade shares, averages, revenue, and a delayed sector."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from carveplan.engine.coverage import Status, coverage
from carveplan.engine.revenue import revenue_forgone
from carveplan.engine.trade_match import LineTrade, match_trade
from carveplan.model import TradeFlow, TradeSplit, TradeTable
from tests.helpers.trade import trade_agreement


def test_trade_is_matched_by_code_and_hs6_is_shared_equally() -> None:
    agreement = trade_agreement()
    assert agreement.trade is not None
    match = match_trade(agreement.lines, agreement.trade)
    values = {line: trade.value for line, trade in match.lines.items()}
    assert values == {"A1": 1000, "A2": 300, "A3": 100, "A4": 100, "A5": 100, "B1": 250}
    assert match.lines["A4"].shared
    assert not match.lines["A1"].shared
    assert [f.code for f in match.unmatched] == ["999999"]
    assert match.shared == 1


def test_the_line_split_gives_national_line_values_to_their_lines() -> None:
    flows = (
        TradeFlow("AAA", "BBB", "85176210", Decimal(30)),
        TradeFlow("AAA", "BBB", "85176290", Decimal(170)),
        TradeFlow("AAA", "BBB", "85176200", Decimal(10)),  # a national line the importer does not schedule
    )
    lines = trade_agreement().lines
    by_line = match_trade(lines, TradeTable("x", flows=flows, split=TradeSplit.LINE))
    assert {k: v.value for k, v in by_line.lines.items()} == {"A4": 30, "A5": 170}
    assert [f.code for f in by_line.unmatched] == ["85176200"]
    # The equal split pools the same file at HS6 and shares it: 210 / 2 each.
    equal = match_trade(lines, TradeTable("x", flows=flows, split=TradeSplit.EQUAL))
    assert {k: v.value for k, v in equal.lines.items()} == {"A4": 105, "A5": 105}


def test_a_flow_finer_than_a_heading_level_line_goes_to_that_line() -> None:
    lines = (replace(trade_agreement().lines[0], code="2709"),)
    match = match_trade(lines, TradeTable("x", flows=(TradeFlow("AAA", "BBB", "270900", Decimal(7)),)))
    assert match.lines["A1"].value == 7


def test_line_and_trade_shares_in_the_eif_year() -> None:
    row = coverage(trade_agreement()).row("AAA", 2027)
    assert row.agreement_year == 1
    assert row.lines == {Status.FREE: 2, Status.CUT: 2, Status.BASE: 0, Status.EXCLUDED: 1}
    assert row.line_share() == 40
    assert row.value == 1600  # the unmatched 50 is not counted; the equity cap is not a tariff line
    assert row.trade_share() == Decimal("68.75")  # (1000 + 100) / 1600
    assert row.trade_share(Status.EXCLUDED) == Decimal("6.25")


def test_simple_and_trade_weighted_average_rates() -> None:
    row = coverage(trade_agreement()).row("AAA", 2027)
    assert row.simple_average == Decimal("3.4")  # (0 + 8 + 5 + 4 + 0) / 5
    assert row.weighted_average == Decimal("2.0625")  # (300·8 + 100·5 + 100·4) / 1600


def test_static_revenue_forgone() -> None:
    cover = coverage(trade_agreement())
    # 2027: A1 1000 × 10 % + A2 300 × 2 % + A4 100 × 4 % = 100 + 6 + 4.
    assert cover.row("AAA", 2027).revenue_forgone == 110
    # 2031: A2 is free too: 100 + 30 + 4.
    assert cover.row("AAA", 2031).revenue_forgone == 134


def test_rows_by_sector_add_up_to_the_party() -> None:
    cover = coverage(trade_agreement())
    energy, telecom = cover.row("AAA", 2027, "energy"), cover.row("AAA", 2027, "telecommunications")
    assert (energy.line_count, energy.value) == (3, 1400)
    assert (telecom.line_count, telecom.value) == (2, 200)
    assert energy.revenue_forgone + telecom.revenue_forgone == cover.row("AAA", 2027).revenue_forgone
    assert cover.skipped == 1  # the equity cap


def test_years_run_from_eif_to_the_horizon() -> None:
    cover = coverage(trade_agreement())
    assert cover.years[0] == 2027
    assert cover.horizon_year == 2036
    assert cover.years[-1] >= 2036


def test_specific_duty_revenue_needs_a_quantity() -> None:
    trade = LineTrade(Decimal(1000), (("t", Decimal(2)),))
    # 4.4 ¢/kg cut to 2.6 ¢/kg on 2 t: 2000 kg × 1.8 ¢ = US$ 36.
    assert revenue_forgone("¢/kg", Decimal("4.4"), Decimal("2.6"), trade) == 36
    assert revenue_forgone("US$/100 kg", Decimal(3), Decimal(1), trade) == 40
    assert revenue_forgone("¢/kg", Decimal("4.4"), Decimal("2.6"), LineTrade(Decimal(1000))) is None
    assert revenue_forgone("€/kg", Decimal(2), Decimal(1), trade) is None  # no exchange rate
