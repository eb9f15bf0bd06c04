"""CSV schedules: encodings and delimiters are detected, binary and huge files refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.io.errors import ReadError
from carveplan.io.sheets.csv_reader import decode, read_csv, sniff_delimiter
from carveplan.io.sheets.reader import Limits

ROWS = [
    ["HS Code", "Description", "Base Rate"],
    ["0101", "Chevaux; vivants, reproducteurs de race pure", "5,5"],
]


# The first example loads the encoding detector: no deadline.
@settings(deadline=None)
@given(
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_delimiter_and_encoding_are_detected(delimiter: str, encoding: str) -> None:
    text = "\r\n".join(
        delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in row) for row in ROWS
    )
    decoded, _used = decode(("Côte d’Ivoire\r\n" + text).encode(encoding))
    assert decoded.lstrip("\ufeff").startswith("Côte d’Ivoire")
    assert sniff_delimiter(text) == delimiter


def test_rows_keep_codes_as_text(tmp_path: Path) -> None:
    path = tmp_path / "schedule.csv"
    path.write_text("tl;desc;base\n0101;Horses;5\n", encoding="cp1252")
    assert read_csv(path).rows == [["tl", "desc", "base"], ["0101", "Horses", "5"]]


def test_binary_and_zip_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(ReadError, match="not a text file"):
        read_csv(binary)
    zipped = tmp_path / "book.csv"
    zipped.write_bytes(b"PK\x03\x04rest")
    with pytest.raises(ReadError, match="zip archive"):
        read_csv(zipped)


def test_row_bound(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("code\n" + "0101\n" * 200)
    with pytest.raises(ReadError, match="more than 100 rows"):
        read_csv(path, Limits(max_rows=100))


def test_a_cell_longer_than_a_spreadsheet_cell_is_located(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("HS Code,Description\n270900," + "x" * 140_000 + "\n", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_csv(path)
    (problem,) = caught.value.problems
    assert str(problem).startswith("ERROR long.csv row 2 column B: a cell of 140,000 characters")


def test_the_encoding_used_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "schedule.csv"
    path.write_bytes("HS Code;Description\n270900;Pétrole\n".encode("cp1252"))
    (note,) = read_csv(path).notes
    assert note.severity.value == "info"
    assert note.message.startswith("read as ")
