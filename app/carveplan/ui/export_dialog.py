"""File → Export: where, in which format, and what the command line's ``export`` offers (scenario,
sector, party, style, page size, resolution), remembered from one export to the next."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from carveplan.io.formats import EXPORTERS, ExportOptions
from carveplan.model import BASELINE, Agreement
from carveplan.ui.settings import settings

STYLES = ("screen", "projector", "print")
PAGES = ("a4", "16:9")
STYLED = (".png", ".svg", ".pdf", ".pptx")  # the formats drawn with a chart style


@dataclass(frozen=True)
class ExportChoice:
    """What the export dialog was told.

    Attributes:
        path: the file to write; its suffix picks the format.
        options: scenario, sectors, parties, style, page, resolution (``progress`` left unset).
    """

    path: Path
    options: ExportOptions


def export_filter(suffix: str = "") -> tuple[str, str]:
    """The file dialog's filter for every export format, and the entry of ``suffix`` (to select it)."""
    entries = [f"{label} (*{ext})" for ext, (_, label) in sorted(EXPORTERS.items())]
    chosen = next((e for e in entries if e.endswith(f"(*{suffix})")), "")
    return ";;".join(entries), chosen


def start_folder(document_path: Path | None) -> Path:
    """Where an export goes first: the folder of the last export, else the document's, else home."""
    last = Path(str(settings().value("export/folder", "") or ""))
    if str(last) not in ("", ".") and last.is_dir():
        return last
    if document_path is not None and document_path.parent.is_dir():
        return document_path.parent
    return Path.home()


class ExportDialog(QDialog):
    """Asks where to export and with which options; :meth:`choice` reads them after Accepted."""

    def __init__(
        self,
        agreement: Agreement,
        document_path: Path | None,
        scenario: str,
        parent: QWidget | None = None,
        all_sectors: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        store = settings()
        stem = (document_path.stem if document_path else agreement.title) or "agreement"
        suffix = str(store.value("export/suffix", ".xlsx") or ".xlsx")
        suffix = suffix if suffix in EXPORTERS else ".xlsx"
        self.path = QLineEdit(str(start_folder(document_path) / f"{_safe(stem)}{suffix}"), self)
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._on_browse_clicked)
        self.format = QComboBox(self)
        for ext, (_, label) in sorted(EXPORTERS.items()):
            self.format.addItem(f"{label} ({ext})", ext)
        self.format.setCurrentIndex(self.format.findData(suffix))
        self.scenario = _combo(self, [BASELINE, *(s.name for s in agreement.scenarios if s.name != BASELINE)])
        self.scenario.setCurrentText(scenario)
        self.sector = _combo(self, ["All sectors"], [None])
        for sector in agreement.sectors:
            self.sector.addItem(sector.name, sector.id)
        self.party = _combo(self, ["All parties"], [None])
        for party in agreement.parties:
            self.party.addItem(f"{party.code} {party.name}".strip(), party.code)
        self.chart_style = _combo(self, list(STYLES))
        self.chart_style.setCurrentText(str(store.value("export/style", "screen")))
        self.page = _combo(self, ["A4 landscape", "16:9 slides"], list(PAGES))
        self.page.setCurrentIndex(max(0, self.page.findData(str(store.value("export/page", "a4")))))
        self.dpi = QSpinBox(self)
        self.dpi.setRange(1, 600)
        self.dpi.setValue(_int(store.value("export/dpi", 150), 150))
        self.all_sectors = QCheckBox("Lines outside the focus sectors too", self)
        self.all_sectors.setChecked(all_sectors)
        self._lay_out(browse)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.path.textEdited.connect(self._on_path_edited)
        self._on_format_changed()

    def _lay_out(self, browse: QPushButton) -> None:
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("File", where)
        form.addRow("Format", self.format)
        form.addRow("Scenario", self.scenario)
        form.addRow("Sector", self.sector)
        form.addRow("Party", self.party)
        form.addRow("Style", self.chart_style)
        form.addRow("Page", self.page)
        form.addRow("Resolution (dpi)", self.dpi)
        form.addRow("", self.all_sectors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    # --- public -------------------------------------------------------------------------------
    def suffix(self) -> str:
        """The chosen format's suffix (``.pdf``)."""
        return str(self.format.currentData())

    def choice(self) -> ExportChoice:
        """The file and options chosen; remembers them for the next export."""
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix.lower() != self.suffix():
            path = path.with_name(path.name + self.suffix())
        scenario = self.scenario.currentText()
        options = ExportOptions(
            scenario=None if scenario == BASELINE else scenario,
            sectors=_picked(self.sector),
            parties=_picked(self.party),
            style=self.chart_style.currentText(),
            page=str(self.page.currentData()),
            dpi=self.dpi.value(),
            all_sectors=self.all_sectors.isChecked(),
        )
        store = settings()
        store.setValue("export/folder", str(path.parent))
        store.setValue("export/suffix", self.suffix())
        store.setValue("export/style", options.style)
        store.setValue("export/page", options.page)
        store.setValue("export/dpi", options.dpi)
        return ExportChoice(path, options)

    # --- slots ----------------------------------------------------------------------------------
    def _on_format_changed(self) -> None:
        suffix = self.suffix()
        path = Path(self.path.text().strip())
        if path.name and path.suffix.lower() != suffix:
            stem = path.stem if path.suffix.lower() in EXPORTERS else path.name
            self.path.setText(str(path.with_name(stem + suffix)))
        self.chart_style.setEnabled(suffix in STYLED)
        self.page.setEnabled(suffix == ".pdf")
        self.dpi.setEnabled(suffix in (".png", ".pptx"))

    def _on_path_edited(self, text: str) -> None:
        # Typing another known suffix chooses that format, as the command line's -o does.
        at = self.format.findData(Path(text.strip()).suffix.lower())
        if at >= 0 and at != self.format.currentIndex():
            self.format.setCurrentIndex(at)

    def _on_browse_clicked(self) -> None:
        filters, chosen = export_filter(self.suffix())
        name, picked = QFileDialog.getSaveFileName(self, "Export", self.path.text(), filters, chosen)
        if not name:
            return
        suffix = Path(name).suffix.lower()
        if suffix not in EXPORTERS:  # no suffix typed: the filter picked says which format
            suffix = next((ext for ext in EXPORTERS if picked.endswith(f"(*{ext})")), self.suffix())
            name += suffix
        self.path.setText(name)
        self.format.setCurrentIndex(self.format.findData(suffix))


def ask_export(
    agreement: Agreement,
    document_path: Path | None,
    scenario: str,
    parent: QWidget | None,
    all_sectors: bool = False,
) -> ExportChoice | None:
    """Show the export dialog; the choice, or ``None`` when cancelled."""
    dialog = ExportDialog(agreement, document_path, scenario, parent, all_sectors)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


def _combo(parent: QWidget, texts: list[str], data: list[object] | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for number, text in enumerate(texts):
        combo.addItem(text, data[number] if data else text)
    return combo


def _picked(combo: QComboBox) -> tuple[str, ...]:
    data = combo.currentData()
    return (str(data),) if data else ()


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def _safe(stem: str) -> str:
    """A title as a file name: no separators or characters file systems refuse."""
    return "".join("_" if c in '/\\:*?"<>|' else c for c in stem).strip() or "agreement"
