"""``carveplan show FILE``: the resolved schedule, as text or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from carveplan.cli.common import add_file_argument, add_scenario_argument, check_scenario, open_agreement
from carveplan.engine import resolve
from carveplan.io.report import schedule_dict, schedule_text


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "show",
        help="the resolved schedule: phases with dates and values, milestones, exceptions, reviews",
        description="Resolve every timing of the agreement (under a scenario) and print the schedule.",
    )
    add_file_argument(parser)
    add_scenario_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Resolve and print."""
    agreement = open_agreement(args.file)
    schedule = resolve(agreement, check_scenario(agreement, args.scenario))
    if args.json:
        print(json.dumps(schedule_dict(schedule), indent=2, ensure_ascii=False))
    else:
        for text in schedule_text(schedule):
            print(text)
    return 0
