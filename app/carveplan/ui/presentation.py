"""Presentation mode: full screen, chart only, projector style, stepping through sectors and parties."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from carveplan.model import Agreement
from carveplan.ui.document import Document
from carveplan.ui.gantt_view import GanttView


def presentation_pages(agreement: Agreement) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """The pages to step through: all lines, then each sector, then each sector's parties.

    Returns:
        ``(sectors, parties, caption)`` per page, for sectors and parties that have lines.
    """
    names = {s.id: s.name for s in agreement.sectors}
    pages: list[tuple[tuple[str, ...], tuple[str, ...], str]] = [((), (), "All sectors")]
    used = list(dict.fromkeys(line.sector for line in agreement.lines))
    sectors = [s.id for s in agreement.sectors if s.id in used] + [s for s in used if s not in names]
    for sector in sectors:
        pages.append(((sector,), (), names.get(sector, sector)))
    for sector in sectors:
        parties = list(dict.fromkeys(line.party for line in agreement.lines if line.sector == sector))
        if len(parties) > 1:
            pages.extend(((sector,), (party,), f"{names.get(sector, sector)} — {party}") for party in parties)
    return pages


class PresentationWindow(QWidget):
    """A full-screen chart for meetings.

    Keys: Left/Right or PageUp/PageDown step through pages, ``+``/``-`` zoom, ``0`` fits,
    ``S`` toggles the baseline overlay, Esc leaves.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("CarvePlan — presentation")
        self._document = document
        self.pages = presentation_pages(document.agreement)
        self.page = 0
        self.chart = GanttView(document, self, style="projector")
        self.banner = QLabel(document.agreement.classification.upper(), self)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "background:#b00020; color:white; font-weight:bold; font-size:18pt; padding:4px;"
        )
        self.banner.setVisible(bool(document.agreement.classification))
        self.caption = QLabel(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("font-size:14pt; color:#555; padding:2px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.caption)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_page(0)

    def start(self) -> None:
        """Show full screen with the keyboard focus."""
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def show_page(self, page: int) -> None:
        """Show page ``page`` (wrapping around)."""
        self.page = page % len(self.pages)
        sectors, parties, caption = self.pages[self.page]
        state = self.chart.state
        state.sectors, state.parties, state.first = sectors, parties, 0
        self.caption.setText(
            f"{caption}   ·   {self.page + 1} / {len(self.pages)}   ·   ← → pages, + − zoom, S overlay, Esc"
        )
        self.chart.schedule_redraw()

    def toggle_overlay(self) -> None:
        """Show or hide the baseline ghost bars under the scenario."""
        self.chart.state.show_baseline = not self.chart.state.show_baseline
        self.chart.schedule_redraw()

    # --- Qt overrides -------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        actions = {
            Qt.Key.Key_Right: lambda: self.show_page(self.page + 1),
            Qt.Key.Key_PageDown: lambda: self.show_page(self.page + 1),
            Qt.Key.Key_Space: lambda: self.show_page(self.page + 1),
            Qt.Key.Key_Left: lambda: self.show_page(self.page - 1),
            Qt.Key.Key_PageUp: lambda: self.show_page(self.page - 1),
            Qt.Key.Key_Plus: self.chart.zoom_in,
            Qt.Key.Key_Equal: self.chart.zoom_in,
            Qt.Key.Key_Minus: self.chart.zoom_out,
            Qt.Key.Key_0: self.chart.fit_all,
            Qt.Key.Key_S: self.toggle_overlay,
            Qt.Key.Key_Escape: self.close,
            Qt.Key.Key_Down: lambda: self.chart.scroll_rows(5),
            Qt.Key.Key_Up: lambda: self.chart.scroll_rows(-5),
        }
        action = actions.get(key)
        if action is None:
            super().keyPressEvent(event)
        else:
            action()


def present(document: Document, parent: QWidget) -> PresentationWindow:
    """Open presentation mode on a document, full screen over the given window."""
    window = PresentationWindow(document, parent)
    window.start()
    return window
