"""``carveplan export FILE -o OUT``: write the agreement in the format OUT's suffix names."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from carveplan.cli.command import Exit, open_input, register
from carveplan.cli.common import (
    check_parties,
    check_sectors,
    parse_date,
    parse_dpi,
)
from carveplan.io.formats import EXPORTERS, ExportOptions, exporter_for


def add_parser(sub: Any) -> None:
    """Register the command."""
    formats = ", ".join(f"{suffix} ({label})" for suffix, (_, label) in sorted(EXPORTERS.items()))
    parser = register(
        sub,
        "export",
        run,
        help="write a workbook, chart, deck or calendar",
        description=f"Export the agreement. The output's suffix picks the format: {formats}.",
        scenario=True,
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="file to write")
    parser.add_argument("--sector", action="append", default=[], metavar="NAME", help="only this sector")
    parser.add_argument("--party", action="append", default=[], metavar="CODE", help="only this party")
    parser.add_argument("--from", dest="date_from", type=parse_date, metavar="DATE", help="chart start")
    parser.add_argument("--to", dest="date_to", type=parse_date, metavar="DATE", help="chart end")
    parser.add_argument("--style", choices=("screen", "projector", "print"), default="screen")
    parser.add_argument(
        "--dpi", type=parse_dpi, default=150, metavar="N", help="resolution of raster images (1-600)"
    )
    parser.add_argument("--page", choices=("a4", "16:9"), default="a4", help="PDF page format")
    parser.add_argument(
        "--all-sectors",
        action="store_true",
        help="charts and decks show the lines outside the focus sectors too (hidden by default)",
    )


def run(args: argparse.Namespace) -> int:
    """Export."""
    export = exporter_for(args.output)
    agreement, scenario = open_input(args)
    options = ExportOptions(
        scenario=scenario,
        # Resolved here so every format takes names in any case and refuses what is not there.
        sectors=check_sectors(agreement, args.sector),
        parties=check_parties(agreement, args.party),
        date_from=args.date_from,
        date_to=args.date_to,
        style=args.style,
        dpi=args.dpi,
        page=args.page,
        all_sectors=args.all_sectors,
    )
    export(agreement, args.output, options)
    print(f"wrote {args.output}")
    return Exit.OK
