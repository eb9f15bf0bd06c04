"""The Edit menu: undo and redo (named after the edit), rows of the table that has the focus, find."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from carveplan.ui.actions.spec import ActionSpec, Entry, Handler
from carveplan.ui.tables import RecordTable
from carveplan.ui.workbench import Workbench

SK = QKeySequence.StandardKey
SP = QStyle.StandardPixmap


def _on_table(do: Callable[[RecordTable], object]) -> Handler:
    """A handler acting on the table that has the focus (each table command is one undo step)."""

    def handler(bench: Workbench) -> None:
        table = bench.focused_table()
        if table is not None:
            do(table)

    return handler


def _table_focused(bench: Workbench) -> bool:
    return bench.focused_table() is not None


ENTRIES: tuple[Entry, ...] = (
    ActionSpec(
        "undo", "&Undo", None, "Undo the last edit", (SK.Undo,), "undo", icon=SP.SP_ArrowBack, toolbar="undo",
        make=lambda b, parent: b.document.undo_stack.createUndoAction(parent, "&Undo"),
    ),
    ActionSpec(
        "redo", "&Redo", None, "Redo the edit undone", (SK.Redo,), "undo", icon=SP.SP_ArrowForward,
        toolbar="undo", make=lambda b, parent: b.document.undo_stack.createRedoAction(parent, "&Redo"),
    ),
    ActionSpec(
        "insert_rows", "&Insert Row", _on_table(RecordTable.add_row),
        "Add a row to the table that has the focus", ("Ins", "Ctrl+Shift+N"), "rows",
        enabled_when=_table_focused,
    ),
    ActionSpec(
        "delete_rows", "&Delete Rows", _on_table(RecordTable.delete_selected),
        "Delete the selected rows of the table that has the focus", (SK.Delete,), "rows",
        enabled_when=_table_focused,
    ),
    ActionSpec(
        "copy_rows", "&Copy Rows", _on_table(RecordTable.copy_selected),
        "Copy the selected rows for a spreadsheet", (SK.Copy,), "rows", enabled_when=_table_focused,
    ),
    ActionSpec(
        "paste_rows", "&Paste Rows", _on_table(RecordTable.paste_clipboard),
        "Paste rows from a spreadsheet (appended) or cells over the selection", (SK.Paste,), "rows",
        enabled_when=_table_focused,
    ),
    ActionSpec(
        "find", "&Find…", lambda b: b.outline.filter.setFocus(), "Find a line, milestone or exception",
        (SK.Find,), "find",
    ),
)  # fmt: skip
