"""Compliance milestones that gate phases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import assert_never

from carveplan.model.party import PartyCode
from carveplan.model.timing import MilestoneId, Timing


class MilestoneKind(StrEnum):
    """Kinds of compliance milestone seen in practice."""

    REGULATORY_ALIGNMENT = "regulatory_alignment"
    TRANSPARENCY = "transparency"
    DATA_SHARING = "data_sharing"
    LICENSING = "licensing"
    CAPACITY_BUILDING = "capacity_building"
    VERIFICATION = "verification"
    PEER_REVIEW = "peer_review"
    OTHER = "other"


class MilestoneStatus(StrEnum):
    """Where a milestone stands."""

    PLANNED = "planned"
    ACHIEVED = "achieved"
    VERIFIED = "verified"
    MISSED = "missed"

    @property
    def met(self) -> bool:
        """Whether the milestone has been met (achieved, verified or not yet)."""
        match self:
            case MilestoneStatus.ACHIEVED | MilestoneStatus.VERIFIED:
                return True
            case MilestoneStatus.PLANNED | MilestoneStatus.MISSED:
                return False
            case _:
                assert_never(self)


@dataclass(frozen=True)
class Milestone:
    """A compliance milestone of one party.

    Attributes:
        id: unique key (``REG-1``); referenced by gates and ``M:`` timings.
        party: the party that must meet it.
        title: what must be done.
        kind: regulatory alignment, transparency, data sharing ...
        due: when it is due, as the user wrote it.
        verifier: who verifies it (``Joint Committee``, an independent body).
        status: planned, achieved, verified or missed.
        actual: the date it was achieved or verified, when known.
        depends_on: milestones that must be verified first.
        note: free text.
    """

    id: MilestoneId
    party: PartyCode
    title: str
    due: Timing
    kind: MilestoneKind = MilestoneKind.OTHER
    verifier: str = ""
    status: MilestoneStatus = MilestoneStatus.PLANNED
    actual: date | None = None
    depends_on: tuple[MilestoneId, ...] = ()
    note: str = ""
