"""The scenario editor: create, rename, duplicate and delete scenarios and edit their overrides.

Every change is one undo step; the scenario being edited is the one the chart shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carveplan.model import BASELINE, Agreement
from carveplan.ui import commands
from carveplan.ui import scenario_edits as edits
from carveplan.ui.document import Document
from carveplan.ui.override_form import OverrideForm


# --- scenario commands (also behind the Scenario menu) -----------------------------------------------
def create_scenario(document: Document, name: str) -> str:
    """Add an empty scenario and look at it; returns its name.

    Raises:
        ScenarioEditError: when the name cannot be used.
    """
    after = edits.new_scenario(document.agreement, name)
    clean = after.scenarios[-1].name
    commands.apply(document, after, f"New scenario {clean}")
    document.set_scenario(clean)
    return clean


def duplicate_current(document: Document) -> str | None:
    """Copy the scenario being looked at and look at the copy; ``None`` on the baseline."""
    if document.scenario == BASELINE:
        return None
    after, name = edits.duplicate_scenario(document.agreement, document.scenario)
    commands.apply(document, after, f"Duplicate scenario {document.scenario}")
    document.set_scenario(name)
    return name


def rename_current(document: Document, name: str) -> None:
    """Rename the scenario being looked at and keep looking at it.

    Raises:
        ScenarioEditError: when the name cannot be used.
    """
    old = document.scenario
    after = edits.rename_scenario(document.agreement, old, name)
    if commands.apply(document, after, f"Rename scenario {old}"):
        document.set_scenario(name.strip())


def delete_current(document: Document) -> bool:
    """Delete the scenario being looked at (the view falls back to the baseline)."""
    if document.scenario == BASELINE:
        return False
    name = document.scenario
    return commands.apply(
        document, edits.delete_scenario(document.agreement, name), f"Delete scenario {name}"
    )


def ask_new_scenario(parent: QWidget, document: Document) -> str | None:
    """Ask for a name and add an empty scenario; ``None`` when cancelled."""
    name, ok = QInputDialog.getText(parent, "New scenario", "Name of the new scenario:")
    while ok:
        try:
            return create_scenario(document, name)
        except edits.ScenarioEditError as err:
            name, ok = QInputDialog.getText(parent, "New scenario", f"{err}.\nName:", text=name)
    return None


def confirm_delete_current(parent: QWidget, document: Document) -> bool:
    """Ask before deleting the scenario being looked at (it can be undone, but say so)."""
    if document.scenario == BASELINE:
        return False
    answer = QMessageBox.question(
        parent, "Delete scenario", f"Delete the scenario “{document.scenario}”? (Edit → Undo brings it back.)"
    )
    return answer == QMessageBox.StandardButton.Yes and delete_current(document)


# --- the dialog ----------------------------------------------------------------------------------------
class ScenarioEditor(QDialog):
    """Edits the overrides and description of the scenario the document is looking at."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit scenario")
        self._document = document
        self.heading = QLabel(self)
        self.description = QLineEdit(self)
        self.description.setPlaceholderText("What the scenario supposes")
        self.overrides = QListWidget(self)
        self.form = OverrideForm(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        document.agreement_changed.connect(self._on_document_changed)
        document.scenario_changed.connect(self._on_document_changed)
        self._on_document_changed()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons[text] = button
        return button

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self._button("New…", lambda: ask_new_scenario(self, self._document)))
        top.addWidget(self._button("Duplicate", lambda: duplicate_current(self._document)))
        top.addWidget(self._button("Rename…", self._rename))
        top.addWidget(self._button("Delete", lambda: confirm_delete_current(self, self._document)))
        add_box = QGroupBox("Add an override", self)
        add_layout = QVBoxLayout(add_box)
        add_layout.addWidget(self.form)
        add_layout.addWidget(self._button("Add", self.add_override))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.description)
        layout.addWidget(QLabel("Overrides, applied in order:", self))
        layout.addWidget(self.overrides, 1)
        layout.addWidget(self._button("Remove selected override", self.remove_selected))
        layout.addWidget(add_box)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.description.editingFinished.connect(self._on_description_edited)
        self.resize(560, 560)

    # --- edits: one undo step each ------------------------------------------------------------------
    def add_override(self) -> bool:
        """Append the override the form describes to the scenario."""
        try:
            override = self.form.override()
        except ValueError as err:
            self.error.setText(str(err))
            return False
        agreement = self._document.agreement
        text = edits.describe_override(override, agreement)
        after = edits.add_override(agreement, self._document.scenario, override)
        return commands.apply(self._document, after, f"{text} in {self._document.scenario}")

    def remove_selected(self) -> bool:
        """Remove the selected override from the scenario."""
        row = self.overrides.currentRow()
        if row < 0:
            return False
        name = self._document.scenario
        after = edits.remove_override(self._document.agreement, name, row)
        return commands.apply(self._document, after, f"Remove {self.overrides.item(row).text()} from {name}")

    def _rename(self) -> None:
        name, ok = QInputDialog.getText(self, "Rename scenario", "New name:", text=self._document.scenario)
        if ok:
            try:
                rename_current(self._document, name)
            except edits.ScenarioEditError as err:
                self.error.setText(str(err))

    def _on_description_edited(self) -> None:
        name = self._document.scenario
        if name != BASELINE:
            after = edits.set_description(self._document.agreement, name, self.description.text())
            commands.apply(self._document, after, f"Describe scenario {name}")

    # --- slots ------------------------------------------------------------------------------------------
    def _on_document_changed(self, *_args: object) -> None:
        self.error.clear()
        agreement: Agreement = self._document.agreement
        name = self._document.scenario
        editable = name != BASELINE
        self.form.set_agreement(agreement)
        self.overrides.clear()
        self.heading.setText(
            f"<b>{name}</b>" if editable else "The baseline has no overrides: create a scenario or pick one."
        )
        if editable:
            current = edits.scenario(agreement, name)
            self.overrides.addItems([edits.describe_override(o, agreement) for o in current.overrides])
            if self.description.text() != current.description:
                self.description.setText(current.description)
                self.description.setCursorPosition(0)  # show how the description starts
        else:
            self.description.clear()
        for widget in (self.description, self.overrides, self.form):
            widget.setEnabled(editable)
        for text in ("Duplicate", "Rename…", "Delete", "Add", "Remove selected override"):
            self.buttons[text].setEnabled(editable)
