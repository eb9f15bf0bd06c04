"""One export on a worker thread, behind a progress dialog with Cancel from the user's OK on.

Resolving a national agreement, cutting it into pages and building each page take seconds; on the
GUI thread the window froze before the progress dialog could even show. Here every step runs on the
thread pool (:class:`~carveplan.ui.background.BackgroundTask`) and the window keeps painting.

The file is written into a staging folder beside the target and moved into place by the GUI thread
when the worker is done, so Cancel at any moment, even the instant the worker finishes, leaves the
target as it was (no half file, no complete file the user said no to) and the staging folder goes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from carveplan.engine.collector import collector_paused
from carveplan.io.errors import WriteError
from carveplan.io.formats import Exporter, ExportOptions
from carveplan.model import Agreement
from carveplan.ui.background import BackgroundTask


class ExportRun(QObject):
    """Writes ``agreement`` to ``path`` with ``export`` off the GUI thread.

    Signals:
        written(Path): the file is complete and in place.
        failed(object): what the export raised (or the move into place); the target is as it was.
        cancelled: the user pressed Cancel; nothing is written.
        settled: over, whatever the outcome; the staging folder is gone.

    Raises:
        WriteError: when the staging folder cannot be made beside ``path`` (the folder is missing
            or read-only); nothing started.
    """

    written = Signal(Path)
    failed = Signal(object)
    cancelled = Signal()
    settled = Signal()

    def __init__(
        self, parent: QWidget, export: Exporter, agreement: Agreement, path: Path, options: ExportOptions
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._target = Path(os.path.realpath(path))
        try:
            folder = tempfile.mkdtemp(
                prefix=f".{self._target.name}.", suffix=".export", dir=self._target.parent
            )
        except OSError as err:
            raise WriteError(f"cannot write in {self._target.parent}: {err.strerror or err}") from err
        self._staging = Path(folder)
        staged = self._staging / path.name  # same name: MS Project names the project after the file

        def work() -> Path:
            # A full collection walks the whole process, the window's resolved schedule and chart
            # included: a second or so at national scale, with the interpreter lock held, so the
            # window froze while the worker's allocations set one off. The exports build records
            # without cycles (a chart image's figure is let go at the end): hold it off meanwhile.
            with collector_paused():
                export(agreement, staged, replace(options, progress=self.task.report))
            return staged

        self.task = BackgroundTask(parent, f"Exporting {path.name}…", work, start=False)
        self.task.finished.connect(self._on_task_finished)
        self.task.failed.connect(self.failed)
        self.task.cancelled.connect(self.cancelled)
        self.task.settled.connect(self._on_task_settled)
        self.task.start()

    @property
    def running(self) -> bool:
        """Whether the export is still under way."""
        return self.task.running

    def _on_task_finished(self, staged: Path) -> None:
        try:
            with contextlib.suppress(FileNotFoundError):  # keep an existing file's permissions
                os.chmod(staged, self._target.stat().st_mode & 0o7777)
            os.replace(staged, self._target)
        except OSError as err:
            self.failed.emit(err)
            return
        self.written.emit(self.path)

    def _on_task_settled(self) -> None:
        shutil.rmtree(self._staging, ignore_errors=True)
        self.settled.emit()
