"""App benchmark: start-up to the first window and the first chart, against a bare PySide6 window.

Each start is a fresh process (offscreen Qt, settings and autosave in a throw-away folder), timed
from launch to the line it prints when the window is shown, then when the chart has drawn. The app
runs its own start-up path: the main window, shown, then ``files.open_path`` on the national-scale
agreement, as ``carveplan FILE`` does. Peak memory is the resident high-water mark of each process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from carveplan.io import native
from tests.benchmarks.harness import Result
from tests.benchmarks.national import national_agreement

REPEAT = 3

TIMEOUT = 300

_BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.processEvents()
print("window", flush=True)
from tests.benchmarks.harness import peak_mib
print("memory", peak_mib(), flush=True)
"""

_APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from carveplan.ui.app import configure_application
from carveplan.ui.main_window import MainWindow
from carveplan.ui.startup import offer_recovery
app = QApplication([sys.argv[0]])
configure_application(app)
window = MainWindow()
window.show()
app.processEvents()
print("window", flush=True)
loop = QEventLoop()
window.chart.drawn.connect(loop.quit)
QTimer.singleShot(240_000, loop.quit)
if not offer_recovery(window):
    window.files.open_path(Path(sys.argv[1]), ask=False)
loop.exec()
app.processEvents()
print("chart", len(window.document.agreement.lines), flush=True)
from tests.benchmarks.harness import peak_mib
print("memory", peak_mib(), flush=True)
"""


def run() -> list[Result]:
    """Start the bare window and the app ``REPEAT`` times each, alternately; keep the best times."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.carveplan"
        native.save(national_agreement(1), path)
        bare = [_start(_BARE, path, folder) for _ in range(REPEAT)]
        app = [_start(_APP, path, folder) for _ in range(REPEAT)]
    bare_window = min(b["window"] for b in bare)
    lines = int(app[0]["lines"])
    return [
        Result(
            "app: time to first window", min(a["window"] for a in app), "bare QMainWindow shown", bare_window
        ),
        Result(
            f"app: time to first chart, {lines} lines",
            min(a["chart"] for a in app),
            "bare QMainWindow shown",
            bare_window,
        ),
        Result(
            f"app: peak memory, {lines} lines open",
            min(a["memory"] for a in app),
            "bare QMainWindow shown",
            min(b["memory"] for b in bare),
            unit="MiB",
        ),
    ]


def _start(script: str, path: Path, folder: str) -> dict[str, float]:
    """Run one start in a fresh process; seconds from launch to each line it prints, and its memory."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Settings, recent files and autosaves go to the throw-away folder, never the user's own.
    env.update(
        XDG_CONFIG_HOME=f"{folder}/config", XDG_DATA_HOME=f"{folder}/data", XDG_CACHE_HOME=f"{folder}/cache"
    )
    errors = Path(folder) / "stderr.txt"
    start = time.perf_counter()
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-c", script, str(path)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
        ) as child,
    ):
        assert child.stdout is not None
        found: dict[str, float] = {}
        for line in child.stdout:
            key, *rest = line.split()
            found[key] = time.perf_counter() - start
            if key == "chart":
                found["lines"] = float(rest[0])
            elif key == "memory":
                found["memory"] = float(rest[0])
        child.wait(TIMEOUT)
    if child.returncode or "memory" not in found:
        tail = errors.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"the start-up benchmark's process failed ({child.returncode}):\n{tail}")
    return found
