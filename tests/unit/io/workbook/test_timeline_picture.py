"""The timeline as LibreOffice prints it: coloured bars where the lines run, the colours of the legend."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from carveplan.io.formats import ExportOptions
from carveplan.io.workbook.export import export_workbook
from carveplan.io.workbook.timeline import EXCLUDED_COLOUR, MILESTONE_COLOUR, SECTOR_COLOURS, SUSPENDED_COLOUR
from tests.helpers.office import convert
from tests.unit.io.workbook.test_timeline import KORUS


def _pixels(pdf: Path, folder: Path) -> Counter[str]:
    """How many pixels of each colour (``RRGGBB``) the PDF's pages have at 60 dpi."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run([pdftoppm, "-r", "60", str(pdf), str(folder / "page")], check=True, timeout=120)
    counts: Counter[str] = Counter()
    for page in sorted(folder.glob("page*.ppm")):
        data = page.read_bytes()
        # P6 header: magic, width, height, maximum value, each after white space; then RGB bytes.
        fields = data.split(maxsplit=4)
        width, height = int(fields[1]), int(fields[2])
        pixels = fields[4][: width * height * 3]
        counts.update(pixels[i : i + 3].hex().upper() for i in range(0, len(pixels), 3))
    return counts


def test_libreoffice_prints_the_bars_in_their_colours(tmp_path: Path) -> None:
    book = tmp_path / "korus.xlsx"
    export_workbook(KORUS, book, ExportOptions(scenario="crisis", today=date(2026, 1, 1)))
    done = convert(book, "pdf", tmp_path)
    pdf = tmp_path / "korus.pdf"
    assert pdf.exists(), done.stderr
    counts = _pixels(pdf, tmp_path)
    energy, minerals = counts[SECTOR_COLOURS["energy"]], counts[SECTOR_COLOURS["critical_minerals"]]
    legend = minerals  # the lithium line is excluded: its sector's colour is only in the legend
    assert legend > 0
    assert energy > 4 * legend  # the natural gas bar runs across the years
    assert counts[SUSPENDED_COLOUR] > legend  # the crisis suspends it for a year
    assert counts[EXCLUDED_COLOUR] > 0
    assert counts[MILESTONE_COLOUR] > 0
