"""The main window shows before any heavy library loads: the chart's canvas brings matplotlib, later.

Checked in a fresh interpreter started as the app starts (``ui.app.run``), at the moment the chart's
placeholder has been painted, which is when the app reads its start file and builds the canvas.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import carveplan

HEAVY = ("matplotlib", "numpy", "pandas", "openpyxl", "python_calamine", "pptx", "PIL")
# Views of docks tabbed behind others, made when first raised: not even their modules load with the window.
BEHIND = tuple(
    f"carveplan.ui.{name}"
    for name in ("comparison", "divergence_view", "register_view", "coverage_view", "rounds_panel")
)

# The app's own start, with the step that runs once the window is on screen replaced by a report of
# what is loaded by then (and then, to prove the probe can see it, what the canvas loaded after it).
_PROBE = """
import json, sys
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

QStandardPaths.setTestModeEnabled(True)
import carveplan.ui.app as app_module

HEAVY, BEHIND = %r, %r
found = {}

def on_screen(window, _args):
    found["window"] = [name for name in HEAVY if name in sys.modules]
    found["behind"] = [name for name in BEHIND if name in sys.modules]
    found["visible"] = window.isVisible()
    # The chart builds its canvas right after this step: look again once it has.
    QTimer.singleShot(0, lambda: (found.__setitem__("canvas", window.chart.canvas is not None), finish()))

def finish():
    found["later"] = [name for name in HEAVY if name in sys.modules]
    QApplication.instance().quit()

app_module._open_start = on_screen
status = app_module.run([])
print(json.dumps(found))
sys.exit(status)
"""


def test_the_main_window_shows_before_matplotlib_or_numpy_loads(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(carveplan.__file__).resolve().parent.parent), env.get("PYTHONPATH", "")]
    )
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    done = subprocess.run(
        [sys.executable, "-c", _PROBE % (HEAVY, BEHIND)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["visible"]
    assert found["window"] == []
    assert found["behind"] == []
    # The canvas was built right after, and matplotlib with it: the probe would have seen it earlier.
    assert found["canvas"]
    assert "matplotlib" in found["later"]
