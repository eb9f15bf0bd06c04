"""Scenarios: named what-ifs laid over the baseline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carveplan.model.exception import ExceptionId
from carveplan.model.timing import MilestoneId, Timing

BASELINE = "baseline"


@dataclass(frozen=True)
class MilestoneDelay:
    """A milestone is met ``months`` later than planned.

    Attributes:
        milestone: the milestone id.
        months: months of delay (positive).
    """

    milestone: MilestoneId
    months: int


@dataclass(frozen=True)
class MilestoneMissed:
    """A milestone is not met; whatever it gates is blocked.

    Attributes:
        milestone: the milestone id.
    """

    milestone: MilestoneId


@dataclass(frozen=True)
class ExceptionInvoked:
    """A security exception is invoked.

    Attributes:
        exception: the exception id.
        start: when it is invoked.
        duration_months: how long it lasts.
    """

    exception: ExceptionId
    start: Timing
    duration_months: int


@dataclass(frozen=True)
class EifMoved:
    """Entry into force moves to another date.

    Attributes:
        eif: the new date.
    """

    eif: date


Override = MilestoneDelay | MilestoneMissed | ExceptionInvoked | EifMoved


@dataclass(frozen=True)
class Scenario:
    """A named set of overrides.

    Attributes:
        name: unique name (``sanctions persist``).
        description: what the scenario supposes.
        overrides: the changes to the baseline, applied in order.
    """

    name: str
    description: str = ""
    overrides: tuple[Override, ...] = ()
