"""The exceptions register view: one row per exception with scope, rules, invocations and warnings."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carveplan.model import ExceptionInvoked, Timing
from carveplan.ui import commands
from carveplan.ui import scenario_edits as edits
from carveplan.ui.document import Document
from carveplan.ui.register_view import COLUMNS, RegisterView
from tests.helpers.analysis import analysis_agreement

TIP = Qt.ItemDataRole.ToolTipRole


def column(header: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.header == header)


@pytest.fixture
def view(qtbot: QtBot) -> RegisterView:
    widget = RegisterView(Document(analysis_agreement()))
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def cell(view: RegisterView, header: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return view.model.index(0, column(header)).data(role)


def test_model_passes_the_model_tester(view: RegisterView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.model)


def test_one_row_per_exception_with_scope_and_rules(view: RegisterView) -> None:
    assert view.model.rowCount() == 1
    assert cell(view, "Exception") == "EX1"
    assert cell(view, "Scope") == "1 line (critical_minerals)"
    assert cell(view, "Scope", TIP) == "L5"
    assert cell(view, "Rules") == (
        "notify within 30 days; notify termination 60 days before the end; at most 6 months; "
        "review every 4 months; sunset Y10"
    )


def test_invocations_per_scenario_with_deadlines(view: RegisterView) -> None:
    assert cell(view, "Invocations") == "sanctions: 2025-06-01 → 2026-06-01"
    assert cell(view, "Invocations", TIP).splitlines() == [
        "sanctions: 2025-06-01 → 2026-06-01",
        "1 line suspended",
        "Notify by 2025-07-01",
        "Notify termination by 2026-04-02",
        "Reviews: 2025-10-01, 2026-02-01",
        "Warning: lasts 12 months, beyond the 6 months EX1 allows",
    ]


def test_warnings_are_named_by_scenario_and_shown_in_red(view: RegisterView) -> None:
    assert cell(view, "Warnings") == "sanctions: lasts 12 months, beyond the 6 months EX1 allows"
    assert cell(view, "Warnings", Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"


# A shown widget whose size hints change makes the offscreen platform say it cannot pass them on.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_an_invocation_added_in_another_scenario_shows_after_a_pause(
    view: RegisterView, qtbot: QtBot
) -> None:
    view.show()
    document = view._document
    invoked = ExceptionInvoked("EX1", Timing.on(analysis_agreement().eif), 6)
    commands.apply(document, edits.add_override(document.agreement, "late", invoked), "Invoke")
    qtbot.waitUntil(lambda: cell(view, "Invocations").startswith("late: 2025-01-01 → 2025-07-01; sanctions"))


def test_never_invoked(view: RegisterView) -> None:
    document = view._document
    agreement = dataclasses.replace(document.agreement, scenarios=document.agreement.scenarios[:1])
    commands.apply(document, agreement, "Drop scenarios")
    view.refresh()
    assert cell(view, "Invocations") == "not invoked"
    assert cell(view, "Warnings") == ""


def test_double_click_goes_to_the_exception(view: RegisterView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view._document.selection_changed) as blocker:
        view.table.activated.emit(view.model.index(0, 2))
    assert blocker.args == ["exceptions", "EX1"]
