"""``carveplan compare FILE --scenario NAME``: when each line reaches its final value in two scenarios."""

from __future__ import annotations

import argparse
from typing import Any

from carveplan.cli.common import (
    UserError,
    add_file_argument,
    add_json_argument,
    check_scenario,
    open_agreement,
    print_report,
)
from carveplan.engine.compare import compare
from carveplan.io.reports.analysis import comparison_dict, comparison_text
from carveplan.model import BASELINE


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "compare",
        help="compare a scenario with the baseline (or another scenario): delays, causes, blocked lines",
        description="Per line and per sector: the date each line reaches its final value in both "
        "scenarios, the delay, the milestones and exceptions causing it, and lines blocked in one "
        "scenario and not the other.",
    )
    add_file_argument(parser)
    parser.add_argument("--scenario", required=True, metavar="NAME", help="the scenario to look at")
    parser.add_argument(
        "--against", default=None, metavar="NAME", help="the scenario to compare with (default: baseline)"
    )
    add_json_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compare and print."""
    agreement = open_agreement(args.file)
    scenario = check_scenario(agreement, args.scenario) or BASELINE
    against = check_scenario(agreement, args.against)
    if scenario == (against or BASELINE):
        raise UserError(f"--scenario and --against are both {scenario!r}: pick two different scenarios")
    comparison = compare(agreement, scenario, against)
    print_report(args.json, lambda: comparison_dict(comparison), lambda: comparison_text(comparison))
    return 0
