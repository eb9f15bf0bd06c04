"""An equity cap reads the same wherever it is shown: the chart's bars and tooltips, the terminal's
schedule, the tables and the MS Project plan all write ``49.0`` (``cap 49.0%`` with its unit)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from carveplan.chart.hit import Hit, HitKind
from carveplan.chart.text import format_value
from carveplan.engine import resolve
from carveplan.engine.schedule import Schedule
from carveplan.io.mspdi.tasks import schedule_tasks
from carveplan.io.native import load
from carveplan.io.reports.text import schedule_text
from carveplan.resources import sample_path
from carveplan.ui.chart_tips import hit_tooltip
from carveplan.ui.tables.cells import format_rate

CAP = "VNM-S01"  # mobile services: foreign share at most 25%, then 35%, then 49% (DOMAIN.md)


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return resolve(load(sample_path()))


def test_the_chart_writes_the_cap_with_its_decimal(schedule: Schedule) -> None:
    line = schedule.line(CAP).line
    assert format_value(line, Decimal(49)) == "cap 49.0%"
    assert format_value(line, Decimal("46.7")) == "cap 46.7%"


def test_the_tooltip_says_what_the_bar_says(schedule: Schedule) -> None:
    tip = hit_tooltip(schedule, Hit(HitKind.PHASE, "", line=CAP, phase=2))
    assert "base cap 25.0%" in tip
    assert ": cap 49.0%" in tip


def test_the_terminal_schedule_says_what_the_chart_says(schedule: Schedule) -> None:
    text = "\n".join(schedule_text(schedule))
    row = next(line for line in text.splitlines() if CAP in line)
    assert "base cap 25.0%" in row
    assert "cap 49.0%" in text
    assert "  49%" not in text  # no bare "49%" left for a cap


def test_the_table_cell_has_the_same_number(schedule: Schedule) -> None:
    assert format_rate(Decimal(49), schedule.line(CAP).line.unit) == "49.0"


def test_a_phase_task_in_ms_project_is_named_as_the_bar() -> None:
    agreement = load(sample_path())
    lines = tuple(
        replace(x, phases=tuple(replace(p, label="") for p in x.phases)) if x.id == CAP else x
        for x in agreement.lines
    )
    names = [task.name for task in schedule_tasks(resolve(replace(agreement, lines=lines)))]
    assert "cap 49.0%" in names
