"""Staging rules are stored in the .carveplan file, and files without them still open."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from carveplan.engine import RULE_SETS
from carveplan.io.native import dumps, loads
from carveplan.model import Agreement, FirstCut, rules_of, with_rules


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_every_built_in_rule_set_round_trips(name: str) -> None:
    agreement = with_rules(Agreement("t", date(2020, 8, 1)), RULE_SETS[name])
    again = loads(dumps(agreement))
    # An agreement holds the rules as one schedule is read with them: one stage day, no party list.
    assert rules_of(again) == replace(RULE_SETS[name], party_stage_days=())
    assert again == agreement


def test_a_file_written_before_rule_sets_opens_with_the_generic_rules() -> None:
    text = dumps(Agreement("old", date(2012, 3, 15)))
    document = json.loads(text)
    for key in ("rule_set", "rule_set_note", "first_cut"):
        document["agreement"].pop(key, None)
    old = loads(json.dumps(document))
    assert old.rule_set == ""
    assert rules_of(old).first_cut is FirstCut.EIF


def test_the_rule_set_is_written_by_name_with_its_tables() -> None:
    document = json.loads(dumps(with_rules(Agreement("t", date(2020, 8, 1)), RULE_SETS["EU-Viet Nam"])))
    agreement = document["agreement"]
    assert agreement["rule_set"] == "EU-Viet Nam"
    star = next(c for c in agreement["categories"] if c["code"] == "B10**")
    assert star["table"][0]["codes"][0] == "2710.12.11"
    assert star["table"][0]["values"][4] == "8"
