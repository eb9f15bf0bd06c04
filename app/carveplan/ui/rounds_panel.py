"""The Rounds panel: the rounds kept, what moved between two, request against offer, ghost bars."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carveplan.engine.diff import AgreementDiff, diff
from carveplan.engine.diff_summary import summarize
from carveplan.engine.gaps import gaps
from carveplan.engine.rounds import find_round, ghost_schedule, round_agreement, with_round
from carveplan.model import Agreement, Round, Stance
from carveplan.ui import commands
from carveplan.ui.deferred import DeferredRefresh
from carveplan.ui.document import Document
from carveplan.ui.rounds_models import DIFF_COLUMNS, GAP_COLUMNS, ROUND_COLUMNS, RowsModel

if TYPE_CHECKING:
    from carveplan.ui.gantt_view import GanttView

CURRENT = "Current agreement"
NO_GHOST = "No round on the chart"


class RoundsPanel(QWidget):
    """Lists the rounds; compares any two (or a round with the agreement as it stands); overlays one."""

    def __init__(
        self, document: Document, chart: GanttView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._chart = chart
        self.rounds = RowsModel(ROUND_COLUMNS, self)
        self.moved = RowsModel(DIFF_COLUMNS, self)
        self.gaps = RowsModel(GAP_COLUMNS, self)
        self.add_button = QPushButton("&Add Round…", self)
        self.add_button.setToolTip("Freeze the agreement (or one party's schedule) as it stands now")
        self.delete_button = QPushButton("Delete Round", self)
        self.old = QComboBox(self)
        self.new = QComboBox(self)
        self.offer = QComboBox(self)
        self.request = QComboBox(self)
        self.ghost = QComboBox(self)
        self.ghost.setToolTip("Draw a round as ghost bars behind the chart")
        for box in (self.old, self.new, self.offer, self.request, self.ghost):
            box.setMinimumContentsLength(22)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.gap_summary = QLabel(self)
        self.tabs = QTabWidget(self)
        self.result: AgreementDiff | None = None
        self._build()
        self.deferred = DeferredRefresh(self, self.refresh)
        document.agreement_changed.connect(self._on_document_agreement_changed)
        self.add_button.clicked.connect(self.ask_add_round)
        self.delete_button.clicked.connect(self.delete_current)
        for box in (self.old, self.new, self.offer, self.request):
            box.currentTextChanged.connect(lambda _text: self.deferred.request())
        self.ghost.currentTextChanged.connect(lambda _text: self.update_ghost())
        self._on_document_agreement_changed()

    def _build(self) -> None:
        table = _table(self, self.rounds)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.table = table
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        chart_row = QHBoxLayout()
        chart_row.addWidget(QLabel("On the chart:", self))
        chart_row.addWidget(self.ghost, 1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(table, 1)
        column.addLayout(chart_row)
        self.tabs.addTab(
            self._page(("Compare", self.old, "with", self.new), self.summary, self.moved), "What Moved"
        )
        gap_page = self._page(("Offer", self.offer, "request", self.request), self.gap_summary, self.gaps)
        self.tabs.addTab(gap_page, "Request vs Offer")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _page(self, picks: tuple[object, ...], label: QLabel, model: RowsModel) -> QWidget:
        page = QWidget(self)
        bar = QHBoxLayout()
        for item in picks:
            bar.addWidget(QLabel(item, page) if isinstance(item, str) else item)  # type: ignore[arg-type]
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(label)
        layout.addWidget(_table(page, model), 1)
        return page

    # --- public ---------------------------------------------------------------------------------
    def set_exposed(self, exposed: bool) -> None:
        """Refresh only while the panel's tab is in front (its dock says when)."""
        self.deferred.set_exposed(exposed)

    def ask_add_round(self) -> bool:
        """Ask for a name, party and stance, and add the round as one undo step."""
        from carveplan.ui.round_dialog import RoundDialog

        dialog = RoundDialog(self._document.agreement, date.today(), self)
        if dialog.exec() != RoundDialog.DialogCode.Accepted:
            return False
        return self.add_round(dialog.round())

    def add_round(self, round_: Round) -> bool:
        """Add a round (from the dialog) as one undo step."""
        after = with_round(self._document.agreement, round_)
        return commands.apply(self._document, after, f"Add round {round_.name}")

    def delete_current(self) -> bool:
        """Delete the selected round as one undo step."""
        chosen = self.rounds.row_at(self.table.currentIndex())
        if chosen is None:
            return False
        agreement = self._document.agreement
        kept = tuple(r for r in agreement.rounds if r.name != chosen.name)
        return commands.apply(self._document, replace(agreement, rounds=kept), f"Delete round {chosen.name}")

    def refresh(self) -> None:
        """Compare the two sides picked in each tab now."""
        agreement = self._document.agreement
        self.result = self._compare(agreement, self.old.currentText(), self.new.currentText())
        self.moved.set_rows(self.result.changed if self.result else [])
        self.summary.setText(_summary_text(self.result))
        request_to_offer = self._compare(agreement, self.request.currentText(), self.offer.currentText())
        self.gaps.set_rows(gaps(request_to_offer) if request_to_offer else [])
        self.gap_summary.setText(
            f"{len(self.gaps.rows)} lines apart, largest gap first" if request_to_offer else ""
        )

    def update_ghost(self) -> None:
        """Draw the round picked in the ghost box behind the chart (or stop)."""
        if self._chart is None:
            return
        name = self.ghost.currentText()
        agreement = self._document.agreement
        if name in {r.name for r in agreement.rounds}:
            self._chart.set_ghost(name, ghost_schedule(agreement, find_round(agreement, name)))
        elif self._chart.ghost is not None:
            self._chart.set_ghost("", None)

    # --- helpers --------------------------------------------------------------------------------
    def _compare(self, agreement: Agreement, old: str, new: str) -> AgreementDiff | None:
        if not old or not new or old == new:
            return None
        sides = [_side(agreement, name) for name in (old, new)]
        party = next((p for _a, p in sides if p), "")
        return diff(sides[0][0], sides[1][0], party)

    def _enable(self) -> None:
        self.delete_button.setEnabled(self.rounds.row_at(self.table.currentIndex()) is not None)

    def _on_document_agreement_changed(self) -> None:
        agreement = self._document.agreement
        self.rounds.set_rows(agreement.rounds)
        names = [r.name for r in agreement.rounds]
        offers = [r.name for r in agreement.rounds if r.stance is Stance.OFFER]
        requests = [r.name for r in agreement.rounds if r.stance is Stance.REQUEST]
        _fill(self.old, [*names, CURRENT], names[-1] if names else CURRENT)
        _fill(self.new, [*names, CURRENT], CURRENT)
        _fill(self.offer, [*names, CURRENT], offers[-1] if offers else CURRENT)
        _fill(
            self.request, [*names, CURRENT], requests[-1] if requests else (names[-1] if names else CURRENT)
        )
        _fill(self.ghost, [NO_GHOST, *names], NO_GHOST)
        self._enable()
        self.update_ghost()
        self.deferred.request()


def _side(agreement: Agreement, name: str) -> tuple[Agreement, str]:
    if name == CURRENT:
        return agreement, ""
    chosen = find_round(agreement, name)
    return round_agreement(agreement, chosen), chosen.party


def _fill(box: QComboBox, items: list[str], default: str) -> None:
    """Refill a box when the rounds changed; it then shows ``default`` (the newest round that fits)."""
    if [box.itemText(i) for i in range(box.count())] == items:
        return
    box.blockSignals(True)
    box.clear()
    box.addItems(items)
    box.setCurrentText(default)
    box.blockSignals(False)


def _table(parent: QWidget, model: RowsModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _summary_text(result: AgreementDiff | None) -> str:
    if result is None:
        return "Pick two different versions to compare."
    totals = summarize(result)
    later = sum(s.later for s in totals)
    earlier = sum(s.earlier for s in totals)
    excluded = sum(s.newly_excluded for s in totals)
    split = len(result.regroupings)
    return (
        f"{len(result.changed)} lines changed: {later} later, {earlier} earlier, {excluded} newly excluded, "
        f"{split} codes split or merged."
    )
