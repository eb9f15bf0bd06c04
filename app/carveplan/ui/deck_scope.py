"""Before a large deck is written: say how large, and offer one sector or one party instead."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from carveplan.model import Agreement

LARGE_DECK = 2_000  # lines: above this a deck runs to a hundred pages and more
DECK_SUFFIXES = (".pdf", ".pptx")
_ROWS_PER_PAGE = 18  # about what an A4 or 16:9 page holds, headers included


@dataclass(frozen=True)
class DeckScope:
    """What a deck covers.

    Attributes:
        label: the choice as the dialog lists it.
        sectors: sector ids (empty: all).
        parties: party codes (empty: all).
        lines: how many lines it holds.
    """

    label: str
    sectors: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    lines: int = 0


def deck_scopes(agreement: Agreement) -> list[DeckScope]:
    """The whole agreement, then each sector, then each party, with their sizes (largest parts last)."""
    sectors: dict[str, int] = {}
    parties: dict[str, int] = {}
    for line in agreement.lines:
        sectors[line.sector] = sectors.get(line.sector, 0) + 1
        parties[line.party] = parties.get(line.party, 0) + 1
    names = {s.id: s.name for s in agreement.sectors}
    party_names = {p.code: p.name for p in agreement.parties}
    total = len(agreement.lines)
    scopes = [DeckScope(f"Whole agreement: {_size(total)}", lines=total)]
    scopes += [
        DeckScope(f"Sector {names.get(s, s)}: {_size(n)}", sectors=(s,), lines=n) for s, n in sectors.items()
    ]
    scopes += [
        DeckScope(f"Party {p} {party_names.get(p, '')}".rstrip() + f": {_size(n)}", parties=(p,), lines=n)
        for p, n in parties.items()
    ]
    return scopes


def _size(lines: int) -> str:
    pages = max(1, -(-lines // _ROWS_PER_PAGE))
    return f"{lines:,} line{'s' if lines != 1 else ''}, about {pages:,} page{'s' if pages != 1 else ''}"


class DeckScopeDialog(QDialog):
    """Asks what a large deck should cover; the whole agreement stays one of the choices."""

    def __init__(self, agreement: Agreement, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Large deck")
        self.scopes = deck_scopes(agreement)
        whole = self.scopes[0]
        text = QLabel(
            f"{file_name} would hold {_size(whole.lines)}: too many for a meeting, and it takes a "
            "while to write. Export one sector or one party instead?"
        )
        text.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.addItems([scope.label for scope in self.scopes])
        smaller = next((i for i, s in enumerate(self.scopes) if 0 < s.lines < whole.lines), 0)
        self.choice.setCurrentIndex(smaller)
        button = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(button.Ok | button.Cancel)
        buttons.button(button.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, self.choice, buttons):
            layout.addWidget(widget)

    def scope(self) -> DeckScope:
        """The scope chosen."""
        return self.scopes[self.choice.currentIndex()]


def ask_deck_scope(agreement: Agreement, file_name: str, parent: QWidget | None) -> DeckScope | None:
    """The scope to export: everything for small agreements, else the user's choice (``None``: cancel)."""
    if len(agreement.lines) <= LARGE_DECK:
        return deck_scopes(agreement)[0]
    dialog = DeckScopeDialog(agreement, file_name, parent)
    return dialog.scope() if dialog.exec() == QDialog.DialogCode.Accepted else None
