"""Rounds in the native file: saved and read back whole, and files from before rounds still open."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carveplan.engine.rounds import take_round, with_round
from carveplan.io.errors import ReadError
from carveplan.io.native import dumps, load, loads, migrate, save
from carveplan.model import Agreement, Stance
from tests.helpers.strategies import agreements
from tests.unit.io.native.test_file import SMALL


def test_rounds_survive_save_and_load(tmp_path: Path) -> None:
    offer = take_round(SMALL, "Round 3 — VNM offer", date(2026, 5, 4), "VNM", Stance.OFFER, "tabled in Hanoi")
    later = replace(SMALL, eif=date(2028, 1, 1))
    request = take_round(later, "Round 3 — AUS request", date(2026, 5, 6), stance=Stance.REQUEST)
    agreement = with_round(with_round(SMALL, offer), request)
    path = tmp_path / "plan.carveplan"
    save(agreement, path)
    assert load(path) == agreement
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == migrate.CURRENT_VERSION == 3
    first = saved["agreement"]["rounds"][0]
    assert (first["name"], first["taken"], first["party"], first["stance"]) == (
        "Round 3 — VNM offer",
        "2026-05-04",
        "VNM",
        "offer",
    )
    assert saved["agreement"]["rounds"][1]["eif"] == "2028-01-01"


def test_a_version_1_file_opens_with_no_rounds() -> None:
    text = json.dumps({"format": "carveplan", "version": 1, "agreement": {"title": "T", "eif": "2027-01-01"}})
    assert loads(text) == Agreement("T", date(2027, 1, 1))


def test_a_bad_round_names_its_field() -> None:
    document = json.loads(dumps(with_round(SMALL, take_round(SMALL, "R1", date(2026, 1, 1)))))
    document["agreement"]["rounds"][0]["stance"] = "counter-offer"
    with pytest.raises(ReadError) as caught:
        loads(json.dumps(document), "plan.carveplan")
    text = str(caught.value.problems[0])
    assert "rounds[0].stance" in text
    assert "offer, request, snapshot" in text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements(), st.dates(date(2000, 1, 1), date(2060, 12, 31)), st.sampled_from(list(Stance)))
def test_any_agreement_with_a_round_of_itself_round_trips(
    agreement: Agreement, taken: date, stance: Stance
) -> None:
    party = agreement.parties[0].code if agreement.parties else ""
    kept = with_round(agreement, take_round(agreement, "Round 1", taken, party, stance))
    assert loads(dumps(kept)) == kept
