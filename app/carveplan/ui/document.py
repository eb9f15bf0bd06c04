"""The open document: the agreement, its undo stack, its path and the scenario being looked at."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Final, Literal, TypeAlias

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from carveplan.engine.incremental import Resolution, full, update
from carveplan.engine.schedule import Schedule
from carveplan.model import BASELINE, Agreement, RecordKind
from carveplan.model.change import AgreementChange, change_between

PHASES: Final = "phases"
# What a view can select and a table can show: a record of a collection, or a phase
# (keyed ``LINE-ID#n``), which is no collection of its own but lives in its line.
Selectable: TypeAlias = RecordKind | Literal["phases"]


class Document(QObject):
    """Owns the agreement being edited; every change goes through :attr:`undo_stack`.

    Signals:
        agreement_changed(AgreementChange): the agreement was replaced (an edit, undo, redo, open
            or revert); says which collections and keys changed, so views update only those.
        path_changed: the file path changed (open, save as).
        modified_changed(bool): the unsaved-changes state changed.
        scenario_changed(str): the scenario being looked at changed.
        selection_changed(str, str): a record was selected (collection kind, key), from any view.
    """

    agreement_changed = Signal(object)
    path_changed = Signal()
    modified_changed = Signal(bool)
    scenario_changed = Signal(str)
    selection_changed = Signal(str, str)

    def __init__(self, agreement: Agreement, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._agreement = agreement.with_identity()
        self._path = path
        self._scenario = BASELINE
        # Resolutions of the agreement as it is, by scenario; those of the agreement before the last
        # edit are kept until asked for, so the edit re-resolves only what depends on it.
        self._resolutions: dict[str, Resolution] = {}
        self._stale: dict[str, Resolution] = {}
        self._seed: Resolution | None = None
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
        if name not in self._resolutions:
            known = {s.name for s in self._agreement.scenarios}
            chosen = name if name in known else None
            # The same scenario before the last edit, else another scenario of the agreement as it
            # is: either way only the lines that differ are resolved again.
            previous = self._stale.pop(name, None) or next(iter(self._resolutions.values()), None)
            self._resolutions[name] = (
                update(previous, self._agreement, chosen)
                if previous is not None
                else full(self._agreement, chosen)
            )
        return self._resolutions[name].schedule

    def resolved(self, scenario: str) -> Resolution | None:
        """``scenario`` resolved for the agreement as it is, if it already is (no work)."""
        return self._resolutions.get(scenario)

    # --- changes (undo commands call set_agreement) -------------------------
    def set_agreement(self, agreement: Agreement, change: AgreementChange | None = None) -> None:
        """Replace the agreement and tell the views; only undo commands and loading call this.

        Args:
            agreement: the new agreement.
            change: what changed; found by comparing the two agreements' records when not given.
        """
        if change is None:
            change = change_between(self._agreement, agreement)
        self._agreement = agreement
        if change.everything:
            self._stale.clear()
            if self._seed is not None:
                self._stale[self._seed.schedule.scenario] = self._seed
                self._seed = None
        else:
            self._stale.update(self._resolutions)
        self._resolutions.clear()
        if self._scenario != BASELINE and self._scenario not in {s.name for s in agreement.scenarios}:
            self._scenario = BASELINE
            self.scenario_changed.emit(BASELINE)
        self.agreement_changed.emit(change)

    def load(self, agreement: Agreement, path: Path | None, resolved: Resolution | None = None) -> None:
        """Start afresh on ``agreement`` from ``path``: the undo history is dropped.

        ``resolved`` is ``agreement`` already resolved (off the GUI thread, while opening): the
        first chart then re-resolves nothing.
        """
        # The agreement and its resolution live until the next file is opened: each full collection
        # would walk their million objects again (most of a second on a national schedule), on the
        # first chart or in the middle of an edit. They are set aside from the collector; reference
        # counting still frees them (the records hold no cycles). What the last file set aside
        # goes back to the collector.
        gc.unfreeze()
        gc.freeze()
        self.undo_stack.clear()
        self._path = path
        self._seed = resolved
        # Fixed on opening: a rename before the first save must not change the calendar's event ids.
        self.set_agreement(agreement.with_identity(), AgreementChange.all())
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
