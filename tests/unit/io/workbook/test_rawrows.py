"""Rows written as XML text and spliced into a saved workbook read back as the library's own cells."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill

from carveplan.io.workbook.rawrows import RawRows
from carveplan.io.workbook.splice import splice


def _book(rows: list[list[object]], header: bool = True, fill: str = "") -> tuple[bytes, RawRows]:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    if header:
        sheet.append(["Name", "Value"])
    raw = RawRows(sheet, next_row=2 if header else 1)
    style = raw.style(fill=PatternFill("solid", fgColor=fill)) if fill else 0
    for row in rows:
        raw.append([(v, style) if style and v is not None else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return splice(buffer.getvalue(), {"Data": raw}), raw


def _read(data: bytes, tmp_path: Path) -> list[tuple[object, ...]]:
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    return list(load_workbook(path)["Data"].iter_rows(values_only=True))


def test_values_of_every_kind_read_back(tmp_path: Path) -> None:
    rows = [
        ["a & <b>", 1],
        ["  padded  ", 2.5],
        ["=HYPERLINK(1)", Decimal("0.1")],
        ["day", date(2027, 1, 1)],
        ["flag", True],
        [None, "bell\x07"],
    ]
    data, _raw = _book(rows)
    read = _read(data, tmp_path)
    assert read[0] == ("Name", "Value")
    assert read[1] == ("a & <b>", 1)
    assert read[2] == ("  padded  ", 2.5)
    assert read[3] == ("=HYPERLINK(1)", 0.1)  # text, not a formula
    assert read[4][1].date() == date(2027, 1, 1)  # type: ignore[union-attr]
    assert read[5] == ("flag", True)
    assert read[6] == (None, "bell")


def test_formula_like_text_keeps_its_apostrophe_style(tmp_path: Path) -> None:
    data, _raw = _book([["=1+1", 0]])
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    cell = load_workbook(path)["Data"]["A2"]
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_styled_cells_carry_their_fill(tmp_path: Path) -> None:
    data, _raw = _book([["bar", None], [None, ""]], fill="F4B183")
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path)["Data"]
    assert sheet["A2"].fill.fgColor.rgb == "00F4B183"
    assert sheet["B3"].fill.fgColor.rgb == "00F4B183"  # a coloured cell without a value
    assert sheet["B2"].fill.fgColor.rgb != "00F4B183"  # none written: no cell


def test_a_sheet_without_a_header_gets_its_rows(tmp_path: Path) -> None:
    data, raw = _book([["only", 1]], header=False)
    assert _read(data, tmp_path) == [("only", 1)]
    assert raw.next_row == 2


def test_repeated_cells_keep_their_kind(tmp_path: Path) -> None:
    """Cells are remembered by value, and ``True == 1``: a flag never reads back as a number."""
    rows: list[list[object]] = [[1, True], [True, 1], [0, False], [False, 0.0], ["x", "x"]]
    data, _raw = _book(rows, header=False)
    read = _read(data, tmp_path)
    assert [[type(v) for v in row] for row in read] == [
        [int, bool],
        [bool, int],
        [int, bool],
        [bool, int],
        [str, str],
    ]


def test_repeated_styled_flags_keep_their_kind(tmp_path: Path) -> None:
    data, _raw = _book([[1, True], [True, 1]], header=False, fill="F4B183")
    read = _read(data, tmp_path)
    assert [[type(v) for v in row] for row in read] == [[int, bool], [bool, int]]


def test_runs_of_coloured_cells_around_and_under_marks(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    raw = RawRows(sheet, next_row=1)
    orange = raw.style(fill=PatternFill("solid", fgColor="F4B183"))
    red = raw.style(fill=PatternFill("solid", fgColor="E06666"))
    # A head cell, an orange run over C-E with a mark in D, a red run over F-G, a mark after them.
    raw.append_runs({0: "L1", 3: (6.4, orange), 8: "end"}, [(2, 5, orange), (5, 7, red)])
    raw.append_runs({}, [(0, 2, red)])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "book.xlsx"
    path.write_bytes(splice(buffer.getvalue(), {"Data": raw}))
    data = load_workbook(path)["Data"]
    assert [c.value for c in data[1]] == ["L1", None, None, 6.4, None, None, None, None, "end"]
    fills = [c.fill.fgColor.rgb[-6:] if c.has_style else "" for c in data[1]]
    assert fills == ["", "", "F4B183", "F4B183", "F4B183", "E06666", "E06666", "", ""]
    assert not data["B1"].has_style  # no cell written there
    assert [c.fill.fgColor.rgb[-6:] for c in data[2]][:3] == ["E06666", "E06666", "000000"]
