"""A short page in presentation mode keeps a full page's row height and closes up under its last row:
no blank band between the last row and the date axis, the legend right under the axis as on a full page."""

from __future__ import annotations

from datetime import date

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from carveplan.chart.axes import day_num
from carveplan.chart.frame import make_frame
from carveplan.chart.gantt import GanttArtists, draw_gantt
from carveplan.chart.rows import build_rows, window
from carveplan.chart.style import PROJECTOR
from carveplan.engine.schedule import Schedule

SIZE = (13.333, 7.5)  # a 16:9 screen
HEIGHT = SIZE[1] * 72
TODAY = date(2026, 11, 25)
SPAN = (day_num(date(2026, 1, 1)), day_num(date(2036, 1, 1)))


def test_a_short_page_keeps_the_row_height_and_leaves_no_band(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    full = make_frame(SIZE, rows, rows, PROJECTOR, SPAN, 40.0, page_rows=len(rows))
    short = make_frame(SIZE, rows[:3], rows[:3], PROJECTOR, SPAN, 40.0, page_rows=len(rows))
    assert short.row_points == full.row_points  # the same row height as a full page
    assert short.slots == 3  # the axes end under the last row: no empty slots
    assert short.header_rows * short.row_points == full.header_rows * full.row_points
    assert abs(short.height_points - (short.header_rows + 3) * short.row_points) < 1e-6
    assert short.rect[1] + short.rect[3] == full.rect[1] + full.rect[3]  # the top stays put
    # The legend moves up with the axes' lower edge: as far under the date axis as on a full page.
    assert abs((short.rect[1] - short.legend_bottom) - (full.rect[1] - full.legend_bottom)) < 1e-9


def test_a_full_page_is_laid_out_as_before(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    paged = make_frame(SIZE, rows, rows, PROJECTOR, SPAN, 40.0, page_rows=len(rows))
    assert paged == make_frame(SIZE, rows, rows, PROJECTOR, SPAN, 40.0)


def _drawn(schedule: Schedule, count: int, page_rows: int) -> tuple[Figure, GanttArtists]:
    rows = window(build_rows(schedule), 0, count)
    fig = Figure(figsize=SIZE, dpi=50)
    FigureCanvasAgg(fig)
    art = draw_gantt(fig, schedule, style=PROJECTOR, visible=rows, today=TODAY, page_rows=page_rows,
                     title_block=False)  # fmt: skip
    fig.canvas.draw()
    return fig, art


def test_the_picture_of_a_short_page_ends_under_its_legend(schedule: Schedule) -> None:
    fig, short = _drawn(schedule, 3, len(build_rows(schedule)))
    picture = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)  # type: ignore[attr-defined]
    height = picture.shape[0]
    background = picture[-1, -1]
    assert short.legend is not None
    legend = short.legend.get_window_extent()
    axes = short.ax.get_window_extent()
    assert int(axes.y0) - int(legend.y1) < PROJECTOR.font_size * 3  # the date labels between, no band
    # Below the legend the page is empty: the white is at the bottom of the page, not inside the chart.
    assert (picture[int(height - legend.y0) + 2 :] == background).all()
    assert legend.y0 > height * 0.3
    # The last slot of the axes holds a drawn row (bars and stripes), not an empty band.
    row = int(short.frame.row_points * fig.dpi / 72)
    low = int(height - axes.y0)
    inside = picture[low - row : low - 1, int(axes.x0) + 2 : int(axes.x1) - 2]
    assert (inside != background).any(axis=2).mean() > 0.05
