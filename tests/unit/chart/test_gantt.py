"""The Gantt chart's structure: what is drawn, where, with which labels, in every style."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from matplotlib.figure import Figure

from carveplan.chart.axes import day_num
from carveplan.chart.gantt import GanttArtists, draw_gantt
from carveplan.chart.hit import HitKind
from carveplan.chart.rows import RowSelection
from carveplan.chart.style import PRINT, PROJECTOR, SCREEN, STYLES, ChartStyle
from carveplan.engine.schedule import Schedule
from tests.helpers.schedules import EIF

TODAY = date(2029, 5, 1)


def _draw(fig: Figure, schedule: Schedule, style: ChartStyle = SCREEN, **kwargs: object) -> GanttArtists:
    return draw_gantt(fig, schedule, style=style, today=TODAY, **kwargs)  # type: ignore[arg-type]


def _boxes(art: GanttArtists, name: str) -> np.ndarray:
    """``(x0, x1, y0, y1)`` of each rectangle of a collection."""
    paths = art.collections[name].get_paths()
    return np.array(
        [
            [p.vertices[:, 0].min(), p.vertices[:, 0].max(), p.vertices[:, 1].min(), p.vertices[:, 1].max()]
            for p in paths
        ]
    ).reshape(-1, 4)


def _row(art: GanttArtists, key: str) -> float:
    return next(r.y for r in art.rows if r.key == key)


def _texts(art: GanttArtists) -> list[str]:
    return [t.get_text() for t in art.labels]


@pytest.mark.parametrize("style", list(STYLES.values()), ids=list(STYLES))
def test_nothing_is_drawn_outside_the_axes(fig: Figure, schedule: Schedule, style: ChartStyle) -> None:
    art = _draw(fig, schedule, style)
    x0, x1 = art.ax.get_xlim()
    bottom, top = art.ax.get_ylim()
    for name, coll in art.collections.items():
        for path in coll.get_paths():
            if len(path.vertices) == 0:
                continue
            xs, ys = path.vertices[:, 0], path.vertices[:, 1]
            markers = ("milestones", "unmet", "highlight", "deadlines", "terminations", "exception_reviews")
            if name not in markers:
                assert x0 - 1e-6 <= xs.min(), name
                assert xs.max() <= x1 + 1e-6, name
                assert top - 1e-6 <= ys.min(), name
                assert ys.max() <= bottom + 1e-6, name
        offsets = np.asarray(coll.get_offsets()).reshape(-1, 2)
        if name in ("milestones", "unmet", "deadlines", "terminations") and len(offsets):
            assert ((offsets[:, 0] >= x0) & (offsets[:, 0] <= x1)).all(), name
    assert all(t.get_clip_on() for t in art.labels)
    for text in art.labels:
        x, y = text.get_position()
        assert x0 <= x <= x1, text.get_text()
        assert top <= y <= bottom, text.get_text()


def test_phases_are_one_collection_at_their_dates(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule)
    boxes = _boxes(art, "phases")
    y = _row(art, "L1")
    on_row = boxes[(boxes[:, 2] < y) & (boxes[:, 3] > y)]
    starts = sorted(on_row[:, 0])
    assert starts == [
        day_num(EIF),
        day_num(date(2028, 1, 1)),
        day_num(date(2029, 1, 1)),
        day_num(date(2030, 1, 1)),
    ]
    assert on_row[:, 1].max() == day_num(date(2031, 1, 1))  # bar ends where the final 0% applies
    assert on_row[0, 3] - on_row[0, 2] == pytest.approx(SCREEN.bar_height)


def test_phase_labels_and_final_values(fig: Figure, schedule: Schedule) -> None:
    texts = _texts(_draw(Figure(figsize=(16, 9)), schedule))
    assert "→ 0.0% (2031)" in texts
    assert "→ cap 49.0% (2030)" in texts
    assert "0.0% from EIF" in texts
    assert any(t in texts for t in ("4.8%", "6.4%"))
    assert "blocked by VER-2" in texts
    assert "carve-out · 5.0%" in texts


def test_projector_has_no_labels_inside_phases(schedule: Schedule) -> None:
    texts = _texts(_draw(Figure(figsize=(13.333, 12)), schedule, PROJECTOR))
    assert "4.8%" not in texts
    assert "→ 0.0% (2031)" in texts


def test_excluded_and_blocked_run_to_the_window_end(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule)
    x_end = art.ax.get_xlim()[1]
    excluded, blocked = _boxes(art, "excluded"), _boxes(art, "blocked")
    assert len(excluded) == 1
    assert excluded[0, 1] == pytest.approx(x_end)
    assert len(blocked) == 1
    assert blocked[0, 1] == pytest.approx(x_end)
    assert blocked[0, 2] < _row(art, "L6") < blocked[0, 3]
    assert art.collections["excluded"].get_hatch() == SCREEN.excluded_hatch


def test_milestones_sit_on_party_rows_with_connectors_to_gated_phases(
    fig: Figure, schedule: Schedule
) -> None:
    art = _draw(fig, schedule)
    reg = next(m for m in art.milestones if m.milestone.milestone.id == "REG-1")
    assert reg.y == _row(art, "energy/VNM")
    assert reg.x == day_num(date(2029, 9, 1))
    assert (day_num(date(2031, 7, 1)), _row(art, "L2")) in reg.targets
    segments = art.collections["connectors"].get_segments()
    assert len(segments) == sum(len(m.targets) for m in art.milestones)
    missed = next(m for m in art.milestones if m.milestone.milestone.id == "VER-2")
    assert missed.unmet
    assert missed.x == day_num(date(2029, 3, 1))
    faces = art.collections["milestones"].get_facecolors()
    assert len(faces) == len(art.milestones)
    assert len(art.collections["unmet"].get_offsets()) == 1


def test_exception_band_covers_lines_in_scope_with_deadlines(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule)
    bands = _boxes(art, "bands")
    assert len(bands) == 1
    x0, x1, y0, y1 = bands[0]
    assert (x0, x1) == (day_num(date(2030, 1, 1)), day_num(date(2031, 7, 1)))
    # The VNM party row holds only lines in scope, so the band starts there and ends after L3.
    assert y0 == _row(art, "energy/VNM") - 0.5
    assert y1 == _row(art, "L3") + 0.5
    assert art.collections["deadlines"].get_offsets()[0][0] == day_num(date(2030, 1, 31))
    assert art.collections["terminations"].get_offsets()[0][0] == day_num(date(2031, 4, 2))
    assert len(art.collections["exception_reviews"].get_offsets()) == 2


def test_vertical_markers_for_eif_today_reviews_and_sunsets(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule)
    eif = art.markers["eif"][0].get_segments()  # type: ignore[attr-defined]
    assert eif[0][0][0] == day_num(EIF)
    assert art.markers["today"][0].get_segments()[0][0][0] == day_num(TODAY)  # type: ignore[attr-defined]
    assert len(art.markers["review"][0].get_segments()) == 2  # type: ignore[attr-defined]
    assert len(art.markers["sunset"][0].get_segments()) == 2  # type: ignore[attr-defined]
    labels = [t.get_text() for key, items in art.markers.items() if key.endswith("_labels") for t in items]
    assert "EIF" in labels
    assert "Today" in labels


def test_axes_show_dates_and_agreement_years(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule)
    assert art.tick_plan.labels[0].isdigit()
    years = [t.get_text() for t in art.year_axis.get_xticklabels(minor=True)]
    assert years[0] == "Y1"
    assert "Y2" in years


def test_legend_and_title_block(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule)
    assert art.legend is not None
    entries = [t.get_text() for t in art.legend.get_texts()]
    for expected in (
        "Energy",
        "Telecommunications",
        "Critical minerals",
        "Carve-out",
        "Blocked",
        "Exception",
        "Milestone missed",
        "EIF",
        "Today",
        "Review",
        "Sunset",
    ):
        assert expected in entries
    assert "Baseline" not in entries
    title = [t.get_text() for t in art.title]
    assert title[0] == schedule.agreement.title
    assert "Scenario: baseline" in title[1]
    assert "as of 1 May 2029" in title[1]
    assert title[2] == "DRAFT – FOR NEGOTIATION"


def test_baseline_is_drawn_as_ghost_bars(fig: Figure, schedule: Schedule) -> None:
    scenario = replace(schedule, scenario="late")
    art = _draw(fig, scenario, baseline=schedule)
    ghosts = _boxes(art, "ghosts")
    assert len(ghosts) > 0
    phases = _boxes(art, "phases")
    assert ghosts[:, 2].min() > phases[:, 2].min()  # under the scenario bars in each row
    assert "Baseline" in [t.get_text() for t in art.legend.get_texts()]  # type: ignore[union-attr]


def test_hit_finds_phases_milestones_and_bands(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule)
    hit = art.hit(day_num(date(2028, 6, 1)), _row(art, "L1"))
    assert hit is not None
    assert hit.kind is HitKind.PHASE
    assert (hit.line, hit.phase) == ("L1", 1)
    reg = art.hit(day_num(date(2029, 9, 3)), _row(art, "energy/VNM"))
    assert reg is not None
    assert reg.kind is HitKind.MILESTONE
    assert reg.milestone == "REG-1"
    band = art.hit(day_num(date(2030, 6, 1)), _row(art, "L2") + 0.45)
    assert band is not None
    assert band.kind is HitKind.EXCEPTION
    assert band.exception == "EXC-1"
    assert art.hit(day_num(date(2040, 1, 1)), _row(art, "L1")) is None


def test_selection_collapses_and_windows(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule, rows=RowSelection(collapsed=frozenset({"energy"}), selected=frozenset({"L4"})))
    assert art.rows[0].collapsed
    assert len(_boxes(art, "groups")) >= 1
    assert art.rows[0].key == "energy"
    assert all(r.sector != "energy" for r in art.rows[1:])
    window = (date(2027, 1, 1), date(2030, 12, 31))
    art = _draw(fig, schedule, window=window)
    assert art.ax.get_xlim() == (day_num(window[0]), day_num(window[1]))
    assert art.tick_plan.level.value == "quarters"


def test_empty_selection_says_so(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule, rows=RowSelection(parties=("ZZZ",)))
    assert art.rows == ()
    assert "No lines match the selection" in _texts(art)


def test_thin_rows_drop_line_labels_but_keep_group_labels(schedule: Schedule) -> None:
    art = _draw(Figure(figsize=(13.333, 3.2)), schedule)
    labels = [t.get_text().strip() for t in art.ax.get_yticklabels()]
    assert "Energy (3 lines)" in labels
    assert not any(label.startswith("271111") for label in labels)


def test_print_style_hatches_exceptions(fig: Figure, schedule: Schedule) -> None:
    art = _draw(fig, schedule, PRINT)
    assert art.collections["bands"].get_hatch() == PRINT.exception_hatch
