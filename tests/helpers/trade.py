"""A small agreement with trade, worked out by hand, for the coverage tests.

Importer AAA (EIF 1 January 2027), tariff lines and the imports (US$) each carries:

| line | code | sector | base | staging | rate 2027 | trade |
|---|---|---|---|---|---|---|
| A1 | 270900 | energy | 10 | A (free at EIF) | 0 | 600 from BBB + 400 from CCC = 1000 |
| A2 | 271012 | energy | 10 | B5, gated by milestone REG | 8, 6, 4, 2, 0 (2031) | 300 |
| A3 | 271111 | energy | 5 | EXCL | 5 | 100 |
| A4 | 85176210 | telecommunications | 8 | cut to 4 at EIF, stays | 4 | half of HS6 851762 (200) = 100 |
| A5 | 85176290 | telecommunications | 0 (MFN free) | A | 0 | the other half = 100 |

Plus an equity cap (not a tariff line) and a flow under 999999 that matches no line. BBB has one
line, B1 (270900, base 5, free at EIF), and imports 250 from AAA under 270900.
Scenario ``energy late``: milestone REG is met six years late, so A2 is not cut before 2033.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carveplan.model import (
    Agreement,
    Gate,
    Line,
    MeasureKind,
    Milestone,
    MilestoneDelay,
    Party,
    Phase,
    Scenario,
    TradeFlow,
    TradeTable,
    parse_timing,
)


def _line(
    line_id: str, party: str, sector: str, code: str, base: str, category: str = "", **kw: object
) -> Line:
    return Line(line_id, party, sector, code, f"line {line_id}", base=Decimal(base), category=category, **kw)  # type: ignore[arg-type]


def trade_agreement() -> Agreement:
    """The agreement of the module docstring."""
    lines = (
        _line("A1", "AAA", "energy", "270900", "10", "A"),
        _line("A2", "AAA", "energy", "271012", "10", "B5", gates=(Gate("REG"),)),
        _line("A3", "AAA", "energy", "271111", "5", "EXCL"),
        _line(
            "A4",
            "AAA",
            "telecommunications",
            "85176210",
            "8",
            phases=(Phase(parse_timing("EIF"), Decimal(4)),),
        ),
        _line("A5", "AAA", "telecommunications", "85176290", "0", "A"),
        _line(
            "A6",
            "AAA",
            "telecommunications",
            "752",
            "49",
            measure=MeasureKind.EQUITY_CAP,
            target=Decimal(100),
        ),
        _line("B1", "BBB", "energy", "270900", "5", "A"),
    )
    flows = (
        TradeFlow("AAA", "BBB", "270900", Decimal(600)),
        TradeFlow("AAA", "CCC", "270900", Decimal(400)),
        TradeFlow("AAA", "BBB", "271012", Decimal(300)),
        TradeFlow("AAA", "BBB", "271111", Decimal(100)),
        TradeFlow("AAA", "BBB", "851762", Decimal(200)),
        TradeFlow("AAA", "BBB", "999999", Decimal(50)),
        TradeFlow("BBB", "AAA", "270900", Decimal(250)),
    )
    return Agreement(
        title="Coverage by hand",
        eif=date(2027, 1, 1),
        parties=(Party("AAA", "Alpha"), Party("BBB", "Beta"), Party("CCC", "Gamma")),
        lines=lines,
        milestones=(Milestone("REG", "AAA", "Fuel standards aligned", parse_timing("EIF")),),
        scenarios=(Scenario("energy late", overrides=(MilestoneDelay("REG", 72),)),),
        trade=TradeTable("hand-made", 2025, flows=flows),
    )
