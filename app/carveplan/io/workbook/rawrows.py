"""The largest sheets' rows written as XML text and spliced into the saved workbook.

The timeline and year-by-year sheets of a national schedule hold about 1.5 million cells. The
spreadsheet library makes an object and an XML element for each (about 5 µs a cell); the same
``<c>`` elements written as text cost a tenth of that. The library still writes everything else of
the sheet (widths, frozen panes, print setup, header row, filters) and the styles, so a cell here
refers to a style the library registered; only the rows after the header are this module's
(:mod:`splice` puts them into the saved workbook). Each distinct cell's XML is made once, and a run
of empty coloured cells (a timeline's bar) is one slice of a text made once per colour.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from carveplan.io.text import clean_text, is_formula_like

Style = int  # a cell style's index in the workbook's style table (0: the default style)
Cell = Any  # None (no cell), a value, or ``(value, style)``
Run = tuple[
    int, int, Style
]  # empty cells of one style: the first column (0-based), the column after the last

_HERE = "\x00"  # the row number in a run's text until the row is joined (text never holds a NUL)
_DATE_FORMATS = {date: "yyyy-mm-dd", datetime: "yyyy-mm-dd h:mm:ss"}  # the library's own choices
_PIECE = 2000  # rows per piece of text kept before it is joined


class RawRows:
    """Rows for one write-only sheet, after the header the library wrote.

    Attributes:
        sheet: the library's write-only sheet (it writes the header and all but the rows).
        next_row: the 1-based number of the next row.
    """

    def __init__(self, sheet: Any, next_row: int = 2, tails: dict[Cell, str] | None = None) -> None:
        self.sheet = sheet
        self.next_row = next_row
        self._letters = _letters()
        self._pieces: list[str] = []
        self._rows: list[str] = []
        # Each distinct cell's XML after its reference; shared by the sheets of a workbook (the
        # styles are the workbook's), where ids and descriptions repeat from sheet to sheet.
        self._tails: dict[Cell, str] = {} if tails is None else tails
        self._strips: dict[Style, tuple[str, list[int]]] = {}
        self._quoted = self.style(quote=True)
        self._dates = {kind: self.style(number_format=shown) for kind, shown in _DATE_FORMATS.items()}

    def style(
        self, fill: Any = None, quote: bool = False, number_format: str = "", font: Any = None
    ) -> Style:
        """Register a style (a fill, a leading apostrophe, a number format, a font) with the workbook;
        its index."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet)
        if fill is not None:
            cell.fill = fill
        if font is not None:
            cell.font = font
        if quote:
            cell.quotePrefix = True
        if number_format:
            cell.number_format = number_format
        return int(cell.style_id)

    def append(self, cells: Sequence[Cell]) -> None:
        """One row: each cell ``None`` (absent), a value, or ``(value, style)``.

        Text is cleaned of characters XML cannot carry; text a spreadsheet would take for a formula
        gets a leading apostrophe style and stays text.
        """
        number = str(self.next_row)
        letters = self._letters
        tails = self._tails
        out = [f'<row r="{number}">']
        for column, cell in enumerate(cells):
            if cell is None:
                continue
            try:
                tail = tails[cell] if cell is not True and cell is not False else self._tail(cell, 0)
            except (KeyError, TypeError):
                tail = self._tail_of(cell)
            out.append(f'<c r="{letters[column]}{number}"{tail}')
        out.append("</row>")
        self._add("".join(out))

    def append_runs(self, cells: dict[int, Cell], runs: Sequence[Run]) -> None:
        """One row of a few cells (by 0-based column) and runs of empty styled cells between them.

        Args:
            cells: the cells with a value; one inside a run takes that column's place.
            runs: sorted, not overlapping; each written as one slice of text made once per style.
        """
        letters = self._letters
        columns = sorted(cells)
        out = [f'<row r="{_HERE}">']
        at_cell = 0
        for first, stop, style in runs:
            strip, offsets = self._strip(style, stop)
            at = first
            while at_cell < len(columns) and columns[at_cell] < stop:
                column = columns[at_cell]
                if column > at:
                    out.append(strip[offsets[at] : offsets[column]])
                out.append(f'<c r="{letters[column]}{_HERE}"{self._tail_of(cells[column])}')
                at = max(at, column + 1)
                at_cell += 1
            if stop > at:
                out.append(strip[offsets[at] : offsets[stop]])
        for column in columns[at_cell:]:
            out.append(f'<c r="{letters[column]}{_HERE}"{self._tail_of(cells[column])}')
        out.append("</row>")
        self._add("".join(out).replace(_HERE, str(self.next_row)))

    def _add(self, row: str) -> None:
        self._rows.append(row)
        self.next_row += 1
        if len(self._rows) >= _PIECE:
            self._pieces.append("".join(self._rows))
            self._rows = []

    def _tail_of(self, cell: Cell) -> str:
        """The XML of a cell after its reference, made once for equal cells."""
        if cell is True or cell is False:  # equal to 1 and 0: never looked up among the numbers
            return self._tail(cell, 0)
        try:
            return self._tails[cell]
        except KeyError:
            return self._remember(cell)
        except TypeError:  # unhashable: written, not remembered
            return self._tail(*(cell if type(cell) is tuple else (cell, 0)))

    def _strip(self, style: Style, stop: int) -> tuple[str, list[int]]:
        """Empty cells of ``style`` from column A to at least ``stop`` as text (the row number a
        placeholder), and where each column's cell starts in it."""
        made = self._strips.get(style)
        if made is not None and len(made[1]) > stop:
            return made
        width = max(stop + 1, 256)
        s = f' s="{style}"' if style else ""
        cells = [f'<c r="{letter}{_HERE}"{s}/>' for letter in self._letters[:width]]
        offsets = [0]
        for cell in cells:
            offsets.append(offsets[-1] + len(cell))
        self._strips[style] = made = ("".join(cells), offsets)
        return made

    def blank(self) -> None:
        """An empty row."""
        self.next_row += 1

    def _remember(self, cell: Cell) -> str:
        """The XML of ``cell`` after its reference, kept for the next cell equal to it.

        Rows repeat a few hundred rates and a dozen bars across a million cells. A styled value equal
        to 0 or 1 is not kept: ``(True, s)`` would find ``(1, s)``.
        """
        value, style = cell if type(cell) is tuple else (cell, 0)
        tail = self._tail(value, style)
        if type(cell) is not tuple or type(value) is str or not (value == 0 or value == 1):
            self._tails[cell] = tail
        return tail

    def _tail(self, value: Any, style: Style) -> str:
        """A cell's XML after ``<c r="A1"``: its style, type and value."""
        kind = type(value)
        s = f' s="{style}"' if style else ""
        if kind is str:
            if not value:
                return f"{s}/>"
            text = value if value.isprintable() else clean_text(value)  # printable: nothing to clean
            if is_formula_like(text) and not style:
                s = f' s="{self._quoted}"'
            return _text_tail(text, s)
        if kind is bool:
            return f'{s} t="b"><v>{int(value)}</v></c>'
        if kind is int or kind is float or kind is Decimal:
            shown = f"{value:.16g}"
            if shown in ("nan", "inf", "-inf"):
                return f'{s} t="n"/>'
            return f'{s} t="n"><v>{shown}</v></c>'
        if value is None:
            return f"{s}/>"
        if kind is date or kind is datetime:  # a serial day number shown as a date, as the library writes
            from openpyxl.utils.datetime import to_excel

            return self._tail(float(to_excel(value)), style or self._dates[kind])
        return self._tail(str(value), style)

    def text(self) -> Iterator[str]:
        """The rows written, in pieces."""
        yield from self._pieces
        yield "".join(self._rows)


@lru_cache(maxsize=1)
def _letters() -> list[str]:
    """Column letters, ``A`` to ``XFD``."""
    from openpyxl.utils import get_column_letter

    return [get_column_letter(n) for n in range(1, 16385)]


def _text_tail(text: str, style: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
