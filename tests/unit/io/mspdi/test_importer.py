"""MS Project XML import: round trips of our exports, plans drafted elsewhere, and located problems."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from carveplan.engine import resolve
from carveplan.io.errors import ReadError
from carveplan.io.formats import ExportOptions, read_agreement
from carveplan.io.mspdi.export import mspdi_bytes
from carveplan.io.mspdi.importer import loads_mspdi
from carveplan.io.native import load
from carveplan.model import Agreement, Gate, Offset, Phase, Timing, Unit, new_uid
from carveplan.resources import sample_path
from tests.helpers.plans import DELAY, MISSED, partnership
from tests.helpers.strategies import agreements

TODAY = date(2026, 11, 25)


def _round_trip(agreement: Agreement, scenario: str | None = None) -> Agreement:
    return loads_mspdi(mspdi_bytes(agreement, ExportOptions(scenario=scenario, today=TODAY)), "plan.xml")


@pytest.mark.parametrize("scenario", [None, DELAY, MISSED])
def test_round_trip_keeps_lines_phases_milestones_and_gates(scenario: str | None) -> None:
    original = partnership()
    back = _round_trip(original, scenario)
    assert {line.id: line for line in back.lines} == {line.id: line for line in original.lines}
    assert {m.id: m for m in back.milestones} == {m.id: m for m in original.milestones}
    assert set(back.parties) == set(original.parties)
    for name in ("title", "eif", "classification", "stage_day", "rounding", "eif_tentative", "sectors"):
        assert getattr(back, name) == getattr(original, name), name


def _meaning(agreement: Agreement) -> dict[str, Any]:
    """What the baseline schedule says, by id: what a round trip must keep."""
    schedule = resolve(agreement)
    lines = {}
    for resolved in schedule.lines:
        line = resolved.line
        phases = sorted(resolved.phases, key=lambda p: p.index)
        lines[line.id] = (
            (line.party, line.sector, line.code, line.description, line.code_system, line.measure),
            (line.unit, line.base, line.category, line.target, line.notes, line.legal_ref),
            tuple((p.start, p.nominal_start, p.value, p.label, p.gates) for p in phases),
            resolved.excluded,
        )
    milestones = {m.milestone.id: (m.milestone, m.due, m.date, m.blocked_by) for m in schedule.milestones}
    used = {line.party for line in agreement.lines} | {m.party for m in agreement.milestones}
    parties = {p for p in agreement.parties if p.code in used}
    return {"eif": schedule.eif, "lines": lines, "milestones": milestones, "parties": parties}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements())
def test_round_trip_of_any_agreement_keeps_its_schedule(agreement: Agreement) -> None:
    back = _round_trip(agreement)
    assert _meaning(back) == _meaning(agreement)
    assert back.title == agreement.title
    assert back.classification == agreement.classification


def _plan(tasks: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>Drafted elsewhere</Name>
  <StartDate>2027-01-01T08:00:00</StartDate>
  <Tasks>{tasks}</Tasks>
</Project>""".encode()


def _task(uid: int, name: str, level: int, start: str, raw: str = "", **extra: str) -> str:
    body = "".join(f"<{key}>{value}</{key}>" for key, value in extra.items()) + raw
    return (
        f"<Task><UID>{uid}</UID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>"
        f"<Start>{start}T08:00:00</Start><Finish>{start}T17:00:00</Finish>{body}</Task>"
    )


LINK_6_EDAYS = (
    "<PredecessorLink><PredecessorUID>9</PredecessorUID><Type>1</Type>"
    "<LinkLag>86400</LinkLag><LagFormat>8</LagFormat></PredecessorLink>"
)

FOREIGN = _plan(
    _task(1, "Energy", 1, "2027-01-01", Summary="1")
    + _task(2, "VNM — Viet Nam", 2, "2027-01-01", Summary="1")
    + _task(3, "270900 Crude petroleum oils", 3, "2027-01-01", Summary="1")
    + _task(4, "Stage 1 — 5%", 4, "2027-01-01")
    + _task(5, "Stage 2 — 2.5%", 4, "2028-01-01", raw=LINK_6_EDAYS)
    + _task(6, "271111 LNG 0%", 3, "2029-01-01")
    + _task(8, "VNM", 1, "2027-06-01", Summary="1")
    + _task(9, "REG-1 Regulator aligned", 2, "2027-06-01", Milestone="1")
)


