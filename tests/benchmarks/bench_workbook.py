"""Workbook benchmark: export and import of the national agreement's workbook against bare library calls.

Floors, measured in the same run on the same file:
- export (target): the fastest bare write of the same values: each sheet's cells as the exported
  file holds them (every value, an empty cell where the export only colours one), written as plain
  XML text without styles, widths, filters or validation, in a minimal workbook compressed as the
  export compresses. Export and floor are timed in turn, in processor seconds.
- import (target): a bare calamine read of the same file, every sheet; and, for information, of only
  the sheets the import reads.
The issue's 3 s is compared with processor seconds too (the export is single-threaded; on a shared
machine the wall clock measures the others' work). Peak memory is the resident high-water mark of a
fresh process, before and after the work.
"""

from __future__ import annotations

import gc
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from carveplan.io.formats import ExportOptions
from carveplan.io.workbook.export import export_workbook
from carveplan.io.workbook.importer import read_workbook
from carveplan.io.workbook.layout import OVERVIEW, RECORD_SHEETS
from tests.benchmarks.bare_xlsx import bare_write
from tests.benchmarks.harness import Result, best_of
from tests.benchmarks.national import national_agreement

TODAY = date(2027, 6, 1)
EXPORT_TARGET = 3.0  # resolving, the analysis sheets and the styles on top of writing the values
IMPORT_TARGET = 1.5
SECONDS_TARGET = 3.0  # issue 18: the whole export of 15,000 lines on this machine
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"')


def run() -> list[Result]:
    """Time export and import of the 1× national workbook against their floors; peak memory of each."""
    agreement = national_agreement(1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.xlsx"
        export_workbook(agreement, path, ExportOptions(today=TODAY))
        export_cpu, floor, cells = _export_and_floor(agreement, path)
        wanted = [OVERVIEW, *(spec.name for spec in RECORD_SHEETS)]
        read = best_of(lambda: read_workbook(path))
        read_floor = best_of(lambda: _bare_read(path, wanted))
        file_floor = best_of(lambda: _bare_read(path, None))
        memory = [_peak(mode, path) for mode in ("export", "import")]
    lines = len(agreement.lines)
    return [
        Result(
            f"workbook: export, {lines} lines, processor seconds",
            export_cpu,
            f"bare XML write of the same {cells:,} values, no style",
            floor,
            EXPORT_TARGET,
        ),
        Result(
            f"workbook: export, {lines} lines, processor seconds vs the issue's 3 s",
            export_cpu,
            "3 s",
            SECONDS_TARGET,
            1.0,
        ),
        Result(
            f"workbook: import, {lines} lines",
            read,
            "bare calamine read of the same file",
            file_floor,
            IMPORT_TARGET,
        ),
        Result(
            f"workbook: import, {lines} lines, vs the sheets it reads",
            read,
            f"bare calamine read of the same {len(wanted)} sheets",
            read_floor,
        ),
        Result(
            "workbook: export peak memory", memory[0][1], "process before export", memory[0][0], unit="MiB"
        ),
        Result(
            "workbook: import peak memory", memory[1][1], "process before import", memory[1][0], unit="MiB"
        ),
    ]


def _export_and_floor(agreement: Any, path: Path) -> tuple[float, float, int]:
    """Processor seconds of the export and of the bare write of the values it wrote; how many.

    The values are let go on return: a million objects kept alive would slow every garbage
    collection in the timings that follow.
    """
    sheets = _written_cells(path)
    cells = sum(v is not None for rows in sheets.values() for row in rows for v in row)
    bare = path.with_name("bare.xlsx")
    export, floor = _in_turn(
        lambda: export_workbook(agreement, path, ExportOptions(today=TODAY)), lambda: bare_write(sheets, bare)
    )
    return export, floor, cells


def _in_turn(
    measure: Callable[[], object], floor: Callable[[], object], repeat: int = 3
) -> tuple[float, float]:
    """The fewest processor seconds of ``repeat`` calls of each, taken in turn (a burst of load on the
    shared machine then slows both alike)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, found in zip((measure, floor), times, strict=True):
            gc.collect()
            start = time.process_time()
            function()
            found.append(time.process_time() - start)
    return min(times[0]), min(times[1])


def _written_cells(path: Path) -> dict[str, list[list[Any]]]:
    """Each sheet's rows as written: the value of every cell present, ``""`` for a colour-only cell."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    parts = _sheet_parts(path)
    out: dict[str, list[list[Any]]] = {}
    with zipfile.ZipFile(path) as archive:
        for name in book.sheet_names:
            values = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            present = _CELL.findall(archive.read(parts[name]))
            width = max((len(r) for r in values), default=0)
            rows: list[list[Any]] = [[None] * width for _ in values]
            for letters, number in present:
                r, c = int(number) - 1, _column(letters.decode())
                if r < len(rows) and c < width:
                    rows[r][c] = values[r][c]
            out[name] = rows
    return out


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> its XML part (sheets are written in order as sheet1.xml, sheet2.xml, …)."""
    from python_calamine import CalamineWorkbook

    names = CalamineWorkbook.from_path(str(path)).sheet_names
    return {name: f"xl/worksheets/sheet{i}.xml" for i, name in enumerate(names, 1)}


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def _bare_read(path: Path, names: list[str] | None) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names if names is None else names:
        book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    book.close()


_PEAK = """
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from carveplan.io.formats import ExportOptions
from carveplan.io.workbook.export import export_workbook
from carveplan.io.workbook.importer import read_workbook
from tests.benchmarks.national import national_agreement
from tests.benchmarks.harness import peak_mib
mode, path = sys.argv[1], Path(sys.argv[2])
agreement = national_agreement(1) if mode == "export" else None
before = peak_mib()
if mode == "export":
    export_workbook(agreement, path.with_name("memory.xlsx"), ExportOptions(today=date(2027, 6, 1)))
else:
    read_workbook(path)
print(before, peak_mib())
"""


def _peak(mode: str, path: Path) -> tuple[float, float]:
    """Peak resident MiB of a fresh process before and after exporting or importing."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, mode, str(path)], capture_output=True, text=True, check=True
    )
    before, after = (float(v) for v in done.stdout.split())
    return before, after
