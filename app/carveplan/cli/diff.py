"""``carveplan diff OLD NEW``: what moved between two versions of a schedule (rounds, offers, requests)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from carveplan.cli.command import Exit, register
from carveplan.cli.common import UserError, check_parties, print_report
from carveplan.cli.sides import Side, add_schedule_options, is_agreement_file, read_side

REDLINE_SUFFIXES = (".xlsx", ".pdf")


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "diff",
        run,
        help="what moved between two versions: lines added, withdrawn, split, re-categorized, final dates",
        description="Compare two versions of a schedule: .carveplan files (or rounds kept in them), "
        "workbooks CarvePlan exported, or another delegation's schedule (.xlsx, .csv; give --party). "
        "Lines are matched by party and code; codes split or merged are reported as such.",
        file=False,
        json=True,
    )
    parser.add_argument("old", type=Path, help="the earlier version (an offer, the last round)")
    parser.add_argument("new", type=Path, help="the later version (a revised offer, a request)")
    parser.add_argument("--party", metavar="CODE", help="compare only this party's lines and milestones")
    parser.add_argument("--old-round", metavar="NAME", default="", help="a round kept in OLD, instead of OLD")
    parser.add_argument("--new-round", metavar="NAME", default="", help="a round kept in NEW, instead of NEW")
    add_schedule_options(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="REDLINE",
        help="also write a redline workbook (.xlsx) or PDF (.pdf)",
    )


def run(args: argparse.Namespace) -> int:
    """Compare and print (and write the redline)."""
    from carveplan.engine.diff import diff

    if args.output is not None and args.output.suffix.lower() not in REDLINE_SUFFIXES:
        raise UserError(f"{args.output}: a redline is an .xlsx workbook or a .pdf")
    old, new = read_sides(args)
    party = _scope(args, old, new)
    result = diff(old.agreement, new.agreement, party)
    if args.output is not None:
        _write(result, args.output, old.name, new.name)
    from carveplan.io.reports.diff import diff_dict, diff_text

    print_report(
        args.json,
        lambda: diff_dict(result, old.name, new.name),
        lambda: diff_text(result, old.name, new.name),
    )
    if args.output is not None and not args.json:
        print(f"wrote {args.output}")
    return Exit.OK


def read_sides(args: argparse.Namespace) -> tuple[Side, Side]:
    """Both sides; an agreement is read first so a delegation's schedule can use its rules."""
    if is_agreement_file(args.old) or not is_agreement_file(args.new):
        old = read_side(args.old, args, None, args.old_round)
        new = read_side(args.new, args, old.agreement, args.new_round)
    else:
        new = read_side(args.new, args, None, args.new_round)
        old = read_side(args.old, args, new.agreement, args.old_round)
    return old, new


def _scope(args: argparse.Namespace, old: Side, new: Side) -> str:
    """``--party``, else the party of a one-party side (a round or a schedule)."""
    if args.party:
        (party,) = check_parties(_both(old, new), [args.party])
        return party
    return old.party or new.party


def _both(old: Side, new: Side) -> Any:
    import dataclasses

    return dataclasses.replace(
        new.agreement,
        parties=(*old.agreement.parties, *new.agreement.parties),
        lines=(*old.agreement.lines, *new.agreement.lines),
    )


def _write(result: Any, path: Path, old_name: str, new_name: str) -> None:
    if path.suffix.lower() == ".pdf":
        from carveplan.io.present.redline_pdf import write_redline_pdf

        write_redline_pdf(result, path, old_name, new_name)
    else:
        from carveplan.io.workbook.redline import write_redline

        write_redline(result, path, old_name, new_name)
