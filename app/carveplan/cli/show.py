"""``carveplan show FILE``: the resolved schedule, as text or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from carveplan.cli.common import (
    add_file_argument,
    add_json_argument,
    add_scenario_argument,
    check_scenario,
    open_agreement,
    print_report,
)
from carveplan.engine import resolve
from carveplan.io.reports.text import schedule_dict, schedule_text


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "show",
        help="the resolved schedule: phases with dates and values, milestones, exceptions, reviews",
        description="Resolve every timing of the agreement (under a scenario) and print the schedule.",
    )
    add_file_argument(parser)
    add_scenario_argument(parser)
    add_json_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Resolve and print."""
    agreement = open_agreement(args.file)
    schedule = resolve(agreement, check_scenario(agreement, args.scenario))
    print_report(args.json, lambda: schedule_dict(schedule), lambda: schedule_text(schedule))
    return 0
