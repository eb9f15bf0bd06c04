"""A national-scale agreement for benchmarks: 3 parties × 5,000 lines, 20 years, 300 milestones."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from carveplan.model import (
    Agreement,
    ExceptionInvoked,
    Gate,
    Line,
    Milestone,
    MilestoneDelay,
    MilestoneKind,
    MilestoneMissed,
    Offset,
    Party,
    Phase,
    ReviewClause,
    Scenario,
    SecurityException,
    Timing,
)
from carveplan.model.party import DevelopmentStatus

PARTIES = (
    Party("AUS", "Australia"),
    Party("JPN", "Japan"),
    Party("VNM", "Viet Nam", DevelopmentStatus.DEVELOPING),
)
SECTORS = ("energy", "telecommunications", "critical_minerals")
CATEGORIES = ("A", "B5", "B10", "B15", "B20", "E", "EXCL", "5 Years", "Y-10")


def national_agreement(scale: int = 1, seed: int = 2027) -> Agreement:
    """The benchmark agreement; ``scale=2`` doubles lines, milestones and exceptions."""
    rng = random.Random(seed)
    parties = PARTIES
    milestones = _milestones(rng, 300 * scale)
    by_party = {p.code: [m.id for m in milestones if m.party == p.code] for p in parties}
    lines = tuple(
        _line(rng, f"{party.code}-{number:05d}", party.code, by_party[party.code])
        for party in parties
        for number in range(5000 * scale)
    )
    exceptions = tuple(
        SecurityException(
            id=f"EXC-{n}",
            party=parties[n % 3].code,
            title=f"Essential security {n}",
            scope_sectors=(SECTORS[n % 3],),
            notification_days=30,
            termination_notice_days=30,
            max_duration_months=48,
            review_interval_months=12,
        )
        for n in range(20 * scale)
    )
    scenario = Scenario(
        "sanctions persist",
        overrides=(
            *(MilestoneDelay(m.id, 18) for m in milestones[::7]),
            *(MilestoneMissed(m.id) for m in milestones[3::50]),
            ExceptionInvoked("EXC-0", Timing.on(date(2030, 3, 1)), 24),
        ),
    )
    return Agreement(
        title=f"National-scale benchmark agreement ×{scale}",
        eif=date(2027, 1, 1),
        parties=parties,
        lines=lines,
        milestones=tuple(milestones),
        exceptions=exceptions,
        reviews=(ReviewClause("REV-1", "Joint review", Timing.agreement_year(4), 60, 4),),
        scenarios=(scenario,),
    )


def _milestones(rng: random.Random, count: int) -> list[Milestone]:
    kinds = list(MilestoneKind)
    result: list[Milestone] = []
    for n in range(count):
        party = PARTIES[n % 3].code
        same_party = [m.id for m in result[-12:] if m.party == party]
        deps = tuple(rng.sample(same_party, k=min(len(same_party), rng.randint(0, 2))))
        due = Timing.eif(Offset(6 + (n * 7) % 180))
        result.append(
            Milestone(f"M-{n:03d}", party, f"Milestone {n}", due, kinds[n % len(kinds)], depends_on=deps)
        )
    return result


def _line(rng: random.Random, line_id: str, party: str, own: list[str]) -> Line:
    sector = SECTORS[rng.randrange(3)]
    code = f"{rng.randint(1, 97):02d}{rng.randint(1, 99):02d}{rng.randint(10, 99)}{rng.randint(0, 99):02d}"
    base = Decimal(rng.randint(0, 400)) / 10
    if rng.random() < 0.15:
        gate = Gate(rng.choice(own), Offset(6))
        phases = (
            Phase(Timing.eif(), base * Decimal("0.8"), "Tranche 1"),
            Phase(Timing.agreement_year(3), base / 2, "Tranche 2", (gate,)),
            Phase(Timing.after_previous(Offset(24)), Decimal(0), "Tranche 3"),
        )
        return Line(line_id, party, sector, code, "Explicit phased line", base=base, phases=phases)
    gates = (Gate(rng.choice(own)),) if rng.random() < 0.2 else ()
    category = rng.choice(CATEGORIES)
    return Line(
        line_id, party, sector, code, f"Tariff line {code}", base=base, category=category, gates=gates
    )
