"""The built application's tests run only when ``make package-test`` names a bundle to test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

BUNDLE_VARIABLE = "CARVEPLAN_BUNDLE"

# Without a built bundle there is nothing to test; `make package-test` builds one and sets the variable.
collect_ignore = [] if os.environ.get(BUNDLE_VARIABLE) else ["test_bundle.py"]


@pytest.fixture(scope="session")
def bundle() -> Path:
    """The one-folder application to test (``dist/carveplan``)."""
    folder = Path(os.environ[BUNDLE_VARIABLE]).resolve()
    assert (folder / "carveplan").is_file(), f"{folder} holds no carveplan program"
    return folder
