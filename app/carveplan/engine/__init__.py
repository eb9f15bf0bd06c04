"""The scheduling engine: pure functions from an agreement (and a scenario) to dates and values."""

from carveplan.engine.resolve import find_scenario, resolve
from carveplan.engine.rounding import round_value
from carveplan.engine.schedule import (
    ExceptionWindow,
    ResolvedLine,
    ResolvedMilestone,
    ResolvedPhase,
    ReviewEvent,
    Schedule,
)
from carveplan.engine.staging import builtin_category, expand, expand_checked, find_category, line_target

__all__ = [
    "ExceptionWindow",
    "ResolvedLine",
    "ResolvedMilestone",
    "ResolvedPhase",
    "ReviewEvent",
    "Schedule",
    "builtin_category",
    "expand",
    "expand_checked",
    "find_category",
    "find_scenario",
    "line_target",
    "resolve",
    "round_value",
]
