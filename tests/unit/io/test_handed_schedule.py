"""Exports handed the window's schedules write what they write when they resolve themselves."""

from __future__ import annotations

import importlib
import re
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import matplotlib
import pytest

from carveplan.engine import resolve
from carveplan.engine.incremental import full, update
from carveplan.io.formats import ExportOptions, exporter_for, schedule_for
from carveplan.model import Agreement
from tests.benchmarks.national import national_agreement

TODAY = date(2026, 11, 25)
SCENARIO = "sanctions persist"
SUFFIXES = [".xlsx", ".xml", ".pdf", ".pptx", ".png", ".svg", ".ics"]


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    """A generated agreement of 120 lines with trade data and a scenario that moves dates."""
    return national_agreement(1, duties=True, per_party=40)


def _content(path: Path) -> dict[str, bytes]:
    """What the file says, less the moment it was written (zip stamps, document properties, the
    PDF's creation date and its font subset's time stamp): each page's drawing for a PDF."""
    if path.suffix in {".xlsx", ".pptx"}:
        with zipfile.ZipFile(path) as archive:
            return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        pages = PdfReader(path).pages
        return {f"page {n}": page.get_contents().get_data() for n, page in enumerate(pages, 1)}
    data = path.read_bytes()
    if path.suffix == ".svg":
        data = re.sub(rb"<dc:date>.*?</dc:date>", b"", data, flags=re.S)
    return {"": data}


def _no_resolving(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(agreement: Agreement, scenario: str | None = None) -> None:
        raise AssertionError(f"resolved {scenario or 'the baseline'} although it was handed")

    monkeypatch.setattr(importlib.import_module("carveplan.engine.resolve"), "resolve", refuse)


@pytest.mark.parametrize("scenario", [None, SCENARIO])
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_handed_schedule_writes_the_same_file(
    agreement: Agreement, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, scenario: str | None
) -> None:
    monkeypatch.setitem(matplotlib.rcParams, "svg.hashsalt", "same ids")  # not random ones
    options = ExportOptions(scenario=scenario, today=TODAY, sectors=("energy",), page="16:9")
    schedules = (resolve(agreement, scenario), resolve(agreement, None))
    fresh, handed = tmp_path / f"fresh{suffix}", tmp_path / "handed" / f"fresh{suffix}"
    handed.parent.mkdir()
    exporter_for(fresh)(agreement, fresh, options)
    _no_resolving(monkeypatch)  # the baseline too: the ghost bars and MS Project's baseline dates
    exporter_for(handed)(agreement, handed, replace(options, resolved=schedules))
    assert _content(handed) == _content(fresh)


def test_the_window_s_incremental_schedule_is_taken_as_it_is(agreement: Agreement) -> None:
    before = full(replace(agreement, title="Before the edit"), SCENARIO)
    after = update(before, agreement, SCENARIO).schedule
    assert schedule_for(agreement, SCENARIO, ExportOptions(resolved=(after,))) is after


def test_a_schedule_of_another_agreement_or_scenario_is_not_taken(agreement: Agreement) -> None:
    other = resolve(replace(agreement, title="Another"), None)
    scenario = resolve(agreement, SCENARIO)
    options = ExportOptions(resolved=(other, scenario))
    baseline = schedule_for(agreement, None, options)
    assert baseline is not other
    assert baseline is not scenario
    assert baseline == resolve(agreement, None)


def test_an_agreement_cleaned_for_export_is_resolved_afresh(agreement: Agreement, tmp_path: Path) -> None:
    dirty = replace(agreement, title="Round\x0b one")  # a vertical tab the XML cannot carry
    handed = resolve(dirty, None)
    path = tmp_path / "plan.xml"
    exporter_for(path)(dirty, path, ExportOptions(today=TODAY, resolved=(handed,)))
    assert b"Round one" in path.read_bytes() or b"Round  one" in path.read_bytes()
    assert b"\x0b" not in path.read_bytes()
