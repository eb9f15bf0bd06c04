"""``carveplan trade FILE --add DATA``: store the parties' imports from each other in the agreement file."""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from carveplan.cli.command import Exit, register
from carveplan.cli.common import UserError, check_parties, open_agreement, parse_year
from carveplan.io.native import SUFFIX, save
from carveplan.io.trade.read import SPLIT_TEXT, read_trade
from carveplan.model import Agreement, TradeSplit


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "trade",
        run,
        help="add trade data (UN Comtrade, WITS, or code, partner, value) to an agreement file",
        description="Read import flows and store those between the agreement's parties in the file, so "
        "coverage can weigh lines by trade. Without --add or --remove, describe the stored table.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--add", type=Path, metavar="DATA", help="trade file to read (.csv, .txt, .xlsx)")
    action.add_argument("--remove", action="store_true", help="remove the stored trade table")
    parser.add_argument(
        "--split",
        choices=[s.value for s in TradeSplit],
        default=TradeSplit.EQUAL.value,
        help="equal: HS6 values shared equally among the national lines under them (default); "
        "line: a national-line file's values go to their own lines",
    )
    parser.add_argument(
        "--party", metavar="CODE", help="the importing party, for a file with no reporter column"
    )
    parser.add_argument("--year", type=parse_year, help="reference year to keep (default: the latest)")
    parser.add_argument("--source", metavar="TEXT", help="source to record (default: the file name and year)")
    parser.add_argument(
        "--illustrative", action="store_true", help="mark the figures as made up for demonstration"
    )


def run(args: argparse.Namespace) -> int:
    """Add, remove or describe the trade table."""
    agreement = open_agreement(args.file)
    if args.add is None and not args.remove:
        for line in describe(agreement):
            print(line)
        return Exit.OK
    if args.file.suffix.lower() != SUFFIX:
        raise UserError(
            f"{args.file}: trade data is stored in {SUFFIX} files; save the agreement as one first"
        )
    if args.remove:
        save(replace(agreement, trade=None), args.file)
        print(f"{args.file}: trade table removed")
        return Exit.OK
    if not args.add.is_file():
        raise UserError(f"{args.add}: no such file")
    party = check_parties(agreement, [args.party])[0] if args.party else None
    result = read_trade(args.add, agreement, TradeSplit(args.split), party, args.year, args.source or "")
    table = replace(result.table, illustrative=args.illustrative)
    save(replace(agreement, trade=table), args.file)
    for line in result.report():
        print(line)
    print(f"{args.file}: trade table stored ({len(table.flows):,} flows)")
    return Exit.OK


def describe(agreement: Agreement) -> list[str]:
    """The stored table in a few lines: source, year, split, and the imports of each party."""
    table = agreement.trade
    if table is None:
        return ["no trade table; add one with: carveplan trade FILE --add DATA.csv"]
    lines = [
        f"source: {table.source}" + ("  (ILLUSTRATIVE figures)" if table.illustrative else ""),
        f"year: {table.year or 'not given'}",
        f"split: {table.split.value} — {SPLIT_TEXT[table.split]}",
    ]
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for flow in table.flows:
        totals[flow.importer] += flow.value
    lines += [f"{party}: imports from the other parties US$ {value:,.0f}" for party, value in totals.items()]
    return lines
