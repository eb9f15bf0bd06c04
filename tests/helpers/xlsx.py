"""The smallest workbook calamine and openpyxl open: one sheet named ``Lines`` holding the XML given."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_xml(cells: list[tuple[str, str]], prefix: str = "", dimension: str = "") -> bytes:
    """A worksheet holding text ``cells`` as (reference, text), its tags under ``prefix`` (``x``) if given."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    body = "".join(
        f'<{p}row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><{p}c r="{ref}" t="inlineStr">'
        f"<{p}is><{p}t>{text}</{p}t></{p}is></{p}c></{p}row>"
        for ref, text in cells
    )
    declared = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    return f"<{p}worksheet {xmlns}>{declared}<{p}sheetData>{body}</{p}sheetData></{p}worksheet>".encode()


def minimal_xlsx(path: Path | IO[bytes], sheet: bytes) -> None:
    """Write a workbook at ``path`` whose one sheet, ``Lines``, is ``sheet``."""
    main, rel = MAIN, _REL
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Lines" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
