"""Regenerate the corpus of bad input files in ``tests/data/bad`` (run: python -m tests.data.make_bad_files).

Each file is small; ``EXPECTED`` says which error code and message fragment reading it must give.
Large cases (a million rows, a zip bomb) are generated on the fly by the tests instead.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl

from carveplan.io.formats import ExportOptions
from carveplan.io.workbook.export import export_workbook
from carveplan.model import Agreement, Line, Milestone, Party, parse_timing

BAD = Path(__file__).parent / "bad"

# file -> (problem code, a fragment of the message, the sheet/row/column it must name or "")
EXPECTED: dict[str, tuple[str, str, str]] = {
    "not-a-workbook.xlsx": ("not-a-workbook", "not a zip archive", ""),
    "truncated.xlsx": ("corrupt", "truncated or corrupt", ""),
    "password.xlsx": ("protected", "password-protected", ""),
    "old-format.xlsx": ("protected", "Excel 97-2003", ""),
    "zip-not-workbook.xlsx": ("not-a-workbook", "no xl/workbook.xml", ""),
    "missing-sheets.xlsx": ("missing-sheet", "missing sheet 'Milestones'", "sheet 'Milestones'"),
    "missing-column.xlsx": ("missing-column", "missing column 'Party'", "sheet 'Lines' row 1"),
    "wrong-types.xlsx": ("bad-value", "expected a rate such as", "sheet 'Lines' row 3 column I (Base)"),
    "bad-timing.xlsx": ("bad-value", "cannot read timing", "sheet 'Milestones' row 2 column E (Due)"),
    "formula-no-value.xlsx": ("formula", "formula with no calculated value", "sheet 'Lines' row 2 column I"),
    "merged-header.xlsx": ("merged-header", "merged header cells", "sheet 'Lines' row 1"),
    "duplicate-ids.xlsx": ("duplicate", "duplicate line id 'L1'", "sheet 'Lines' row 3"),
    "unknown-line.xlsx": ("unknown-line", "not on the Lines sheet", "sheet 'Phases' row 2"),
    "foreign-schedule.xlsx": ("not-carveplan", "--party CODE", ""),
}


def _agreement() -> Agreement:
    return Agreement(
        "Bad files",
        date(2027, 1, 1),
        parties=(Party("VNM", "Viet Nam"),),
        lines=(
            Line("L1", "VNM", "energy", "271111", "LNG", base=Decimal(5), category="B5"),
            Line("L2", "VNM", "energy", "0101", "Horses", base=Decimal(3), category="A"),
        ),
        milestones=(Milestone("M-1", "VNM", "Alignment", parse_timing("EIF+1y")),),
    )


def _exported(edit: object) -> bytes:
    buffer = io.BytesIO()
    path = BAD / ".scratch.xlsx"
    export_workbook(_agreement(), path, ExportOptions(today=date(2026, 1, 1)))
    book = openpyxl.load_workbook(path)
    path.unlink()
    edit(book)  # type: ignore[operator]
    book.save(buffer)
    return buffer.getvalue()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _ole(marker: bytes) -> bytes:
    # The compound-file signature, then the stream name an encrypted OOXML package carries.
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + marker + b"\x00" * 512


def files() -> dict[str, bytes]:
    """Every bad file's name and bytes."""
    good = _exported(lambda book: None)

    def drop_milestones(book: openpyxl.Workbook) -> None:
        del book["Milestones"]

    def drop_party(book: openpyxl.Workbook) -> None:
        book["Lines"].delete_cols(2)

    def wrong_types(book: openpyxl.Workbook) -> None:
        book["Lines"]["I3"] = "five"
        book["Lines"]["E2"] = "barcode"

    def bad_timing(book: openpyxl.Workbook) -> None:
        book["Milestones"]["E2"] = "EIF+6q"

    def formula(book: openpyxl.Workbook) -> None:
        book["Lines"]["I2"] = "=1+1"

    def merged(book: openpyxl.Workbook) -> None:
        book["Lines"].merge_cells("F1:G1")

    def duplicate(book: openpyxl.Workbook) -> None:
        book["Lines"]["A3"] = "L1"

    def unknown_line(book: openpyxl.Workbook) -> None:
        book["Phases"].append(["L9", 1, "", "EIF", None, 0])

    foreign = openpyxl.Workbook()
    foreign.active.append(["HTS8", "Brief Description", "Base Rate", "Staging Category"])
    foreign_bytes = io.BytesIO()
    foreign.save(foreign_bytes)
    return {
        "not-a-workbook.xlsx": b"HTS8,Brief Description\n27111100,LNG\n",
        "truncated.xlsx": good[: len(good) // 2],
        "password.xlsx": _ole("EncryptionInfo".encode("utf-16-le")),
        "old-format.xlsx": _ole(b"Workbook"),
        "zip-not-workbook.xlsx": _zip({"readme.txt": b"hello"}),
        "missing-sheets.xlsx": _exported(drop_milestones),
        "missing-column.xlsx": _exported(drop_party),
        "wrong-types.xlsx": _exported(wrong_types),
        "bad-timing.xlsx": _exported(bad_timing),
        "formula-no-value.xlsx": _exported(formula),
        "merged-header.xlsx": _exported(merged),
        "duplicate-ids.xlsx": _exported(duplicate),
        "unknown-line.xlsx": _exported(unknown_line),
        "foreign-schedule.xlsx": foreign_bytes.getvalue(),
    }


def main() -> None:
    """Write the corpus."""
    BAD.mkdir(exist_ok=True)
    for name, data in files().items():
        (BAD / name).write_bytes(data)


if __name__ == "__main__":
    main()
