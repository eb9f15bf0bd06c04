"""Specific duties in the app: a KORUS schedule imported from the File menu, shown as published."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from carveplan.chart.hit import Hit, HitKind
from carveplan.model import Agreement, RecordKind
from carveplan.ui import schedule_dialog
from carveplan.ui.chart_tips import hit_tooltip
from carveplan.ui.document import PHASES, Document
from carveplan.ui.files import FileController
from carveplan.ui.gantt_view import GanttView
from carveplan.ui.schedule_dialog import ScheduleImportDialog
from carveplan.ui.tables.model import RecordTableModel
from carveplan.ui.tables.phases import PhaseTableModel
from carveplan.ui.tables.specs import SPECS

# KORUS, Annex 2-B (United States): "5 Years", cut down to 0.1 cent; EIF 15 March 2012 (DOMAIN.md).
KORUS = "HTS8,Brief Description,Base Rate,Staging Category\n27090020,Petroleum oils,4.4¢/kg,5 Years\n"


@pytest.fixture
def imported(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Document:
    source = tmp_path / "korus.csv"
    source.write_text(KORUS, encoding="utf-8")
    from datetime import date

    document = Document(Agreement("KORUS excerpt", date(2012, 3, 15)))
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    def accept(self: ScheduleImportDialog) -> int:
        self.party.setCurrentText("USA")
        self.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(schedule_dialog.ScheduleImportDialog, "exec", accept)
    FileController(parent, document).import_schedule()
    return document


def test_the_phases_table_shows_the_korus_cuts(imported: Document) -> None:
    (line,) = imported.agreement.lines
    lines = RecordTableModel(imported, SPECS[RecordKind.LINES])
    assert lines.data(lines.index(0, SPECS[RecordKind.LINES].column_of("base"))) == "4.4¢/kg"
    phases = PhaseTableModel(imported)
    phases.set_line(line.id)
    column = SPECS[PHASES].column_of("value")
    shown = [phases.data(phases.index(row, column)) for row in range(phases.rowCount())]
    assert shown == ["3.5¢/kg", "2.6¢/kg", "1.7¢/kg", "0.8¢/kg", "Free"]


def test_tooltips_and_bar_labels_write_cents(qtbot: QtBot, imported: Document) -> None:
    (line,) = imported.agreement.lines
    schedule = imported.schedule()
    tip = hit_tooltip(schedule, Hit(HitKind.PHASE, line.id, line=line.id, phase=0))
    assert "base 4.4¢/kg" in tip
    assert "3.5¢/kg" in tip
    view = GanttView(imported)
    view.resize(1400, 400)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.drawn, timeout=10000):
        view.show()
    assert view.figure is not None
    texts = {t.get_text() for ax in view.figure.axes for t in ax.texts}
    assert any("¢/kg" in text for text in texts)
    assert not any("%" in text for text in texts if "kg" in text)
