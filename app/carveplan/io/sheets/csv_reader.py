"""Read a CSV schedule whatever its encoding and delimiter, within the same bounds as a workbook."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from carveplan.io.errors import ReadError
from carveplan.io.sheets.reader import LIMITS, Limits, Sheet
from carveplan.model import Location, Problem, Severity

DELIMITERS = ",;\t|"
MAX_CSV_BYTES = 256 * 2**20


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with.

    A byte-order mark decides; else UTF-8 if it decodes; else Windows-1252, which ministry tools on
    Windows write (it maps almost every byte, and those it does not map fall back to Latin-1).
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if len(data) > 3 and data[1:4:2] == b"\x00\x00" and data[0] != 0:
        return data.decode("utf-16-le", errors="replace"), "utf-16-le"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV ``text``: the candidate splitting the first lines most consistently."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=delimiter))) - 1 for line in lines]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) + min(common, 20) / 100
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, limits: Limits = LIMITS) -> Sheet:
    """The rows of a CSV file as a sheet of text cells.

    Raises:
        ReadError: when the file is binary, larger than the bounds, or has too many rows.
    """
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise _error(path, f"the file has {size:,} bytes; CarvePlan reads CSV files up to {MAX_CSV_BYTES:,}")
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        raise _error(path, "this is a zip archive (an Excel workbook?), not a CSV file: name it .xlsx")
    text, _encoding = decode(data)
    if "\x00" in text:
        raise _error(path, "not a text file: it holds binary data")
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > limits.max_rows:
                message = (
                    f"the file has more than {limits.max_rows:,} rows; CarvePlan reads at most that many"
                )
                raise _error(path, message)
    except csv.Error as err:
        raise _error(path, f"row {reader.line_num}: {err}") from None
    return Sheet(path.stem, rows)


def _error(path: Path, message: str) -> ReadError:
    return ReadError([Problem(Severity.ERROR, Location(file=path.name), message, "unreadable")])
