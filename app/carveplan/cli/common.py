"""What the commands share: opening an agreement, scenario and date options."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from carveplan.io.formats import read_agreement
from carveplan.model import BASELINE, Agreement, grammar, in_calendar


class UserError(Exception):
    """A mistake in the command's arguments, reported as one line without a traceback."""


def add_file_argument(parser: argparse.ArgumentParser) -> None:
    """The agreement file every command reads."""
    parser.add_argument(
        "file", type=Path, help="agreement file (.carveplan, or a workbook CarvePlan exported)"
    )


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    """``--scenario NAME`` (default: the baseline)."""
    parser.add_argument(
        "--scenario", default=None, metavar="NAME", help="scenario to apply (default: baseline)"
    )


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    """``--json`` for commands that print a report."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def print_report(as_json: bool, data: Callable[[], object], text: Callable[[], Iterable[str]]) -> None:
    """Print a report as indented JSON (``data``) or as lines of text (``text``)."""
    if as_json:
        print(json.dumps(data(), indent=2, ensure_ascii=False))
    else:
        for line in text():
            print(line)


def open_agreement(path: Path) -> Agreement:
    """Read the agreement at ``path``; a missing file is a user error, not a traceback."""
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not an agreement file")
    return read_agreement(path)


def check_scenario(agreement: Agreement, name: str | None) -> str | None:
    """``name`` if the agreement has that scenario (or it is the baseline), else a user error."""
    if name is None or name == BASELINE:
        return None
    names = [s.name for s in agreement.scenarios]
    if name not in names:
        listed = ", ".join([BASELINE, *(n for n in names if n != BASELINE)])
        raise UserError(f"no scenario named {name!r}; the agreement has: {listed}")
    return name


def check_sectors(agreement: Agreement, asked: Iterable[str]) -> tuple[str, ...]:
    """Sector ids for sectors named as a user types them (``Energy``, ``energy``, ``critical minerals``).

    Args:
        agreement: the agreement whose sectors are known.
        asked: names or ids, in any case.

    Returns:
        The sector ids, so every export format filters on the same thing.
    """
    known = {s.id.casefold(): s.id for s in agreement.sectors}
    known.update({s.name.casefold(): s.id for s in agreement.sectors})
    known.update({s.id.replace("_", " ").casefold(): s.id for s in agreement.sectors})
    asked = tuple(asked)
    missing = [a for a in asked if a.casefold() not in known]
    if missing:
        listed = ", ".join(s.name for s in agreement.sectors)
        raise UserError(f"no sector named {', '.join(map(repr, missing))}; the agreement has: {listed}")
    return tuple(known[a.casefold()] for a in asked)


def check_parties(agreement: Agreement, asked: Iterable[str]) -> tuple[str, ...]:
    """Party codes as typed, in any case; an unknown code is an error rather than an empty export.

    Args:
        agreement: the agreement whose parties (and lines' parties) are known.
        asked: party codes, in any case.

    Returns:
        The codes as the agreement spells them.
    """
    known = {p.code.casefold(): p.code for p in agreement.parties}
    known.update({line.party.casefold(): line.party for line in agreement.lines})
    asked = tuple(asked)
    missing = [a for a in asked if a.casefold() not in known]
    if missing:
        listed = ", ".join(sorted(set(known.values())))
        raise UserError(f"no party {', '.join(map(repr, missing))}; the agreement has: {listed}")
    return tuple(known[a.casefold()] for a in asked)


def parse_date(text: str) -> date:
    """An ISO date argument (argparse type), read by the grammar the tables and the workbook use."""
    try:
        return grammar.parse_date(text)
    except grammar.CellError as err:
        raise argparse.ArgumentTypeError(str(err.at(text))) from None


def parse_year(text: str) -> int:
    """A four-digit calendar year argument (argparse type)."""
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year such as 2027")
    if not in_calendar(date(int(text) or 1, 1, 1)):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year from 1900 to 2200")
    return int(text)


# 600 dots per inch is print quality; beyond it an A4 chart needs gigabytes of memory to draw.
MAX_DPI = 600


def parse_dpi(text: str) -> int:
    """A raster resolution between 1 and :data:`MAX_DPI` dots per inch (argparse type)."""
    if not text.isdigit() or not 1 <= int(text) <= MAX_DPI:
        raise argparse.ArgumentTypeError(f"{text!r} is not a resolution from 1 to {MAX_DPI}")
    return int(text)
