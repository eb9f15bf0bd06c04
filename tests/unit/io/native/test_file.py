"""The native file: layout, round trips, upgrades, and problems that name the bad field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.io.errors import ReadError
from carveplan.io.native import dumps, load, loads, migrate, save
from carveplan.model import (
    Agreement,
    CoverageTest,
    Gate,
    Line,
    MeasureKind,
    Milestone,
    MilestoneMissed,
    MonthDay,
    Offset,
    Party,
    Phase,
    Problem,
    Scenario,
    Timing,
    TradeFlow,
    TradeSplit,
    TradeTable,
)
from carveplan.model.rates import RATE
from tests.data.make_hostile_files import agreement as hostile_agreement
from tests.helpers.strategies import agreements

SMALL = Agreement(
    title="Indo-Pacific Supply Chains",
    eif=date(2027, 1, 1),
    stage_day=MonthDay(4, 1),
    parties=(Party("VNM", "Việt Nam"),),
    lines=(
        Line(
            "VNM-1",
            "VNM",
            "telecommunications",
            "0101",
            description="=formula-looking text",
            measure=MeasureKind.EQUITY_CAP,
            base=Decimal("25"),
            phases=(
                Phase(Timing.eif(), Decimal("25")),
                Phase(Timing.eif(Offset(12)), Decimal("35"), gates=(Gate("REG-1", Offset(6)),)),
            ),
        ),
    ),
    milestones=(Milestone("REG-1", "VNM", "Align licensing", Timing.agreement_year(2)),),
    scenarios=(Scenario("sanctions persist", overrides=(MilestoneMissed("REG-1"),)),),
)


def _document(**agreement: object) -> str:
    base: dict[str, object] = {"title": "T", "eif": "2027-01-01"}
    base.update(agreement)
    return json.dumps({"format": "carveplan", "version": 1, "agreement": base})


def _problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(ReadError) as info:
        loads(text, "plan.carveplan")
    assert all(p.location.file == "plan.carveplan" for p in info.value.problems)
    return [(p.location.field, p.message) for p in info.value.problems]


# --- layout ---------------------------------------------------------------


def test_file_layout_is_tagged_indented_and_ends_with_a_newline() -> None:
    text = dumps(SMALL)
    document = json.loads(text)
    assert list(document) == ["format", "version", "agreement"]
    assert document["format"] == "carveplan"
    assert document["version"] == migrate.CURRENT_VERSION
    assert text.endswith("}\n")
    assert '\n  "agreement": {\n    "title"' in text


def test_values_are_written_as_people_read_them() -> None:
    agreement = json.loads(dumps(SMALL))["agreement"]
    line = agreement["lines"][0]
    assert agreement["eif"] == "2027-01-01"
    assert agreement["stage_day"] == "04-01"
    assert line["code"] == "0101"
    assert line["base"] == "25"
    assert line["measure"] == "equity_cap"
    assert line["phases"][1] == {
        "start": "EIF+12m",
        "value": "35",
        "gates": [{"milestone": "REG-1", "lag": "+6m"}],
    }
    assert agreement["milestones"][0]["due"] == "Y2"
    assert agreement["scenarios"][0]["overrides"] == [{"kind": "milestone_missed", "milestone": "REG-1"}]
    assert "Việt Nam" in dumps(SMALL)  # UTF-8, not \\u escapes


def test_keys_follow_the_record_fields_in_order() -> None:
    line = json.loads(dumps(SMALL))["agreement"]["lines"][0]
    expected = ["id", "party", "sector", "code", "description", "code_system", "measure", "unit", "base"]
    assert list(line) == [*expected, "phases"]


def test_empty_optional_fields_are_left_out_and_read_back_as_defaults() -> None:
    milestone = json.loads(dumps(SMALL))["agreement"]["milestones"][0]
    assert "actual" not in milestone
    assert "depends_on" not in milestone
    assert loads(dumps(SMALL)) == SMALL


@settings(max_examples=60, deadline=None)
@given(agreements())
def test_any_agreement_survives_a_round_trip(agreement: Agreement) -> None:
    assert loads(dumps(agreement)) == agreement


@settings(max_examples=20, deadline=None)
@given(agreements())
def test_dumps_is_deterministic(agreement: Agreement) -> None:
    assert dumps(agreement) == dumps(loads(dumps(agreement)))


# --- lenient reading --------------------------------------------------------


def test_numbers_are_accepted_where_decimals_are_written_as_text() -> None:
    text = _document(
        parties=[{"code": "AUS", "name": "Australia"}],
        lines=[{"id": "L1", "party": "AUS", "sector": "energy", "code": "270900", "base": 6.8, "target": 2}],
    )
    line = loads(text).lines[0]
    assert line.base == Decimal("6.8")
    assert str(line.base) == "6.8"  # read as decimal text, never through a binary float
    assert line.target == Decimal(2)


def test_lags_without_a_sign_and_a_byte_order_mark_are_accepted(tmp_path: Path) -> None:
    gates = [{"milestone": "M1", "lag": "6m"}]
    text = _document(lines=[{"id": "L1", "party": "A", "sector": "energy", "code": "1", "gates": gates}])
    path = tmp_path / "bom.carveplan"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load(path).lines[0].gates == (Gate("M1", Offset(6)),)


# --- problems ---------------------------------------------------------------


def test_broken_json_names_line_and_column() -> None:
    with pytest.raises(ReadError) as info:
        loads('{\n  "format": "carveplan",\n  "version" 1\n}', "plan.carveplan")
    (problem,) = info.value.problems
    assert (problem.location.row, problem.location.column) == (3, "13")
    assert "not valid JSON" in problem.message


@pytest.mark.parametrize("text", ["[]", '{"format": "gantt"}', '"carveplan"'])
def test_other_json_is_not_a_carveplan_file(text: str) -> None:
    (problem,) = _problems(text)
    assert "not a CarvePlan file" in problem[1]


def test_a_newer_version_asks_for_an_update() -> None:
    newer = migrate.CURRENT_VERSION + 1
    text = json.dumps({"format": "carveplan", "version": newer, "agreement": {}})
    message = (
        f"made by a newer CarvePlan (version {newer}); this one reads up to version "
        f"{migrate.CURRENT_VERSION} — update CarvePlan"
    )
    assert _problems(text) == [("version", message)]


@pytest.mark.parametrize("version", [0, "1", None, True])
def test_a_bad_version_is_refused(version: object) -> None:
    text = json.dumps({"format": "carveplan", "version": version, "agreement": {}})
    ((field, message),) = _problems(text)
    assert field == "version"
    assert "expected a version number" in message


def test_every_problem_is_reported_with_its_path() -> None:
    phases = [
        {"start": "EIF+6w", "value": "abc"},
        {"start": "Y2", "value": "NaN", "gates": "REG-1"},
        {"start": "Y3", "value": "1e999999999"},
    ]
    text = _document(
        eif="2027-02-30",
        eif_tentative="yes",
        stage_day="02-29",
        parties=[{"code": "VNM", "name": 5, "status": "rich"}],
        lines=[{"id": "L1", "party": "VNM", "sector": "energy", "code": 270900, "phases": phases}],
        milestones=[{"id": "M1", "party": "VNM", "title": "x", "due": "Y1", "colour": "red"}],
        scenarios=[{"name": "s", "overrides": [{"kind": "war"}, {"kind": "milestone_delay"}]}],
    )
    found = dict(_problems(text))
    assert found["eif"].startswith("expected a real calendar date YYYY-MM-DD (month 01 to 12")
    assert found["eif"].endswith("such as 2027-07-01, found '2027-02-30'")
    assert found["eif_tentative"] == "expected true or false, found 'yes'"
    assert "not 29 February" in found["stage_day"]
    assert found["parties[0].name"] == "expected text in quotes, found the number 5"
    assert found["parties[0].status"] == "unknown value 'rich'; expected one of: developed, developing, ldc"
    assert found["lines[0].code"] == "expected text in quotes, found the number 270900"
    assert "expected a unit" in found["lines[0].phases[0].start"]
    assert "'EIF+6w'" in found["lines[0].phases[0].start"]
    assert found["lines[0].phases[0].value"] == "expected " + RATE + ", found 'abc'"
    assert "a rate such as" in found["lines[0].phases[1].value"]
    assert "a number" in found["lines[0].phases[2].value"]
    assert found["lines[0].phases[1].gates"] == "expected a list, found 'REG-1'"
    assert found["milestones[0].colour"].startswith("unknown field 'colour'; expected one of: id, party")
    assert "expected one of: milestone_delay" in found["scenarios[0].overrides[0].kind"]
    assert found["scenarios[0].overrides[1].milestone"] == "missing; this field is required"
    assert found["scenarios[0].overrides[1].months"] == "missing; this field is required"
    assert len(found) == 15


def test_an_unknown_staging_kind_is_a_located_problem() -> None:
    categories = [{"code": "Q", "kind": "quadratic", "stages": 5}]
    ((field, message),) = _problems(_document(categories=categories))
    assert field == "categories[0].kind"
    assert message.startswith("unknown value 'quadratic'; expected one of: immediate, linear, back_loaded")


def test_a_missing_agreement_is_a_problem_not_a_crash() -> None:
    ((field, message),) = _problems(json.dumps({"format": "carveplan", "version": 1}))
    assert field == "agreement"
    assert message == "expected an object, found null"


def test_load_reports_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot open the file"):
        load(tmp_path / "missing.carveplan")
    latin = tmp_path / "latin.carveplan"
    latin.write_bytes(b'{"title": "C\xf4te"}')
    with pytest.raises(ReadError, match=r"not UTF-8 text \(byte 13"):
        load(latin)


# --- upgrades ---------------------------------------------------------------


def test_an_older_file_is_upgraded_through_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    def rename_name_to_title(document: migrate.Document) -> migrate.Document:
        agreement = document["agreement"]
        agreement["title"] = agreement.pop("name")
        return document

    monkeypatch.setattr(migrate, "CURRENT_VERSION", 3)
    monkeypatch.setitem(migrate.MIGRATIONS, 2, rename_name_to_title)
    old = {"name": "Old", "eif": "2027-01-01"}
    text = json.dumps({"format": "carveplan", "version": 2, "agreement": old})
    assert loads(text) == Agreement("Old", date(2027, 1, 1))
    assert json.loads(dumps(Agreement("New", date(2027, 1, 1))))["version"] == 3


def test_a_gap_in_the_upgrade_table_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrate, "CURRENT_VERSION", migrate.CURRENT_VERSION + 1)
    monkeypatch.delitem(migrate.MIGRATIONS, 1)
    ((_, message),) = _problems(_document())
    assert message == "this CarvePlan cannot upgrade files of version 1"


# --- saving -----------------------------------------------------------------


def test_save_then_load_gives_the_same_agreement(tmp_path: Path) -> None:
    path = tmp_path / "plan.carveplan"
    save(SMALL, path)
    assert load(path) == SMALL
    assert path.read_text(encoding="utf-8") == dumps(SMALL)


# --- robustness -------------------------------------------------------------

_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=6)
_JSON = st.recursive(
    _SCALARS | st.sampled_from(["EIF+6m", "2027-01-01", "6.8", "tariff"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
_FIELDS = st.sampled_from(["title", "eif", "parties", "lines", "milestones", "scenarios", "stage_day"])


def _problems_or_none(text: str) -> tuple[Problem, ...]:
    try:
        loads(text)
    except ReadError as err:
        return err.problems
    return ()


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_FIELDS, _JSON, max_size=5))
def test_any_json_gives_an_agreement_or_read_problems(agreement: dict[str, object]) -> None:
    problems = _problems_or_none(json.dumps({"format": "carveplan", "version": 1, "agreement": agreement}))
    assert all(p.location.field and p.message for p in problems)
    if "title" not in agreement:
        assert any(p.location.field == "title" for p in problems)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gives_read_problems(text: str) -> None:
    with pytest.raises(ReadError):
        loads(text)


def test_an_entry_into_force_outside_the_planning_calendar_is_refused() -> None:
    problems = _problems(_document(eif="9999-12-31"))
    assert problems == [("eif", "expected a date from 1900 to 2200, found '9999-12-31'")]


def test_a_save_that_verifies_writes_nothing_that_would_not_open(tmp_path: Path) -> None:
    start = hostile_agreement()
    huge = replace(start, lines=(replace(start.lines[0], base=Decimal("1E+400")),))
    path = tmp_path / "out.carveplan"
    with pytest.raises(ReadError, match=r"out.carveplan lines\[0\].base: expected a number"):
        save(huge, path, verify=True)
    assert not path.exists()
    save(start, path, verify=True)
    assert load(path) == start


def test_a_file_nested_thousands_deep_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.carveplan"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ReadError, match="nested more than"):
        load(path)


# --- trade data (version 2) ---------------------------------------------------


def test_a_trade_table_and_coverage_test_round_trip() -> None:
    flows = (
        TradeFlow("VNM", "JPN", "270900", Decimal("1250000.5")),
        TradeFlow("VNM", "AUS", "271111", Decimal("9"), Decimal("1200"), "kg"),
    )
    table = TradeTable("UN Comtrade, imports 2023", 2023, TradeSplit.LINE, flows=flows)
    agreement = replace(SMALL, trade=table, coverage_test=CoverageTest(Decimal(85), Decimal("87.5"), 12))
    assert loads(dumps(agreement)) == agreement


def test_a_version_1_file_opens_without_trade_data() -> None:
    agreement = loads(_document())
    assert agreement.trade is None
    assert agreement.coverage_test is None


def test_a_bad_trade_value_is_located() -> None:
    trade = {"source": "x", "flows": [{"importer": "VNM", "partner": "JPN", "code": "2709", "value": "lots"}]}
    assert _problems(_document(trade=trade)) == [
        ("trade.flows[0].value", "expected a number such as 6.8, found 'lots'")
    ]
