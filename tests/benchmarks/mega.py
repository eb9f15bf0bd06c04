"""A mega-regional agreement for benchmarks: 15 parties × 10,000 lines, 3,000 milestones.

RCEP has fifteen parties; with partner-specific schedules the whole agreement holds 150,000 lines
or more. The lines and milestones are made as the national-scale ones are (the same mix of staging
categories, explicit phased lines, gates and dependencies), for fifteen parties.
"""

from __future__ import annotations

import random

from carveplan.model import (
    Agreement,
    Milestone,
    MilestoneKind,
    Offset,
    Party,
    Timing,
)
from carveplan.model.party import DevelopmentStatus
from tests.benchmarks.national import benchmark_agreement, line_for

CODES = (
    "AUS",
    "BRN",
    "KHM",
    "CHN",
    "IDN",
    "JPN",
    "LAO",
    "KOR",
    "MYS",
    "MMR",
    "NZL",
    "PHL",
    "SGP",
    "THA",
    "VNM",
)
DEVELOPING = frozenset({"KHM", "IDN", "LAO", "MMR", "PHL", "VNM"})
LINES_PER_PARTY = 10_000
MILESTONES_PER_PARTY = 200


def mega_agreement(seed: int = 2030) -> Agreement:
    """The 150,000-line benchmark agreement."""
    rng = random.Random(seed)
    parties = tuple(
        Party(code, code, DevelopmentStatus.DEVELOPING if code in DEVELOPING else DevelopmentStatus.DEVELOPED)
        for code in CODES
    )
    milestones = _milestones(rng, parties)
    own = {p.code: [m.id for m in milestones if m.party == p.code] for p in parties}
    lines = tuple(
        line_for(rng, f"{party.code}-{number:05d}", party.code, own[party.code])
        for party in parties
        for number in range(LINES_PER_PARTY)
    )
    return benchmark_agreement("Mega-regional benchmark agreement", parties, milestones, lines, 45)


def _milestones(rng: random.Random, parties: tuple[Party, ...]) -> tuple[Milestone, ...]:
    kinds = list(MilestoneKind)
    made: list[Milestone] = []
    recent: dict[str, list[str]] = {p.code: [] for p in parties}
    for n in range(MILESTONES_PER_PARTY * len(parties)):
        party = parties[n % len(parties)].code
        mine = recent[party][-4:]
        deps = tuple(rng.sample(mine, k=min(len(mine), rng.randint(0, 2))))
        due = Timing.eif(Offset(6 + (n * 7) % 180))
        made.append(
            Milestone(f"M-{n:04d}", party, f"Milestone {n}", due, kinds[n % len(kinds)], depends_on=deps)
        )
        recent[party].append(made[-1].id)
    return tuple(made)
