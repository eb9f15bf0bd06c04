"""The chart draws the rows in view only, and an edit paints again only the rows it changed."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from pytestqt.qtbot import QtBot

from carveplan.chart.labels import label_row
from carveplan.io import native
from carveplan.model import RecordKind
from carveplan.resources import sample_path
from carveplan.ui import commands
from carveplan.ui.document import Document
from carveplan.ui.gantt_view import GanttView


@pytest.fixture
def view(qtbot: QtBot) -> GanttView:
    widget = GanttView(Document(native.load(sample_path())))
    widget.resize(1000, 500)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.rendered, timeout=20000):
        widget.show()
    return widget


def _pixels(view: GanttView) -> np.ndarray:
    return np.asarray(view.canvas.buffer_rgba())[:, :, :3].astype(int).copy()


def _row_band(view: GanttView, y: float) -> tuple[int, int, int, int]:
    """Pixel rows (from the top) and columns of row ``y`` inside the axes."""
    art = view.artists
    assert art is not None
    height = view.figure.bbox.height
    top, bottom = (height - art.ax.transData.transform((0.0, v))[1] for v in (y - 0.4, y + 0.4))
    box = art.ax.bbox
    return int(min(top, bottom)), int(max(top, bottom)), int(box.x0) + 2, int(box.x1) - 2


def _index_of(view: GanttView, line_id: str) -> int:
    return next(i for i, line in enumerate(view._document.agreement.lines) if line.id == line_id)


def test_only_the_rows_in_view_have_bars(view: GanttView) -> None:
    art = view.artists
    assert art is not None
    assert len(art.rows) < len(view.all_rows())
    centres = [path.vertices[:, 1].mean() for path in art.collections["phases"].get_paths()]
    assert centres
    assert all(-0.5 <= y <= len(art.rows) - 0.5 for y in centres)


def test_an_edit_off_screen_paints_nothing(qtbot: QtBot, view: GanttView) -> None:
    art = view.artists
    assert art is not None
    shown = {r.line for r in art.rows if r.line} | {m for r in art.rows for m in r.lines}
    off = next(line.id for line in view._document.agreement.lines if line.id not in shown)
    phases, labels, bands = art.collections["phases"], list(art.labels), view.layers.band_updates
    before = _pixels(view)
    with qtbot.waitSignal(view.drawn):
        commands.edit_field(view._document, RecordKind.LINES, _index_of(view, off), "base", Decimal("41"))
    assert view.artists is art
    assert art.collections["phases"] is phases  # no artist made again
    assert art.labels == labels
    assert view.layers is not None
    assert view.layers.band_updates == bands
    assert (_pixels(view) == before).all()


def test_an_edit_in_view_paints_its_rows_as_a_full_render_would(qtbot: QtBot, view: GanttView) -> None:
    art = view.artists
    assert art is not None
    assert view.layers is not None
    # A carve-out's label gives its base rate (rows this thin show only the final value otherwise).
    carved = next(t for t in art.labels if t.get_text().startswith("carve-out"))
    row = next(r for r in art.rows if r.y == label_row(carved))
    assert row.line is not None
    others = [t for t in art.labels if abs(label_row(t) - row.y) > 0]
    bands = view.layers.band_updates
    with qtbot.waitSignal(view.rendered):
        commands.edit_field(
            view._document, RecordKind.LINES, _index_of(view, row.line), "base", Decimal("47")
        )
    assert view.layers.band_updates > bands
    assert any("47" in t.get_text() for t in art.labels if label_row(t) == row.y)
    # The labels of rows whose bars did not change are the same texts, not made again.
    kept = {id(t) for t in art.labels}
    changed_rows = {label_row(t) for t in others if id(t) not in kept}
    assert all(r < row.y for r in changed_rows)  # only the line's group headers, above it
    painted = _pixels(view)
    view.canvas.draw()  # the whole canvas rendered afresh from the same artists
    full = _pixels(view)
    differ = np.abs(painted - full).max(axis=2) > 8
    assert differ.sum() < 20
    top, bottom, left, right = _row_band(view, row.y)
    assert (np.abs(painted[top:bottom, left:right] - 255).max(axis=2) > 30).any()  # the row has its bar


def test_after_scrolling_every_line_row_in_view_has_its_bar(qtbot: QtBot, view: GanttView) -> None:
    middle = len(view.all_rows()) // 2
    with qtbot.waitSignal(view.rendered):
        view.update_view(first=middle)
    art = view.artists
    assert art is not None
    assert art.rows[-1].key != view.all_rows()[len(art.rows) - 1].key
    picture = _pixels(view)
    background = np.array([round(c * 255) for c in to_rgba(art.style.background)[:3]])
    for row in art.rows:
        if not row.line:
            continue
        top, bottom, left, right = _row_band(view, row.y)
        ink = np.abs(picture[top:bottom, left:right] - background).max(axis=2) > 30
        assert ink.sum() > 50, f"row {row.key} has no bar"
