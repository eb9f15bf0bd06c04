"""Long work off the GUI thread, with a progress dialog whose Cancel drops the result.

Reading and resolving a national or mega-regional agreement takes seconds, and so does writing its
deck or workbook. Done on the GUI thread the window would freeze; done here the window keeps
painting and the user may cancel. Records are immutable and the engine is pure, so the worker
shares nothing it could change under the window. The worker touches no widget: what it has to say
(started, how far, the result) travels to the GUI thread as queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    """Carries the worker's outcome back to the GUI thread (queued signals)."""

    started = Signal()
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)
    partial = Signal(object)


class _Worker(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        if shiboken6.isValid(self._relay):
            self._relay.started.emit()
        try:
            result = self._work()
        except BaseException as err:
            if shiboken6.isValid(self._relay):
                self._relay.failed.emit(err)
            return
        if shiboken6.isValid(self._relay):
            self._relay.done.emit(result)


class BackgroundTask(QObject):
    """One piece of work running on the thread pool, shown by a progress dialog with Cancel.

    The work may report how far it got through :meth:`report` (from its own thread): the busy bar
    becomes a bar that fills, and ``report`` answers ``False`` once the user cancelled, so the work
    can stop early (the io layer's ``progress`` callbacks have exactly that shape).

    Signals:
        started: the worker thread took the work up (the GUI thread is free from here on).
        partial(object): something the work shared on the way (:meth:`share`; not after Cancel).
        finished(object): the work's result (not emitted after Cancel).
        failed(object): the exception it raised (not emitted after Cancel).
        cancelled: the user pressed Cancel; whatever the work returns later is dropped.
        settled: the work is over, whatever became of its result (after ``finished`` or ``failed``).
    """

    started = Signal()
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    settled = Signal()

    def __init__(self, parent: QWidget, label: str, work: Callable[[], Any], start: bool = True) -> None:
        """Show ``label`` with a busy bar and run ``work`` on the thread pool.

        Args:
            parent: the window the dialog is modal to (and the task's owner).
            label: what the dialog says.
            work: what runs on the worker thread; its result is :attr:`finished`'s argument.
            start: ``False`` to connect the signals first and call :meth:`start` after.
        """
        super().__init__(parent)
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)  # 0..0: a busy bar
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick work shows no dialog at all
        self.dialog.setAutoReset(False)  # a full bar may still have the file to finish: the task closes it
        self.dialog.canceled.connect(self._on_dialog_canceled)
        self._over = False
        self._stop = threading.Event()  # read by the worker through report()
        self._shown = -1  # the last step of the bar sent to the GUI thread (worker side)
        self._work: Callable[[], Any] | None = work
        self._relay = _Relay()  # not parented: a late worker may still hold it
        self._relay.started.connect(self.started)
        self._relay.progress.connect(self._on_relay_progress)
        self._relay.partial.connect(self._on_relay_partial)
        self._relay.done.connect(self._on_relay_done)
        self._relay.failed.connect(self._on_relay_failed)
        # Shown after 300 ms whatever the work reports (the dialog's own timing waits for a report
        # and guesses from it): the user sees progress and Cancel a moment after asking.
        QTimer.singleShot(self.dialog.minimumDuration(), self, self._on_show_timeout)
        if start:
            self.start()

    def start(self) -> None:
        """Hand the work to the thread pool (once)."""
        work, self._work = self._work, None
        if work is not None:
            QThreadPool.globalInstance().start(_Worker(work, self._relay))

    def report(self, done: int, total: int) -> bool:
        """From the worker: ``done`` of ``total``; ``False`` when the work should stop (cancelled).

        Only a change of half a percent travels to the dialog, so a report per page costs nothing;
        until something is done the bar stays busy.
        """
        if self._stop.is_set():
            return False
        step = min(done, total) * 200 // max(total, 1)
        if step > 0 and step != self._shown:  # nothing done yet: the busy bar says it better than 0%
            self._shown = step
            self._relay.progress.emit(step, 200)
        return True

    def share(self, value: object) -> None:
        """From the worker: hand ``value`` to the GUI thread as :attr:`partial` (a first screen)."""
        if not self._stop.is_set():
            self._relay.partial.emit(value)

    @property
    def running(self) -> bool:
        """Whether the work is still awaited (not finished, failed or cancelled)."""
        return not self._over

    def cancel(self) -> None:
        """Stop waiting: the result is dropped and the dialog closes."""
        if not self._over:
            self._over = True
            self._stop.set()
            self.dialog.reset()
            self.cancelled.emit()

    def _close(self) -> bool:
        if self._over:
            return False
        self._over = True
        self._stop.set()
        self.dialog.canceled.disconnect(self._on_dialog_canceled)
        self.dialog.reset()
        return True

    def _on_show_timeout(self) -> None:
        if not self._over and not self.dialog.isVisible():
            self.dialog.show()

    def _on_dialog_canceled(self) -> None:
        self.cancel()

    def _on_relay_partial(self, value: object) -> None:
        if not self._over:
            self.partial.emit(value)

    def _on_relay_progress(self, done: int, total: int) -> None:
        if not self._over:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _on_relay_done(self, result: object) -> None:
        if self._close():
            self.finished.emit(result)
        self.settled.emit()

    def _on_relay_failed(self, err: object) -> None:
        if self._close():
            self.failed.emit(err)
        self.settled.emit()
