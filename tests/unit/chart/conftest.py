"""Fixtures for chart tests: hand-built schedules and a bare figure (no Qt, no engine)."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from carveplan.engine.schedule import Schedule
from tests.helpers.schedules import sample_schedule


@pytest.fixture
def schedule() -> Schedule:
    """A small schedule with every element the chart draws."""
    return sample_schedule()


@pytest.fixture
def fig() -> Figure:
    """A 16:9 figure."""
    return Figure(figsize=(13.333, 7.5))
