"""The form that builds one scenario override: delay, missed milestone, invoked exception or moved EIF."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carveplan.model import (
    Agreement,
    EifMoved,
    ExceptionInvoked,
    MilestoneDelay,
    MilestoneMissed,
    Override,
    TimingError,
    parse_timing,
)
from carveplan.model.ranges import MAX_MONTHS, whole_range
from carveplan.ui.tables.columnkit import TIMING_TIP

KINDS = (
    "Delay a milestone",
    "Mark a milestone missed",
    "Invoke a security exception",
    "Move entry into force",
)
DELAY, MISSED, INVOKE, EIF = range(len(KINDS))
_DEFAULT_DURATION = 12  # months, when the exception sets no maximum


def _months(field: str, value: int) -> QSpinBox:
    # The file reader's range for the field: a scenario the form builds always saves and opens again.
    least, most = whole_range(field) or (1, MAX_MONTHS)
    spin = QSpinBox()
    spin.setRange(max(1, least), most)
    spin.setValue(value)
    spin.setSuffix(" months")
    return spin


class OverrideForm(QWidget):
    """Pick a kind of override and fill in its fields; :meth:`override` reads them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exceptions: dict[str, int | None] = {}
        self._eif_offered = False
        self.kind = QComboBox(self)
        self.kind.addItems(KINDS)
        self.delay_milestone = QComboBox()
        self.delay_months = _months("months", 12)
        self.missed_milestone = QComboBox()
        self.exception = QComboBox()
        self.start = QLineEdit("EIF+12m")
        self.start.setToolTip(TIMING_TIP)
        self.duration = _months("duration_months", _DEFAULT_DURATION)
        self.eif = QDateEdit()
        self.eif.setCalendarPopup(True)
        self.eif.setDisplayFormat("yyyy-MM-dd")
        self.pages = QStackedWidget(self)
        self._add_page(("Milestone", self.delay_milestone), ("Delay", self.delay_months))
        self._add_page(("Milestone", self.missed_milestone))
        self._add_page(("Exception", self.exception), ("Invoked at", self.start), ("For", self.duration))
        self._add_page(("New date", self.eif))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.pages)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.exception.currentTextChanged.connect(self._on_exception_changed)

    def _add_page(self, *rows: tuple[str, QWidget]) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 4, 0, 0)
        for label, widget in rows:
            form.addRow(label, widget)
        self.pages.addWidget(page)

    # --- public ---------------------------------------------------------------------------------
    def set_agreement(self, agreement: Agreement) -> None:
        """Offer the agreement's milestones and exceptions, keeping what is picked where it still exists."""
        milestones = [m.id for m in agreement.milestones]
        for combo in (self.delay_milestone, self.missed_milestone):
            _refill(combo, milestones, {m.id: m.title for m in agreement.milestones})
        self._exceptions = {e.id: e.max_duration_months for e in agreement.exceptions}
        if _refill(self.exception, list(self._exceptions), {e.id: e.title for e in agreement.exceptions}):
            self._on_exception_changed("")
        if not self._eif_offered:  # start from the agreement's date; later edits keep the user's pick
            self.eif.setDate(QDate(agreement.eif.year, agreement.eif.month, agreement.eif.day))
            self._eif_offered = True

    def override(self) -> Override:
        """The override the fields describe.

        Returns:
            The override.

        Raises:
            ValueError: naming the field to fix (no milestone or exception to pick, a bad timing).
        """
        kind = self.kind.currentIndex()
        if kind == EIF:
            picked = self.eif.date()
            return EifMoved(date(picked.year(), picked.month(), picked.day()))
        if kind == INVOKE:
            return self._invocation()
        combo = self.delay_milestone if kind == DELAY else self.missed_milestone
        milestone = combo.currentData()
        if not milestone:
            raise ValueError("The agreement has no milestone yet: add one in the Milestones table")
        if kind == DELAY:
            return MilestoneDelay(milestone, self.delay_months.value())
        return MilestoneMissed(milestone)

    def _invocation(self) -> ExceptionInvoked:
        exception = self.exception.currentData()
        if not exception:
            raise ValueError("The agreement has no security exception yet: add one first")
        try:
            start = parse_timing(self.start.text())
        except TimingError as err:
            raise ValueError(f"Invoked at: {err.describe()}") from None
        return ExceptionInvoked(exception, start, self.duration.value())

    # --- slots ------------------------------------------------------------------------------------
    def _on_exception_changed(self, _text: str) -> None:
        # Start from the clause's own maximum: going beyond it is allowed but warned about.
        maximum = self._exceptions.get(self.exception.currentData() or "")
        self.duration.setValue(maximum or _DEFAULT_DURATION)


def _refill(combo: QComboBox, ids: list[str], titles: dict[str, str]) -> bool:
    """Replace the items of ``combo``, keeping the current id if it is still there; whether it changed."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for ident in ids:
        combo.addItem(f"{ident} — {titles[ident]}" if titles.get(ident) else ident, ident)
    at = combo.findData(current) if current else -1
    combo.setCurrentIndex(at if at >= 0 else (0 if ids else -1))
    combo.blockSignals(False)
    return bool(combo.currentData() != current)
