"""The first screen of a file being opened: its rows, its lines resolved alone, no matplotlib."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.chart.first_screen import ScreenSpec, first_screen
from carveplan.chart.rows import RowSelection, build_rows, first_rows, line_rows, window
from carveplan.chart.style import SCREEN
from carveplan.chart.vector import Text
from carveplan.engine.resolve import resolve
from carveplan.model import Agreement
from tests.benchmarks.national import national_agreement

TODAY = date(2027, 6, 1)


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return national_agreement(1, per_party=40)


def test_rows_from_lines_are_the_rows_of_the_resolved_schedule(agreement: Agreement) -> None:
    schedule = resolve(agreement)
    assert line_rows(agreement, agreement.lines) == build_rows(schedule)


@settings(max_examples=40, deadline=None)
@given(
    limit=st.integers(0, 200),
    collapse=st.sets(st.sampled_from(["energy", "telecom", "energy/AUS", "minerals/VNM", "nothing"])),
    focus=st.booleans(),
    party_rows=st.booleans(),
)
def test_the_first_rows_are_a_prefix_and_every_row_is_counted(
    agreement: Agreement, limit: int, collapse: set[str], focus: bool, party_rows: bool
) -> None:
    selection = RowSelection(collapsed=frozenset(collapse), focus_only=focus, party_rows=party_rows)
    every = line_rows(agreement, agreement.lines, selection)
    rows, total = first_rows(agreement, agreement.lines, selection, limit)
    assert total == len(every)
    assert rows == every[:limit]


def test_the_first_screen_draws_its_rows_as_the_whole_schedule_places_them(agreement: Agreement) -> None:
    spec = ScreenSpec((720.0, 430.0), SCREEN, RowSelection(), 0, 20, TODAY)
    screen = first_screen(agreement, spec)
    every = build_rows(resolve(agreement))
    assert screen.total_rows == len(every)
    assert screen.shown_rows == 20
    texts = {item.text for item in screen.page.items if isinstance(item, Text)}
    shown = window(every, 0, 20)
    # Each row's label shows, indented and cut to the room there is.
    assert all(any(r.label[:12] in t for t in texts) for r in shown)
    assert not any(agreement.title in t for t in texts)  # the window's title bar says it
    assert (screen.page.width, screen.page.height) == (720.0, 430.0)


def test_scrolled_and_filtered_first_screens(agreement: Agreement) -> None:
    parties = (agreement.parties[-1].code,)
    spec = ScreenSpec((720.0, 430.0), SCREEN, RowSelection(parties=parties), 5, 10, TODAY)
    screen = first_screen(agreement, spec)
    every = build_rows(resolve(agreement), RowSelection(parties=parties))
    assert screen.total_rows == len(every)
    texts = {item.text for item in screen.page.items if isinstance(item, Text)}
    assert any(every[5].label[:12] in t for t in texts)


def test_drawing_a_first_screen_loads_no_plotting_library() -> None:
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from carveplan.chart.first_screen import ScreenSpec, first_screen\n"
        "from carveplan.chart.rows import RowSelection\n"
        "from carveplan.chart.style import SCREEN\n"
        "from tests.benchmarks.national import national_agreement\n"
        "spec = ScreenSpec((720.0, 430.0), SCREEN, RowSelection(), 0, 20, date(2027, 6, 1))\n"
        "first_screen(national_agreement(1, per_party=10), spec)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
