"""Bundled files are found in a checkout and, preferred, inside an installed package."""

from __future__ import annotations

from pathlib import Path

import pytest

from carveplan import resources

CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package folder laid out as a wheel installs it, beside a stray top-level ``resources``."""
    package = tmp_path / "site-packages" / "carveplan"
    (package / "_data" / "resources" / "icons").mkdir(parents=True)
    (package / "_data" / "schedules").mkdir(parents=True)
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(resources, "_PACKAGE", package)
    return package


def test_checkout_resources_are_the_top_level_folder() -> None:
    assert resources.resources_dir() == CHECKOUT / "resources"


def test_checkout_sample_exists() -> None:
    assert resources.sample_path() == CHECKOUT / "schedules" / "sample.carveplan"


def test_checkout_icon_exists() -> None:
    assert resources.resource_path("icons/carveplan.svg").is_file()


def test_installed_resources_come_from_the_package(installed: Path) -> None:
    assert resources.resources_dir() == installed / "_data" / "resources"


def test_installed_sample_comes_from_the_package(installed: Path) -> None:
    assert resources.sample_path() == installed / "_data" / "schedules" / "sample.carveplan"
