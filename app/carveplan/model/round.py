"""Negotiating rounds: frozen, named, dated snapshots of the agreement or of one party's schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carveplan.model.exception import ReviewClause, SecurityException
from carveplan.model.line import Line
from carveplan.model.milestone import Milestone
from carveplan.model.party import PartyCode
from carveplan.model.staging import StagingCategory

RoundName = str


class Stance(StrEnum):
    """What a round is in the negotiation: one side's offer, the other side's request, or a plain snapshot."""

    OFFER = "offer"
    REQUEST = "request"
    SNAPSHOT = "snapshot"


@dataclass(frozen=True)
class Round:
    """A frozen copy of the schedule as it stood at one point of the negotiation.

    The round keeps what decides its final dates (entry into force, the agreement's own staging
    categories, milestones, exceptions and reviews) besides the lines, so it still resolves as it did
    when it was tabled, whatever the agreement has become since. It holds no scenarios and no rounds.

    Attributes:
        name: unique key (``Round 3 — VNM offer``).
        taken: the date the round was tabled.
        party: the party whose schedule it is; empty for the whole agreement.
        stance: offer, request or snapshot.
        eif: entry into force as it stood.
        categories: the agreement's staging categories as they stood.
        lines: the lines (only ``party``'s when a party is named).
        milestones: the milestones as they stood.
        exceptions: the security exceptions as they stood.
        reviews: the review clauses as they stood.
        note: free text (``tabled in Hanoi``).
    """

    name: RoundName
    taken: date
    eif: date
    party: PartyCode = ""
    stance: Stance = Stance.SNAPSHOT
    categories: tuple[StagingCategory, ...] = ()
    lines: tuple[Line, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    exceptions: tuple[SecurityException, ...] = ()
    reviews: tuple[ReviewClause, ...] = ()
    note: str = ""
