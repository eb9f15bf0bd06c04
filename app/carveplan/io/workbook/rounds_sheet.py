"""Rounds in the exchange workbook: a sheet to read, and a hidden copy that imports back exactly."""

from __future__ import annotations

import json
from typing import Any

from carveplan.io.native.decode import decode_rounds
from carveplan.io.native.encode import encode
from carveplan.io.sheets.reader import Sheet
from carveplan.io.workbook.table import Problems
from carveplan.model import Round

ROUNDS = "Rounds"
# Rounds are frozen: they travel as the native file's JSON, in cells short enough for any spreadsheet.
ROUND_DATA = "Round data"
CHUNK = 30000  # characters per cell; Excel holds at most 32,767
LEGEND = (
    (ROUNDS, "negotiating rounds kept in the agreement (frozen offers and requests), for reading"),
    (ROUND_DATA, "hidden: the rounds as CarvePlan reads them back on import; do not edit"),
)
HEADERS = ("Round", "Tabled", "Party", "Stance", "Entry into force", "Lines", "Note")


def write_rounds(writer: Any, rounds: tuple[Round, ...]) -> None:
    """The Rounds sheet and its hidden data sheet (nothing when there are no rounds).

    Args:
        writer: the workbook's :class:`carveplan.io.workbook.writer.SheetWriter`.
        rounds: the agreement's rounds.
    """
    if not rounds:
        return
    sheet = writer.sheet(ROUNDS, (32, 12, 8, 10, 14, 8, 40), ("", "yyyy-mm-dd", "", "", "yyyy-mm-dd"))
    writer.header(sheet, HEADERS)
    for r in rounds:
        writer.append(sheet, [r.name, r.taken, r.party or "all", r.stance.value, r.eif, len(r.lines), r.note])
    data = writer.sheet(ROUND_DATA, (32, 6, 120))
    data.sheet_state = "hidden"
    writer.header(data, ("Round", "Part", "Data"))
    for r in rounds:
        text = json.dumps(encode(r), ensure_ascii=False, separators=(",", ":"))
        for part, start in enumerate(range(0, len(text), CHUNK), start=1):
            writer.append(data, [r.name, part, text[start : start + CHUNK]])
            writer.progress.step()


def data_rows(rounds: tuple[Round, ...]) -> int:
    """How many rows :func:`write_rounds` writes to the data sheet (for the progress total)."""
    return sum(-(-len(json.dumps(encode(r), ensure_ascii=False)) // CHUNK) for r in rounds)


def read_rounds(sheet: Sheet | None, problems: Problems) -> tuple[Round, ...]:
    """The rounds from the hidden data sheet (``None``: the workbook has none).

    Args:
        sheet: the Round data sheet.
        problems: where problems go, with the sheet and row.

    Returns:
        The rounds, in the order the sheet lists them.
    """
    if sheet is None:
        return ()
    parts: dict[str, list[str]] = {}
    for row in sheet.rows[1:]:
        if len(row) < 3 or not str(row[0]).strip():
            continue
        parts.setdefault(str(row[0]), []).append(str(row[2]))
    raw = []
    for name, chunks in parts.items():
        try:
            raw.append(json.loads("".join(chunks)))
        except json.JSONDecodeError as err:
            message = f"round {name!r}: its data was edited and cannot be read ({err.msg})"
            problems.add(message, "bad-round", sheet.name)
    rounds, found = decode_rounds(raw, problems.file, ROUND_DATA)
    for problem in found:
        problems.add(f"{problem.location.field}: {problem.message}", "bad-round", sheet.name)
    return rounds
