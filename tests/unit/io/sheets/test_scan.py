"""The sheet scan: every cell reference counts, whatever the prefix, quoting or attribute order."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.io.errors import ReadError
from carveplan.io.sheets.reader import SheetReader
from carveplan.io.sheets.scan import TooLarge, column_name, column_number, scan_sheet, scan_text
from tests.helpers.xlsx import MAIN, minimal_xlsx, sheet_xml


def _scan(xml: bytes, max_rows: int = 300_000, max_cells: int = 6_000_000) -> object:
    return scan_sheet(io.BytesIO(xml), max_rows, max_cells)


def _cells(body: str) -> bytes:
    return f'<worksheet xmlns="{MAIN}" xmlns:y="urn:y"><sheetData>{body}</sheetData></worksheet>'.encode()


@given(st.integers(1, 16_384))
def test_column_names_and_numbers_agree(number: int) -> None:
    assert column_number(column_name(number)) == number


def test_two_far_cells_are_refused_by_their_grid() -> None:
    with pytest.raises(TooLarge) as caught:
        _scan(sheet_xml([("A1", "x"), ("XFD20000", "y")]))
    assert caught.value.cell == "XFD20000"
    assert "20,000 rows × 16,384 columns = 327,680,000 cells" in str(caught.value)


@pytest.mark.parametrize(
    "cell",
    [
        '<c r="XFD7" t="inlineStr"><is><t>a</t></is></c>',  # plain
        '<c r = "XFD7" t="inlineStr"><is><t>a</t></is></c>',  # spaces around '='
        "<c r='XFD7' t='inlineStr'><is><t>a</t></is></c>",  # single quotes
        '<c q=">" r="XFD7" t="inlineStr"><is><t>a</t></is></c>',  # a '>' inside another attribute
        '<c r="xfd7" t="inlineStr"><is><t>a</t></is></c>',  # lower case, which calamine reads too
        '<c\n r="XFD7"><v>1</v></c>',  # a line break after the tag name
    ],
)
def test_every_spelling_of_a_reference_counts(cell: str) -> None:
    shape = _scan(_cells(f'<row r="7">{cell}</row>'))
    assert (shape.last_row, shape.last_column) == (7, 16_384)  # type: ignore[attr-defined]


def test_cells_without_references_follow_their_row_and_the_cell_before() -> None:
    body = '<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="D5"><v>3</v></c><c><v>4</v></c></row>'
    shape = _scan(_cells(body))
    assert (shape.last_row, shape.last_column, shape.cells) == (5, 5, 4)  # type: ignore[attr-defined]


def test_a_reference_under_another_prefix_is_not_a_cell_reference() -> None:
    # calamine ignores y:r, and so does the scan: the cell is the next one of its row.
    shape = _scan(_cells('<row r="1"><c y:r="XFD9"><v>1</v></c></row>'))
    assert (shape.last_row, shape.last_column) == (1, 1)  # type: ignore[attr-defined]


def test_prefixed_rows_count_against_the_row_bound() -> None:
    cells = [(f"A{row}", "x") for row in range(1, 1002)]
    with pytest.raises(TooLarge, match="reaches row 1,001"):
        _scan(sheet_xml(cells, prefix="x"), max_rows=1000)


def test_a_declared_range_past_the_bounds_is_refused() -> None:
    with pytest.raises(TooLarge, match="declares its range as A1:XFD1048576"):
        _scan(sheet_xml([("A1", "x")], dimension="A1:XFD1048576"))
    assert _scan(sheet_xml([("A1", "x")], dimension="A1:D40")).dimension == "A1:D40"  # type: ignore[attr-defined]


def test_text_longer_than_a_cell_holds_is_refused_without_holding_it_whole() -> None:
    with pytest.raises(TooLarge, match="32,767 characters"):
        _scan(sheet_xml([("A1", "x" * (3 << 20))]))
    with pytest.raises(TooLarge):
        scan_text(io.BytesIO(b"<sst><si><t>" + b"y" * (5 << 20) + b"</t></si></sst>"))


def test_the_fast_and_the_exact_scan_agree_on_a_real_sheet() -> None:
    cells = [(f"{column_name(c)}{r}", f"v{r}") for r in range(1, 400) for c in (1, 3, 28, 30)]
    plain = sheet_xml(cells)
    # A line break after each tag name sends every chunk down the exact path.
    exact = re.sub(rb"<c ", b"<c\n ", plain)
    fast_shape, exact_shape = _scan(plain), _scan(exact)
    assert vars(fast_shape) == vars(exact_shape)
    assert (fast_shape.last_row, fast_shape.last_column, fast_shape.cells) == (399, 30, 1596)  # type: ignore[attr-defined]


def test_the_reader_locates_the_refusal(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    minimal_xlsx(path, sheet_xml([("A1", "HS Code"), ("XFD3000", "x")]))
    with SheetReader(path) as reader, pytest.raises(ReadError) as caught:
        reader.read("Lines")
    (problem,) = caught.value.problems
    assert (problem.location.sheet, problem.location.row, problem.location.column) == ("Lines", 3000, "XFD")
    assert problem.code == "too-large"


def _exact(xml: bytes) -> tuple[int, int, int]:
    from carveplan.io.sheets.scan import _chunks, _Walker

    walker = _Walker(1_048_576, 10**9)
    for done in _chunks(io.BytesIO(xml)):
        walker.exact(done)
    shape = walker.shape
    return shape.cells, shape.last_row, shape.last_column


@settings(deadline=None, max_examples=30)  # each example is a sheet of more than one chunk
@given(
    st.lists(
        st.tuples(st.integers(1, 40_000), st.lists(st.integers(1, 800), min_size=1, max_size=4)),
        min_size=1,
        max_size=30,
    ),
    st.integers(0, 60_000),
)
def test_the_plain_fast_path_measures_what_following_every_tag_does(
    rows: list[tuple[int, list[int]]], padding: int
) -> None:
    # Rows and cells in any order, a chunk boundary anywhere (the padding moves it): the farthest
    # cell is found even when it is not the last one written.
    body = "".join(
        f'<row r="{row}">'
        + "".join(f'<c r="{column_name(c)}{row}" t="inlineStr"><is><t>x</t></is></c>' for c in cells)
        + "</row>"
        for row, cells in rows
    )
    filler = f'<row r="1"><c r="A1"><v>{"1" * 20}</v></c></row>' * (padding // 40 + (1 << 20) // 40)
    xml = _cells(filler + body)
    shape = _scan(xml, 1_048_576, 10**9)
    assert (shape.cells, shape.last_row, shape.last_column) == _exact(xml)  # type: ignore[attr-defined]


def _outcome(measure: Callable[[], object]) -> object:
    try:
        shape = measure()
    except TooLarge:
        return "refused"
    if isinstance(shape, tuple):
        return shape
    return (shape.cells, shape.last_row, shape.last_column)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "reference",
    ["A01", "A1x", "a1", "AAAA1", "A12345678", "Z10003", "AA7", "A", "1A", "B99999", "XFD1048577"],
)
def test_a_reference_written_oddly_among_plain_ones_is_read_as_every_tag_is(reference: str) -> None:
    # Every ``<c`` of the sheet opens ``<c r="``, so the search of the references alone decides
    # which chunk is followed tag by tag.
    rows = [f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="Z{r}"><v>2</v></c></row>' for r in range(1, 10003)]
    rows.insert(5000, f'<row r="5000"><c r="{reference}"><v>3</v></c></row>')
    xml = _cells("".join(rows))
    assert _outcome(lambda: _scan(xml, 1_048_576, 10**9)) == _outcome(lambda: _exact(xml))


@pytest.mark.parametrize(("tags", "formula"), [("", ""), ("x:", "x:"), ("", "x:")])
def test_a_formula_without_a_value_is_found_under_any_prefix(tags: str, formula: str) -> None:
    t, f = tags, formula
    cells = f'<{t}c r="A5"><{t}v>1</{t}v></{t}c><{t}c r="C5"><{f}f>1/0</{f}f></{t}c>'
    body = f'<{t}sheetData><{t}row r="5">{cells}</{t}row></{t}sheetData>'
    xml = f'<{t}worksheet xmlns="{MAIN}" xmlns:x="{MAIN}">{body}</{t}worksheet>'
    assert _scan(xml.encode()).formulas_without_values == ["C5"]  # type: ignore[attr-defined]
