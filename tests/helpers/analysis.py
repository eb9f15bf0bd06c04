"""A small hand-built agreement with delays, a missed milestone, an exception and a moved EIF."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carveplan.model import (
    Agreement,
    EifMoved,
    ExceptionInvoked,
    Gate,
    Line,
    Milestone,
    MilestoneDelay,
    MilestoneMissed,
    Offset,
    Party,
    Phase,
    ReviewClause,
    Scenario,
    SecurityException,
    Timing,
    parse_timing,
)

EIF = date(2025, 1, 1)


def phase(start: str, value: str, *gates: Gate) -> Phase:
    """A phase starting at the timing ``start`` (text) at ``value``."""
    return Phase(start=parse_timing(start), value=Decimal(value), gates=gates)


def tariff(line_id: str, party: str, sector: str, *phases: Phase, category: str = "") -> Line:
    """A tariff line with base 10 and either explicit phases or a staging category."""
    return Line(
        line_id,
        party,
        sector,
        "270900",
        f"line {line_id}",
        base=Decimal(10),
        category=category,
        phases=phases,
    )


def analysis_agreement() -> Agreement:
    """EIF 1 January 2025; scenarios ``late``, ``sanctions`` and ``eif later``.

    Baseline final dates: L1 2027-01-01 (Y3, gated by M1, not binding), L2 2029-01-01 (5 Years),
    L6 2026-07-01 (gated by M1 + 12 months, binding), L3 2026-01-01 (gated by M2), L5 2026-01-01
    (in the scope of EX1), L4 excluded.
    """
    lines = (
        tariff("L1", "AAA", "energy", phase("Y1", "5"), phase("Y3", "0", Gate("M1"))),
        tariff("L2", "AAA", "energy", category="5 Years"),
        tariff("L6", "AAA", "energy", phase("Y1", "3"), phase("Y2", "0", Gate("M1", Offset(12)))),
        tariff("L4", "AAA", "energy", category="EXCL"),
        tariff("L3", "BBB", "telecommunications", phase("Y1", "4"), phase("Y2", "0", Gate("M2"))),
        tariff("L5", "AAA", "critical_minerals", phase("Y1", "4"), phase("Y2", "0")),
    )
    milestones = (
        Milestone("M1", "AAA", "Regulator independent", parse_timing("EIF+6m"), verifier="Joint Committee"),
        Milestone("M2", "BBB", "Licensing published", parse_timing("EIF+3m")),
    )
    exception = SecurityException(
        "EX1",
        "AAA",
        title="Essential security — minerals",
        scope_sectors=("critical_minerals",),
        legal_basis="GATT Art. XXI",
        notification_days=30,
        termination_notice_days=60,
        max_duration_months=6,
        review_interval_months=4,
        sunset=parse_timing("Y10"),
    )
    scenarios = (
        Scenario("late", overrides=(MilestoneDelay("M1", 24), MilestoneMissed("M2"))),
        Scenario("sanctions", overrides=(ExceptionInvoked("EX1", Timing.on(date(2025, 6, 1)), 12),)),
        Scenario("eif later", overrides=(EifMoved(date(2026, 3, 1)),)),
    )
    review = ReviewClause(
        "JR",
        "Joint review",
        parse_timing("EIF+6y"),
        count=1,
        term_end=parse_timing("EIF+16y"),
        legal_ref="Art. 34.7",
    )
    return Agreement(
        title="Analysis test agreement",
        eif=EIF,
        parties=(Party("AAA", "Alpha"), Party("BBB", "Beta")),
        lines=lines,
        milestones=milestones,
        exceptions=(exception,),
        reviews=(review,),
        scenarios=scenarios,
    )
