"""Stream a sheet's XML and measure it before any reader sees it: cells, the farthest cell, long text.

A reader lays a sheet out as a grid from A1 to its farthest cell, so two cells far apart (``A1`` and
``XFD20000``) cost hundreds of millions of grid cells although the file holds two. The scan reads
every cell reference (and the declared dimension), whatever namespace prefix the tags carry, and
refuses a sheet whose grid would exceed the bounds before it is inflated into memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO

# A start tag of a row, a cell or the declared dimension, under any prefix (``<x:c``), attributes
# quoted either way; a '>' inside a quoted value does not end the tag.
_TAG = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?(row|c|dimension)(?=[\s/>])"
    rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/?>"
)
# What Excel, LibreOffice and openpyxl write: no prefix, ``r`` first, in double quotes, upper case.
_PLAIN_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})\d')
_PLAIN_ROW = re.compile(rb'<c r="[A-Z]{1,3}(\d{1,7})"')
_PLAIN_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
# A cell tag written any other way than ``<c r="A1"`` (Excel's and openpyxl's way).
_NOT_PLAIN = re.compile(rb'<c(?=[\s>/])(?! r="[A-Z]{1,3}\d{1,7}")')
# A prefixed row, cell or dimension tag (a chunk holding one follows every tag), or a prefixed
# formula (``<x:f``): one search finds either.
_PREFIXED = re.compile(rb":(?:(c|row|dimension)[\s/>]|f)")
_FORMULA_TAG = re.compile(rb"<f")  # the engine's search for a literal is faster than ``in``
_DIMENSION_WORD = re.compile(rb"dimension")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?dimension\s[^>]*>")
_R = re.compile(rb"""\sr\s*=\s*["']([^"']*)["']""")
_REF = re.compile(rb"""\sref\s*=\s*["']([^"']*)["']""")
_CELL = re.compile(rb"([A-Za-z]{1,3})(\d{1,7})")
# A cell with a formula and no cached value: <c r="C5"><f>1/0</f><v></v></c>
_FORMULA_NO_VALUE = re.compile(
    rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,3}\d{1,7})\"[^>]*>\s*<(?:\w+:)?f[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)"
    rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
MAX_COLUMNS = 16_384  # Excel's own last column, XFD
MAX_ROW = 1_048_576  # Excel's own last row
# Excel holds at most 32,767 characters in a cell; even escaped (``&quot;``) that stays under this.
MAX_TEXT_BYTES = 2 << 20
_CHUNK = 1 << 20  # half the text bound: only a chunk after a long run needs searching for one


class TooLarge(Exception):
    """The sheet would exceed a bound; the message names it, ``cell`` the cell that crossed it."""

    def __init__(self, message: str, cell: str = "") -> None:
        super().__init__(message)
        self.cell = cell


@dataclass
class SheetShape:
    """What the scan found.

    Attributes:
        cells: cell tags.
        last_row: the farthest row any cell is in (1-based).
        last_column: the farthest column any cell is in (1-based).
        far_cell: the corner of the grid (the farthest column and row), for messages.
        dimension: the range the sheet declares (``A1:F200``), if any.
        formulas_without_values: cells holding a formula whose value was never computed.
    """

    cells: int = 0
    last_row: int = 0
    last_column: int = 0
    far_cell: str = ""
    dimension: str = ""
    formulas_without_values: list[str] = field(default_factory=list)

    @property
    def area(self) -> int:
        """Cells of the grid from A1 to the farthest cell, as a reader lays them out."""
        return self.last_row * self.last_column


def column_number(letters: str) -> int:
    """``A`` -> 1, ``XFD`` -> 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_name(number: int) -> str:
    """1 -> ``A``, 16384 -> ``XFD``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The XML cut just before a '<', so no tag is split; a text run longer than a cell holds is refused."""
    rest = b""
    while chunk := stream.read(_CHUNK):
        buffer = rest + chunk
        cut = buffer.rfind(b"<")
        if cut <= 0:
            cut = len(buffer) if len(buffer) > MAX_TEXT_BYTES else 0
        done, rest = buffer[:cut], buffer[cut:]
        if len(rest) > MAX_TEXT_BYTES or _longest_text(done) > MAX_TEXT_BYTES:
            raise TooLarge(
                f"a cell holds more than {MAX_TEXT_BYTES:,} bytes of text; Excel itself holds at most "
                "32,767 characters in a cell"
            )
        yield done
    yield rest


def _longest_text(done: bytes) -> int:
    # Cheap: only a chunk at least as long as the bound can hold such a run.
    if len(done) <= MAX_TEXT_BYTES:
        return 0
    return max(map(len, done.split(b"<")))


