"""Bar segments built for all lines at once agree with a plain per-line reading of the phases."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.chart.axes import day_num
from carveplan.chart.segments import BASE, BLOCKED, EXCLUDED, KIND_NAMES, PHASE, segment_table
from carveplan.engine.schedule import ResolvedLine, ResolvedPhase
from carveplan.model.line import Line
from tests.helpers.schedules import EIF, sample_schedule

HI = day_num(date(2060, 1, 1))
Seg = tuple[int, float, float, str, int]


def _reference(lines: list[ResolvedLine], eif: date, hi: float) -> list[Seg]:
    """The spans of each bar, one line and one phase at a time (the rule the table vectorises)."""
    out: list[Seg] = []
    start = day_num(eif)
    for n, resolved in enumerate(lines):
        if resolved.excluded:
            out.append((n, start, max(hi, start), "excluded", -1))
            continue
        phases = resolved.phases
        mine: list[Seg] = []
        if phases and phases[0].start is not None and day_num(phases[0].start) > start:
            mine.append((n, start, day_num(phases[0].start), "base", -1))
        for i, phase in enumerate(phases):
            if phase.start is None:
                nominal = phase.nominal_start
                x0 = day_num(nominal) if nominal is not None else (mine[-1][2] if mine else start)
                mine.append((n, x0, max(hi, x0), "blocked", i))
                break
            if i + 1 == len(phases):
                break
            following = phases[i + 1]
            end = phase.end or following.start or following.nominal_start
            mine.append((n, day_num(phase.start), day_num(end) if end else hi, "phase", i))
        out.extend(mine)
    return out


def _table_rows(lines: list[ResolvedLine], eif: date, hi: float) -> list[Seg]:
    t = segment_table(lines, eif, hi)
    return [
        (int(n), float(a), float(b), KIND_NAMES[k], int(p))
        for n, a, b, k, p in zip(t.line, t.x0, t.x1, t.kind, t.phase, strict=True)
    ]


_days = st.one_of(st.none(), st.integers(-400, 9000).map(lambda d: EIF + timedelta(days=d)))


@st.composite
def _lines(draw: st.DrawFn) -> ResolvedLine:
    line = Line("L", "VNM", "energy", "271111", "Gas", base=Decimal(5))
    count = draw(st.integers(0, 5))
    phases = tuple(
        ResolvedPhase("L", i, "", Decimal(i), draw(_days), draw(_days), end=draw(_days)) for i in range(count)
    )
    return ResolvedLine(line, phases, draw(st.booleans()), Decimal(0), draw(_days))


@settings(max_examples=150, deadline=None)
@given(st.lists(_lines(), max_size=6))
def test_table_matches_reading_each_line(lines: list[ResolvedLine]) -> None:
    assert _table_rows(lines, EIF, HI) == _reference(lines, EIF, HI)


@settings(max_examples=80, deadline=None)
@given(st.lists(_lines(), min_size=1, max_size=6))
def test_per_line_extent(lines: list[ResolvedLine]) -> None:
    table = segment_table(lines, EIF, HI)
    starts = [[day_num(p.start) for p in r.phases if p.start] for r in lines]
    expected = (
        [min([day_num(EIF), *s]) for s in starts],
        [day_num(r.final_date or EIF) for r in lines],
        [r.blocked for r in lines],
        [not r.excluded for r in lines],
    )
    assert (
        table.first.tolist(),
        table.final.tolist(),
        table.blocked.tolist(),
        table.live.tolist(),
    ) == expected


def test_sample_schedule_has_every_kind() -> None:
    schedule = sample_schedule()
    table = segment_table(schedule.lines, schedule.eif, HI)
    assert set(np.unique(table.kind)) == {BASE, PHASE, BLOCKED, EXCLUDED}


def test_sample_schedule_matches_reference() -> None:
    schedule = sample_schedule()
    lines = list(schedule.lines)
    assert _table_rows(lines, schedule.eif, HI) == _reference(lines, schedule.eif, HI)


def test_no_lines() -> None:
    assert len(segment_table([], EIF, HI)) == 0
