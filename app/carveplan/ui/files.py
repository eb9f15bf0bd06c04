"""File commands: new, open, save, save as, revert, export, and the unsaved-changes prompt."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from carveplan.engine.incremental import Resolution, full
from carveplan.io import native
from carveplan.io.errors import Cancelled, ReadError, WriteError
from carveplan.io.formats import READERS, ExportOptions, exporter_for, read_agreement
from carveplan.model import BASELINE, Agreement, new_uid
from carveplan.ui.background import BackgroundTask
from carveplan.ui.deck_scope import DECK_SUFFIXES, ask_deck_scope
from carveplan.ui.document import Document
from carveplan.ui.error_dialog import ProblemListDialog
from carveplan.ui.export_run import ExportRun
from carveplan.ui.file_guard import FileGuard
from carveplan.ui.settings import add_recent_file

NATIVE_FILTER = "CarvePlan agreements (*.carveplan)"
# Files larger than this are opened off the GUI thread, behind a progress dialog with Cancel (a
# national schedule of 15,000 lines is about 6 MB; the sample agreement is 60 KB).
LARGE_FILE_BYTES = 2 * 2**20


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader says what is wrong with it


def _read_and_resolve(
    path: Path, report: Callable[[object], None], first_screen: Callable[[Agreement], object] | None
) -> tuple[Agreement, Resolution]:
    """Read ``path`` and resolve its baseline: the slow part of opening, for a worker thread.

    ``first_screen`` draws the chart's first screen of what was read, which is reported before
    the whole agreement is resolved.
    """
    agreement = read_agreement(path)
    if first_screen is not None:
        # Only a head start: should drawing it fail, the chart drawn next shows the schedule.
        with suppress(Exception):
            report(first_screen(agreement))
    return agreement, full(agreement)


class FirstScreenView(Protocol):
    """A chart that shows a first screen of a file while it opens (see :class:`GanttView`)."""

    def first_screen_job(self) -> Callable[[Agreement], object]: ...

    def show_first_screen(self, screen: object) -> None: ...

    def release_first_screen(self) -> None: ...


def open_filter() -> str:
    """File-dialog filter for everything CarvePlan opens."""
    patterns = " ".join(f"*{suffix}" for suffix in sorted(READERS))
    singles = [f"{label} (*{suffix})" for suffix, (_, label) in sorted(READERS.items())]
    return ";;".join([f"Agreements ({patterns})", *singles])


def new_agreement() -> Agreement:
    """A blank agreement entering into force on 1 January next year (tentative)."""
    eif = date(date.today().year + 1, 1, 1)
    return Agreement(title="Untitled agreement", eif=eif, eif_tentative=True, uid=new_uid())


class FileController(QObject):
    """Carries out the File menu for one window and its document.

    Signals:
        status(str): a short message for the status bar.
        opened(Path): a file was opened (for recent files).
        exported(Path): an export is written and in place.
    """

    status = Signal(str)
    opened = Signal(Path)
    exported = Signal(Path)

    def __init__(self, window: QWidget, document: Document) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self.all_sectors = False  # charts and decks follow View → All Sectors
        self.guard = FileGuard()
        self.opening: BackgroundTask | None = None  # the last file opened in the background
        self.exporting: ExportRun | None = None  # the last export (each runs in the background)
        self.first_screen: FirstScreenView | None = None  # the chart, set by the window

    # --- asking -------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; ``False`` when the user cancels."""
        if not self._document.is_modified:
            return True
        answer = QMessageBox.warning(
            self._window,
            "Unsaved changes",
            f"{self._document.display_name} has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- commands -------------------------------------------------------------
    def new(self) -> None:
        """Ask for the new agreement's title, entry into force and parties, then start on it."""
        from carveplan.ui.properties_dialog import ask_new_agreement

        if not self.maybe_save():
            return
        agreement = ask_new_agreement(new_agreement(), self._window)
        if agreement is not None:
            self._document.load(agreement, None)
            self.guard.release()
            self.status.emit(f"New agreement: {agreement.title}")

    def properties(self) -> None:
        """Show File → Agreement Properties; OK is one undo step."""
        from carveplan.ui.properties_dialog import PropertiesDialog

        PropertiesDialog(self._document, self._window).exec()

    def open(self) -> None:
        """Ask for a file and open it."""
        if not self.maybe_save():
            return
        start = str(self._document.path.parent) if self._document.path else ""
        name, _ = QFileDialog.getOpenFileName(self._window, "Open agreement", start, open_filter())
        if name:
            self.open_path(Path(name), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open ``path`` (.carveplan, or a workbook); on failure list the problems and keep the document.

        A file of more than :data:`LARGE_FILE_BYTES` is read and resolved off the GUI thread behind
        a progress dialog with Cancel: ``True`` then means the opening started, and :attr:`opened`
        says when it is done (:attr:`opening` is the task).
        """
        if ask and not self.maybe_save():
            return False
        native_file = path.suffix.lower() == native.SUFFIX
        if native_file and not self._open_anyway(path):
            return False
        if _size(path) > LARGE_FILE_BYTES:
            self._open_in_background(path, native_file)
            return True
        try:
            agreement = read_agreement(path)
        except Exception as err:  # the window is the last line: never a traceback
            self._open_failed(path, err)
            return False
        self._opened(path, agreement, native_file, None)
        return True

    def _open_in_background(self, path: Path, native_file: bool) -> None:
        view = self.first_screen
        job = view.first_screen_job() if view is not None else None
        label = f"Opening {path.name}…"
        task: BackgroundTask

        def work() -> tuple[Agreement, Resolution]:
            return _read_and_resolve(path, task.share, job)

        task = BackgroundTask(self._window, label, work, start=False)
        if view is not None:
            task.partial.connect(view.show_first_screen)
            task.cancelled.connect(view.release_first_screen)
            task.settled.connect(view.release_first_screen)
        task.finished.connect(lambda result: self._opened(path, result[0], native_file, result[1]))
        task.failed.connect(lambda err: self._open_failed(path, err))
        task.cancelled.connect(lambda: self.status.emit(f"Opening {path.name} cancelled"))
        self.opening = task
        task.start()

    def _opened(
        self, path: Path, agreement: Agreement, native_file: bool, resolved: Resolution | None
    ) -> None:
        # A workbook becomes a new, unsaved agreement: saving must not overwrite the workbook.
        self._document.load(agreement, path if native_file else None, resolved)
        if native_file:
            self.guard.take(path)
        else:
            self.guard.release()
        add_recent_file(path)
        self.opened.emit(path)
        self.status.emit(f"Opened {path.name}")

    def _open_failed(self, path: Path, err: object) -> None:
        if isinstance(err, ReadError):
            summary = f"{path.name} could not be opened. Nothing was changed."
            if path.suffix.lower() in (".xlsx", ".xlsm", ".ods", ".csv"):
                summary += " To add another delegation's schedule: File → Import Tariff Schedule (Ctrl+I)."
            self._show_problems("Cannot open", summary, err)
        elif isinstance(err, OSError):
            QMessageBox.critical(self._window, "Cannot open", f"{path}: {err.strerror or err}")
        else:
            # A reader's own checks missed it (nesting, size, a number past any range): still a
            # dialog, and the open document stays.
            QMessageBox.critical(
                self._window,
                "Cannot open",
                f"{path.name} could not be read ({type(err).__name__}). Nothing was changed.",
            )

    def save(self) -> bool:
        """Save to the current file, or ask for one."""
        if self._document.path is None:
            return self.save_as()
        return self._write(self._document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        suggestion = self._document.path or Path(
            f"{self._document.agreement.title or 'agreement'}{native.SUFFIX}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Save agreement as", str(suggestion), NATIVE_FILTER
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != native.SUFFIX:
            path = path.with_name(path.name + native.SUFFIX)
        return self._write(path)

    def revert(self) -> None:
        """Drop unsaved changes and reload the file from disk."""
        path = self._document.path
        if path is None or not self._document.is_modified:
            return
        answer = QMessageBox.question(
            self._window, "Revert", f"Discard all changes since {path.name} was last saved?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_path(path, ask=False)

    def import_schedule(self) -> None:
        """Ask for another delegation's schedule (.xlsx/.csv) and add its lines, as one undo step."""
        from carveplan.ui import commands
        from carveplan.ui.schedule_dialog import run_schedule_import

        start = str(self._document.path.parent) if self._document.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self._window, "Import tariff schedule", start, "Schedules (*.xlsx *.xlsm *.ods *.csv *.txt)"
        )
        if not name:
            return
        path = Path(name)
        after = run_schedule_import(self._window, path, self._document.agreement)
        if after is not None:
            added = len(after.lines) - len(self._document.agreement.lines)
            noun = "line" if added == 1 else "lines"
            commands.apply(self._document, after, f"Import {added} {noun} from {path.name}")
            self.status.emit(f"Imported {added} {noun} from {path.name}")

    def export(self) -> None:
        """Ask where, in which format and with which options (File → Export), then export."""
        from carveplan.ui.export_dialog import ask_export

        doc = self._document
        chosen = ask_export(doc.agreement, doc.path, doc.scenario, self._window, self.all_sectors)
        if chosen is not None:
            self.export_to(chosen.path, chosen.options)

    def export_to(self, path: Path, chosen: ExportOptions | None = None) -> bool:
        """Start exporting to ``path``: off the GUI thread, with a progress dialog and Cancel.

        Resolving, paging and writing all run on a worker; the window stays responsive. ``True``
        means the export started: :attr:`exported` says when the file is in place (:attr:`exporting`
        is the run). Errors are listed; the document is untouched and Cancel writes nothing.

        Args:
            path: the file; its suffix picks the format.
            chosen: the export dialog's options; ``None`` for the shown scenario, whole agreement.
        """
        scenario = self._document.scenario
        options = chosen or ExportOptions(
            scenario=None if scenario == BASELINE else scenario, all_sectors=self.all_sectors
        )
        if path.suffix.lower() in DECK_SUFFIXES and not (options.sectors or options.parties):
            scope = ask_deck_scope(self._document.agreement, path.name, self._window)
            if scope is None:
                return False
            options = replace(options, sectors=scope.sectors, parties=scope.parties)
        # The window's schedules for this scenario and its baseline (ghost bars), when it has them:
        # the worker then spends its seconds on the file, not on resolving the agreement again.
        names = dict.fromkeys((options.scenario or BASELINE, BASELINE))
        held = (self._document.resolved(name) for name in names)
        options = replace(options, resolved=tuple(r.schedule for r in held if r is not None))
        try:
            run = ExportRun(self._window, exporter_for(path), self._document.agreement, path, options)
        except ReadError as err:
            self._show_problems("Cannot export", f"{path.name} was not written.", err)
            return False
        except (WriteError, OSError) as err:
            QMessageBox.critical(self._window, "Cannot export", f"{path.name} was not written: {err}")
            return False
        run.written.connect(self._exported)
        run.failed.connect(lambda err: self._export_failed(path, err))
        run.cancelled.connect(lambda: self.status.emit("Export cancelled; nothing was written"))
        self.exporting = run
        return True

    def _exported(self, path: Path) -> None:
        self.status.emit(f"Exported {path.name}")
        self.exported.emit(path)

    def _export_failed(self, path: Path, err: object) -> None:
        if isinstance(err, ReadError):
            self._show_problems("Cannot export", f"{path.name} was not written.", err)
        elif isinstance(err, Cancelled):
            self.status.emit("Export cancelled; nothing was written")
        elif isinstance(err, (WriteError, OSError)):
            QMessageBox.critical(self._window, "Cannot export", f"{path.name} was not written: {err}")
        elif isinstance(err, (RecursionError, OverflowError, MemoryError)):
            message = f"{path.name} was not written: the agreement is too large to export ({err!r})"
            QMessageBox.critical(self._window, "Cannot export", message)
        else:  # the window is the last line: never a traceback
            message = f"{path.name} was not written ({type(err).__name__}: {err}). Nothing was changed."
            QMessageBox.critical(self._window, "Cannot export", message)

    # --- helpers ----------------------------------------------------------------
    def _open_anyway(self, path: Path) -> bool:
        """Warn when another CarvePlan has ``path`` open: the later save would undo the other's."""
        holder = self.guard.holder(path)
        if holder is None:
            return True
        text = (
            f"{path.name} is already open in {holder.describe()}.\n\nIf both save, the later save "
            "overwrites the other's changes. Open it here anyway?"
        )
        return self._warn("Open in another window", text, QMessageBox.StandardButton.Open)

    def _overwrite_anyway(self, path: Path) -> bool:
        """Before saving over ``path``: warn when it changed on disk or another CarvePlan holds it."""
        if self.guard.changed_on_disk(path):
            reason = (
                f"{path.name} was changed on disk since it was opened here "
                "(another window or program saved it)."
            )
        elif (holder := self.guard.holder(path)) is not None:
            reason = f"{path.name} is open in {holder.describe()}."
        else:
            return True
        text = (
            f"{reason}\n\nSaving replaces that version with this one. Save anyway, or cancel and "
            "use File → Save As to keep both?"
        )
        return self._warn("File changed elsewhere", text, QMessageBox.StandardButton.Save)

    def _warn(self, title: str, text: str, go_ahead: QMessageBox.StandardButton) -> bool:
        """A warning that goes ahead only on ``go_ahead``; Cancel is the default."""
        buttons = go_ahead | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.warning(self._window, title, text, buttons, QMessageBox.StandardButton.Cancel)
        return answer == go_ahead

    def _write(self, path: Path) -> bool:
        if not self._overwrite_anyway(path):
            self.status.emit("Not saved")
            return False
        try:
            native.save(self._document.agreement, path)
        except (WriteError, OSError) as err:
            QMessageBox.critical(self._window, "Cannot save", f"{path} was not saved: {err}")
            return False
        self.guard.saved(path)
        self._document.mark_saved(path)
        add_recent_file(path)
        self.status.emit(f"Saved {path.name}")
        return True

    def _show_problems(self, title: str, summary: str, err: ReadError) -> None:
        ProblemListDialog(title, summary, err.problems, self._window).exec()
