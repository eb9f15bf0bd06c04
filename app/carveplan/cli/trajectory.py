"""``carveplan trajectory FILE``: the value of every line in force each calendar year, as CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from carveplan.cli.command import Exit, open_input, register
from carveplan.cli.common import (
    UserError,
    parse_year,
)
from carveplan.engine import resolve, trajectory, unstaged_lines, year_range
from carveplan.engine.quotas import quota_rows
from carveplan.io.text import inert_text
from carveplan.model.duty import format_column

COLUMNS = ("party", "sector", "code", "description", "base", "category")


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "trajectory",
        run,
        help="year-by-year values of every line (CSV on stdout)",
        description="One row per line and one column per calendar year: the value in force that year "
        "(the rate at entry into force for its first year, then on each stage day).",
        epilog="Codes are text: a spreadsheet that guesses types turns 0101 into 101. In LibreOffice Calc, "
        "select the code column in the Text Import dialog and set its type to Text; in Excel, use "
        "Data > From Text/CSV > Transform Data and set the code column to Text (or open the CSV with "
        "Data > From Text and choose Text for it). Text that a spreadsheet would run as a formula "
        "(starting with =, +, - or @) is written with a leading apostrophe.",
        scenario=True,
    )
    parser.add_argument("--from", dest="first", type=parse_year, metavar="YEAR", help="first year")
    parser.add_argument("--to", dest="last", type=parse_year, metavar="YEAR", help="last year")


def run(args: argparse.Namespace) -> int:
    """Resolve and write CSV."""
    agreement, scenario = open_input(args)
    schedule = resolve(agreement, scenario)
    span = year_range(schedule)
    first = args.first if args.first is not None else span.start
    last = args.last if args.last is not None else span.stop - 1
    if last < first:
        raise UserError(f"--to {last} is before --from {first}")
    years = range(first, last + 1)
    # A line whose category cannot be expanded has no values: printing its base for every year
    # would be silently wrong.
    unstaged = unstaged_lines(schedule)
    broken = {p.location.item: p for p in schedule.problems if p.location.item in unstaged}
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow([*COLUMNS, *(str(y) for y in years)])
    for row in trajectory(schedule, years):
        line = row.line.line
        category = line.category if not line.phases else "explicit"
        base = format_column(line.base, line.unit)
        texts = (line.party, line.sector, line.code, line.description)
        head = [*(inert_text(t) for t in texts), base, inert_text(category)]
        if line.id in broken:
            writer.writerow([*head, *("" for _ in row.values)])
            continue
        writer.writerow([*head, *(format_column(v, line.unit) for v in row.values)])
        for extra in quota_rows(line, agreement, years):
            writer.writerow([*(inert_text(t) for t in texts[:3]), *extra])
    for problem in broken.values():
        print(problem, file=sys.stderr)
    return Exit.PROBLEMS if broken else Exit.OK
