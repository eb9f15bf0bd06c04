"""File → Export: starts in the document's folder, remembers the last, and offers what the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.io.formats import ExportOptions
from carveplan.model import Agreement
from carveplan.ui import files
from carveplan.ui.export_dialog import ExportDialog, export_filter
from carveplan.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, small_agreement: Agreement, tmp_path: Path) -> MainWindow:
    folder = tmp_path / "talks"
    folder.mkdir()
    native.save(small_agreement, folder / "round 3.carveplan")
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.files.open_path(folder / "round 3.carveplan", ask=False)
    return win


def _dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    doc = window.document
    dialog = ExportDialog(doc.agreement, doc.path, doc.scenario, window)
    qtbot.addWidget(dialog)
    return dialog


def test_it_starts_in_the_documents_folder_then_remembers_the_last(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first = _dialog(qtbot, window)
    assert Path(first.path.text()) == tmp_path / "talks" / "round 3.xlsx"
    elsewhere = tmp_path / "decks"
    elsewhere.mkdir()
    first.path.setText(str(elsewhere / "meeting.pdf"))
    first.path.textEdited.emit(first.path.text())  # as typing does
    assert first.suffix() == ".pdf"  # the suffix typed picks the format
    first.choice()
    again = _dialog(qtbot, window)
    assert Path(again.path.text()) == elsewhere / "round 3.pdf"
    assert again.format.currentData() == ".pdf"


def test_the_file_dialogs_filter_is_the_suggested_suffixs(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData(".pptx"))
    assert dialog.path.text().endswith("round 3.pptx")
    asked: list[tuple[str, str, str]] = []

    def save_name(_parent: object, _title: str, start: str, filters: str, chosen: str) -> tuple[str, str]:
        asked.append((start, filters, chosen))
        return str(tmp_path / "slides"), export_filter(".svg")[1]  # no suffix typed, SVG picked

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog._on_browse_clicked()
    start, filters, chosen = asked[0]
    assert start.endswith("round 3.pptx")
    assert chosen == "PowerPoint deck (*.pptx)"
    assert chosen in filters.split(";;")
    assert dialog.path.text() == str(tmp_path / "slides.svg")
    assert dialog.suffix() == ".svg"


def test_it_offers_scenario_sector_party_style_page_and_resolution(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.document.set_scenario("sanctions persist")
    dialog = _dialog(qtbot, window)
    assert dialog.scenario.currentText() == "sanctions persist"
    dialog.format.setCurrentIndex(dialog.format.findData(".xlsx"))
    assert (dialog.chart_style.isEnabled(), dialog.page.isEnabled()) == (False, False)
    dialog.format.setCurrentIndex(dialog.format.findData(".pdf"))
    assert (dialog.chart_style.isEnabled(), dialog.page.isEnabled()) == (True, True)
    dialog.sector.setCurrentIndex(dialog.sector.findData("energy"))
    dialog.party.setCurrentIndex(dialog.party.findData("VNM"))
    dialog.chart_style.setCurrentText("projector")
    dialog.page.setCurrentIndex(dialog.page.findData("16:9"))
    choice = dialog.choice()
    assert choice.path.suffix == ".pdf"
    options = choice.options
    assert options.scenario == "sanctions persist"
    assert (options.sectors, options.parties) == (("energy",), ("VNM",))
    assert (options.style, options.page) == ("projector", "16:9")
    assert _dialog(qtbot, window).chart_style.currentText() == "projector"  # remembered


def test_export_from_the_menu_writes_what_was_chosen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    written: list[tuple[Path, ExportOptions]] = []

    def export(_agreement: Agreement, path: Path, options: ExportOptions) -> None:
        written.append((path, options))
        path.write_bytes(b"chart")

    def exporter(_path: Path) -> object:
        return export

    monkeypatch.setattr(files, "exporter_for", exporter)

    def choose(dialog: ExportDialog) -> int:
        dialog.path.setText(str(tmp_path / "chart"))
        dialog.format.setCurrentIndex(dialog.format.findData(".png"))
        dialog.party.setCurrentIndex(dialog.party.findData("AUS"))
        dialog.dpi.setValue(300)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportDialog, "exec", choose)
    with qtbot.waitSignal(window.files.exported, timeout=20000) as done:
        window.files.export()
    assert done.args == [tmp_path / "chart.png"]
    assert (tmp_path / "chart.png").read_bytes() == b"chart"
    path, options = written[0]
    assert path.name == "chart.png"  # written beside it first, then moved into place
    assert (options.parties, options.dpi, options.scenario) == (("AUS",), 300, None)
    assert options.progress is not None