def scan_text(stream: IO[bytes]) -> None:
    """Refuse a part (shared strings) holding a text run longer than a cell can hold.

    Raises:
        TooLarge: naming the bound.
    """
    for _ in _chunks(stream):
        pass


def _measured(done: bytes, column: int, row: int) -> tuple[int, int]:
    """The farthest column and row of a plain chunk's cells, cell by cell, at least ``column``, ``row``."""
    far_column = column_number(max(set(_PLAIN_COLUMN.findall(done)), key=lambda c: (len(c), c)).decode())
    far_row = max(map(int, set(_PLAIN_ROW.findall(done))))
    return max(far_column, column), max(far_row, row)


def _past(value: bytes, symbol: bytes, top: int, most: int) -> list[bytes]:
    """Patterns of the references parts (letters or digits) past ``value``: longer, or as long and
    greater where they first differ."""
    width = len(value)
    options = [symbol + b"{%d,%d}" % (width + 1, most)] if width < most else []
    for place, code in enumerate(value):
        if code < top:
            rest = symbol + b"{%d}" % (width - place - 1) if place < width - 1 else b""
            options.append(value[:place] + b"[" + bytes([code + 1, ord("-"), top]) + b"]" + rest)
    return options or [b"(?!)"]


@lru_cache(maxsize=256)
def _odd_or_beyond(column: bytes, row: bytes) -> re.Pattern[bytes]:
    """A cell not written the plain way, or a plain reference past ``column`` or past ``row`` (a row
    written with a leading zero too): one search over the chunk finds either."""
    columns = b"|".join(_past(column, b"[A-Z]", ord("Z"), 3))
    rows = b"|".join([*_past(row, rb"\d", ord("9"), 7), rb"0\d*"])
    # Rows with fewer digits than ``row`` (most of them) fail at the lookahead, before the options.
    beyond = b'<c r="(?:(?:' + columns + rb")\d|[A-Z]{1,3}+(?=\d{%d,7}\")(?:" % len(row) + rows + b')")'
    return re.compile(_NOT_PLAIN.pattern + b"|" + beyond)


class _Walker:
    """Follows row and cell positions as a reader does: a cell without ``r`` is the next in its row."""

    def __init__(self, max_rows: int, max_cells: int) -> None:
        self.shape = SheetShape()
        self.max_rows, self.max_cells = max_rows, max_cells
        self.row = 0
        self.column = 0

    def fast(self, done: bytes) -> bool:
        """Measure a chunk written the plain way (no prefixed tag: :func:`_prefixed`) at the speed of
        a regex; ``False`` when it is not.

        A plain file writes cells in order, so the last cell (or what earlier chunks reached, when a
        chunk ends mid-row) is the farthest: one search for a cell written another way or past it
        confirms that, without a list of every reference; otherwise the chunk is measured cell by cell.
        """
        shape = self.shape
        cells = done.count(b'<c r="')
        last = _PLAIN_REF.match(done, done.rfind(b'<c r="')) if cells else None
        far: tuple[int, int] | None = None
        if last is not None:
            far = (
                max(shape.last_column, column_number(last.group(1).decode())),
                max(shape.last_row, int(last.group(2))),
            )
            # A chunk ending mid-row: the last cell of its last whole row is as far right as any.
            full = _PLAIN_REF.match(done, done.rfind(b'<c r="', 0, done.rfind(b"</row>")))
            if full is not None:
                far = (max(far[0], column_number(full.group(1).decode())), max(far[1], int(full.group(2))))
            if _odd_or_beyond(column_name(far[0]).encode(), b"%d" % far[1]).search(done):
                if _NOT_PLAIN.search(done):
                    return False  # some cell is written another way: follow every tag
                far = _measured(done, *far)
        elif cells or _NOT_PLAIN.search(done):
            return False
        shape.cells += cells
        if _DIMENSION_WORD.search(done):
            found = _DIMENSION.search(done)
            if found:
                self.tag(b"dimension", found.group(0))
        if last is not None and far is not None:
            if far[0] > shape.last_column or far[1] > shape.last_row:
                shape.last_column, shape.last_row = (
                    max(shape.last_column, far[0]),
                    max(shape.last_row, far[1]),
                )
                shape.far_cell = f"{column_name(shape.last_column)}{shape.last_row}"
                self.check()
            # A later cell without ``r`` follows the last one; a later row without ``r`` the farthest.
            self.column = column_number(last.group(1).decode())
            self.row = max(self.row, far[1])
        return True

    def exact(self, done: bytes) -> None:
        """Follow every row and cell tag of a chunk, whatever its prefix, quoting or attribute order."""
        for match in _TAG.finditer(done):
            self.tag(match.group(1), match.group(2))

    def tag(self, name: bytes, attributes: bytes) -> None:
        if name == b"c":
            self.cell(attributes)
        elif name == b"row":
            found = _R.search(attributes)
            self.row = _number(found.group(1), "row", MAX_ROW) if found else self.row + 1
            self.column = 0
        elif name == b"dimension":
            found = _REF.search(attributes)
            self.shape.dimension = found.group(1).decode("ascii", "replace") if found else ""

    def cell(self, attributes: bytes) -> None:
        shape = self.shape
        shape.cells += 1
        found = _R.search(attributes)
        if found:
            reference = _CELL.fullmatch(found.group(1))
            if reference is None:
                raise TooLarge(
                    f"a cell reference {found.group(1).decode('ascii', 'replace')!r} names no cell"
                )
            self.column = column_number(reference.group(1).decode())
            self.row = _number(reference.group(2), "row", MAX_ROW)
        else:
            self.column += 1
        row = max(self.row, 1)
        if self.column > shape.last_column or row > shape.last_row:
            shape.last_column = max(shape.last_column, self.column)
            shape.last_row = max(shape.last_row, row)
            shape.far_cell = f"{column_name(shape.last_column)}{shape.last_row}"
            self.check()

    def check(self) -> None:
        shape = self.shape
        if shape.last_column > MAX_COLUMNS:
            raise TooLarge(
                f"a cell beyond column XFD, the last Excel has (at {shape.far_cell})", shape.far_cell
            )
        if shape.last_row > self.max_rows:
            raise TooLarge(
                f"the sheet reaches row {shape.last_row:,} (cell {shape.far_cell}); CarvePlan reads at most "
                f"{self.max_rows:,} rows per sheet: split the schedule into several files",
                shape.far_cell,
            )
        if shape.area > self.max_cells:
            raise TooLarge(
                f"the sheet reaches cell {shape.far_cell}: from A1 that is {shape.last_row:,} rows × "
                f"{shape.last_column:,} columns = {shape.area:,} cells; CarvePlan reads at most "
                f"{self.max_cells:,} cells per sheet: delete the stray cells far from the table, or split it",
                shape.far_cell,
            )


