"""Parties and sectors of an agreement."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PartyCode = str
SectorId = str


class DevelopmentStatus(StrEnum):
    """WTO-style status; developing and LDC parties get longer transitions."""

    DEVELOPED = "developed"
    DEVELOPING = "developing"
    LDC = "ldc"


@dataclass(frozen=True)
class Party:
    """A signatory.

    Attributes:
        code: ISO 3166 alpha-3 code where one exists (``VNM``), or a grouping (``EU``).
        name: the display name.
        status: developed, developing or least-developed.
    """

    code: PartyCode
    name: str
    status: DevelopmentStatus = DevelopmentStatus.DEVELOPED


@dataclass(frozen=True)
class Sector:
    """A sensitive sector whose lines are carved out.

    Attributes:
        id: a short stable key (``energy``).
        name: the display name.
    """

    id: SectorId
    name: str


DEFAULT_SECTORS: tuple[Sector, ...] = (
    Sector("energy", "Energy"),
    Sector("telecommunications", "Telecommunications"),
    Sector("critical_minerals", "Critical minerals"),
)
