"""The File menu: new, open, recent files, save, import and export, the agreement's properties, quit."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QStyle

from carveplan.ui.actions.spec import ActionSpec, Entry, MenuList
from carveplan.ui.settings import recent_files
from carveplan.ui.workbench import Workbench

SK = QKeySequence.StandardKey
SP = QStyle.StandardPixmap


def _fill_recent(bench: Workbench, menu: QMenu) -> None:
    paths = recent_files()
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {path.name}")
        action.setToolTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: bench.files.open_path(p))
    if not paths:
        menu.addAction("No recent files").setEnabled(False)


ENTRIES: tuple[Entry, ...] = (
    ActionSpec(
        "new", "&New", lambda b: b.files.new(), "Start a new agreement", (SK.New,), "open",
        icon=SP.SP_FileIcon, toolbar="file",
    ),
    ActionSpec(
        "open", "&Open…", lambda b: b.files.open(), "Open an agreement or workbook", (SK.Open,), "open",
        icon=SP.SP_DialogOpenButton, toolbar="file",
    ),
    MenuList("recent", "open", _fill_recent, submenu="Open &Recent"),
    ActionSpec(
        "save", "&Save", lambda b: b.files.save(), "Save the agreement", (SK.Save,), "save",
        icon=SP.SP_DialogSaveButton, toolbar="file",
    ),
    ActionSpec(
        "save_as", "Save &As…", lambda b: b.files.save_as(), "Save under another name", (SK.SaveAs,), "save"
    ),
    ActionSpec(
        "revert", "&Revert", lambda b: b.files.revert(), "Discard changes since the last save", section="save"
    ),
    ActionSpec(
        "import_schedule", "&Import Tariff Schedule…", lambda b: b.files.import_schedule(),
        "Add the lines of another delegation's schedule (.xlsx or .csv)", ("Ctrl+I",), "exchange",
    ),
    ActionSpec(
        "export", "&Export…", lambda b: b.files.export(), "Export a workbook, chart, deck or calendar",
        ("Ctrl+E",), "exchange",
    ),
    ActionSpec(
        "properties", "Agreement &Properties…", lambda b: b.files.properties(),
        "Title, entry into force, stage day, rounding, classification label, notes", ("Alt+Return",),
        "agreement",
    ),
    ActionSpec("quit", "&Quit", lambda b: b.window.close(), "Quit CarvePlan", (SK.Quit,), "quit"),
)  # fmt: skip
