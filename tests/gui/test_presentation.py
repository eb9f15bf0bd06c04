"""Presentation mode: pages per sector and party, keys, classification banner."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carveplan.model import Agreement
from carveplan.ui.document import Document
from carveplan.ui.presentation import PresentationWindow, presentation_pages


def test_pages_step_through_sectors_then_parties(small_agreement: Agreement) -> None:
    pages = presentation_pages(small_agreement)
    captions = [caption for _, _, caption in pages]
    assert captions == ["All sectors", "Energy", "Critical minerals", "Energy — AUS", "Energy — VNM"]


def test_keys_step_zoom_toggle_and_leave(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(dataclasses.replace(small_agreement, classification="Restricted"))
    window = PresentationWindow(document)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible()
    assert window.banner.text() == "RESTRICTED"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.chart.state.sectors == ("energy",)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.chart.state.sectors == ("critical_minerals",)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.chart.state.sectors == ("energy",)
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert not window.chart.state.show_baseline
    qtbot.waitUntil(lambda: window.chart.artists is not None, timeout=10000)
    span = window.chart.current_window()
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    start, end = window.chart.current_window()
    assert (end - start) < (span[1] - span[0])
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert window.chart.style_name == "projector"
    with qtbot.waitSignal(window.destroyed, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)


def test_no_banner_without_classification(qtbot: QtBot, small_agreement: Agreement) -> None:
    window = PresentationWindow(Document(small_agreement))
    qtbot.addWidget(window)
    window.show()
    assert not window.banner.isVisible()
