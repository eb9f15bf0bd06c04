"""The open document: the agreement, its undo stack, its path and the scenario being looked at."""

from __future__ import annotations

from pathlib import Path
from typing import Final, Literal, TypeAlias

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from carveplan.engine import resolve
from carveplan.engine.schedule import Schedule
from carveplan.model import BASELINE, Agreement, RecordKind

PHASES: Final = "phases"
# What a view can select and a table can show: a record of a collection, or a phase
# (keyed ``LINE-ID#n``), which is no collection of its own but lives in its line.
Selectable: TypeAlias = RecordKind | Literal["phases"]


class Document(QObject):
    """Owns the agreement being edited; every change goes through :attr:`undo_stack`.

    Signals:
        agreement_changed: the agreement was replaced (an edit, undo, redo, open or revert).
        path_changed: the file path changed (open, save as).
        modified_changed(bool): the unsaved-changes state changed.
        scenario_changed(str): the scenario being looked at changed.
        selection_changed(str, str): a record was selected (collection kind, key), from any view.
    """

    agreement_changed = Signal()
    path_changed = Signal()
    modified_changed = Signal(bool)
    scenario_changed = Signal(str)
    selection_changed = Signal(str, str)

    def __init__(self, agreement: Agreement, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._agreement = agreement.with_identity()
        self._path = path
        self._scenario = BASELINE
        self._schedules: dict[str, Schedule] = {}
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_stack_clean_changed)

    # --- state ------------------------------------------------------------
    @property
    def agreement(self) -> Agreement:
        """The agreement as edited."""
        return self._agreement

    @property
    def path(self) -> Path | None:
        """Where the agreement is saved, ``None`` if never saved."""
        return self._path

    @property
    def is_modified(self) -> bool:
        """Whether there are unsaved changes."""
        return not self.undo_stack.isClean()

    @property
    def scenario(self) -> str:
        """The scenario being looked at (``baseline`` by default)."""
        return self._scenario

    @property
    def display_name(self) -> str:
        """The file name, or the agreement's title for a document never saved."""
        if self._path is not None:
            return self._path.name
        return self._agreement.title or "Untitled"

    def schedule(self, scenario: str | None = None) -> Schedule:
        """The agreement resolved under ``scenario`` (default: the current one), cached per edit."""
        name = self._scenario if scenario is None else scenario
        if name not in self._schedules:
            known = {s.name for s in self._agreement.scenarios}
            self._schedules[name] = resolve(self._agreement, name if name in known else None)
        return self._schedules[name]

    # --- changes (undo commands call set_agreement) -------------------------
    def set_agreement(self, agreement: Agreement) -> None:
        """Replace the agreement and tell the views; only undo commands and loading call this."""
        self._agreement = agreement
        self._schedules.clear()
        if self._scenario != BASELINE and self._scenario not in {s.name for s in agreement.scenarios}:
            self._scenario = BASELINE
            self.scenario_changed.emit(BASELINE)
        self.agreement_changed.emit()

    def load(self, agreement: Agreement, path: Path | None) -> None:
        """Start afresh on ``agreement`` from ``path``: the undo history is dropped."""
        self.undo_stack.clear()
        self._path = path
        # Fixed on opening: a rename before the first save must not change the calendar's event ids.
        self.set_agreement(agreement.with_identity())
        self.path_changed.emit()
        self.modified_changed.emit(False)

    def mark_saved(self, path: Path) -> None:
        """Record a successful save to ``path``."""
        moved = path != self._path
        self._path = path
        self.undo_stack.setClean()
        if moved:
            self.path_changed.emit()

    def set_scenario(self, name: str) -> None:
        """Look at another scenario (not an edit: no undo step)."""
        if name != self._scenario:
            self._scenario = name
            self.scenario_changed.emit(name)

    def select(self, kind: Selectable, key: str) -> None:
        """Announce that the record ``key`` of collection ``kind`` is selected."""
        self.selection_changed.emit(kind, key)

    # --- slots ------------------------------------------------------------
    def _on_stack_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)
