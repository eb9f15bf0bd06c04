"""Scenario edits without Qt: names checked, overrides appended and removed, overrides in words."""

from __future__ import annotations

from datetime import date

import pytest

from carveplan.model import EifMoved, ExceptionInvoked, MilestoneDelay, MilestoneMissed, Timing
from carveplan.ui import scenario_edits as edits
from tests.helpers.analysis import analysis_agreement


def test_add_and_remove_an_override_keep_the_others_in_order() -> None:
    agreement = analysis_agreement()
    added = edits.add_override(agreement, "late", EifMoved(date(2026, 1, 1)))
    assert edits.scenario(added, "late").overrides == (
        MilestoneDelay("M1", 24),
        MilestoneMissed("M2"),
        EifMoved(date(2026, 1, 1)),
    )
    removed = edits.remove_override(added, "late", 1)
    assert edits.scenario(removed, "late").overrides == (MilestoneDelay("M1", 24), EifMoved(date(2026, 1, 1)))
    assert removed.scenarios[1:] == agreement.scenarios[1:]


@pytest.mark.parametrize(
    ("name", "message"),
    [("  ", "needs a name"), ("Baseline", "without any scenario"), ("late", "already a scenario")],
)
def test_check_name_refuses(name: str, message: str) -> None:
    with pytest.raises(edits.ScenarioEditError, match=message):
        edits.check_name(analysis_agreement(), name)


def test_renaming_to_its_own_name_is_allowed() -> None:
    assert edits.check_name(analysis_agreement(), " late ", ignore="late") == "late"


def test_copies_get_free_names() -> None:
    once, first = edits.duplicate_scenario(analysis_agreement(), "late")
    twice, second = edits.duplicate_scenario(once, "late")
    assert (first, second) == ("late (copy)", "late (copy)-2")
    assert [s.name for s in twice.scenarios][:3] == ["late", "late (copy)-2", "late (copy)"]


@pytest.mark.parametrize(
    ("override", "text"),
    [
        (MilestoneDelay("M1", 6), "Delay M1 (Regulator independent) by 6 months"),
        (MilestoneMissed("M9"), "M9 missed"),
        (
            ExceptionInvoked("EX1", Timing.eif(), 12),
            "Invoke EX1 (Essential security — minerals) at EIF for 12 months",
        ),
        (EifMoved(date(2027, 4, 1)), "Entry into force moved to 2027-04-01"),
    ],
)
def test_overrides_in_words(override: object, text: str) -> None:
    assert edits.describe_override(override, analysis_agreement()) == text  # type: ignore[arg-type]
