"""Calendar deadlines filtered by party and sector: milestones by what they gate, reviews always."""

from __future__ import annotations

from carveplan.engine import resolve
from carveplan.engine.deadline_filter import filter_deadlines
from carveplan.engine.deadlines import DeadlineKind, deadlines
from carveplan.io import native
from carveplan.resources import sample_path

AGREEMENT = native.load(sample_path())
ALL = deadlines(resolve(AGREEMENT, "sanctions persist"))
PARTY_OF = {m.id: m.party for m in AGREEMENT.milestones} | {e.id: e.party for e in AGREEMENT.exceptions}
REVIEW_KINDS = {DeadlineKind.REVIEW, DeadlineKind.TERM_END}


def test_no_filter_keeps_everything() -> None:
    assert filter_deadlines(ALL, AGREEMENT) == ALL


def test_party_filter_keeps_that_partys_records_and_the_reviews() -> None:
    kept = filter_deadlines(ALL, AGREEMENT, parties=["VNM"])
    assert 0 < len(kept) < len(ALL)
    assert all(d.kind in REVIEW_KINDS or PARTY_OF[d.record] == "VNM" for d in kept)
    assert {d for d in ALL if d.kind in REVIEW_KINDS} <= set(kept)


def test_sector_filter_keeps_milestones_gating_that_sector() -> None:
    kept = filter_deadlines(ALL, AGREEMENT, sectors=["telecommunications"])
    gating = {
        g.milestone
        for line in AGREEMENT.lines
        if line.sector == "telecommunications"
        for g in [*line.gates, *(g for p in line.phases for g in p.gates)]
    }
    milestones = {d.record for d in kept if d.kind is DeadlineKind.MILESTONE}
    assert milestones
    assert milestones <= gating
    exceptions = {
        d.record for d in kept if d.kind not in REVIEW_KINDS and d.kind is not DeadlineKind.MILESTONE
    }
    assert "XXI-JPN" not in exceptions  # the energy exception
