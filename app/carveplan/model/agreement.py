"""The agreement: the whole document being planned."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from carveplan.model.exception import ReviewClause, SecurityException
from carveplan.model.line import Line
from carveplan.model.milestone import Milestone
from carveplan.model.party import DEFAULT_SECTORS, Party, Sector
from carveplan.model.round import Round
from carveplan.model.scenario import Scenario
from carveplan.model.staging import FirstCut, StagingCategory
from carveplan.model.trade import CoverageTest, TradeTable

# Agreements saved before identities existed get one derived from their title, the same every time.
_IDENTITY_NAMESPACE = uuid.UUID("5b0e3c52-7d1a-4f0e-9a47-2f8d6c1e9b30")


class RoundingDirection(StrEnum):
    """How intermediate values are brought to the rounding step."""

    DOWN = "down"
    UP = "up"
    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    NONE = "none"


@dataclass(frozen=True)
class RoundingRule:
    """The agreement's rounding of intermediate staged values.

    Attributes:
        step: the step values are brought to (``0.1`` percentage point).
        direction: down (KORUS: cut down to 0.1), up, half up, half even, or none.
    """

    step: Decimal = Decimal("0.1")
    direction: RoundingDirection = RoundingDirection.DOWN


@dataclass(frozen=True)
class MonthDay:
    """The day of the year on which later stages fall (1 January, or 1 April for a fiscal year).

    Attributes:
        month: 1-12.
        day: 1-31 (valid for the month; 29 February is refused).
    """

    month: int = 1
    day: int = 1

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Agreement:
    """A multilateral agreement and its sector carve-outs.

    Attributes:
        title: the agreement's name.
        short_name: the name used where space is short (``CPTPP``, ``EVFTA``); empty: the title.
        eif: entry into force; every relative date hangs off it.
        eif_tentative: whether the EIF date is still an assumption.
        stage_day: the day of the year on which stages from year 2 fall.
        rounding: the rounding rule for staged values.
        classification: the label shown on charts (``DRAFT – for negotiation``).
        parties: the signatories.
        sectors: the sectors.
        categories: the agreement's own staging categories (override built-in spellings).
        rule_set: the name of the staging rules the categories and rounding come from
            (``EU-Viet Nam``); empty: the generic spellings are the fallback for undefined codes.
        rule_set_note: where those rules are written (annex, article).
        first_cut: when the first cut of a staged category takes effect; ``None``: at EIF.
        lines: the carved-out lines.
        milestones: the compliance milestones.
        exceptions: the security exceptions.
        reviews: the review clauses.
        scenarios: the what-if scenarios (the baseline is implicit).
        rounds: the negotiating rounds kept in the document, oldest first.
        notes: free text.
        trade: the parties' imports from each other, for coverage; ``None`` until trade data is added.
        coverage_test: the Article XXIV thresholds and horizon; ``None`` for the defaults (90 %, 10 years).
        uid: the agreement's lasting identity (a UUID), written in the file and kept through renames;
            calendar events take their ids from it. Empty until first saved; :attr:`identity` then
            stands in. Not part of equality: two files with the same content are the same agreement.
    """

    title: str
    eif: date
    short_name: str = ""
    eif_tentative: bool = False
    stage_day: MonthDay = MonthDay()
    rounding: RoundingRule = RoundingRule()
    classification: str = ""
    parties: tuple[Party, ...] = ()
    sectors: tuple[Sector, ...] = DEFAULT_SECTORS
    categories: tuple[StagingCategory, ...] = ()
    rule_set: str = ""
    rule_set_note: str = ""
    first_cut: FirstCut | None = None
    lines: tuple[Line, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    exceptions: tuple[SecurityException, ...] = ()
    reviews: tuple[ReviewClause, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    rounds: tuple[Round, ...] = ()
    notes: str = ""
    trade: TradeTable | None = None
    coverage_test: CoverageTest | None = None
    uid: str = field(default="", compare=False)

    @property
    def identity(self) -> str:
        """``uid``, or for an agreement that has none yet a UUID derived from its title."""
        return self.uid or str(uuid.uuid5(_IDENTITY_NAMESPACE, self.title))

    def with_identity(self) -> Agreement:
        """This agreement with its identity fixed, so renaming it later keeps the same one."""
        return self if self.uid else replace(self, uid=self.identity)


def new_uid() -> str:
    """A fresh identity for an agreement started from nothing."""
    return str(uuid.uuid4())
