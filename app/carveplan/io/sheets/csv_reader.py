"""Read a CSV schedule whatever its encoding and delimiter, within the same bounds as a workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from carveplan.io.errors import ReadError
from carveplan.io.sheets.encoding import Decoded, decode_text
from carveplan.io.sheets.reader import LIMITS, Limits, Sheet
from carveplan.io.sheets.scan import column_name
from carveplan.model import Location, Problem, Severity

DELIMITERS = ",;\t|"
MAX_CSV_BYTES = 256 * 2**20
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with (see :func:`decode_text`)."""
    decoded = decode_text(data)
    return decoded.text, decoded.encoding


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV ``text``: the candidate splitting the first lines most consistently."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in DELIMITERS:
        try:
            counts = [len(next(csv.reader([line], delimiter=delimiter))) - 1 for line in lines]
        except csv.Error:  # a field past the limit: the reader reports it with its row
            continue
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) + min(common, 20) / 100
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, limits: Limits = LIMITS) -> Sheet:
    """The rows of a CSV file as a sheet of text cells; how it was decoded is in the sheet's notes.

    Raises:
        ReadError: when the file cannot be opened, is binary, larger than the bounds, has too many
            rows or a cell longer than a spreadsheet cell.
    """
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise _error(
                path, f"the file has {size:,} bytes; CarvePlan reads CSV files up to {MAX_CSV_BYTES:,}"
            )
        data = path.read_bytes()
    except OSError as err:
        raise _error(path, f"cannot open the file: {err.strerror or err}") from None
    if data.startswith(b"PK\x03\x04"):
        raise _error(path, "this is a zip archive (an Excel workbook?), not a CSV file: name it .xlsx")
    decoded = decode_text(data)
    text = decoded.text
    if "\x00" in text:
        raise _error(path, "not a text file: it holds binary data")
    rows = _rows(path, text, limits)
    return Sheet(path.stem, rows, notes=_notes(path, decoded))


def _rows(path: Path, text: str, limits: Limits) -> list[list[str]]:
    rows: list[list[str]] = []
    # The module's own limit (131,072) would stop the reader with a bare error; cells are checked below.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        for row in reader:
            rows.append(row)
            longest = max(map(len, row), default=0)
            if longest > MAX_CELL_CHARS:
                column = next(i for i, cell in enumerate(row) if len(cell) == longest)
                message = (
                    f"a cell of {longest:,} characters; a spreadsheet cell holds at most {MAX_CELL_CHARS:,} "
                    "(is a closing quote missing?)"
                )
                where = Location(file=path.name, row=reader.line_num, column=column_name(column + 1))
                raise ReadError([Problem(Severity.ERROR, where, message, "too-large")])
            if len(rows) > limits.max_rows:
                message = (
                    f"the file has more than {limits.max_rows:,} rows; CarvePlan reads at most that many"
                )
                raise _error(path, message)
    except csv.Error as err:
        raise _error(path, f"row {reader.line_num}: {err}") from None
    return rows


def _notes(path: Path, decoded: Decoded) -> list[Problem]:
    """How the file was decoded (information), and the rows a user should check (warnings)."""
    where = Location(file=path.name)
    notes = [Problem(Severity.INFO, where, decoded.describe(), "encoding")]
    if decoded.legacy_rows:
        message = (
            f"mixed encodings: {_rows_text(decoded.legacy_rows)} read as {decoded.encoding.split('+')[-1]}, "
            "the others as UTF-8; check their accented letters"
        )
        notes.append(Problem(Severity.WARNING, where, message, "mixed-encoding"))
    if decoded.replaced_rows:
        message = (
            f"replacement characters in {_rows_text(decoded.replaced_rows)}: some bytes are text in no "
            "encoding CarvePlan knows; save the file as UTF-8 and import it again"
        )
        notes.append(Problem(Severity.WARNING, where, message, "undecodable"))
    return notes


def _rows_text(rows: tuple[int, ...]) -> str:
    shown = ", ".join(map(str, rows[:20]))
    more = f" and {len(rows) - 20:,} more" if len(rows) > 20 else ""
    return f"row {shown}" if len(rows) == 1 else f"rows {shown}{more}"


def _error(path: Path, message: str) -> ReadError:
    return ReadError([Problem(Severity.ERROR, Location(file=path.name), message, "unreadable")])
