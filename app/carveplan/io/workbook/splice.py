"""The saved workbook with the raw rows put into their sheets, compressed with zlib's least effort."""

from __future__ import annotations

import io
import zipfile

from carveplan.io.workbook.rawrows import RawRows

_END = b"</sheetData>"
# zlib's least effort: a 15,000-line workbook's 50 MB of XML in a quarter of a second instead of
# 0.8 s at the default level, for a file of 7 MB instead of 5.4 MB.
COMPRESS_LEVEL = 1


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
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as out,
    ):
        for item in source.infolist():
            data = source.read(item)
            raw = parts.get(item.filename)
            if raw is None:
                out.writestr(item, data, compresslevel=COMPRESS_LEVEL)
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
