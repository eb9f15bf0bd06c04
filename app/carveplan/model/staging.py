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
    CALENDAR_STEPS = "calendar_steps"
    TABLE = "table"
    EXCLUDED = "excluded"


class FirstCut(StrEnum):
    """When the first cut of a staged category takes effect."""

    EIF = "eif"  # on the EIF date itself (KORUS, EU–Viet Nam, RCEP, CPTPP)
    STAGE_DAY = "stage_day"  # on the first stage day after EIF


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
class TableRow:
    """The published values of the tariff codes one row of an explicit staging table covers.

    Attributes:
        codes: the codes as printed (``2710.12.11``); a line matches on digits, the longest
            code that begins its own code winning.
        values: the value in force in agreement years 1, 2, 3 …; the last is the final value.
    """

    codes: tuple[str, ...]
    values: tuple[Decimal, ...]


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
        steps: explicit values by agreement year (steps), or by calendar year (calendar steps:
            EU–Viet Nam ``R75``, 120 EUR/t in 2016 …; years before EIF fold into the value at EIF).
        table: explicit values by agreement year for named tariff codes (table), e.g. EU–Viet Nam
            ``B10*``.
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
    table: tuple[TableRow, ...] = ()
    description: str = ""
    cuts: Cuts = Cuts.ALL
