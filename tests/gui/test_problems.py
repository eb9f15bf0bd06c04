"""The problems panel: validation shown, refreshed after edits on a worker, and go-to-item."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from carveplan.model import Agreement, RecordKind
from carveplan.ui import commands
from carveplan.ui.document import Document
from carveplan.ui.problems import ProblemsPanel


def test_problems_are_listed_errors_first(
    qtbot: QtBot, qtmodeltester: object, small_agreement: Agreement
) -> None:
    broken = dataclasses.replace(
        small_agreement,
        lines=(*small_agreement.lines, dataclasses.replace(small_agreement.lines[0], party="ZZZ")),
    )
    panel = ProblemsPanel(Document(broken))
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    assert panel.model.rowCount() >= 2
    assert panel.model.index(0, 0).data() == "error"
    assert any("ZZZ" in panel.model.index(r, 2).data() for r in range(panel.model.rowCount()))


def test_an_edit_revalidates_in_the_background(qtbot: QtBot, small_agreement: Agreement) -> None:
    document = Document(small_agreement)
    panel = ProblemsPanel(document)
    qtbot.addWidget(panel)
    errors_before = sum(p.severity.value == "error" for p in panel.model.problems)
    with qtbot.waitSignal(panel.counts_changed, timeout=5000) as blocker:
        commands.edit_field(document, RecordKind.LINES, 0, "party", "ZZZ")
    assert blocker.args[0] > errors_before
    document.undo_stack.undo()
    with qtbot.waitSignal(panel.counts_changed, timeout=5000) as blocker:
        pass
    assert blocker.args[0] == errors_before


def test_activating_a_problem_selects_its_item(qtbot: QtBot, small_agreement: Agreement) -> None:
    broken = dataclasses.replace(
        small_agreement, lines=(dataclasses.replace(small_agreement.lines[0], party="ZZZ"),)
    )
    document = Document(broken)
    panel = ProblemsPanel(document)
    qtbot.addWidget(panel)
    row = next(r for r, p in enumerate(panel.model.problems) if p.location.kind == "line")
    with qtbot.waitSignal(document.selection_changed) as blocker:
        panel.table.activated.emit(panel.model.index(row, 0))
    assert blocker.args == ["lines", "L-1"]


def test_a_running_validation_shows_a_busy_bar_and_can_be_stopped(
    qtbot: QtBot, small_agreement: Agreement, monkeypatch: object
) -> None:
    import threading

    from carveplan.ui import problems

    document = Document(small_agreement)
    panel = ProblemsPanel(document)
    qtbot.addWidget(panel)
    shown = panel.model.problems
    release = threading.Event()

    def slow(agreement: Agreement, baseline: object = None) -> tuple[object, ...]:
        release.wait(30)
        return ("not shown",)

    monkeypatch.setattr(problems, "validate", slow)  # type: ignore[attr-defined]
    panel.refresh_in_background()
    assert panel.busy.isVisibleTo(panel)
    panel.stop_button.click()
    assert not panel.busy.isVisibleTo(panel)
    with qtbot.assertNotEmitted(panel.counts_changed), qtbot.waitSignal(panel.settled, timeout=20000):
        release.set()
    assert panel.model.problems == shown
