"""The exceptions register: scope, rules in words, invocations per scenario with warnings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from carveplan.engine.presets import self_judging, wto_safeguard
from carveplan.engine.register import exception_register, rules_text
from carveplan.engine.resolve import resolve
from carveplan.model import ExceptionInvoked, Scenario, Timing
from tests.helpers.analysis import analysis_agreement


def test_each_exception_has_its_scope_rules_and_invocations() -> None:
    (row,) = exception_register(analysis_agreement())
    assert row.exception.id == "EX1"
    assert row.scope == ("L5",)
    assert row.rules == (
        "notify within 30 days; notify termination 60 days before the end; at most 6 months; "
        "review every 4 months; sunset Y10"
    )
    (invocation,) = row.invocations
    assert invocation.scenario == "sanctions"
    window = invocation.window
    assert (window.start, window.end) == (date(2025, 6, 1), date(2026, 6, 1))
    assert window.notification_deadline == date(2025, 7, 1)
    assert row.warnings == ("sanctions: lasts 12 months, beyond the 6 months EX1 allows",)


def test_invocations_in_several_scenarios_keep_scenario_order() -> None:
    agreement = analysis_agreement()
    twice = Scenario(
        "twice",
        overrides=(
            ExceptionInvoked("EX1", Timing.on(date(2027, 1, 1)), 3),
            ExceptionInvoked("EX1", Timing.on(date(2030, 1, 1)), 6),
        ),
    )
    agreement = replace(agreement, scenarios=(*agreement.scenarios, twice))
    (row,) = exception_register(agreement)
    assert [(i.scenario, i.window.start.year) for i in row.invocations] == [
        ("sanctions", 2025),
        ("twice", 2027),
        ("twice", 2030),
    ]
    assert len(row.warnings) == 1  # only the 12-month invocation is too long


def test_an_exception_never_invoked_has_no_invocations() -> None:
    agreement = analysis_agreement()
    extra = replace(wto_safeguard("SG", "BBB"), scope_sectors=("telecommunications",))
    agreement = replace(agreement, exceptions=(*agreement.exceptions, extra))
    rows = exception_register(agreement)
    assert [r.exception.id for r in rows] == ["EX1", "SG"]
    assert rows[1].scope == ("L3",)
    assert (rows[1].invocations, rows[1].warnings) == ((), ())


def test_given_schedules_are_searched_instead_of_every_scenario() -> None:
    agreement = analysis_agreement()
    (row,) = exception_register(agreement, [resolve(agreement, "late")])
    assert row.invocations == ()


def test_rules_of_a_safeguard_and_of_a_self_judging_exception() -> None:
    assert rules_text(wto_safeguard("SG", "VNM")) == (
        "notify within 30 days; at most 48 months (+48 extension); review every 36 months"
    )
    assert rules_text(self_judging("SJ", "VNM")) == "no time limits (self-judging)"
    with_threshold = replace(self_judging("SJ", "VNM"), threshold=Decimal("25"))
    assert rules_text(with_threshold) == "threshold 25"
