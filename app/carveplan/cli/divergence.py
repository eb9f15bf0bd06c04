"""``carveplan divergence FILE``: sector by sector, when each party's lines reach their final value."""

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
from carveplan.engine.divergence import divergence
from carveplan.io.reports.analysis import divergence_dict, divergence_text


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "divergence",
        help="sector × party matrix: the year each party's lines reach their final value",
        description="For each sector and party: the year the party's lines reach their final value, "
        "how many are excluded or partial, the exceptions covering them, and the spread between the "
        "fastest and the slowest party.",
    )
    add_file_argument(parser)
    add_scenario_argument(parser)
    add_json_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the matrix and print it."""
    agreement = open_agreement(args.file)
    matrix = divergence(agreement, check_scenario(agreement, args.scenario))
    print_report(args.json, lambda: divergence_dict(matrix), lambda: divergence_text(matrix))
    return 0
