"""Open a workbook safely: refuse what is not one, zip bombs, protected files and oversized sheets.

Everything is checked on the zip's directory and by streaming the sheet's XML (every cell reference,
the declared range, the longest text) before the sheet is handed to calamine, so a hostile file is
refused by size before it is inflated into memory.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from carveplan.io.errors import ReadError
from carveplan.io.sheets.scan import TooLarge, scan_sheet, scan_text
from carveplan.model import Location, Problem, Severity

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An OpenDocument spreadsheet (LibreOffice's .ods) names its type in a "mimetype" entry.
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SHARED_STRINGS = "xl/sharedStrings.xml"


@dataclass(frozen=True)
class Limits:
    """Bounds on what a workbook may hold; past them reading stops with a clear error.

    Attributes:
        max_rows: rows in one sheet (a national schedule has tens of thousands).
        max_cells: cells in one sheet.
        max_part_bytes: uncompressed size of one part of the zip.
        max_total_bytes: uncompressed size of the whole workbook.
        max_ratio: uncompressed-to-compressed ratio of a large part (XML compresses about 10-50×).
    """

    max_rows: int = 300_000
    max_cells: int = 6_000_000
    max_part_bytes: int = 512 * 2**20
    max_total_bytes: int = 1024 * 2**20
    max_ratio: int = 400


LIMITS = Limits()


@dataclass
class Sheet:
    """The cells of one sheet, as values from A1.

    Attributes:
        name: the sheet name.
        rows: one list per row from row 1, each from column A; empty cells are ``""``.
        merged: merged ranges as ((first row, first col), (last row, last col)), 0-based.
        formulas_without_values: cells (``C5``) holding a formula whose value was never computed.
        notes: what reading found that does not stop it (a CSV file's encoding, rows to check).
    """

    name: str
    rows: list[list[Any]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    formulas_without_values: list[str] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


class SheetReader:
    """An opened, checked .xlsx or .ods workbook whose sheets are read on demand with calamine."""

    def __init__(self, path: Path, limits: Limits = LIMITS) -> None:
        """Check ``path`` and open it.

        Raises:
            ReadError: not a workbook, corrupt, password-protected, or too large when inflated.
        """
        self.path = path
        self.limits = limits
        self.file = path.name
        self._zip = _open_zip(path, limits)
        self._book: Any = None
        # An .ods holds every sheet in one content.xml that calamine lists; its size was checked above.
        self.is_ods = "xl/workbook.xml" not in self._zip.NameToInfo
        self._parts = {} if self.is_ods else _sheet_parts(self._zip, self.file)
        self.sheet_names = self._ods_sheet_names() if self.is_ods else list(self._parts)
        self._strings_checked = False

    def close(self) -> None:
        """Release the file."""
        self._zip.close()
        if self._book is not None:
            self._book.close()

    def __enter__(self) -> SheetReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def read(self, name: str) -> Sheet:
        """The cells of sheet ``name``.

        Raises:
            ReadError: when the sheet has more rows or cells than the limits allow, or is corrupt.
        """
        formulas = [] if self.is_ods else self._scan(name)
        sheet = self._calamine_sheet(name)
        if sheet.height > self.limits.max_rows:
            raise self._too_many(name, "rows", sheet.height, self.limits.max_rows)  # the scan missed it
        rows = sheet.to_python(skip_empty_area=False)
        return Sheet(name, rows, list(sheet.merged_cell_ranges or []), formulas)

    def _scan(self, name: str) -> list[str]:
        """Stream the sheet's XML: bound its rows, cells and grid, find unvalued formulas."""
        try:
            if not self._strings_checked:
                self._strings_checked = True
                if _SHARED_STRINGS in self._zip.NameToInfo:
                    with self._zip.open(_SHARED_STRINGS) as stream:
                        scan_text(stream)
            with self._zip.open(self._parts[name]) as stream:
                shape = scan_sheet(stream, self.limits.max_rows, self.limits.max_cells)
        except TooLarge as err:
            raise _too_large(self.file, name, err) from None
        except (zipfile.BadZipFile, OSError, EOFError) as err:
            raise _error(self.file, f"the workbook is corrupt ({err})", "corrupt", sheet=name) from None
        return shape.formulas_without_values

    def _calamine_sheet(self, name: str) -> Any:
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            if self._book is None:
                self._book = CalamineWorkbook.from_path(str(self.path))
            return self._book.get_sheet_by_name(name)
        except (CalamineError, ValueError, OSError) as err:
            raise _error(self.file, f"the sheet cannot be read ({err})", "corrupt", sheet=name) from None

    def _ods_sheet_names(self) -> list[str]:
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            self._book = CalamineWorkbook.from_path(str(self.path))
            return list(self._book.sheet_names)
        except (CalamineError, ValueError, OSError) as err:
            self.close()
            raise _error(self.file, f"the spreadsheet is corrupt ({err})", "corrupt") from None

    def _too_many(self, name: str, what: str, count: int, limit: int) -> ReadError:
        message = (
            f"the sheet has {count:,} {what}; CarvePlan reads at most {limit:,} {what} "
            "per sheet: split the schedule into several files"
        )
        return _error(self.file, message, "too-large", sheet=name)


def _too_large(file: str, sheet: str, err: TooLarge) -> ReadError:
    """A located refusal: the sheet, and the row and column of the cell that crossed the bound."""
    reference = re.fullmatch(r"([A-Za-z]{1,3})(\d+)", err.cell)
    where = Location(file=file, sheet=sheet)
    if reference:
        where = Location(
            file=file, sheet=sheet, row=int(reference.group(2)), column=reference.group(1).upper()
        )
    return ReadError([Problem(Severity.ERROR, where, str(err), "too-large")])


def _error(file: str, message: str, code: str, sheet: str = "") -> ReadError:
    return ReadError([Problem(Severity.ERROR, Location(file=file, sheet=sheet), message, code)])


def _open_zip(path: Path, limits: Limits) -> zipfile.ZipFile:
    file = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as err:
        raise _error(file, f"cannot open the file: {err.strerror or err}", "unreadable") from None
    if head == OLE_MAGIC:
        raise _error(file, _ole_message(path), "protected")
    if not head.startswith(b"PK"):
        raise _error(file, "not an Excel workbook (.xlsx): the file is not a zip archive", "not-a-workbook")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise _error(file, f"the workbook is truncated or corrupt ({err})", "corrupt") from None
    try:
        _check_sizes(archive, file, limits)
        if "xl/workbook.xml" not in archive.NameToInfo and not _is_ods(archive):
            raise _error(
                file,
                "a zip archive but not a spreadsheet (no xl/workbook.xml, not an OpenDocument spreadsheet)",
                "not-a-workbook",
            )
    except ReadError:
        archive.close()
        raise
    return archive


def _is_ods(archive: zipfile.ZipFile) -> bool:
    if "mimetype" not in archive.NameToInfo or "content.xml" not in archive.NameToInfo:
        return False
    return archive.read("mimetype").strip() == ODS_MIMETYPE


def _ole_message(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(4 << 20)
    if _ENCRYPTED_MARK in head:
        return "the workbook is password-protected: save an unprotected copy and import that"
    return "an old Excel 97-2003 (.xls) file: save it as an Excel workbook (.xlsx) and import that"


def _check_sizes(archive: zipfile.ZipFile, file: str, limits: Limits) -> None:
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise _error(file, "the workbook is password-protected (encrypted zip entries)", "protected")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.max_part_bytes or (info.file_size > 2**20 and ratio > limits.max_ratio):
            message = (
                f"refused: {info.filename} would inflate to {info.file_size:,} bytes from "
                f"{info.compress_size:,} (a zip bomb, or far larger than any schedule)"
            )
            raise _error(file, message, "zip-bomb")
    if total > limits.max_total_bytes:
        message = f"refused: the workbook would inflate to {total:,} bytes, over {limits.max_total_bytes:,}"
        raise _error(file, message, "zip-bomb")


def _sheet_parts(archive: zipfile.ZipFile, file: str) -> dict[str, str]:
    """Sheet name -> zip part, from the workbook's XML and its relationships."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError as err:
        raise _error(file, f"the workbook is incomplete ({err.args[0]})", "corrupt") from None
    except (DefusedXmlException, ElementTree.ParseError, zipfile.BadZipFile, OSError) as err:
        raise _error(file, f"the workbook is corrupt ({err})", "corrupt") from None
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if part in archive.NameToInfo:
            parts[sheet.get("name", "")] = part
    return parts
