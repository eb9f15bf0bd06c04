"""Nothing from the previous document or edit leaks: filters, a vanished line's phases, the zoom."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import Agreement, RecordKind
from carveplan.ui.document import PHASES, Document
from carveplan.ui.main_window import MainWindow
from carveplan.ui.properties_dialog import NewAgreementDialog
from tests.helpers.tables_sample import tables_sample


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(Document(tables_sample()))
    qtbot.addWidget(win)
    return win


def test_the_outline_filter_is_cleared_by_a_new_agreement(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.outline.filter.setText("zzz")

    def create(dialog: NewAgreementDialog) -> int:
        dialog.fields.title.setText("Second agreement")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NewAgreementDialog, "exec", create)
    window.files.new()
    assert window.document.agreement.title == "Second agreement"
    assert window.outline.filter.text() == ""


def test_undoing_a_new_line_leaves_no_phases_of_it(window: MainWindow) -> None:
    lines = window.tables.table(RecordKind.LINES)
    row = lines.model.add_row()
    key = lines.model.key(row)
    window.tables.show_record(PHASES, key)
    phases = window.tables.table(PHASES).model
    assert phases.line_id == key
    window.document.undo_stack.undo()
    assert phases.line_id == ""
    assert phases.rowCount() == 0
    titles = [window.tables.tabText(i) for i in range(window.tables.count())]
    assert not any(key in title for title in titles)


def test_a_file_opened_later_starts_fitted(
    window: MainWindow, tmp_path: Path, small_agreement: Agreement
) -> None:
    path = tmp_path / "other.carveplan"
    native.save(small_agreement, path)
    window.chart.zoom_in()
    assert window.chart.state.window is not None
    assert window.files.open_path(path, ask=False)
    assert window.chart.state.window is None
    assert window.chart.state.first == 0


def test_zoom_keeps_the_selected_line_in_view_and_selecting_pans_to_it(window: MainWindow) -> None:
    chart = window.chart
    schedule = window.document.schedule()
    eif = schedule.eif
    chart.set_window((eif - timedelta(days=30), eif + timedelta(days=3650)))
    late = next(r for r in schedule.lines if r.line.category == "E")  # held six years, then cut
    first = min(p.start for p in late.phases)
    window.document.select(RecordKind.LINES, late.line.id)
    for _ in range(4):
        chart.zoom_in()
        start, end = chart.current_window()
        assert start <= first <= end
    chart.set_window((eif - timedelta(days=30), eif + timedelta(days=200)))
    window.document.select(RecordKind.LINES, "VNM-T02")
    window.document.select(RecordKind.LINES, late.line.id)
    start, end = chart.current_window()
    assert start <= first <= end
    assert (end - start).days == 230  # panned, not zoomed
