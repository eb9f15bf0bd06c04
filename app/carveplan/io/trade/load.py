"""Load a trade-data file (CSV of any size, or a workbook) into a pandas table of the recognized columns."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carveplan.io.errors import ReadError
from carveplan.io.sheets.csv_reader import decode, sniff_delimiter
from carveplan.io.sheets.reader import SheetReader
from carveplan.io.trade.columns import REQUIRED, TradeColumns, find_trade_header, recognize_trade

if TYPE_CHECKING:
    import pandas as pd

_SNIFF_BYTES = 1 << 16  # the header and the delimiter are found in the top of the file
_WORKBOOKS = (".xlsx", ".xlsm")
_NUMBERS = ("value", "weight")
EXPECTED = (
    "a UN Comtrade download (refYear, reporterISO, partnerISO, cmdCode, flowCode, primaryValue), "
    "a WITS export, or a plain file with code, partner and value columns"
)


@dataclass(frozen=True)
class Loaded:
    """The recognized columns of a trade file, one pandas column per field.

    Attributes:
        frame: the data rows; columns are field names (``code``, ``value`` …), cells are text.
        columns: which column of the file each field came from.
        first_row: the file's row number (1-based) of the frame's first row.
        sheet: the worksheet read, for a workbook.
    """

    frame: pd.DataFrame
    columns: TradeColumns
    first_row: int
    sheet: str = ""


def load_trade_file(path: Path) -> Loaded:
    """Read a trade file's recognized columns as text.

    Args:
        path: a ``.csv``/``.txt``/``.tsv`` file (any delimiter and encoding) or an ``.xlsx`` workbook.

    Returns:
        The table, with every cell as text.

    Raises:
        ReadError: when the file cannot be read or no header row names a code and a value column.
    """
    if not path.is_file():
        raise ReadError.single(str(path), "no such file")
    if path.suffix.lower() in _WORKBOOKS:
        return _load_workbook(path)
    return _load_text(path)


def _load_text(path: Path) -> Loaded:
    import pandas as pd

    with path.open("rb") as stream:
        head = stream.read(_SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04"):
        raise ReadError.single(
            path.name, "this is a zip archive (an Excel workbook?), not a CSV file: name it .xlsx"
        )
    text, encoding = decode(head)
    if "\x00" in text:
        raise ReadError.single(path.name, "not a text file: it holds binary data")
    if len(head) == _SNIFF_BYTES:  # the last line may be cut mid-way
        text = text[: text.rfind("\n") + 1] or text
    delimiter = sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    index = _header_index(path.name, rows)
    columns = recognize_trade(rows[index])
    wanted = sorted(columns.fields.values())
    read = {"sep": delimiter, "skiprows": index, "encoding": "utf-8-sig" if encoding == "utf-8" else encoding}
    try:
        try:
            frame = _read_csv(path, columns, wanted, read, numbers=True)
        except ValueError:  # a value that is not a plain number: read it as text to say where
            frame = _read_csv(path, columns, wanted, read, numbers=False)
    except (pd.errors.ParserError, ValueError) as err:
        raise ReadError.single(path.name, f"the file cannot be read as CSV: {_first_line(err)}") from None
    return Loaded(_rename(frame, columns, wanted), columns, index + 2)


def _read_csv(
    path: Path, columns: TradeColumns, wanted: list[int], read: dict[str, Any], numbers: bool
) -> pd.DataFrame:
    """The file's recognized columns, compactly: categories for repeated text, floats for amounts.

    Codes are read as text (a category would turn ``0101`` into the number 101) and made categories
    later; reporters, partners, flows and years repeat, so they are categories from the start. A
    Comtrade download of two million rows then takes a few hundred megabytes, not gigabytes.
    """
    import pandas as pd

    kinds: dict[int, Any] = {}
    for name, column in columns.fields.items():
        if name in _NUMBERS:
            kinds[column] = "float64" if numbers else str
        else:
            kinds[column] = str if name == "code" else "category"
    return pd.read_csv(
        path,
        header=0,
        usecols=wanted,
        dtype=kinds,
        keep_default_na=False,
        na_values={columns.fields[n]: [""] for n in _NUMBERS if n in columns.fields and numbers},
        skip_blank_lines=False,
        encoding_errors="replace",
        **read,
    )


def _load_workbook(path: Path) -> Loaded:
    import pandas as pd

    with SheetReader(path) as reader:
        for name in reader.sheet_names:
            rows = reader.read(name).rows
            index = find_trade_header(rows)
            if index is None:
                continue
            columns = recognize_trade(rows[index])
            wanted = sorted(columns.fields.values())
            body = [[_cell(row, i) for i in wanted] for row in rows[index + 1 :]]
            frame = pd.DataFrame(body, columns=[str(i) for i in wanted], dtype=str)
            return Loaded(_rename(frame, columns, wanted), columns, index + 2, name)
    raise ReadError.single(
        path.name, f"no sheet has a header row with a commodity code and a value; expected {EXPECTED}"
    )


def _header_index(file: str, rows: list[list[str]]) -> int:
    index = find_trade_header(rows)
    if index is None:
        found = ", ".join(repr(c) for c in rows[0][:8]) if rows else "nothing"
        message = (
            f"no header row with a commodity code and a value column in the top 40 rows (row 1 has {found});"
            f" expected {EXPECTED}"
        )
        raise ReadError.single(file, message)
    missing = [name for name in REQUIRED if name not in recognize_trade(rows[index]).fields]
    assert not missing  # find_trade_header only returns rows with every required column
    return index


def _rename(frame: pd.DataFrame, columns: TradeColumns, wanted: list[int]) -> pd.DataFrame:
    """Name the frame's columns by field (the file's headers may repeat or be blank)."""
    by_index = {index: name for name, index in columns.fields.items()}
    frame.columns = [by_index[i] for i in wanted]
    return frame


def _cell(row: list[Any], index: int) -> str:
    value = row[index] if index < len(row) else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code or a year the workbook stored as a number
    return "" if value is None else str(value)


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
