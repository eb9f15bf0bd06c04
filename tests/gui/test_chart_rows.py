"""The chart in the window shows rows: 12 lines at 1280x720, labels neither overlapping nor clipped."""

from __future__ import annotations

import pytest
from matplotlib.transforms import Bbox
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from carveplan.chart.rows import RowKind
from carveplan.resources import sample_path
from carveplan.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    with qtbot.waitSignal(win.chart.drawn, timeout=10000):
        win.show()
    assert win.files.open_path(sample_path(), ask=False)
    with qtbot.waitSignal(win.chart.drawn, timeout=10000):
        win.chart.schedule_redraw()
    return win


def test_twelve_line_rows_show_at_1280_by_720(window: MainWindow) -> None:
    artists = window.chart.artists
    assert artists is not None
    lines = [row for row in artists.rows if row.kind is RowKind.LINE]
    assert len(lines) >= 12
    assert artists.title == []
    assert artists.legend is None


def test_title_and_legend_come_back_from_the_view_menu(window: MainWindow, qtbot: QtBot) -> None:
    action = window.bench.actions["chrome"]
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        action.trigger()
    artists = window.chart.artists
    assert artists is not None
    assert artists.legend is not None
    assert artists.title[0].get_text() == window.document.agreement.title


def test_marker_and_milestone_labels_stay_inside_and_apart(window: MainWindow) -> None:
    artists = window.chart.artists
    assert artists is not None
    renderer = window.chart.canvas.get_renderer()
    axes_box = artists.ax.get_window_extent(renderer)
    markers = [t for kind, texts in artists.markers.items() if kind.endswith("_labels") for t in texts]
    assert any(t.get_text() == "Term ends" for t in markers)
    for text in markers:
        box = text.get_window_extent(renderer)
        assert axes_box.x0 - 1 <= box.x0
        assert box.x1 <= axes_box.x1 + 1, text.get_text()
    ids = {m.milestone.milestone.id for m in artists.milestones}
    labels = [t for t in artists.labels if t.get_text() in ids]
    assert labels
    boxes = [t.get_window_extent(renderer) for t in labels]
    diamonds = [
        Bbox.from_bounds(*artists.ax.transData.transform((m.x, m.y)) - 3, 6, 6) for m in artists.milestones
    ]
    for i, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[i + 1 :]), labels[i].get_text()
        assert not any(box.overlaps(diamond) for diamond in diamonds), labels[i].get_text()
