"""The wheel carries the resources and samples: installed into an empty venv, it exports the sample."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from carveplan import __version__
from tests.packaging.helpers import png_size, run

CHECKOUT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty venv with the wheel ``python -m build`` made of this checkout, and its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "build", "--outdir", work / "dist", CHECKOUT], cwd=work)
    (wheel,) = (work / "dist").glob("carveplan-*.whl")
    run([sys.executable, "-m", "venv", work / "venv"], cwd=work)
    run([work / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=work)
    return work / "venv"


def bundled_sample(venv: Path) -> Path:
    """Where the installed package finds its sample agreement."""
    code = "from carveplan.resources import sample_path; print(sample_path())"
    return Path(run([venv / "bin" / "python", "-c", code], cwd=venv.parent).strip())


def test_version(venv: Path) -> None:
    printed = run([venv / "bin" / "carveplan", "--version"], cwd=venv.parent)
    assert printed.strip() == f"CarvePlan {__version__}"


def test_sample_is_inside_the_installed_package(venv: Path) -> None:
    inside = bundled_sample(venv).relative_to(venv).parts
    assert inside[-5:] == ("site-packages", "carveplan", "_data", "schedules", "sample.carveplan")


def test_every_resource_is_inside_the_installed_package(venv: Path) -> None:
    code = "from carveplan.resources import resources_dir; print(resources_dir())"
    installed = Path(run([venv / "bin" / "python", "-c", code], cwd=venv.parent).strip())
    expected = {
        p.relative_to(CHECKOUT / "resources") for p in (CHECKOUT / "resources").rglob("*") if p.is_file()
    }
    assert {p.relative_to(installed) for p in installed.rglob("*") if p.is_file()} == expected


def test_export_of_the_bundled_sample(venv: Path) -> None:
    out = venv.parent / "out.png"
    run([venv / "bin" / "carveplan", "export", bundled_sample(venv), "-o", out], cwd=venv.parent)
    width, height = png_size(out)
    assert min(width, height) >= 200
