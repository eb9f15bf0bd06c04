"""``carveplan rounds FILE``: list the negotiating rounds kept in an agreement, add or remove one."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from carveplan.cli.command import Exit, register
from carveplan.cli.common import (
    UserError,
    check_parties,
    open_agreement,
    parse_date,
    print_report,
)
from carveplan.model import Agreement, Round, Stance


def add_parser(sub: Any) -> None:
    """Register the command."""
    parser = register(
        sub,
        "rounds",
        run,
        help="list the negotiating rounds kept in an agreement; add (freeze) or remove one",
        description="A round is a frozen, named, dated copy of the agreement or of one party's schedule "
        "(an offer, a request). Without --add or --remove, lists the rounds. Compare rounds with "
        "`carveplan diff FILE FILE --old-round A --new-round B`.",
        file=False,
        json=True,
    )
    parser.add_argument("file", type=Path, help="the .carveplan file")
    parser.add_argument("--add", metavar="NAME", help="freeze the agreement as it stands as a new round")
    parser.add_argument("--party", metavar="CODE", help="freeze only this party's lines (with --add)")
    parser.add_argument(
        "--stance", choices=[s.value for s in Stance], default=Stance.SNAPSHOT.value, help="what the round is"
    )
    parser.add_argument("--date", type=parse_date, metavar="DATE", help="the date tabled (default: today)")
    parser.add_argument("--note", default="", help="free text kept with the round")
    parser.add_argument("--remove", metavar="NAME", help="drop a round from the file")


def run(args: argparse.Namespace) -> int:
    """Add, remove or list."""
    from carveplan.io.native import SUFFIX, save

    if args.file.suffix.lower() != SUFFIX:
        raise UserError(f"{args.file}: rounds are kept in a {SUFFIX} file")
    agreement = open_agreement(args.file)
    if args.add and args.remove:
        raise UserError("give --add or --remove, not both")
    if args.add:
        agreement = add_round(agreement, args)
        save(agreement, args.file)
        print(f"added round {args.add!r} to {args.file.name}")
    elif args.remove:
        if args.remove not in {r.name for r in agreement.rounds}:
            raise UserError(f"{args.file.name}: no round named {args.remove!r}; {_names(agreement)}")
        kept = tuple(r for r in agreement.rounds if r.name != args.remove)
        save(_replace_rounds(agreement, kept), args.file)
        print(f"removed round {args.remove!r} from {args.file.name}")
    print_report(args.json, lambda: [_round_dict(r) for r in agreement.rounds], lambda: _text(agreement))
    return Exit.OK


def add_round(agreement: Agreement, args: argparse.Namespace, source: Agreement | None = None) -> Agreement:
    """``agreement`` with a round frozen from ``source`` (itself by default), named by ``args.add``.

    Args:
        agreement: the agreement that keeps the round.
        args: ``add`` (the name), ``party``, ``stance``, ``date`` and ``note``.
        source: what the round freezes (another delegation's schedule, a workbook).

    Returns:
        The agreement with the round added last.
    """
    from carveplan.engine.rounds import take_round, with_round

    name = args.add.strip()
    if not name:
        raise UserError("a round needs a name, e.g. --add 'Round 3 — VNM offer'")
    frozen = source or agreement
    party = check_parties(frozen, [args.party])[0] if args.party else ""
    taken = args.date or date.today()
    round_ = take_round(frozen, name, taken, party, Stance(args.stance), args.note)
    try:
        return with_round(agreement, round_)
    except ValueError as err:
        raise UserError(str(err)) from None


def _replace_rounds(agreement: Agreement, rounds: tuple[Round, ...]) -> Agreement:
    import dataclasses

    return dataclasses.replace(agreement, rounds=rounds)


def _names(agreement: Agreement) -> str:
    names = ", ".join(repr(r.name) for r in agreement.rounds)
    return f"the rounds are: {names}" if names else "it keeps no rounds"


def _round_dict(round_: Round) -> dict[str, Any]:
    return {
        "name": round_.name,
        "taken": round_.taken.isoformat(),
        "party": round_.party or None,
        "stance": round_.stance.value,
        "eif": round_.eif.isoformat(),
        "lines": len(round_.lines),
        "note": round_.note,
    }


def _text(agreement: Agreement) -> list[str]:
    if not agreement.rounds:
        return ["No rounds kept yet: add one with --add NAME."]
    from carveplan.io.reports.analysis import text_table
    from carveplan.io.reports.rows import Rows

    rows: Rows = [["Round", "Tabled", "Party", "Stance", "EIF", "Lines", "Note"]]
    for r in agreement.rounds:
        rows.append([r.name, r.taken, r.party or "all", r.stance.value, r.eif, len(r.lines), r.note])
    return list(text_table(rows))