def test_values_left_out_as_defaults_read_as_zero() -> None:
    # MS Project and MPXJ leave a custom number field out of a task when it is 0, its default.
    data = mspdi_bytes(load(sample_path()), ExportOptions(today=TODAY))
    zero = rb"<ExtendedAttribute>\s*<FieldID>188743767</FieldID>\s*<Value>0</Value>\s*</ExtendedAttribute>"
    trimmed, count = re.subn(zero, b"", data)
    assert count > 0
    assert loads_mspdi(trimmed, "resaved.xml") == loads_mspdi(data, "plan.xml")


def test_outline_number_stands_in_for_a_missing_outline_level() -> None:
    data = mspdi_bytes(partnership(), ExportOptions(today=TODAY))
    trimmed = re.sub(rb"<OutlineLevel>\d+</OutlineLevel>", b"", data)
    assert loads_mspdi(trimmed, "plan.xml") == loads_mspdi(data, "plan.xml")


def test_plan_drafted_elsewhere_is_read_by_its_shape() -> None:
    agreement = loads_mspdi(FOREIGN, "draft.xml")
    assert agreement.title == "Drafted elsewhere"
    assert agreement.eif == date(2027, 1, 1)
    crude, lng = agreement.lines
    assert (crude.party, crude.sector, crude.code, crude.description) == (
        "VNM",
        "energy",
        "270900",
        "Crude petroleum oils",
    )
    assert crude.phases == (
        Phase(Timing.on(date(2027, 1, 1)), Decimal(5), "Stage 1 — 5%"),
        Phase(
            Timing.on(date(2028, 1, 1)),
            Decimal("2.5"),
            "Stage 2 — 2.5%",
            gates=(Gate("REG-1", Offset(6, Unit.DAYS)),),
        ),
    )
    assert crude.base == Decimal(5)  # no base column: the first phase's value, so no phantom cut
    assert lng.phases == (Phase(Timing.on(date(2029, 1, 1)), Decimal(0)),)
    (milestone,) = agreement.milestones
    assert (milestone.id, milestone.party, milestone.title) == ("REG-1", "VNM", "Regulator aligned")
    assert milestone.due == Timing.on(date(2027, 6, 1))


def test_all_problems_are_collected_and_located() -> None:
    data = _plan(
        _task(1, "Energy", 1, "2027-01-01", Summary="1")
        + _task(2, "270900 Crude oil", 2, "2027-01-01", Summary="1")
        + _task(3, "First cut", 3, "2027-01-01")
        + "<Task><UID>4</UID><Name>No date</Name><OutlineLevel>3</OutlineLevel></Task>"
        + _task(5, "Waits", 3, "2028-01-01", PredecessorLink="<PredecessorUID>77</PredecessorUID>")
    )
    with pytest.raises(ReadError) as caught:
        loads_mspdi(data, "draft.xml")
    text = caught.value.summary()
    assert "draft.xml task UID 2 '270900 Crude oil' Party: no party" in text
    assert "task UID 3 'First cut' Value: no value" in text
    assert "task UID 4 'No date' Start: expected a date" in text
    assert "task UID 5 'Waits' PredecessorLink: refers to task UID 77" in text


def test_a_repeated_uid_is_refused_where_it_would_loop_the_outline() -> None:
    # UID 3 is a line under UID 2 and, again, the summary above UID 2: read as a tree, a cycle.
    data = _plan(
        _task(3, "Energy", 1, "2027-01-01", Summary="1")
        + _task(2, "VNM", 2, "2027-01-01", Summary="1")
        + _task(3, "270900 Crude oil", 3, "2027-01-01", Summary="1")
        + _task(4, "Stage 1 — 5%", 4, "2027-01-01")
    )
    with pytest.raises(ReadError) as caught:
        loads_mspdi(data, "draft.xml")
    assert "draft.xml task UID 3 UID: 2 tasks share this UID" in caught.value.summary()


