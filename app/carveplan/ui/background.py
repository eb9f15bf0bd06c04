"""Long work off the GUI thread, with a progress dialog whose Cancel drops the result.

Reading and resolving a national or mega-regional agreement takes seconds. Done on the GUI thread
the window would freeze; done here the window keeps painting and the user may cancel. Records are
immutable and the engine is pure, so the worker shares nothing it could change under the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    """Carries the worker's outcome back to the GUI thread (queued signals)."""

    done = Signal(object)
    failed = Signal(object)
    partial = Signal(object)


class _Worker(QRunnable):
    def __init__(self, work: Callable[..., Any], relay: _Relay, reports: bool) -> None:
        super().__init__()
        self._work, self._relay, self._reports = work, relay, reports

    def _report(self, value: object) -> None:
        if shiboken6.isValid(self._relay):
            self._relay.partial.emit(value)

    def run(self) -> None:
        try:
            result = self._work(self._report) if self._reports else self._work()
        except BaseException as err:
            if shiboken6.isValid(self._relay):
                self._relay.failed.emit(err)
            return
        if shiboken6.isValid(self._relay):
            self._relay.done.emit(result)


class BackgroundTask(QObject):
    """One piece of work running on the thread pool, shown by a progress dialog with Cancel.

    Signals:
        partial(object): something the work reported on the way (a task made with ``reports=True``
            calls ``work(report)``; not emitted after Cancel).
        finished(object): the work's result (not emitted after Cancel).
        failed(object): the exception it raised (not emitted after Cancel).
        cancelled: the user pressed Cancel; whatever the work returns later is dropped.
        settled: the work is over, whatever became of its result (after ``finished`` or ``failed``).
    """

    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    settled = Signal()

    def __init__(
        self, parent: QWidget, label: str, work: Callable[..., Any], *, reports: bool = False
    ) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)  # 0..0: a busy bar
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick work shows no dialog at all
        self.dialog.canceled.connect(self._on_dialog_canceled)
        self._over = False
        self._relay = _Relay()  # not parented: a late worker may still hold it
        self._relay.done.connect(self._on_relay_done)
        self._relay.failed.connect(self._on_relay_failed)
        self._relay.partial.connect(self._on_relay_partial)
        QThreadPool.globalInstance().start(_Worker(work, self._relay, reports))

    @property
    def running(self) -> bool:
        """Whether the work is still awaited (not finished, failed or cancelled)."""
        return not self._over

    def cancel(self) -> None:
        """Stop waiting: the result is dropped and the dialog closes."""
        if not self._over:
            self._over = True
            self.dialog.reset()
            self.cancelled.emit()

    def _close(self) -> bool:
        if self._over:
            return False
        self._over = True
        self.dialog.canceled.disconnect(self._on_dialog_canceled)
        self.dialog.reset()
        return True

    def _on_dialog_canceled(self) -> None:
        self.cancel()

    def _on_relay_partial(self, value: object) -> None:
        if not self._over:
            self.partial.emit(value)

    def _on_relay_done(self, result: object) -> None:
        if self._close():
            self.finished.emit(result)
        self.settled.emit()

    def _on_relay_failed(self, err: object) -> None:
        if self._close():
            self.failed.emit(err)
        self.settled.emit()
