"""The scheduling engine: pure functions from an agreement (and a scenario) to dates and values."""

from carveplan.engine.rounding import round_value
from carveplan.engine.staging import builtin_category, expand, expand_checked, find_category, line_target

__all__ = [
    "builtin_category",
    "expand",
    "expand_checked",
    "find_category",
    "line_target",
    "round_value",
]
