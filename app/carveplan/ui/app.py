"""Start the desktop application: check for a display, open a file or the sample, offer recovery."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from carveplan import __version__

if TYPE_CHECKING:
    from carveplan.ui.main_window import MainWindow

NO_DISPLAY = """\
CarvePlan could not find a display to open its window on.
- On a desktop, start it from the desktop session (DISPLAY or WAYLAND_DISPLAY must be set).
- On a server without a screen, run it under a virtual display:
    {xvfb}{launcher} {args}
- Or use the command line, which needs no display:
    {launcher} --help
"""


def no_display_advice(args: Sequence[str]) -> str:
    """The advice printed without a display, with commands that work as printed on this machine."""
    import shutil

    # The launcher as this process was started: `carveplan` only when that is on PATH, else its
    # full path (`make run` starts .venv/bin/carveplan, which no PATH holds), else the venv's Python.
    found = shutil.which("carveplan")
    started = Path(sys.argv[0])
    if found and Path(found).resolve() == started.resolve():
        launcher = "carveplan"
    elif started.name == "carveplan" and started.is_file():
        launcher = str(started.absolute())
    else:
        launcher = f"{sys.executable} -m carveplan"
    sudo = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    xvfb = "xvfb-run -a " if shutil.which("xvfb-run") else f"{sudo}apt-get install xvfb, then: xvfb-run -a "
    return NO_DISPLAY.format(xvfb=xvfb, launcher=launcher, args=" ".join(args)).replace(" \n", "\n")


def has_display() -> bool:
    """Whether Qt can open a window here (always true off Linux; offscreen counts)."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: Sequence[str]) -> int:
    """Open the main window on ``args[0]`` (or the last file, or the sample) and run until it closes."""
    if not has_display():
        sys.stderr.write(no_display_advice(args))
        return 2
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from carveplan.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    configure_application(app)
    window = MainWindow()
    window.fit_screen(window.screen().availableGeometry())
    window.show()
    # Read the start file once the window is on screen: a national-scale schedule takes seconds.
    window.chart.on_screen.connect(lambda: _open_start(window, args))
    status = int(app.exec())
    # Let background validation finish before the interpreter tears Qt down.
    QThreadPool.globalInstance().waitForDone(5000)
    return status


def _open_start(window: MainWindow, args: Sequence[str]) -> None:
    """Offer crash recovery, else open the file asked for, the last file or the sample."""
    from carveplan.ui.startup import choose_start_file, offer_recovery

    if not offer_recovery(window):
        start = choose_start_file(args)
        if start is not None:
            window.files.open_path(start, ask=False)


def configure_application(app: object) -> None:
    """Names used by QSettings and QStandardPaths, and the window icon."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from carveplan.resources import resource_path

    assert isinstance(app, QApplication)
    app.setApplicationName("CarvePlan")
    app.setOrganizationName("CarvePlan")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("carveplan")
    icon = resource_path("icons/carveplan.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
