"""Carved-out lines and their phases."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import assert_never

from carveplan.model.duty import Rate
from carveplan.model.party import PartyCode, SectorId
from carveplan.model.quota import Quota
from carveplan.model.timing import MilestoneId, Offset, Timing

LineId = str


class CodeSystem(StrEnum):
    """What kind of code identifies a line."""

    HS = "HS"
    CPC = "CPC"
    OTHER = "other"


class Direction(StrEnum):
    """Which way a measure moves as it is liberalized."""

    DOWN = "down"
    UP = "up"


class MeasureKind(StrEnum):
    """What is liberalized; the direction matters for validation and charts."""

    TARIFF = "tariff"
    EQUITY_CAP = "equity_cap"
    QUOTA = "quota"
    LICENSING = "licensing"
    LOCAL_CONTENT = "local_content"
    OTHER = "other"

    @property
    def direction(self) -> Direction:
        """Tariffs and requirements go down; caps and quotas go up."""
        match self:
            case MeasureKind.EQUITY_CAP | MeasureKind.QUOTA:
                return Direction.UP
            case MeasureKind.TARIFF | MeasureKind.LICENSING | MeasureKind.LOCAL_CONTENT | MeasureKind.OTHER:
                return Direction.DOWN
            case _:
                assert_never(self)

    @property
    def default_unit(self) -> str:
        """The unit a new line of this kind starts with."""
        match self:
            case MeasureKind.QUOTA:
                return "t"
            case MeasureKind.LICENSING:
                return "required"
            case MeasureKind.TARIFF | MeasureKind.EQUITY_CAP | MeasureKind.LOCAL_CONTENT | MeasureKind.OTHER:
                return "%"
            case _:
                assert_never(self)

    @property
    def liberalized(self) -> Decimal | None:
        """The value of full liberalization, if the measure has one (quotas do not)."""
        match self:
            case MeasureKind.EQUITY_CAP:
                return Decimal(100)
            case MeasureKind.QUOTA:
                return None
            case MeasureKind.TARIFF | MeasureKind.LICENSING | MeasureKind.LOCAL_CONTENT | MeasureKind.OTHER:
                return Decimal(0)
            case _:
                assert_never(self)


@dataclass(frozen=True)
class Gate:
    """A milestone a phase waits for.

    Attributes:
        milestone: the milestone id.
        lag: time after the milestone's verification before the phase may start.
    """

    milestone: MilestoneId
    lag: Offset | None = None


@dataclass(frozen=True)
class Phase:
    """One step of liberalization of a line (a tranche).

    Attributes:
        label: a short name (``Tranche 2``).
        start: when it starts, as the user wrote it.
        value: the value in force from then on.
        gates: milestones that must be verified first.
        note: free text.
    """

    start: Timing
    value: Rate
    label: str = ""
    gates: tuple[Gate, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Line:
    """One carved-out commitment of one party.

    Attributes:
        id: unique key within the agreement.
        party: the party's code.
        sector: the sector id.
        code: tariff or services code, always text (``0101`` keeps its zero).
        code_system: HS, CPC or other.
        description: what the line covers.
        measure: what is liberalized.
        unit: unit of ``base`` and phase values: ``%``, a specific duty's (``¢/kg``, ``€/100 kg``), ``t``.
        base: value before the agreement; a compound duty (``3.4¢/kg + 2%``) carries its own units.
        category: staging category code; ignored when ``phases`` are given.
        target: final value overriding the category's (e.g. an equity cap rising to 49).
        phases: explicit phases, in order.
        gates: milestones gating every phase generated from the category.
        notes: free text.
        legal_ref: where the commitment is written (``Annex 2-B, para 4``).
        quota: a tariff-rate quota: ``base`` and ``category`` are then the in-quota rate's.
    """

    id: LineId
    party: PartyCode
    sector: SectorId
    code: str
    description: str = ""
    code_system: CodeSystem = CodeSystem.HS
    measure: MeasureKind = MeasureKind.TARIFF
    unit: str = "%"
    base: Rate = Decimal(0)
    category: str = ""
    target: Rate | None = None
    phases: tuple[Phase, ...] = ()
    gates: tuple[Gate, ...] = ()
    notes: str = ""
    legal_ref: str = ""
    quota: Quota | None = None
