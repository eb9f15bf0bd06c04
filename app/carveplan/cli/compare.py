"""``carveplan compare FILE --scenario NAME``: when each line reaches its final value in two scenarios."""

from __future__ import annotations

import argparse
from typing import Any

from carveplan.cli.command import register, report
from carveplan.cli.common import UserError, check_scenario
from carveplan.engine.compare import Comparison, compare
from carveplan.io.reports.analysis import comparison_dict, comparison_text
from carveplan.model import BASELINE, Agreement


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "compare",
        report(_compare, comparison_dict, comparison_text),
        help="compare a scenario with the baseline (or another scenario): delays, causes, blocked lines",
        description="Per line and per sector: the date each line reaches its final value in both "
        "scenarios, the delay, the milestones and exceptions causing it, and lines blocked in one "
        "scenario and not the other.",
        json=True,
    )
    parser.add_argument("--scenario", required=True, metavar="NAME", help="the scenario to look at")
    parser.add_argument(
        "--against", default=None, metavar="NAME", help="the scenario to compare with (default: baseline)"
    )


def _compare(agreement: Agreement, scenario: str | None, args: argparse.Namespace) -> Comparison:
    against = check_scenario(agreement, args.against)
    if (scenario or BASELINE) == (against or BASELINE):
        raise UserError(
            f"--scenario and --against are both {scenario or BASELINE!r}: pick two different scenarios"
        )
    return compare(agreement, scenario or BASELINE, against)
