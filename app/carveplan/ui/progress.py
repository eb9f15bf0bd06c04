"""Long work (imports, exports) with a progress dialog the user can cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


def progress_callback(
    parent: QWidget | None, label: str
) -> tuple[QProgressDialog, Callable[[int, int], bool]]:
    """A modal progress dialog and the ``(done, total) -> keep going`` callback to hand to io.

    The dialog appears only when the work lasts longer than half a second.
    """
    dialog = QProgressDialog(label, "Cancel", 0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(True)

    def report(done: int, total: int) -> bool:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        QApplication.processEvents()
        return not dialog.wasCanceled()

    return dialog, report
