"""A national-scale agreement for benchmarks: 3 parties × 5,000 lines, 20 years, 300 milestones."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from carveplan.model import (
    Agreement,
    Amount,
    Duty,
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


def national_agreement(
    scale: int = 1, seed: int = 2027, duties: bool = False, *, per_party: int = 5000
) -> Agreement:
    """The benchmark agreement; ``scale=2`` doubles lines, milestones and exceptions.

    ``per_party`` sets the lines of each party at scale 1 (``per_party=2667``: an 8,000-line agreement).

    With ``duties``, a fifth of the lines carry the same numbers as specific duties (``4.4¢/kg``) or
    compound ones (``4.4¢/kg + 5%``), half each: the same agreement otherwise, to compare with.
    """
    rng = random.Random(seed)
    parties = PARTIES
    milestones = _milestones(rng, 300 * scale)
    by_party = {p.code: [m.id for m in milestones if m.party == p.code] for p in parties}
    lines = tuple(
        line_for(rng, f"{party.code}-{number:05d}", party.code, by_party[party.code])
        for party in parties
        for number in range(per_party * scale)
    )
    if duties:
        lines = tuple(_as_duty(line, n) if n % 5 == 0 else line for n, line in enumerate(lines))
    return benchmark_agreement(
        f"National-scale benchmark agreement ×{scale}", parties, tuple(milestones), lines, 20 * scale
    )


def benchmark_agreement(
    title: str,
    parties: tuple[Party, ...],
    milestones: tuple[Milestone, ...],
    lines: tuple[Line, ...],
    exceptions: int,
) -> Agreement:
    """The agreement around generated lines and milestones: ``exceptions`` security exceptions over the
    parties and sectors in turn, one joint review and a "sanctions persist" scenario."""
    return Agreement(
        title=title,
        eif=date(2027, 1, 1),
        parties=parties,
        lines=lines,
        milestones=milestones,
        exceptions=tuple(
            SecurityException(
                id=f"EXC-{n}",
                party=parties[n % len(parties)].code,
                title=f"Essential security {n}",
                scope_sectors=(SECTORS[n % 3],),
                notification_days=30,
                termination_notice_days=30,
                max_duration_months=48,
                review_interval_months=12,
            )
            for n in range(exceptions)
        ),
        reviews=(ReviewClause("REV-1", "Joint review", Timing.agreement_year(4), 60, 4),),
        scenarios=(
            Scenario(
                "sanctions persist",
                overrides=(
                    *(MilestoneDelay(m.id, 18) for m in milestones[::7]),
                    *(MilestoneMissed(m.id) for m in milestones[3::50]),
                    ExceptionInvoked("EXC-0", Timing.on(date(2030, 3, 1)), 24),
                ),
            ),
        ),
    )


def _as_duty(line: Line, n: int) -> Line:
    """The line with its numbers as a specific duty (even tenths) or a compound one (odd tenths)."""
    if n % 10 == 0:
        return replace(line, unit="¢/kg")
    ad_valorem = Amount(Decimal((2, 5, 10)[n % 3]))

    def compound(value: Decimal) -> Duty:
        return Duty((Amount(value, "¢/kg"), ad_valorem))

    phases = tuple(replace(p, value=compound(p.value)) for p in line.phases)  # type: ignore[arg-type]
    return replace(line, base=compound(line.base), phases=phases)  # type: ignore[arg-type]


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


def line_for(rng: random.Random, line_id: str, party: str, own: list[str]) -> Line:
    """One random line of ``party``: a category line (a fifth gated) or an explicit phased one."""
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
