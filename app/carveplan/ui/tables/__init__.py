"""Editable tables of the agreement's records: column specs, item models, views and the pane of tabs.

The cell, column and clipboard modules are Qt-free; the Qt classes load on first use so that the
pure modules can be imported (and tested) without Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from carveplan.ui.tables.model import RecordTableModel
    from carveplan.ui.tables.pane import TablesPane
    from carveplan.ui.tables.phases import PhaseTableModel
    from carveplan.ui.tables.view import RecordTable

__all__ = ["PhaseTableModel", "RecordTable", "RecordTableModel", "TablesPane"]

_HOMES = {
    "PhaseTableModel": "carveplan.ui.tables.phases",
    "RecordTable": "carveplan.ui.tables.view",
    "RecordTableModel": "carveplan.ui.tables.model",
    "TablesPane": "carveplan.ui.tables.pane",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)
