"""Staging categories: named rules that generate the phases of many lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

CategoryCode = str


class StagingKind(StrEnum):
    """The shape of a staging rule (DOMAIN.md, "Staging categories")."""

    IMMEDIATE = "immediate"
    LINEAR = "linear"
    BACK_LOADED = "back_loaded"
    NON_LINEAR = "non_linear"
    PARTIAL = "partial"
    STEPS = "steps"
    EXCLUDED = "excluded"


class Cuts(StrEnum):
    """Which components of a compound duty a category cuts (EU–Viet Nam ``A+EP``: ad valorem only)."""

    ALL = "all"
    AD_VALOREM = "ad_valorem"
    SPECIFIC = "specific"


@dataclass(frozen=True)
class Step:
    """A value that applies from the stage day of an agreement year (for caps that rise).

    Attributes:
        year: the agreement year (1 = EIF).
        value: the value in force from then on.
    """

    year: int
    value: Decimal


@dataclass(frozen=True)
class StagingCategory:
    """A staging rule shared by many lines.

    Attributes:
        code: the code used in schedules (``B5``, ``5 Years``, ``E``).
        kind: the shape of the rule.
        stages: number of equal annual stages (linear, back-loaded, partial).
        hold: years the base value is held before cuts start (back-loaded).
        shares: share of the base-to-final change taken in each agreement year, summing to 1
            (non-linear), e.g. NAFTA ``B+``: 0.2, 0, 0.1 × 5, 0.3.
        final: the value reached (partial); ``None`` means the measure's full liberalization.
        steps: explicit values by agreement year (steps).
        description: what the category means, in the agreement's words.
        cuts: the components of a compound duty it cuts; the others stay at the base.
    """

    code: CategoryCode
    kind: StagingKind
    stages: int = 0
    hold: int = 0
    shares: tuple[Decimal, ...] = ()
    final: Decimal | None = None
    steps: tuple[Step, ...] = field(default=())
    description: str = ""
    cuts: Cuts = Cuts.ALL
