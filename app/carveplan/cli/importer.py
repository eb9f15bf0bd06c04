"""``carveplan import FILE -o OUT.carveplan``: an exported workbook, or another delegation's schedule."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from carveplan.cli.common import UserError, open_agreement, parse_date
from carveplan.io.schedule.columns import FIELDS


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = sub.add_parser(
        "import",
        help="read a workbook, a tariff schedule (.xlsx, .csv) or an MS Project plan (.xml)",
        description="Import a workbook CarvePlan exported (edited or not), an MS Project XML plan, or "
        "another delegation's tariff schedule: give --party for a schedule. Columns are recognized by "
        "their headers; --map names them when they are not. Nothing is written when the input has "
        "problems (exit 2).",
    )
    parser.add_argument("file", type=Path, help="the .xlsx workbook, .csv schedule or .xml plan")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help=".carveplan file to write"
    )
    parser.add_argument("--party", metavar="CODE", help="the party whose schedule it is (schedules only)")
    parser.add_argument("--sector", metavar="NAME", help="sector of every line (default: from the HS map)")
    parser.add_argument("--eif", type=parse_date, metavar="DATE", help="entry into force of a new agreement")
    parser.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first with headers)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"the column (header text or letter) holding a field; fields: {', '.join(FIELDS)}",
    )
    parser.add_argument("--into", type=Path, metavar="FILE", help="add the lines to this agreement instead")
    parser.set_defaults(run=run)


def parse_map(items: list[str]) -> dict[str, str]:
    """``["category=Staging Category"]`` -> ``{"category": "Staging Category"}``."""
    mapping = {}
    for item in items:
        name, sep, column = item.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise UserError(f'--map {item!r}: write FIELD=COLUMN, e.g. --map category="Staging Category"')
        if name.strip() not in FIELDS:
            raise UserError(f"--map {item!r}: unknown field {name.strip()!r}; fields are {', '.join(FIELDS)}")
        mapping[name.strip()] = column.strip()
    return mapping


def run(args: argparse.Namespace) -> int:
    """Import and save."""
    from carveplan.io.native import SUFFIX, save

    source: Path = args.file
    if source.is_dir():
        raise UserError(f"{source}: is a folder, not a workbook, schedule or plan")
    if not source.is_file():
        raise UserError(f"{source}: no such file")
    if args.output.suffix.lower() != SUFFIX:
        raise UserError(f"{args.output}: the output must be a .carveplan file")
    if source.suffix.lower() == ".xml":
        from carveplan.io.mspdi.importer import read_mspdi

        agreement = read_mspdi(source)
        print(
            f"read {len(agreement.lines)} lines and {len(agreement.milestones)} milestones from {source.name}"
        )
    elif args.party is None and source.suffix.lower() in (".xlsx", ".ods") and _is_exchange_workbook(source):
        from carveplan.io.workbook.importer import read_workbook

        agreement = read_workbook(source)
        print(f"read {len(agreement.lines)} lines from {source.name}")
    else:
        agreement = _import_schedule(args)
    save(agreement, args.output)
    print(f"wrote {args.output}")
    return 0


def _is_exchange_workbook(path: Path) -> bool:
    from carveplan.io.sheets.reader import SheetReader
    from carveplan.io.workbook.importer import is_carveplan_workbook

    with SheetReader(path) as reader:
        return is_carveplan_workbook(reader.sheet_names)


def _import_schedule(args: argparse.Namespace) -> Any:
    from carveplan.io.schedule.importer import import_schedule_report
    from carveplan.io.schedule.options import ScheduleImportOptions

    if args.party is None:
        raise UserError(
            f"{args.file.name} is not a workbook CarvePlan exported: give --party CODE to import it"
        )
    options = ScheduleImportOptions(
        party=args.party.strip().upper(),
        sector=args.sector,
        eif=args.eif,
        mapping=parse_map(args.map),
        existing=open_agreement(args.into) if args.into else None,
        sheet=args.sheet,
    )
    result = import_schedule_report(args.file, options)
    sniff = result.sniff
    print(f"{sniff.file}, sheet {sniff.sheet!r}, header row {sniff.header_row}:")
    for text in sniff.recognized():
        print(f"  {text}")
    if sniff.columns.unrecognized:
        print(f"  not used: {', '.join(sniff.columns.unrecognized)}")
    for problem in result.warnings:
        print(problem, file=sys.stderr)
    skipped = (
        f"; {result.skipped} rows outside the sector map skipped (use --sector)" if result.skipped else ""
    )
    print(f"imported {result.added} lines of {options.party}{skipped}")
    return result.agreement
