"""Bad and hostile workbooks: each gives its clear, located error, never a traceback or a hang."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from carveplan.io.errors import ReadError
from carveplan.io.sheets.reader import Limits, SheetReader
from carveplan.io.workbook.importer import read_workbook
from tests.data.make_bad_files import BAD, EXPECTED, files
from tests.helpers.xlsx import minimal_xlsx


def _problems(path: Path) -> tuple[str, ...]:
    with pytest.raises(ReadError) as caught:
        read_workbook(path)
    return tuple(f"{p.code}|{p}" for p in caught.value.problems)


def test_corpus_is_up_to_date() -> None:
    assert sorted(p.name for p in BAD.glob("*.xlsx")) == sorted(EXPECTED)
    # Byte-identical regeneration is not expected (zip timestamps); same set of files and sizes near.
    assert set(files()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_its_error(name: str) -> None:
    code, fragment, where = EXPECTED[name]
    problems = _problems(BAD / name)
    matching = [p for p in problems if p.startswith(f"{code}|")]
    assert matching, problems
    assert any(fragment in p for p in matching), problems
    assert any(f"{name} {where}" in p for p in matching) if where else all(name in p for p in matching)


def test_several_problems_are_reported_at_once() -> None:
    problems = _problems(BAD / "wrong-types.xlsx")
    assert len(problems) == 2


def _sheet_xml(rows: int) -> bytes:
    body = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i)
        for i in range(1, rows + 1)
    )
    return (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + body
        + b"</sheetData></worksheet>"
    )


def test_a_million_rows_are_refused_with_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "million.xlsx"
    minimal_xlsx(path, _sheet_xml(1_000_000))
    with SheetReader(path) as reader, pytest.raises(ReadError) as caught:
        reader.read("Lines")
    message = str(caught.value)
    assert "CarvePlan reads at most 300,000 rows per sheet" in message
    assert "sheet 'Lines'" in message


def test_rows_under_the_bound_are_read(tmp_path: Path) -> None:
    path = tmp_path / "small.xlsx"
    minimal_xlsx(path, _sheet_xml(50))
    with SheetReader(path, Limits(max_rows=100)) as reader:
        assert len(reader.read("Lines").rows) == 50


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    minimal_xlsx(path, b"<worksheet/>")
    # 600 MB of zeros deflate to well under a megabyte; written in pieces, never held whole.
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w", force_zip64=True) as stream,
    ):
        block = b"\0" * (8 << 20)
        for _ in range(75):
            stream.write(block)
    assert path.stat().st_size < 2 << 20
    with pytest.raises(ReadError) as caught:
        SheetReader(path)
    assert caught.value.problems[0].code == "zip-bomb"
    assert "refused" in str(caught.value)


def test_a_lying_size_header_is_caught_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "liar.xlsx"
    minimal_xlsx(path, _sheet_xml(2000))
    data = bytearray(path.read_bytes())
    # Claim, in the central directory, that the sheet inflates to 100 bytes: reading stops there
    # and the checksum no longer matches.
    name = b"xl/worksheets/sheet1.xml"
    entry = next(i for i in _find_all(data, b"PK\x01\x02") if data[i + 46 : i + 46 + len(name)] == name)
    data[entry + 24 : entry + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with SheetReader(path) as reader, pytest.raises(ReadError) as caught:
        reader.read("Lines")
    assert caught.value.problems[0].code == "corrupt"


def _find_all(data: bytearray, needle: bytes) -> list[int]:
    found, start = [], 0
    while (index := data.find(needle, start)) >= 0:
        found.append(index)
        start = index + 1
    return found
