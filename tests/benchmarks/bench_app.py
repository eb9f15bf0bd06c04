"""App benchmark: start-up to the first window and the first chart, against a bare PySide6 window.

Each start is a fresh process (offscreen Qt, settings and autosave in a throw-away folder), timed
from launch to the line it prints when the window is shown, when the chart's first screen is
painted (the rows that show first, drawn before the rest of the file is resolved and before the
plotting library loads), and when the whole chart has drawn. The app
runs its own start-up path: the main window, shown, then ``files.open_path`` on the national-scale
agreement, as ``carveplan FILE`` does. Peak memory is the resident high-water mark of each process.
On a shared machine the wall clock counts other processes' turns too: the processor seconds of the
process (its threads together, interpreter start included) are reported beside it.

Each process reads compiled bytecode, as an installed app does (pip compiles it at install): the
children write and read it in the throw-away folder (``PYTHONPYCACHEPREFIX``), whatever
``PYTHONDONTWRITEBYTECODE`` says, after one unmeasured start of each script has compiled it.
Without that, every start compiles the app's modules from source and measures the environment.
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

# Each figure is the best of five starts: this host's speed moves by a third from one minute to the
# next (the bare window's own floor with it), and the best start is the one least disturbed.
REPEAT = 5

TIMEOUT = 300

# Both scripts watch the application's events from outside: the first paint of the main window is
# "first window"; "first chart" is the first paint of the chart's first screen
# (GanttView.first_screen_shown, emitted after that paint); "whole chart" is the end of the first
# render of the canvas after GanttView.drawn says it laid out the agreement's rows (drawn comes
# before the pixels are made).
# The app itself is started as ``carveplan FILE`` starts it, through the launcher.
_WATCH = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from tests.benchmarks.harness import peak_mib

class Watch(QObject):
    def __init__(self, chart):
        super().__init__()
        self.chart, self.painted, self.hooked, self.lines = chart, False, False, None
        self.rendered = False

    def eventFilter(self, obj, event):
        if self.chart and not self.hooked and isinstance(obj, QMainWindow) and hasattr(obj, "chart"):
            self.hooked = True
            obj.chart.drawn.connect(self.drawn)
            obj.chart.first_screen_shown.connect(self.first_screen)
        # The first paint of any widget of the main window: the window is on the screen.
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            if isinstance(obj.window(), QMainWindow) and not self.painted:
                self.painted = True
                print("window", time.process_time(), flush=True)
                self.done()
        return False

    def first_screen(self):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        print("first", window.chart.height(), time.process_time(), flush=True)

    def drawn(self):
        if self.lines is None:
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
            if not window.document.agreement.lines:
                return  # the blank chart drawn while the file is read in the background
            self.lines = len(window.document.agreement.lines)
            window.chart.canvas.mpl_connect("draw_event", self.render_done)

    def render_done(self, _event):
        if not self.rendered:
            self.rendered = True
            print("chart", self.lines, time.process_time(), flush=True)
            self.done()

    def done(self):
        # Whichever comes last ends the run (the window may paint only after the chart is drawn).
        if self.painted and (not self.chart or self.rendered):
            QApplication.instance().quit()

app = QApplication([sys.argv[0]])
watch = Watch(sys.argv[1] == "app")
app.installEventFilter(watch)
"""

_BARE = (
    _WATCH
    + """
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.exec()
print("memory", peak_mib(), flush=True)
"""
)

_APP = (
    _WATCH
    + """
from carveplan.main import main
main([sys.argv[2]])
print("memory", peak_mib(), flush=True)
"""
)


def run() -> list[Result]:
    """Start the bare window and the app ``REPEAT`` times each, alternately; keep the best times."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.carveplan"
        native.save(national_agreement(1), path)
        for script in (_BARE, _APP):
            _start(script, path, folder)  # compiles the bytecode the measured starts read
        bare = [_start(_BARE, path, folder) for _ in range(REPEAT)]
        app = [_start(_APP, path, folder) for _ in range(REPEAT)]
    bare_window = min(b["window"] for b in bare)
    lines = int(app[0]["lines"])
    return [
        Result(
            "app: time to first window", min(a["window"] for a in app), "bare QMainWindow shown", bare_window
        ),
        Result(
            "app: time to first window, processor seconds",
            min(a["window_cpu"] for a in app),
            "bare QMainWindow shown, processor seconds",
            min(b["window_cpu"] for b in bare),
        ),
        Result(
            f"app: time to first chart (its first screen), {lines} lines",
            min(a["first"] for a in app),
            "bare QMainWindow shown",
            bare_window,
        ),
        Result(
            f"app: time to first chart (its first screen), {lines} lines, processor seconds",
            min(a["first_cpu"] for a in app),
            "bare QMainWindow shown, processor seconds",
            min(b["window_cpu"] for b in bare),
        ),
        Result(
            f"app: time to first chart (its first screen), {lines} lines, processor s, vs the issue's 1 s",
            min(a["first_cpu"] for a in app),
            "1 s",
            1.0,
            1.0,
        ),
        Result(
            f"app: time to the whole chart, {lines} lines (every line resolved, the canvas drawn)",
            min(a["chart"] for a in app),
            "bare QMainWindow shown",
            bare_window,
        ),
        Result(
            f"app: time to the whole chart, {lines} lines, processor seconds",
            min(a["chart_cpu"] for a in app),
            "bare QMainWindow shown, processor seconds",
            min(b["window_cpu"] for b in bare),
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
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=f"{folder}/bytecode")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Settings, recent files and autosaves go to the throw-away folder, never the user's own.
    env.update(
        XDG_CONFIG_HOME=f"{folder}/config", XDG_DATA_HOME=f"{folder}/data", XDG_CACHE_HOME=f"{folder}/cache"
    )
    errors = Path(folder) / "stderr.txt"
    start = time.perf_counter()
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-c", script, "app" if script is _APP else "bare", str(path)],
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
            if key in ("window", "first", "chart"):
                found[f"{key}_cpu"] = float(rest[-1])
            if key == "chart":
                found["lines"] = float(rest[0])
            elif key == "memory":
                found["memory"] = float(rest[0])
        child.wait(TIMEOUT)
    if child.returncode or "memory" not in found:
        tail = errors.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"the start-up benchmark's process failed ({child.returncode}):\n{tail}")
    return found
