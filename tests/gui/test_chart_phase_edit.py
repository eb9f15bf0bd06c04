"""Double-clicking a bar opens its phase's value for editing; a generated phase is written out on change."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from carveplan.chart.axes import day_num
from carveplan.ui.document import PHASES, Document
from carveplan.ui.main_window import MainWindow
from tests.helpers.tables_sample import tables_sample


def test_double_click_on_a_generated_bar_edits_its_value(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window = MainWindow(Document(tables_sample()))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitSignal(window.chart.drawn, timeout=10000):
        window.show()
    artists = window.chart.artists
    assert artists is not None
    row = next(r for r in artists.rows if r.key == "VNM-E01")
    second = window.document.schedule().line("VNM-E01").phases[1]
    x = day_num(second.start + timedelta(days=60))
    event = SimpleNamespace(button=1, dblclick=True, xdata=x, ydata=float(row.y), x=0, y=0)
    with qtbot.waitSignal(window.chart.phase_activated) as activated:
        window.chart._on_canvas_press(event)
    assert activated.args == ["VNM-E01", 1]
    phases = window.tables.table(PHASES)
    assert window.tables.currentWidget() is phases
    assert phases.model.generated()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("3.5")
    phases.view.commitData(editor)
    line = window.document.agreement.lines[0]
    assert line.id == "VNM-E01"
    assert line.phases[1].value == Decimal("3.5")
    assert window.document.undo_stack.count() == 1


def test_a_typed_value_reads_like_the_generated_ones(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    # A value typed as 15 beside values the category staged (16.0, 12.0): one form in the table.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    document = Document(tables_sample())
    window = MainWindow(document)
    qtbot.addWidget(window)
    document.select(PHASES, "VNM-E01#1")
    phases = window.tables.table(PHASES)
    assert phases.model.generated()
    value = phases.model.spec.column_of("value")
    assert phases.model.setData(phases.model.index(1, value), "15")
    texts = [phases.model.index(row, value).data() for row in range(phases.model.rowCount())]
    assert texts[1] == "15.0"
    assert all("." in text for text in texts)
    assert len({len(text.split(".")[1]) for text in texts}) == 1
