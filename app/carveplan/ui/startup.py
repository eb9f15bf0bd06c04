"""What the window opens first: crash recovery, the file asked for, the last file, or the sample."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from carveplan.resources import sample_path
from carveplan.ui.autosave import load_recovery, pending_recoveries
from carveplan.ui.main_window import MainWindow
from carveplan.ui.settings import last_file


def choose_start_file(args: Sequence[str]) -> Path | None:
    """``args[0]`` if given, else the last file opened, else the bundled sample (first start)."""
    if args:
        return Path(args[0])
    previous = last_file()
    if previous is not None:
        return previous
    sample = sample_path()
    return sample if sample.exists() else None


def offer_recovery(window: MainWindow) -> bool:
    """Offer to restore unsaved work a crashed session left; ``True`` when restored."""
    for recovery in pending_recoveries():
        name = recovery.original.name if recovery.original else recovery.title or "an unsaved agreement"
        answer = QMessageBox.question(
            window,
            "Recover unsaved work",
            f"CarvePlan did not close normally. Unsaved changes to {name} "
            f"were kept (autosaved {recovery.saved_at.replace('T', ' ')}).\n\nRestore them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            try:
                kept = recovery.set_aside()
            except OSError:
                continue  # left where it is: offered again next time
            QMessageBox.information(
                window,
                "Recover unsaved work",
                f"The unsaved changes were kept aside, not deleted:\n{kept}\n\n"
                "Open that file to look at them.",
            )
            continue
        agreement = load_recovery(recovery)
        recovery.discard()
        if agreement is None:
            QMessageBox.warning(window, "Recover unsaved work", "The autosaved copy could not be read.")
            continue
        window.restore(agreement, recovery.original)
        return True
    return False
