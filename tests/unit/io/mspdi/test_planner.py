"""GNOME Planner reads the MS Project XML export: its own import stylesheet, its DTD, and Planner itself."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from carveplan.io.formats import ExportOptions
from carveplan.io.mspdi.export import mspdi_bytes
from carveplan.io.mspdi.fields import NS
from carveplan.io.native.file import load
from carveplan.resources import sample_path
from tests.helpers.plans import MISSED, partnership

SAMPLE = sample_path()
PLANNER = Path("/usr/share/planner")
STYLESHEET = PLANNER / "stylesheets" / "msp2planner.xsl"  # what File > Import > MS Project runs
TODAY = date(2026, 11, 25)


def _imported(data: bytes) -> Any:
    """The Planner project Planner's MS Project import makes of ``data``."""
    if not STYLESHEET.exists():
        pytest.skip("GNOME Planner is not installed (apt-get install planner)")
    etree = pytest.importorskip("lxml.etree", reason="lxml is not installed (pip install '.[test]')")
    transform = etree.XSLT(etree.parse(str(STYLESHEET)))
    return transform(etree.fromstring(data)).getroot()


def test_planner_import_keeps_every_task_the_outline_and_the_links() -> None:
    data = mspdi_bytes(load(SAMPLE), ExportOptions(today=TODAY))
    ours = ET.fromstring(data).findall(f"{{{NS}}}Tasks/{{{NS}}}Task")
    project = _imported(data)
    tasks = project.findall(".//task")
    assert len(tasks) == len(ours)  # without OutlineNumber Planner kept only the top level
    depth = {t.get("name"): len(list(t.iterancestors("task"))) + 1 for t in tasks}
    assert all(
        depth[t.findtext(f"{{{NS}}}Name")] == int(t.findtext(f"{{{NS}}}OutlineLevel", "")) for t in ours
    )
    links = sum(len(t.findall(f"{{{NS}}}PredecessorLink")) for t in ours)
    assert links > 0
    assert len(project.findall(".//predecessor")) == links
    assert all(p.get("predecessor-id") for p in project.findall(".//predecessor"))


def test_planner_bars_have_length_and_milestones_none() -> None:
    project = _imported(mspdi_bytes(partnership(), ExportOptions(today=TODAY)))
    for task in project.iter("task"):
        if task.get("type") == "milestone":
            assert task.get("work") == "0", task.get("name")
        elif task.find("task") is None:
            assert int(task.get("work")) > 0, task.get("name")  # zero work drew zero-length bars
            assert task.get("scheduling") == "fixed-work"


def test_planner_shows_scenario_states_in_names_and_notes() -> None:
    project = _imported(mspdi_bytes(partnership(), ExportOptions(scenario=MISSED, today=TODAY)))
    by_name = {t.get("name"): t for t in project.iter("task")}
    assert "blocked until VER-1 is met" in by_name["[BLOCKED] Tranche 2"].get("note")
    assert by_name["[MISSED] VER-1 Independent verification"].get("type") == "milestone"


def test_planner_import_is_valid_for_planner(tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree", reason="lxml is not installed (pip install '.[test]')")
    dtd_path = PLANNER / "dtd" / "mrproject-0.6.dtd"
    project = _imported(mspdi_bytes(load(SAMPLE), ExportOptions(today=TODAY)))
    dtd = etree.DTD(str(dtd_path))
    assert dtd.validate(project), dtd.error_log


def test_planner_opens_the_import_under_xvfb(tmp_path: Path) -> None:
    planner, xvfb = shutil.which("planner"), shutil.which("xvfb-run")
    if planner is None or xvfb is None:
        pytest.skip("GNOME Planner and Xvfb are needed (apt-get install planner xvfb)")
    etree = pytest.importorskip("lxml.etree", reason="lxml is not installed (pip install '.[test]')")
    project = _imported(mspdi_bytes(load(SAMPLE), ExportOptions(scenario=None, today=TODAY)))
    target = tmp_path / "plan.planner"
    target.write_bytes(etree.tostring(project, xml_declaration=True, encoding="utf-8"))
    log = tmp_path / "planner.log"
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "NO_AT_BRIDGE": "1"}
    with log.open("wb") as output:
        process = subprocess.Popen(
            [xvfb, "-a", planner, str(target)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # xvfb-run's children (the server, Planner) go with it
        )
        try:
            time.sleep(8)  # no signal to wait on from another process's window: give it time to load
            assert process.poll() is None, "Planner exited while opening the plan"
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    complaints = [line for line in log.read_text(errors="replace").splitlines() if "error" in line.lower()]
    assert not complaints, complaints
