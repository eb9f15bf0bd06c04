"""The scheduling engine: pure functions from an agreement (and a scenario) to dates and values."""

from carveplan.engine.chain import Chain, critical_chain
from carveplan.engine.compare import Comparison, compare, compare_schedules
from carveplan.engine.deadlines import Deadline, deadlines
from carveplan.engine.divergence import DivergenceMatrix, divergence, divergence_of
from carveplan.engine.register import RegisterRow, exception_register
from carveplan.engine.resolve import find_scenario, resolve, resolve_windows
from carveplan.engine.rounding import round_value
from carveplan.engine.rulesets import RULE_SETS, builtin_rules
from carveplan.engine.schedule import (
    ExceptionWindow,
    ResolvedLine,
    ResolvedMilestone,
    ResolvedPhase,
    ReviewEvent,
    Schedule,
)
from carveplan.engine.staging import builtin_category, expand, expand_checked, find_category, line_target
from carveplan.engine.trajectory import TrajectoryRow, trajectory, unstaged_lines, value_at, year_range
from carveplan.engine.validate import validate

__all__ = [
    "RULE_SETS",
    "Chain",
    "Comparison",
    "Deadline",
    "DivergenceMatrix",
    "ExceptionWindow",
    "RegisterRow",
    "ResolvedLine",
    "ResolvedMilestone",
    "ResolvedPhase",
    "ReviewEvent",
    "Schedule",
    "TrajectoryRow",
    "builtin_category",
    "builtin_rules",
    "compare",
    "compare_schedules",
    "critical_chain",
    "deadlines",
    "divergence",
    "divergence_of",
    "exception_register",
    "expand",
    "expand_checked",
    "find_category",
    "find_scenario",
    "line_target",
    "resolve",
    "resolve_windows",
    "round_value",
    "trajectory",
    "unstaged_lines",
    "validate",
    "value_at",
    "year_range",
]
