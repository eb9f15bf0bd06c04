"""``carveplan import FILE -o OUT.carveplan``: an exported workbook, or another delegation's schedule."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from carveplan.cli.command import Exit, register
from carveplan.cli.common import UserError, open_agreement, parse_date
from carveplan.cli.sides import add_schedule_options, is_agreement_file, parse_map
from carveplan.model import Agreement, Stance


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "import",
        run,
        help="read a workbook, a tariff schedule (.xlsx, .csv) or an MS Project plan (.xml)",
        description="Import a workbook CarvePlan exported (edited or not), an MS Project XML plan, or "
        "another delegation's tariff schedule: give --party for a schedule. Columns are recognized by "
        "their headers; --map names them when they are not. Nothing is written when the input has "
        "problems (exit 2).",
        file=False,
    )
    parser.add_argument("file", type=Path, help="the .xlsx workbook, .csv schedule or .xml plan")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help=".carveplan file to write"
    )
    parser.add_argument("--party", metavar="CODE", help="the party whose schedule it is (schedules only)")
    add_schedule_options(parser)
    parser.add_argument(
        "--categories",
        metavar="NAME|FILE.json",
        help="the agreement's staging rules: a built-in set (see `carveplan categories`) or a rule set "
        "file; default: the generic spellings (B5, 5 Years, Y-5 …)",
    )
    parser.add_argument("--into", type=Path, metavar="FILE", help="add the lines to this agreement instead")
    parser.add_argument(
        "--as-round",
        metavar="NAME",
        help="keep what is read as a negotiating round of the --into agreement instead of adding lines",
    )
    parser.add_argument(
        "--stance", choices=[s.value for s in Stance], default=Stance.SNAPSHOT.value, help="what the round is"
    )
    parser.add_argument("--date", type=parse_date, metavar="DATE", help="the date the round was tabled")


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
    if args.as_round is not None:
        save(_import_round(args), args.output)
        print(f"wrote {args.output}")
        return Exit.OK
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
    from carveplan.io.heap import settled_heap

    with settled_heap():  # the agreement read stays alive: collections during the save skip it
        save(agreement, args.output, verify=True)  # a file import writes always opens again
    print(f"wrote {args.output}")
    return Exit.OK


def _import_round(args: argparse.Namespace) -> Agreement:
    """The --into agreement with what was read kept as a round (its lines are left as they are)."""
    from carveplan.cli.rounds import add_round

    if args.into is None:
        raise UserError("--as-round needs --into FILE: the agreement that keeps the round")
    into = open_agreement(args.into)
    if is_agreement_file(args.file):
        source = open_agreement(args.file)
    else:
        # The schedule is read on the agreement's rules (EIF, categories, milestones), with no lines.
        args.into, existing = None, dataclasses.replace(into, lines=(), scenarios=(), rounds=())
        source = _import_schedule(args, existing)
    args.add = args.as_round
    args.note = f"imported from {args.file.name}"
    agreement = add_round(into, args, source)
    count = len(agreement.rounds[-1].lines)
    print(f"kept {count} lines of {args.file.name} as round {args.as_round!r}")
    return agreement


def _is_exchange_workbook(path: Path) -> bool:
    from carveplan.io.sheets.reader import SheetReader
    from carveplan.io.workbook.importer import is_carveplan_workbook

    with SheetReader(path) as reader:
        return is_carveplan_workbook(reader.sheet_names)


def _import_schedule(args: argparse.Namespace, existing: Agreement | None = None) -> Any:
    from carveplan.io.native.rules import find_rules
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
        existing=existing or (open_agreement(args.into) if args.into else None),
        sheet=args.sheet,
        rules=find_rules(args.categories) if args.categories else None,
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
    rules = result.agreement.rule_set or "generic spellings"
    print(
        f"imported {result.added} {'line' if result.added == 1 else 'lines'} of {options.party} "
        f"({result.added - result.other} in the focus "
        f"sectors, {result.other} other), staging rules: {rules}"
    )
    left = [f"{result.headings} heading rows"] if result.headings else []
    left += [f"{result.foreign} rows of other parties"] if result.foreign else []
    if left:
        print(f"not lines: {', '.join(left)}")
    scrub = sum(p.code == "scrub" for p in result.warnings)
    if scrub:
        print(f"legal scrub: {scrub} published rates differ from their category (listed above)")
    return result.agreement
