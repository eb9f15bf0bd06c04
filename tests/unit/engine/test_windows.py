"""Invoked exceptions: windows, deadlines, reviews, scope, moved phases and rule warnings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carveplan.engine import resolve
from carveplan.model import ExceptionInvoked, Phase, Scenario, SecurityException, Timing
from tests.unit.engine.conftest import agreement, line, timing

ENERGY = SecurityException(
    "SEC-E",
    party="AAA",
    scope_sectors=("energy",),
    scope_lines=("T1",),
    notification_days=30,
    termination_notice_days=60,
    max_duration_months=24,
    extension_months=12,
    review_interval_months=6,
    sunset=Timing.agreement_year(10),
)
LINES = (
    line("E1", base="10", category="B5"),
    line(
        "E2",
        base="5",
        sector="energy",
        phases=(Phase(timing("Y2"), Decimal(2)), Phase(timing("prev+6m"), Decimal(0))),
    ),
    line("T1", base="8", sector="telecommunications", category="A"),
    line("T2", base="8", sector="telecommunications", category="B5"),
    line("B1", base="8", party="BBB", category="B5"),
)


def invoked(start: str, months: int) -> Scenario:
    return Scenario("invoked", overrides=(ExceptionInvoked("SEC-E", timing(start), months),))


def test_the_window_and_its_deadlines() -> None:
    schedule = resolve(
        agreement(lines=LINES, exceptions=(ENERGY,), scenarios=(invoked("2012-06-01", 18),)), "invoked"
    )
    (window,) = schedule.windows
    assert (window.start, window.end) == (date(2012, 6, 1), date(2013, 12, 1))
    assert window.notification_deadline == date(2012, 7, 1)
    assert window.termination_notice == date(2013, 10, 2)
    assert window.review_dates == (date(2012, 12, 1), date(2013, 6, 1))
    assert window.lines == ("E1", "E2", "T1")
    assert window.warnings == ()


def test_phases_inside_the_window_move_to_its_end_and_chains_follow() -> None:
    schedule = resolve(
        agreement(lines=LINES, exceptions=(ENERGY,), scenarios=(invoked("2012-06-01", 18),)), "invoked"
    )
    e1 = schedule.line("E1")
    assert e1.phases[0].start == date(2012, 3, 15)
    assert e1.phases[1].start == date(2013, 12, 1)
    assert e1.phases[1].delayed_by == ("SEC-E",)
    assert e1.phases[2].start == date(2014, 1, 1)
    assert e1.suspended == (("SEC-E", date(2012, 6, 1), date(2013, 12, 1)),)
    e2 = schedule.line("E2")
    assert [p.start for p in e2.phases] == [date(2013, 12, 1), date(2014, 6, 1)]
    assert e2.phases[1].delayed_by == ("SEC-E",)
    assert schedule.line("T2").suspended == ()
    assert schedule.line("B1").phases[1].start == date(2013, 1, 1)


def test_rule_warnings_become_problems() -> None:
    too_long = resolve(
        agreement(lines=LINES, exceptions=(ENERGY,), scenarios=(invoked("Y2", 40),)), "invoked"
    )
    assert "beyond the 24 months plus a 12-month extension" in too_long.windows[0].warnings[0]
    assert [p.code for p in too_long.problems] == ["exception-too-long"]
    extended = resolve(
        agreement(lines=LINES, exceptions=(ENERGY,), scenarios=(invoked("Y2", 30),)), "invoked"
    )
    assert "needs the extension" in extended.windows[0].warnings[0]
    late = resolve(agreement(lines=LINES, exceptions=(ENERGY,), scenarios=(invoked("Y11", 12),)), "invoked")
    assert "after the sunset on 2021-01-01" in late.windows[0].warnings[0]
    assert [p.code for p in late.problems] == ["exception-after-sunset"]


def test_unknown_exceptions_and_scope_lines_are_problems() -> None:
    ghost = Scenario("ghost", overrides=(ExceptionInvoked("NOPE", timing("Y2"), 12),))
    odd = SecurityException("SEC-X", party="AAA", scope_lines=("MISSING",))
    schedule = resolve(agreement(lines=LINES, exceptions=(odd,), scenarios=(ghost,)), "ghost")
    assert schedule.windows == ()
    assert sorted(p.code for p in schedule.problems) == ["unknown-exception", "unknown-line"]
