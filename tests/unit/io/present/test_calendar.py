"""The iCalendar export: parses back, all-day events, DTSTAMP from today, UIDs that survive a re-export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from icalendar import Calendar

from carveplan.engine.deadlines import deadlines
from carveplan.engine.resolve import resolve
from carveplan.io.errors import WriteError
from carveplan.io.formats import ExportOptions, exporter_for
from carveplan.io.native import load, save
from carveplan.io.present.calendar import export_ics, ics_bytes
from carveplan.model import Agreement, Offset, Timing, new_uid
from tests.helpers.analysis import analysis_agreement
from tests.helpers.strategies import agreements

TODAY = date(2025, 2, 3)


def events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def by_uid(data: bytes) -> dict[str, Any]:
    return {str(e["UID"]): e for e in events(data)}


def test_every_deadline_becomes_an_all_day_event(tmp_path: Path) -> None:
    agreement = analysis_agreement()
    path = tmp_path / "deadlines.ics"
    export_ics(agreement, path, ExportOptions(scenario="sanctions", today=TODAY))
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Analysis test agreement (sanctions)"
    found = events(path.read_bytes())
    expected = deadlines(resolve(agreement, "sanctions"))
    assert [str(e["SUMMARY"]) for e in found] == [d.summary for d in expected]
    for event, deadline in zip(found, expected, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date
        assert start == deadline.day
        assert end == deadline.day + timedelta(days=1)
        assert event.decoded("DTSTAMP") == datetime(2025, 2, 3, tzinfo=event.decoded("DTSTAMP").tzinfo)
        assert "scenario: sanctions" in str(event["DESCRIPTION"])


def test_notification_deadline_is_in_the_calendar(tmp_path: Path) -> None:
    data = ics_bytes(analysis_agreement(), ExportOptions(scenario="sanctions", today=TODAY))
    notices = [e for e in events(data) if str(e["SUMMARY"]).startswith("Notify invocation")]
    assert [e.decoded("DTSTART") for e in notices] == [date(2025, 7, 1)]
    assert "exception-notification" in data.decode()


def test_uids_are_unique_and_survive_a_delay_and_another_day(tmp_path: Path) -> None:
    agreement = analysis_agreement()
    first = by_uid(ics_bytes(agreement, ExportOptions(scenario="sanctions", today=TODAY)))
    later_eif = replace(agreement, eif=date(2026, 5, 1))
    later = replace(
        later_eif, milestones=tuple(replace(m, due=Timing.eif(Offset(18))) for m in agreement.milestones)
    )
    second = by_uid(ics_bytes(later, ExportOptions(scenario="sanctions", today=TODAY + timedelta(days=40))))
    assert len(first) == len(events(ics_bytes(agreement, ExportOptions(scenario="sanctions", today=TODAY))))
    assert first.keys() == second.keys()
    moved = [uid for uid in first if first[uid].decoded("DTSTART") != second[uid].decoded("DTSTART")]
    assert moved  # the same events, at new dates


def test_a_scenario_calendar_updates_the_baseline_events_instead_of_adding_its_own() -> None:
    agreement = analysis_agreement()
    baseline = by_uid(ics_bytes(agreement, ExportOptions(today=TODAY)))
    late = by_uid(ics_bytes(agreement, ExportOptions(scenario="late", today=TODAY)))
    assert baseline.keys() <= late.keys()
    moved = [uid for uid in baseline if baseline[uid].decoded("DTSTART") != late[uid].decoded("DTSTART")]
    assert moved  # the same events, where the scenario puts them


def test_uids_survive_renaming_the_agreement_once_it_has_an_identity(tmp_path: Path) -> None:
    path = tmp_path / "plan.carveplan"
    save(analysis_agreement(), path)  # the first save fixes the identity
    saved = load(path)
    assert saved.uid
    renamed = replace(saved, title="Indo-Pacific Agreement (final text)")
    save(renamed, path)
    before = by_uid(ics_bytes(saved, ExportOptions(today=TODAY)))
    after = by_uid(ics_bytes(load(path), ExportOptions(today=TODAY)))
    assert before.keys() == after.keys()
    assert "Indo-Pacific Agreement (final text)" in str(next(iter(after.values()))["DESCRIPTION"])


def test_uids_differ_between_agreements() -> None:
    agreement = analysis_agreement()
    baseline = by_uid(ics_bytes(agreement, ExportOptions(today=TODAY)))
    other = by_uid(ics_bytes(replace(agreement, title="Another agreement"), ExportOptions(today=TODAY)))
    fresh = by_uid(ics_bytes(replace(agreement, uid=new_uid()), ExportOptions(today=TODAY)))
    assert not baseline.keys() & other.keys()
    assert not baseline.keys() & fresh.keys()


def test_the_exporter_is_registered_for_ics(tmp_path: Path) -> None:
    path = tmp_path / "out.ICS"
    exporter_for(path)(analysis_agreement(), path, ExportOptions(today=TODAY))
    assert events(path.read_bytes())


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "out.ics"
    with pytest.raises(WriteError):
        export_ics(analysis_agreement(), path, ExportOptions(today=TODAY))
    assert not path.parent.exists()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements(max_lines=3))
def test_any_agreement_round_trips_through_the_parser(agreement: Agreement) -> None:
    data = ics_bytes(agreement, ExportOptions(today=TODAY))
    parsed = events(data)
    expected = deadlines(resolve(agreement))
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in parsed] == [
        (d.summary, d.day) for d in expected
    ]
    assert len({str(e["UID"]) for e in parsed}) == len(parsed)
