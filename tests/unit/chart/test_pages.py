"""Pages drawn one after another on one figure look exactly like each page drawn afresh."""

from __future__ import annotations

from datetime import date

import numpy as np
from matplotlib.figure import Figure

from carveplan.chart.gantt import GanttArtists, GanttPages, draw_gantt
from carveplan.chart.rows import build_rows, paginate, window
from carveplan.engine.schedule import Schedule

TODAY = date(2029, 5, 1)
SIZE = (11.69, 4.0)  # a short page: the sample schedule runs over several


def _picture(art: GanttArtists) -> dict[str, object]:
    """What a reader sees: texts, row labels, bar rectangles, legend entries and the frame."""
    ax = art.ax
    return {
        "labels": [t.get_text() for t in art.labels],
        "rows": [t.get_text() for t in ax.get_yticklabels()],
        "bold": [t.get_fontweight() for t in ax.get_yticklabels()],
        "bars": {
            k: np.round(np.concatenate([p.vertices for p in c.get_paths()] or [np.zeros((0, 2))]), 6).tolist()
            for k, c in art.collections.items()
        },
        "legend": [t.get_text() for t in art.legend.get_texts()] if art.legend else [],
        "title": [t.get_text() for t in art.title],
        "ylim": ax.get_ylim(),
        "position": tuple(np.round(ax.get_position().bounds, 6)),
        "xticks": [t.get_text() for t in ax.get_xticklabels()],
        "figure_artists": len(art.figure.get_children()),
        "axes_artists": len(ax.get_children()),
    }


def test_each_page_on_a_reused_figure_equals_a_fresh_drawing(schedule: Schedule) -> None:
    pages = paginate(build_rows(schedule), 6)
    assert len(pages) > 2
    painter = GanttPages(Figure(figsize=SIZE), schedule, today=TODAY)
    axes = set()
    for number, rows in enumerate(pages, start=1):
        reused = painter.draw(rows, f"page {number}")
        axes.add(reused.ax)
        fresh = draw_gantt(Figure(figsize=SIZE), schedule, today=TODAY, title=f"page {number}", visible=rows,
                           window=painter.window)  # fmt: skip
        assert _picture(reused) == _picture(fresh), number
    assert len(axes) == 1  # the axes and their date ticks were made once
    assert painter.fig.axes == [reused.ax]
    assert len(painter.fig.legends) == 1  # earlier pages' legends and titles were taken off


def test_paginate_repeats_the_headers_the_window_function_finds(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    for per_page in (3, 4, 7):
        pages = paginate(rows, per_page)
        first = 0
        for page in pages:
            fresh = [r for r in page if not r.continued]
            assert page == window(rows, first, len(fresh))
            first += len(fresh)
        assert first == len(rows)
