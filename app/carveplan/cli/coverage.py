"""``carveplan coverage FILE``: lines and trade duty-free per party and year, and the Article XXIV check."""

from __future__ import annotations

import argparse
from dataclasses import replace
from decimal import Decimal
from typing import Any

from carveplan.cli.command import register, report
from carveplan.engine.coverage import Coverage, coverage
from carveplan.engine.xxiv import Verdict, verdicts
from carveplan.io.reports.coverage import coverage_dict, coverage_text
from carveplan.model import Agreement, CoverageTest

Found = tuple[Coverage, tuple[Verdict, ...]]


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "coverage",
        report(_coverage, lambda found: coverage_dict(*found), lambda found: coverage_text(*found), _passes),
        help="share of lines and of trade duty-free per party and year, and the Article XXIV check",
        description="For each importing party and calendar year: the share of tariff lines and of imports "
        "from the other parties that is duty-free, partly cut or excluded, simple and trade-weighted "
        "average rates and static revenue forgone; then whether each party frees enough lines and "
        "trade by the horizon (default 90 %% of both by the end of year 10). Exit 1 when a party fails.",
        scenario=True,
        json=True,
    )
    parser.add_argument("--lines", type=_percent, metavar="PCT", help="share of lines to free (default 90)")
    parser.add_argument("--trade", type=_percent, metavar="PCT", help="share of trade to free (default 90)")
    parser.add_argument("--horizon", type=_years, metavar="YEARS", help="by the end of agreement year N (10)")


def _coverage(agreement: Agreement, scenario: str | None, args: argparse.Namespace) -> Found:
    """Coverage under the test the agreement keeps, with the thresholds given on the command line."""
    test = agreement.coverage_test or CoverageTest()
    test = replace(
        test,
        lines_share=test.lines_share if args.lines is None else args.lines,
        trade_share=test.trade_share if args.trade is None else args.trade,
        horizon=test.horizon if args.horizon is None else args.horizon,
    )
    cover = coverage(agreement, scenario, test)
    return cover, verdicts(cover)


def _passes(found: Found) -> bool:
    return all(v.passes for v in found[1])


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