def test_xml_bombs_are_refused() -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>"""
    with pytest.raises(ReadError, match="refused"):
        loads_mspdi(bomb, "bomb.xml")


def test_malformed_xml_names_line_and_column() -> None:
    with pytest.raises(ReadError, match="line 2, column"):
        loads_mspdi(b"<Project xmlns='http://schemas.microsoft.com/project'>\n<Tasks></Project>", "bad.xml")


def test_other_xml_is_not_taken_for_a_plan() -> None:
    with pytest.raises(ReadError, match="not an MS Project XML file"):
        loads_mspdi(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "picture.xml")


def test_xml_files_open_through_the_format_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    path.write_bytes(mspdi_bytes(partnership(), ExportOptions(today=TODAY)))
    assert {line.id for line in read_agreement(path).lines} == {"VNM-1", "VNM-2", "KOR-1", "KOR-2"}


def test_a_date_moved_in_ms_project_wins_over_the_written_timing() -> None:
    data = mspdi_bytes(partnership(), ExportOptions(today=TODAY)).decode()
    moved = data.replace("<Start>2028-06-15T08:00:00</Start>", "<Start>2028-09-01T08:00:00</Start>", 1)
    back = loads_mspdi(moved.encode(), "plan.xml")
    mobile = next(line for line in back.lines if line.id == "VNM-2")
    assert mobile.phases[1].start == Timing.on(date(2028, 9, 1))
    assert mobile.phases[2].start == Timing.agreement_year(4)


def test_round_trip_of_the_sample_adds_no_warnings() -> None:
    # The sample's own categories make the export write every stage, each linked to the line's
    # gates; reading them back must not leave the same gates on the line as well, where they are
    # ignored and warned about.
    from carveplan.engine.validate import validate

    original = load(sample_path())
    back = _round_trip(original)
    assert [p for p in validate(back) if p.code == "line-gates-ignored"] == []
    gated = {line.id for line in original.lines if line.gates}
    assert gated
    for line in back.lines:
        if line.id in gated and line.phases:
            original_gates = next(o.gates for o in original.lines if o.id == line.id)
            assert all(set(original_gates) <= set(phase.gates) for phase in line.phases)


def test_the_agreement_identity_is_the_project_guid() -> None:
    agreement = replace(partnership(), uid=new_uid())
    data = mspdi_bytes(agreement, ExportOptions(today=TODAY))
    assert f"<GUID>{agreement.uid.upper()}</GUID>".encode() in data
    assert loads_mspdi(data, "plan.xml").uid == agreement.uid


def test_round_trip_keeps_the_agreements_staging_rules() -> None:
    from dataclasses import replace as changed

    from carveplan.engine import builtin_rules
    from carveplan.model import FirstCut, Line, with_rules

    rules = builtin_rules("EU-Viet Nam")
    assert rules is not None
    original = with_rules(partnership(), changed(rules, first_cut=FirstCut.STAGE_DAY))
    lines = (
        Line("L-B3", "VNM", "energy", "270900", "Crude", base=Decimal(10), category="B3"),
        # Not a category of these rules: no phases, here and after the round trip.
        Line("L-B4", "VNM", "energy", "271111", "LNG", base=Decimal(10), category="B4"),
    )
    original = changed(original, lines=(*original.lines, *lines))
    back = _round_trip(original)
    assert _meaning(back) == _meaning(original)
    for name in ("rule_set", "rule_set_note", "categories", "first_cut", "rounding", "stage_day"):
        assert getattr(back, name) == getattr(original, name), name


def test_unreadable_staging_rules_in_the_notes_are_located() -> None:
    from carveplan.engine import builtin_rules
    from carveplan.model import with_rules

    rules = builtin_rules("KORUS")
    assert rules is not None
    data = mspdi_bytes(with_rules(partnership(), rules), ExportOptions(today=TODAY))
    broken = data.replace(b'"kind": "linear"', b'"kind": "sideways"', 1)
    with pytest.raises(ReadError) as caught:
        loads_mspdi(broken, "plan.xml")
    assert "'Entry into force' Notes: the agreement's staging rules cannot be read" in str(caught.value)


def test_stages_a_gate_puts_past_2200_come_back_from_their_category() -> None:
    from dataclasses import replace as changed

    from carveplan.model import Line

    original = partnership()
    milestone = original.milestones[0].id
    late = Gate(milestone, Offset(225, Unit.YEARS))
    line = Line("L-late", "VNM", "energy", "270900", "Crude", base=Decimal(5), category="B5", gates=(late,))
    original = changed(original, lines=(*original.lines, line))
    back = _round_trip(original)
    assert _meaning(back) == _meaning(original)
