"""``carveplan coverage FILE``: lines and trade duty-free per party and year, and the Article XXIV check."""

from __future__ import annotations

import argparse
from dataclasses import replace
from decimal import Decimal
from typing import Any

from carveplan.cli.common import (
    UserError,
    add_file_argument,
    add_json_argument,
    add_scenario_argument,
    check_scenario,
    open_agreement,
    print_report,
)
from carveplan.engine.coverage import coverage
from carveplan.engine.xxiv import verdicts
from carveplan.io.reports.coverage import coverage_dict, coverage_text
from carveplan.model import CoverageTest


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "coverage",
        help="share of lines and of trade duty-free per party and year, and the Article XXIV check",
        description="For each importing party and calendar year: the share of tariff lines and of imports "
        "from the other parties that is duty-free, partly cut or excluded, simple and trade-weighted "
        "average rates and static revenue forgone; then whether each party frees enough lines and "
        "trade by the horizon (default 90 %% of both by the end of year 10). Exit 1 when a party fails.",
    )
    add_file_argument(parser)
    add_scenario_argument(parser)
    add_json_argument(parser)
    parser.add_argument("--lines", type=_percent, metavar="PCT", help="share of lines to free (default 90)")
    parser.add_argument("--trade", type=_percent, metavar="PCT", help="share of trade to free (default 90)")
    parser.add_argument("--horizon", type=_years, metavar="YEARS", help="by the end of agreement year N (10)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute coverage and the verdicts, print them; 1 when some party fails the test."""
    agreement = open_agreement(args.file)
    test = agreement.coverage_test or CoverageTest()
    test = replace(
        test,
        lines_share=test.lines_share if args.lines is None else args.lines,
        trade_share=test.trade_share if args.trade is None else args.trade,
        horizon=test.horizon if args.horizon is None else args.horizon,
    )
    try:
        cover = coverage(agreement, check_scenario(agreement, args.scenario), test)
    except KeyError as err:  # pragma: no cover - check_scenario refuses unknown names first
        raise UserError(str(err)) from None
    found = verdicts(cover)
    print_report(args.json, lambda: coverage_dict(cover, found), lambda: coverage_text(cover, found))
    return 0 if all(v.passes for v in found) else 1


def _percent(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage such as 90") from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage from 0 to 100")
    return value


def _years(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 50:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of years from 1 to 50")
    return int(text)
