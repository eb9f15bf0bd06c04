"""Presentation mode: full screen, chart only, projector style, stepping through sectors and parties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from carveplan.engine.schedule import Schedule
from carveplan.model import Agreement
from carveplan.ui.document import Document
from carveplan.ui.gantt_view import GanttView


@dataclass(frozen=True)
class Page:
    """One page of the presentation.

    Attributes:
        sectors: the sectors shown (empty: all).
        parties: the parties shown (empty: all).
        caption: what the page shows (``Energy — VNM (2/3)``).
        first: the first row of the page among the rows of its sectors and parties.
        count: how many rows from ``first`` (``None``: all).
        window: the days shown: from EIF to the last change of the page's lines, with a margin.
    """

    sectors: tuple[str, ...]
    parties: tuple[str, ...]
    caption: str
    first: int = 0
    count: int | None = None
    window: tuple[date, date] | None = None


def page_window(schedule: Schedule, lines: Sequence[str]) -> tuple[date, date]:
    """From just before EIF to the last change of ``lines`` (phase, milestone due), plus a margin.

    A page whose lines are all free by 2031 no longer spans the agreement's thirty years.
    """
    eif = schedule.eif
    wanted = set(lines)
    days = [eif]
    for resolved in schedule.lines:
        if resolved.line.id in wanted:
            days.extend(p.start for p in resolved.phases if p.start is not None)
            if resolved.final_date is not None:
                days.append(resolved.final_date)
    start, end = min(days), max(days)
    span = max((end - start).days, 365 * 2)
    return start - timedelta(days=max(45, span // 30)), start + timedelta(days=span + max(180, span // 6))


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
        self.page = 0
        self.chart = GanttView(document, self, style="projector")
        # One classification label (the banner), values on the bars, the legend for the room.
        self.chart.title_block = False
        self.chart.legend = True
        self.chart.values_on_bars = True
        self.chart.full_pages = True
        self._fit = 0
        self.pages: list[Page] = self.paginate()
        self.chart.drawn.connect(self._on_chart_drawn)
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

    def paginate(self) -> list[Page]:
        """The pages for the chart's height now: a sector too long for one page gets several."""
        from carveplan.chart.rows import RowSelection, build_rows, page_windows

        schedule = self._document.schedule()
        fit = self._fit = self._rows_that_fit()
        pages: list[Page] = []
        for sectors, parties, caption in presentation_pages(self._document.agreement):
            rows = build_rows(schedule, RowSelection(sectors=sectors, parties=parties))
            windows = page_windows(rows, fit) or [(0, 0)]
            for number, (first, count) in enumerate(windows, start=1):
                lines = [line for row in rows[first : first + count] for line in row.lines]
                more = f" ({number}/{len(windows)})" if len(windows) > 1 else ""
                window = page_window(schedule, lines)
                pages.append(Page(sectors, parties, caption + more, first, count, window))
        return pages

    def _rows_that_fit(self) -> int:
        from carveplan.chart.style import style_named

        return self.chart.rows_that_fit(style_named(self.chart.style_name).row_inches)

    def show_page(self, page: int) -> None:
        """Show page ``page`` (wrapping around), fitted to its own lines: a zoom does not carry over."""
        self.page = page % len(self.pages)
        shown = self.pages[self.page]
        self.chart.update_view(
            sectors=shown.sectors,
            parties=shown.parties,
            first=shown.first,
            count=shown.count,
            window=shown.window,
        )
        agreement = self._document.agreement
        self.caption.setText(
            f"{agreement.short_name or agreement.title}   ·   {shown.caption}   ·   "
            f"{self.page + 1} / {len(self.pages)}   ·   ← → pages, + − zoom, 0 fit, S overlay, Esc"
        )
        self.chart.schedule_redraw()

    def fit_page(self) -> None:
        """Back to the page's own span of time (key 0)."""
        self.show_page(self.page)

    def toggle_overlay(self) -> None:
        """Show or hide the baseline ghost bars under the scenario."""
        self.chart.update_view(show_baseline=not self.chart.state.show_baseline)

    # --- Qt overrides -------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._repaginate()

    def _on_chart_drawn(self) -> None:
        # The canvas exists (or was resized) only now: pages follow the height it has.
        if self._rows_that_fit() != self._fit:
            self._repaginate()

    def _repaginate(self) -> None:
        # Page breaks follow the screen's height: keep the first row of the page shown.
        if not self.pages:
            return
        current = self.pages[self.page]
        self.pages = self.paginate()
        same = [
            i
            for i, p in enumerate(self.pages)
            if (p.sectors, p.parties) == (current.sectors, current.parties) and p.first <= current.first
        ]
        self.show_page(same[-1] if same else 0)

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
            Qt.Key.Key_0: self.fit_page,
            Qt.Key.Key_S: self.toggle_overlay,
            Qt.Key.Key_Escape: self.close,
            Qt.Key.Key_Down: lambda: self.show_page(self.page + 1),
            Qt.Key.Key_Up: lambda: self.show_page(self.page - 1),
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
