"""The largest sheets' rows written as XML text and spliced into the saved workbook.

The timeline and year-by-year sheets of a national schedule hold about 1.5 million cells. The
spreadsheet library makes an object and an XML element for each (about 5 µs a cell); the same
``<c>`` elements written as text cost a tenth of that. The library still writes everything else of
the sheet (widths, frozen panes, print setup, header row, filters) and the styles, so a cell here
refers to a style the library registered; only the rows after the header are this module's.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from carveplan.io.text import clean_text, is_formula_like

Style = int  # a cell style's index in the workbook's style table (0: the default style)
Cell = Any  # None (no cell), a value, or ``(value, style)``

_END = b"</sheetData>"
_DATE_FORMATS = {date: "yyyy-mm-dd", datetime: "yyyy-mm-dd h:mm:ss"}  # the library's own choices
_PIECE = 2000  # rows per piece of text kept before it is joined


class RawRows:
    """Rows for one write-only sheet, after the header the library wrote.

    Attributes:
        sheet: the library's write-only sheet (it writes the header and all but the rows).
        next_row: the 1-based number of the next row.
    """

    def __init__(self, sheet: Any, next_row: int = 2) -> None:
        self.sheet = sheet
        self.next_row = next_row
        self._letters = _letters()
        self._pieces: list[str] = []
        self._rows: list[str] = []
        self._quoted = self.style(quote=True)
        self._dates = {kind: self.style(number_format=shown) for kind, shown in _DATE_FORMATS.items()}

    def style(self, fill: Any = None, quote: bool = False, number_format: str = "") -> Style:
        """Register a style (a fill, a leading apostrophe, a number format) with the workbook; its index."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet)
        if fill is not None:
            cell.fill = fill
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
        out = [f'<row r="{number}">']
        for column, cell in enumerate(cells):
            if cell is None:
                continue
            value, style = cell if type(cell) is tuple else (cell, 0)
            out.append(self._cell(letters[column] + number, value, style))
        out.append("</row>")
        self._rows.append("".join(out))
        self.next_row += 1
        if len(self._rows) >= _PIECE:
            self._pieces.append("".join(self._rows))
            self._rows = []

    def _cell(self, ref: str, value: Any, style: Style) -> str:
        kind = type(value)
        if kind is str:
            if not value:
                return f'<c r="{ref}" s="{style}"/>' if style else f'<c r="{ref}"/>'
            text = clean_text(value)
            if is_formula_like(text) and not style:
                style = self._quoted
            return _text_cell(ref, text, style)
        if kind is bool:
            s = f' s="{style}"' if style else ""
            return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
        if kind is int or kind is float or kind is Decimal:
            shown = f"{value:.16g}"
            if shown in ("nan", "inf", "-inf"):
                shown = ""
            s = f' s="{style}"' if style else ""
            return f'<c r="{ref}"{s} t="n"><v>{shown}</v></c>' if shown else f'<c r="{ref}"{s} t="n"/>'
        if value is None:
            return f'<c r="{ref}" s="{style}"/>' if style else f'<c r="{ref}"/>'
        if kind is date or kind is datetime:  # a serial day number shown as a date, as the library writes
            from openpyxl.utils.datetime import to_excel

            return self._cell(ref, float(to_excel(value)), style or self._dates[kind])
        return self._cell(ref, str(value), style)

    def text(self) -> Iterator[str]:
        """The rows written, in pieces."""
        yield from self._pieces
        yield "".join(self._rows)


@lru_cache(maxsize=1)
def _letters() -> list[str]:
    """Column letters, ``A`` to ``XFD``."""
    from openpyxl.utils import get_column_letter

    return [get_column_letter(n) for n in range(1, 16385)]


def _text_cell(ref: str, text: str, style: Style) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def splice(saved: bytes, rows: dict[str, RawRows]) -> bytes:
    """The workbook ``saved`` with each sheet's raw rows put at the end of its ``sheetData``.

    Args:
        saved: the ``.xlsx`` the library wrote.
        rows: by sheet title, the rows to add.

    Returns:
        The workbook with the rows in place.
    """
    parts = {str(raw.sheet.path).lstrip("/"): raw for raw in rows.values()}
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            data = source.read(item)
            raw = parts.get(item.filename)
            if raw is None:
                out.writestr(item, data)
                continue
            head, tail = _split(data)
            with out.open(item.filename, "w", force_zip64=True) as stream:
                stream.write(head)
                for piece in raw.text():
                    stream.write(piece.encode("utf-8"))
                stream.write(tail)
    return buffer.getvalue()


def _split(xml: bytes) -> tuple[bytes, bytes]:
    """The sheet's XML before and from the end of its rows (an empty ``<sheetData/>`` opened up)."""
    at = xml.rfind(_END)
    if at >= 0:
        return xml[:at], xml[at:]
    empty = xml.find(b"<sheetData/>")
    if empty < 0:
        raise ValueError("the sheet has no sheetData")
    return xml[:empty] + b"<sheetData>", _END + xml[empty + len(b"<sheetData/>") :]
