"""Exception and review presets carry the numbers of the treaty texts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from carveplan.engine.presets import (
    EXCEPTION_PRESETS,
    REVIEW_PRESETS,
    ExceptionPreset,
    ReviewPreset,
    cptpp_review,
    gats_xiv_bis,
    rcep_transitional_safeguard,
    self_judging,
    usmca_joint_review,
    wto_safeguard,
)
from carveplan.engine.resolve import resolve
from carveplan.model import Agreement, ExceptionInvoked, Offset, Scenario, Timing, Unit


def test_wto_safeguard_runs_four_years_and_eight_at_most() -> None:
    preset = wto_safeguard("SG-1", "VNM")
    assert (preset.id, preset.party) == ("SG-1", "VNM")
    assert preset.max_duration_months == 48
    assert preset.max_duration_months + (preset.extension_months or 0) == 96
    assert preset.review_interval_months == 36
    assert preset.notification_days == 30


def test_wto_safeguard_for_a_developing_country_runs_ten_years_at_most() -> None:
    preset = wto_safeguard("SG-1", "VNM", developing=True)
    assert (preset.max_duration_months or 0) + (preset.extension_months or 0) == 120
    assert "9.2" in preset.legal_basis


def test_rcep_transitional_safeguard_is_three_years_plus_one() -> None:
    end = Timing.agreement_year(10)
    preset = rcep_transitional_safeguard("TS-1", "JPN", transition_end=end)
    assert (preset.max_duration_months, preset.extension_months) == (36, 12)
    assert preset.sunset == end
    assert preset.legal_basis == "RCEP Art. 7.5"


def test_gats_xiv_bis_asks_for_two_notifications() -> None:
    preset = gats_xiv_bis("SEC-1", "EU")
    assert preset.notification_days == 0
    assert preset.termination_notice_days == 0
    assert preset.max_duration_months is None


def test_self_judging_exceptions_have_no_time_limits() -> None:
    preset = self_judging("SEC-2", "USA", legal_basis="CPTPP Art. 29.2")
    assert preset.legal_basis == "CPTPP Art. 29.2"
    limits = (preset.notification_days, preset.max_duration_months, preset.review_interval_months)
    assert limits == (None, None, None)


def test_usmca_joint_review_in_year_six_of_a_sixteen_year_term() -> None:
    once = usmca_joint_review("JR")
    assert once.first == Timing.eif(Offset(6, Unit.YEARS))
    assert once.term_end == Timing.eif(Offset(16, Unit.YEARS))
    assert (once.interval_months, once.count) == (None, 1)
    annual = usmca_joint_review("JR", annual=True)
    assert (annual.interval_months, annual.count) == (12, None)


def test_cptpp_review_within_three_years_then_every_five() -> None:
    review = cptpp_review("R-1")
    assert review.first == Timing.eif(Offset(3, Unit.YEARS))
    assert review.interval_months == 60
    assert review.term_end is None


@pytest.mark.parametrize("preset", EXCEPTION_PRESETS, ids=lambda p: p.key)
def test_every_exception_preset_builds_with_the_given_id_and_party(preset: ExceptionPreset) -> None:
    built = preset.build("X-1", "CHL")
    assert (built.id, built.party) == ("X-1", "CHL")
    assert built.legal_basis


@pytest.mark.parametrize("preset", REVIEW_PRESETS, ids=lambda p: p.key)
def test_every_review_preset_builds_with_the_given_id(preset: ReviewPreset) -> None:
    built = preset.build("R-9")
    assert built.id == "R-9"
    assert built.legal_ref


def test_preset_keys_are_unique() -> None:
    keys = [p.key for p in EXCEPTION_PRESETS] + [p.key for p in REVIEW_PRESETS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("developing", "months", "expected"),
    [
        (False, 48, ()),
        (False, 60, ("needs the extension",)),
        (False, 100, ("beyond the 48 months plus a 48-month extension",)),
        (True, 100, ("needs the extension",)),
        (True, 121, ("beyond the 48 months plus a 72-month extension",)),
    ],
)
def test_a_safeguard_preset_drives_the_warnings_of_an_invocation(
    developing: bool, months: int, expected: tuple[str, ...]
) -> None:
    safeguard = replace(wto_safeguard("SG", "VNM", developing=developing), scope_sectors=("energy",))
    invoked = Scenario("invoked", overrides=(ExceptionInvoked("SG", Timing.agreement_year(2), months),))
    agreement = Agreement("Preset", date(2025, 1, 1), exceptions=(safeguard,), scenarios=(invoked,))
    (window,) = resolve(agreement, "invoked").windows
    assert len(window.warnings) == len(expected)
    for warning_text, fragment in zip(window.warnings, expected, strict=True):
        assert fragment in warning_text
    assert window.notification_deadline == date(2026, 1, 31)
    assert window.review_dates[0] == date(2029, 1, 1)
