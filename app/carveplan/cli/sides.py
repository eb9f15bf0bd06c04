"""Reading each side of a comparison: a .carveplan file (or one of its rounds), a workbook or a schedule."""

from __future__ import annotations

import argparse
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carveplan.cli.common import UserError, open_agreement, parse_date
from carveplan.io import native
from carveplan.io.schedule.columns import FIELDS
from carveplan.model import Agreement

SCHEDULE_SUFFIXES = (".xlsx", ".csv", ".tsv", ".txt")


@dataclass(frozen=True)
class Side:
    """One side of a comparison.

    Attributes:
        agreement: what was read, as an agreement.
        name: how reports name it (the file name, with the round's).
        party: the party it is limited to (a round of one party's schedule, or a delegation's schedule).
    """

    agreement: Agreement
    name: str
    party: str = ""


def add_schedule_options(parser: argparse.ArgumentParser) -> None:
    """The options ``import`` takes for another delegation's schedule (``--party`` is the caller's)."""
    parser.add_argument("--sector", metavar="NAME", help="sector of every line (default: from the HS map)")
    parser.add_argument("--eif", type=parse_date, metavar="DATE", help="entry into force, for a schedule")
    parser.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first with headers)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"the column (header text or letter) holding a field; fields: {', '.join(FIELDS)}",
    )


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


def is_agreement_file(path: Path) -> bool:
    """Whether ``path`` reads as a whole agreement (not as one delegation's schedule)."""
    suffix = path.suffix.lower()
    if suffix in (native.SUFFIX, ".xml"):
        return True
    return suffix == ".xlsx" and is_exchange_workbook(path)


def is_exchange_workbook(path: Path) -> bool:
    """Whether an .xlsx file is a workbook CarvePlan exported."""
    from carveplan.io.sheets.reader import SheetReader
    from carveplan.io.workbook.importer import is_carveplan_workbook

    with SheetReader(path) as reader:
        return is_carveplan_workbook(reader.sheet_names)


def read_side(path: Path, args: argparse.Namespace, other: Agreement | None = None, round_: str = "") -> Side:
    """Read one side of a comparison.

    Args:
        path: the file.
        args: ``--party`` and the schedule options.
        other: the other side, when it is an agreement: a delegation's schedule takes its entry into
            force, categories and milestones, so final dates are computed by the same rules.
        round_: a round of a .carveplan file to read instead of the file's current state.

    Returns:
        The side.
    """
    _check_file(path)
    if is_agreement_file(path):
        agreement = open_agreement(path)
        return _round_side(agreement, path, round_) if round_ else Side(agreement, path.name)
    if round_:
        raise UserError(f"{path.name}: only a .carveplan file keeps rounds")
    if path.suffix.lower() not in SCHEDULE_SUFFIXES:
        raise UserError(f"{path.name}: compare .carveplan files, workbooks (.xlsx) or schedules (.csv)")
    return Side(read_schedule(path, args, other), path.name, _party(args))


def read_schedule(path: Path, args: argparse.Namespace, other: Agreement | None) -> Agreement:
    """Another delegation's schedule, as the lines of ``--party`` on the rules of ``other`` (if any)."""
    from carveplan.io.schedule.importer import import_schedule_report
    from carveplan.io.schedule.options import ScheduleImportOptions

    party = _party(args)
    if not party:
        raise UserError(f"{path.name} is not a workbook CarvePlan exported: give --party CODE to read it")
    existing = None
    if other is not None:
        existing = dataclasses.replace(other, lines=(), rounds=(), scenarios=())
    options = ScheduleImportOptions(
        party=party,
        sector=args.sector,
        eif=args.eif,
        mapping=parse_map(args.map),
        existing=existing,
        sheet=args.sheet,
    )
    return import_schedule_report(path, options).agreement


def _round_side(agreement: Agreement, path: Path, name: str) -> Side:
    from carveplan.engine.rounds import find_round, round_agreement

    try:
        chosen = find_round(agreement, name)
    except KeyError as err:
        raise UserError(f"{path.name}: {err.args[0]}") from None
    return Side(round_agreement(agreement, chosen), f"{path.name} [{chosen.name}]", chosen.party)


def _party(args: Any) -> str:
    party: str | None = getattr(args, "party", None)
    return party.strip().upper() if party else ""


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not an agreement, workbook or schedule")
    if not path.is_file():
        raise UserError(f"{path}: no such file")
