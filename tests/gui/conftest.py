"""GUI test setup: offscreen Qt, test-mode standard paths, and a sample document."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from carveplan.model import (
    Agreement,
    Gate,
    Line,
    Milestone,
    MilestoneKind,
    Party,
    Scenario,
    Timing,
)
from carveplan.model.scenario import MilestoneDelay


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    # No test may touch a real user's settings, recent files or autosave folder.
    QCoreApplication.setOrganizationName("CarvePlanTests")
    QCoreApplication.setApplicationName("CarvePlanTests")
    QStandardPaths.setTestModeEnabled(True)
    # Settings live in this run's own folder: test mode alone shares one file between runs on the
    # machine, and one run's clearing it broke another's "remembered" checks.
    folder = str(tmp_path_factory.mktemp("settings"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _clean_settings() -> Iterator[None]:
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def small_agreement() -> Agreement:
    """Two parties, three lines, two milestones and a scenario."""
    return Agreement(
        title="Test agreement",
        eif=date(2027, 1, 1),
        parties=(Party("AUS", "Australia"), Party("VNM", "Viet Nam")),
        lines=(
            Line("L-1", "AUS", "energy", "271111", "LNG", base=Decimal("5"), category="B5"),
            Line("L-2", "VNM", "energy", "270900", "Crude", base=Decimal("8"), category="A"),
            Line(
                "L-3",
                "VNM",
                "critical_minerals",
                "282520",
                "Lithium oxide",
                base=Decimal("10"),
                category="B5",
                gates=(Gate("REG-1"),),
            ),
        ),
        milestones=(
            Milestone(
                "REG-1", "VNM", "Regulatory alignment", Timing.eif(), MilestoneKind.REGULATORY_ALIGNMENT
            ),
            Milestone("DATA-1", "VNM", "Data sharing", Timing.agreement_year(2), depends_on=("REG-1",)),
        ),
        scenarios=(Scenario("sanctions persist", overrides=(MilestoneDelay("REG-1", 18),)),),
    )
