"""The one-folder application runs on its own: no Python, no venv, the bundled files inside."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from carveplan import __version__
from carveplan.io.formats import EXPORTERS, READERS
from carveplan.io.native import load
from tests.packaging.helpers import LOOKS_LIKE, bare_env, run

CHECKOUT = Path(__file__).resolve().parents[2]

# How long the window must stay up, having loaded the sample, to count as started.
WINDOW_SECONDS = 10


def bundled(bundle: Path, relative: str) -> Path:
    """A file where :mod:`carveplan.resources` finds it inside the bundle."""
    return bundle / "_internal" / "carveplan" / "_data" / relative


def test_version(bundle: Path, tmp_path: Path) -> None:
    printed = run([bundle / "carveplan", "--version"], cwd=tmp_path, env=bare_env(tmp_path))
    assert printed.strip() == f"CarvePlan {__version__}"


def test_python_is_inside(bundle: Path) -> None:
    assert list((bundle / "_internal").glob("libpython3*.so*"))


def test_every_resource_is_bundled(bundle: Path) -> None:
    expected = {p.relative_to(CHECKOUT) for p in (CHECKOUT / "resources").rglob("*") if p.is_file()}
    missing = [str(path) for path in expected if not bundled(bundle, str(path)).is_file()]
    assert missing == []


@pytest.mark.parametrize("suffix", sorted(EXPORTERS))
def test_export_of_the_bundled_sample(bundle: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"sample{suffix}"
    sample = bundled(bundle, "schedules/sample.carveplan")
    run([bundle / "carveplan", "export", sample, "-o", out], cwd=tmp_path, env=bare_env(tmp_path))
    assert LOOKS_LIKE[suffix](out), f"{out} does not look like a {suffix} file"


@pytest.mark.parametrize("suffix", sorted(set(EXPORTERS) & set(READERS)))
def test_round_trip_of_the_bundled_sample(bundle: Path, tmp_path: Path, suffix: str) -> None:
    sample = bundled(bundle, "schedules/sample.carveplan")
    exported, back = tmp_path / f"sample{suffix}", tmp_path / "back.carveplan"
    run([bundle / "carveplan", "export", sample, "-o", exported], cwd=tmp_path, env=bare_env(tmp_path))
    run([bundle / "carveplan", "import", exported, "-o", back], cwd=tmp_path, env=bare_env(tmp_path))
    assert len(load(back).lines) == len(load(sample).lines)


def test_import_describes_codes_from_the_bundled_nomenclature(bundle: Path, tmp_path: Path) -> None:
    schedule, out = tmp_path / "schedule.csv", tmp_path / "schedule.carveplan"
    schedule.write_text("HS Code,Base Rate,Staging Category\n850760,15,B5\n", encoding="utf-8")
    command: list[str | Path] = [
        bundle / "carveplan",
        "import",
        schedule,
        "-o",
        out,
        "--party",
        "VNM",
        "--eif",
        "2027-01-01",
    ]
    run(command, cwd=tmp_path, env=bare_env(tmp_path))
    assert load(out).lines[0].description.startswith("Electric accumulators; lithium-ion")


def window_problem(bundle: Path, cwd: Path) -> str | None:
    """Why the window failed on the bundled sample, or ``None`` when it was still up and quiet."""
    sample = bundled(bundle, "schedules/sample.carveplan")
    command = [str(bundle / "carveplan"), str(sample)]
    with subprocess.Popen(command, cwd=cwd, env=bare_env(cwd), stderr=subprocess.PIPE, text=True) as window:
        try:
            _, errors = window.communicate(timeout=WINDOW_SECONDS)
        except subprocess.TimeoutExpired:
            window.terminate()
            _, errors = window.communicate()
            # Qt slots that raise print a traceback and carry on: still a failure.
            return errors if "Traceback" in errors else None
    return f"the window closed by itself (exit status {window.returncode}):\n{errors}"


def test_window_starts_on_the_sample(bundle: Path, tmp_path: Path) -> None:
    assert window_problem(bundle, tmp_path) is None
