"""The app given hostile files: a dialog lists the located problems, the open document is untouched."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from pytestqt.qtbot import QtBot

from carveplan.model import Agreement
from carveplan.ui import schedule_dialog
from carveplan.ui.main_window import MainWindow
from tests.cli.test_mutation import BOUND, SEED, mutated_agreements
from tests.data.make_hostile_files import CASES, HOSTILE, big_files

OPENED = sorted(name for name, case in CASES.items() if case.status and not name.endswith(".csv"))


@pytest.fixture
def window(qtbot: QtBot, small_agreement: Agreement) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.document.load(small_agreement, None)
    return win


def _listed(monkeypatch: pytest.MonkeyPatch, module: str) -> list[list[str]]:
    shown: list[list[str]] = []

    def record(dialog: object) -> None:
        table = dialog.table  # type: ignore[attr-defined]
        shown.append([table.item(row, 6).text() for row in range(table.rowCount())])

    monkeypatch.setattr(f"carveplan.ui.{module}.ProblemListDialog.exec", record)
    return shown


@pytest.mark.parametrize("name", [*OPENED, "nested.carveplan"])
def test_opening_a_hostile_file_lists_its_problems(
    name: str, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = HOSTILE / name if name in CASES else tmp_path / name
    if name not in CASES:
        path.write_bytes(big_files()[name])
    before = window.document.agreement
    shown = _listed(monkeypatch, "files")
    assert not window.files.open_path(path, ask=False)
    assert len(shown) == 1
    assert shown[0]
    if name in CASES and not name.endswith(".xlsx"):  # schedules are imported, not opened (below)
        assert any(CASES[name].says in message for message in shown[0]), shown
    assert window.document.agreement is before


@pytest.mark.parametrize(
    "name", ["far-cells.xlsx", "far-column.xlsx", "prefixed-far.xlsx", "declared-range.xlsx"]
)
def test_the_import_preview_refuses_far_cells(
    name: str, qtbot: QtBot, small_agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    shown = _listed(monkeypatch, "schedule_dialog")
    assert schedule_dialog.run_schedule_import(parent, HOSTILE / name, small_agreement) is None
    assert any(CASES[name].says in message for message in shown[0]), shown


@seed(SEED)
@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=mutated_agreements())
def test_opening_a_mutated_file_never_raises(
    text: str, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mutated.carveplan"
    path.write_text(text, encoding="utf-8")
    shown = _listed(monkeypatch, "files")
    before = window.document.agreement
    start = time.perf_counter()
    opened = window.files.open_path(path, ask=False)
    assert time.perf_counter() - start < BOUND
    if opened:
        window.grab()  # the chart, tables and outline draw what was opened
    else:
        assert shown[-1]
        assert window.document.agreement is before


@pytest.mark.parametrize("error", [RecursionError, MemoryError, OverflowError, KeyError, TypeError])
def test_an_error_no_reader_expected_shows_a_dialog_and_keeps_the_document(
    error: type[Exception], window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from carveplan.ui import files

    path = tmp_path / "odd.carveplan"
    path.write_text("{}", encoding="utf-8")

    def fail(_path: Path) -> Agreement:
        raise error("deep inside a reader")

    monkeypatch.setattr(files, "read_agreement", fail)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: told.append(f"{title}: {text}"))
    before = window.document.agreement
    assert not window.files.open_path(path, ask=False)
    assert told == [f"Cannot open: odd.carveplan could not be read ({error.__name__}). Nothing was changed."]
    assert window.document.agreement is before
