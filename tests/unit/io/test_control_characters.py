"""A description with NUL, U+0001 and U+000B: every export is well-formed, read back by its own reader."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from carveplan.io.formats import EXPORTERS, ExportOptions, exporter_for
from carveplan.model import Agreement
from tests.helpers.plans import DELAY, partnership

DIRTY = "Crude\x00 petroleum\x01 oils\x0b"
BAD = ("\x00", "\x01", "\x0b")


def _dirty() -> Agreement:
    agreement = partnership()
    lines = tuple(
        replace(line, description=DIRTY) if line.code == "270900" else line for line in agreement.lines
    )
    milestones = tuple(replace(m, title=f"{m.title}\x0b") for m in agreement.milestones)
    return replace(agreement, title="Partnership\x01", lines=lines, milestones=milestones)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    written = {}
    for suffix in EXPORTERS:
        target = folder / f"plan{suffix}"
        exporter_for(target)(_dirty(), target, ExportOptions(scenario=DELAY, today=date(2026, 11, 25)))
        written[suffix] = target
    return written


def _no_control_characters(text: str) -> None:
    assert not any(bad in text for bad in BAD)


def test_svg_is_well_formed_and_keeps_the_text(exports: dict[str, Path]) -> None:
    root = ET.parse(exports[".svg"]).getroot()
    text = " ".join(root.itertext())
    _no_control_characters(text)


def test_ms_project_xml_is_well_formed(exports: dict[str, Path]) -> None:
    data = exports[".xml"].read_text(encoding="utf-8")
    ET.fromstring(data)
    assert "Crude petroleum oils" in data


def test_calendar_text_is_clean(exports: dict[str, Path]) -> None:
    calendar = Calendar.from_ical(exports[".ics"].read_bytes())
    for event in calendar.walk("VEVENT"):
        _no_control_characters(str(event["SUMMARY"]) + str(event["DESCRIPTION"]))


def test_workbook_is_written_and_clean(exports: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(exports[".xlsx"], read_only=True)
    lines = book["Lines"]
    rows = list(lines.iter_rows(values_only=True))
    column = rows[0].index("Description")
    assert "Crude petroleum oils" in [row[column] for row in rows[1:]]


def test_every_xml_part_of_the_slides_is_well_formed(exports: dict[str, Path]) -> None:
    with zipfile.ZipFile(exports[".pptx"]) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                text = package.read(name).decode("utf-8")
                ET.fromstring(text)
                _no_control_characters(text)


def test_pdf_and_png_are_written(exports: dict[str, Path]) -> None:
    assert exports[".pdf"].read_bytes().startswith(b"%PDF")
    assert exports[".png"].read_bytes().startswith(b"\x89PNG")
