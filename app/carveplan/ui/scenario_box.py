"""The toolbar's scenario box: lists the agreement's scenarios and switches the document between them."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from carveplan.model import BASELINE
from carveplan.ui.document import Document


def scenario_names(document: Document) -> list[str]:
    """The baseline, then the agreement's scenarios in their order."""
    return [BASELINE, *(s.name for s in document.agreement.scenarios if s.name != BASELINE)]


class ScenarioBox(QComboBox):
    """Shows the document's scenario and sets it when another is picked."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setObjectName("scenario-box")
        self.setToolTip("Scenario shown in the chart (the baseline is drawn behind it)")
        self.setMinimumContentsLength(18)
        self._on_document_agreement_changed()
        document.agreement_changed.connect(self._on_document_agreement_changed)
        document.scenario_changed.connect(self._on_document_scenario_changed)
        self.currentTextChanged.connect(self._on_current_text_changed)

    def _on_document_agreement_changed(self) -> None:
        names = scenario_names(self._document)
        if [self.itemText(i) for i in range(self.count())] != names:
            self.blockSignals(True)
            self.clear()
            self.addItems(names)
            self.setCurrentText(self._document.scenario)
            self.blockSignals(False)

    def _on_document_scenario_changed(self, name: str) -> None:
        if self.currentText() != name:
            self.setCurrentText(name)

    def _on_current_text_changed(self, name: str) -> None:
        if name:
            self._document.set_scenario(name)
