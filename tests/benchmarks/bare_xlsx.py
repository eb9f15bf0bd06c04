"""The fastest bare write of a workbook's values: plain XML text, no styles, a minimal package.

The floor of the workbook export: the same values in the same cells, each cell written by one
formatted string, the sheets compressed as the export compresses its own. What the export does on
top (resolving, the analysis, styles, widths, filters, drop-downs) is what its ratio measures.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from carveplan.io.workbook.splice import COMPRESS_LEVEL

_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{sheets}</Types>"""
_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\n'
)
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_BOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>"""
_BOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}</Relationships>"""
_SHEET_REL = (
    '<Relationship Id="rId{n}" Target="worksheets/sheet{n}.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_EPOCH = date(1899, 12, 30)


def bare_write(sheets: dict[str, list[list[Any]]], path: Path) -> None:
    """Write each sheet's rows (``None``: no cell) as a workbook at ``path``."""
    letters = _letters(max((len(row) for rows in sheets.values() for row in rows), default=0))
    names = list(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as out:
        out.writestr(
            "[Content_Types].xml",
            _TYPES.format(sheets="".join(_SHEET_TYPE.format(n=n) for n in range(1, len(names) + 1))),
        )
        out.writestr("_rels/.rels", _RELS)
        listed = "".join(
            f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, 1)
        )
        out.writestr("xl/workbook.xml", _BOOK.format(sheets=listed))
        rels = "".join(_SHEET_REL.format(n=n) for n in range(1, len(names) + 1))
        out.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS.format(sheets=rels))
        for n, name in enumerate(names, 1):
            with out.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as stream:
                stream.write(_SHEET_HEAD.encode())
                stream.write("".join(_rows(sheets[name], letters)).encode())
                stream.write(b"</sheetData></worksheet>")


def _rows(rows: list[list[Any]], letters: list[str]) -> list[str]:
    out = []
    for number, row in enumerate(rows, 1):
        cells = "".join(_cell(f"{letters[i]}{number}", v) for i, v in enumerate(row) if v is not None)
        out.append(f'<row r="{number}">{cells}</row>')
    return out


def _cell(ref: str, value: Any) -> str:
    if isinstance(value, str):
        return (
            f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>' if value else f'<c r="{ref}"/>'
        )
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        value = (value - datetime(1899, 12, 30)).total_seconds() / 86400
    elif isinstance(value, date):
        value = (value - _EPOCH).days
    return f'<c r="{ref}"><v>{value}</v></c>'


def _letters(count: int) -> list[str]:
    letters = []
    for n in range(1, count + 1):
        name = ""
        while n:
            n, rest = divmod(n - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters
