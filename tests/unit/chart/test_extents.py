"""The lines' figures kept between redraws agree with working them out afresh, and an edit works out
only the lines it replaced."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import numpy as np

from carveplan.chart.axes import day_num
from carveplan.chart.extents import LineExtents
from carveplan.chart.frame import default_window
from carveplan.chart.geometry import build_geometry
from carveplan.chart.rows import build_rows
from carveplan.chart.segments import segment_table
from carveplan.chart.style import SCREEN
from carveplan.engine import resolve
from carveplan.engine.incremental import full, update
from carveplan.engine.schedule import Schedule


def _agree(extents: LineExtents, schedule: Schedule) -> None:
    assert default_window(schedule, None, extents) == default_window(schedule)
    assert extents.sectors(schedule) == schedule.line_sectors
    ids = [r.line.id for r in schedule.lines]
    assert extents.gated_of(schedule, ids) == schedule.gated_phases
    some = ids[::2]
    assert extents.gated_of(schedule, some) == tuple(p for p in schedule.gated_phases if p.line in some)
    table = segment_table(schedule.lines, schedule.eif, 0.0)
    first, final, blocked, live = extents.columns(schedule, tuple(ids))
    assert np.array_equal(first, table.first)
    assert np.array_equal(final, table.final)
    assert np.array_equal(blocked, table.blocked)
    assert np.array_equal(live, table.live)
    rows = build_rows(schedule)
    window = default_window(schedule)
    span = (day_num(window[0]), day_num(window[1]))
    kept = build_geometry(schedule, rows, SCREEN, span, None, extents.spans(schedule, span[1]))
    afresh = build_geometry(schedule, rows, SCREEN, span, None)
    assert np.array_equal(kept.groups.verts(), afresh.groups.verts())
    assert np.array_equal(kept.phases.verts(), afresh.phases.verts())


def test_kept_figures_agree_with_a_fresh_walk(schedule: Schedule) -> None:
    extents = LineExtents()
    assert extents.refresh(schedule) is None  # the first look works out every line
    _agree(extents, schedule)


def test_an_edit_works_out_the_lines_it_replaced_only(schedule: Schedule) -> None:
    agreement = schedule.agreement
    before = full(agreement)
    extents = LineExtents()
    extents.refresh(before.schedule)
    seen = extents.misses
    lines = list(agreement.lines)
    lines[0] = replace(lines[0], base=Decimal(47))
    after = update(before, replace(agreement, lines=tuple(lines)))
    replaced = extents.refresh(after.schedule)
    assert replaced is not None
    assert lines[0].id in replaced
    assert extents.misses - seen == len(replaced) < len(lines)
    _agree(extents, after.schedule)
    assert extents.refresh(after.schedule) == frozenset()


def test_another_entry_into_force_works_out_every_line(schedule: Schedule) -> None:
    extents = LineExtents()
    extents.refresh(schedule)
    agreement = schedule.agreement
    later = resolve(replace(agreement, eif=agreement.eif.replace(year=agreement.eif.year + 1)))
    assert extents.refresh(later) is None
    _agree(extents, later)
