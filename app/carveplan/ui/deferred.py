"""Refresh a view after the user pauses, and only while it is shown (hidden docks cost nothing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class DeferredRefresh(QObject):
    """Calls ``refresh`` once edits stop arriving, or when the widget is next shown if it is hidden.

    Analysis views resolve the agreement in two scenarios: on a national-scale agreement that is
    too slow to do on every keystroke, and pointless for a dock tabbed behind another. Qt keeps a
    dock tabbed behind another "visible", so a dock's ``visibilityChanged`` should drive
    :meth:`set_exposed`; without it, the widget's own visibility decides.
    """

    def __init__(self, widget: QWidget, refresh: Callable[[], None], interval_ms: int = 300) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self._stale = True
        self._exposed: bool | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        widget.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """Whether the view shows an older state of the document."""
        return self._stale

    def request(self) -> None:
        """Something changed: refresh soon."""
        self._stale = True
        self._timer.start()

    @property
    def exposed(self) -> bool:
        """Whether the user can see the view now."""
        return self._widget.isVisible() if self._exposed is None else self._exposed

    def set_exposed(self, exposed: bool) -> None:
        """The view came into sight (refresh if stale) or went out of it (from a dock's tab)."""
        self._exposed = exposed
        if exposed and self._stale:
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        if self.exposed:
            self._stale = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            self._timer.start()
        return False