def _number(digits: bytes, what: str, largest: int) -> int:
    if not digits.isdigit() or len(digits) > 7 or not 1 <= int(digits) <= largest:
        raise TooLarge(
            f"a {what} number {digits.decode('ascii', 'replace')!r} outside Excel's 1 to {largest:,}"
        )
    return int(digits)


def scan_sheet(stream: IO[bytes], max_rows: int, max_cells: int) -> SheetShape:
    """Measure a sheet's XML from ``stream`` without building it.

    Args:
        stream: the sheet part, read in chunks.
        max_rows: refuse a cell beyond this row.
        max_cells: refuse more cells than this, or a grid from A1 to the farthest cell larger than this.

    Returns:
        The sheet's shape.

    Raises:
        TooLarge: naming the bound crossed and the cell that crossed it.
    """
    walker = _Walker(max_rows, max_cells)
    shape = walker.shape
    for done in _chunks(stream):
        prefixed, formulas = _prefixed(done)
        if prefixed or not walker.fast(done):
            walker.exact(done)
        if shape.cells > max_cells:
            raise TooLarge(
                f"the sheet has at least {shape.cells:,} cells; CarvePlan reads at most {max_cells:,} cells "
                "per sheet: split the schedule into several files"
            )
        if formulas or _FORMULA_TAG.search(done):
            shape.formulas_without_values.extend(m.decode() for m in _FORMULA_NO_VALUE.findall(done))
    _check_dimension(shape, max_rows, max_cells)
    return shape


def _prefixed(done: bytes) -> tuple[bool, bool]:
    """Whether a chunk holds a prefixed row, cell or dimension tag, and whether a prefixed formula."""
    formula = False
    for found in _PREFIXED.finditer(done):
        if found.group(1):
            return True, b":f" in done
        formula = True
    return False, formula


def _check_dimension(shape: SheetShape, max_rows: int, max_cells: int) -> None:
    """The declared range must be a range, and within the bounds (another reader may trust it)."""
    if not shape.dimension:
        return
    last = shape.dimension.rpartition(":")[2]
    reference = _CELL.fullmatch(last.replace("$", "").encode())
    if reference is None:
        raise TooLarge(f"the sheet declares its range as {shape.dimension!r}, which is not a range")
    rows, columns = int(reference.group(2)), column_number(reference.group(1).decode())
    if rows > max_rows or columns > MAX_COLUMNS or rows * columns > max_cells:
        raise TooLarge(
            f"the sheet declares its range as {shape.dimension} ({rows:,} rows × {columns:,} columns); "
            f"CarvePlan reads at most {max_rows:,} rows and {max_cells:,} cells per sheet",
            last,
        )
