"""Validation: each rule, located on the record and field at fault, with a stable code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from carveplan.engine import validate
from carveplan.model import (
    Agreement,
    CodeSystem,
    DevelopmentStatus,
    ExceptionInvoked,
    Gate,
    MeasureKind,
    MilestoneDelay,
    MilestoneKind,
    MilestoneStatus,
    MonthDay,
    Party,
    Phase,
    ReviewClause,
    RoundingDirection,
    RoundingRule,
    Scenario,
    SecurityException,
    Severity,
    StagingCategory,
    StagingKind,
    Step,
)
from tests.unit.engine.conftest import agreement, line, milestone, timing


def found(deal: Agreement) -> set[tuple[str, str]]:
    """``(code, location)`` of every problem."""
    return {(p.code, str(p.location)) for p in validate(deal)}


def severity(deal: Agreement, code: str, where: str = "") -> Severity:
    """The severity of the one problem with ``code`` (at ``where`` when given)."""
    (problem,) = [p for p in validate(deal) if p.code == code and where in ("", str(p.location))]
    return problem.severity


def phases(*pairs: tuple[str, str]) -> tuple[Phase, ...]:
    return tuple(Phase(timing(t), Decimal(v)) for t, v in pairs)


def test_a_clean_agreement_has_no_problems(korus: Agreement) -> None:
    assert validate(korus) == ()
    # A scenario named baseline that only describes the plan is fine.
    assert validate(replace(korus, scenarios=(Scenario("baseline", "as negotiated"),))) == ()


def test_duplicate_ids_of_every_kind() -> None:
    deal = agreement(
        parties=(Party("AAA", "A"), Party("AAA", "A again")),
        lines=(line("L1", base="1", category="A"), line("L1", base="1", category="A", code="270111")),
        milestones=(milestone("M1"), milestone("M1")),
        exceptions=(SecurityException("E1", "AAA", scope_lines=("L1",)),) * 2,
        reviews=(ReviewClause("R1", "Review", timing("Y3")),) * 2,
        scenarios=(Scenario("s"), Scenario("s")),
    )
    duplicates = {loc for code, loc in found(deal) if code == "duplicate-id"}
    assert duplicates == {
        "party AAA code",
        "line L1 id",
        "milestone M1 id",
        "exception E1 id",
        "review R1 id",
        "scenario s name",
    }


def test_duplicate_code_for_one_party_is_a_warning() -> None:
    deal = agreement(
        lines=(line("L1", base="1", category="A"), line("L2", base="1", category="A", code=" 270900"))
    )
    assert ("duplicate-code", "line L2 code") in found(deal)
    assert severity(deal, "duplicate-code") is Severity.WARNING
    other_party = agreement(
        lines=(line("L1", base="1", category="A"), line("L2", party="BBB", base="1", category="A"))
    )
    assert not any(code == "duplicate-code" for code, _ in found(other_party))


def test_unknown_references() -> None:
    deal = agreement(
        lines=(
            line("L1", party="ZZZ", sector="space", base="5", category="Q-9"),
            line("L2", base="5", phases=(Phase(timing("M:GHOST"), Decimal(0), gates=(Gate("NOPE"),)),)),
        ),
        milestones=(milestone("M1", party="ZZZ", depends_on=("GONE",)),),
        exceptions=(SecurityException("E1", "AAA", scope_sectors=("space",), scope_lines=("L9",)),),
        reviews=(ReviewClause("R1", "Review", timing("M:NONE")),),
        scenarios=(Scenario("s", overrides=(ExceptionInvoked("E9", timing("Y2"), 12),)),),
    )
    problems = found(deal)
    for expected in [
        ("unknown-party", "line L1 party"),
        ("unknown-party", "milestone M1 party"),
        ("unknown-sector", "line L1 sector"),
        ("unknown-sector", "exception E1 scope_sectors"),
        ("unknown-category", "line L1 category"),
        ("unknown-milestone", "line L2 phases"),
        ("unknown-milestone", "milestone M1 depends_on"),
        ("unknown-milestone", "review R1 first"),
        ("unknown-line", "exception E1 scope_lines"),
        ("unknown-exception", "scenario s overrides[0]"),
    ]:
        assert expected in problems


def test_phases_before_eif_and_out_of_order() -> None:
    early = line("L1", base="5", phases=phases(("2011-12-31", "3"), ("Y3", "2"), ("Y2", "0")))
    problems = found(agreement(lines=(early,)))
    assert ("phase-before-eif", "line L1 phases[0].start") in problems
    assert ("phase-order", "line L1 phases[2].start") in problems


def test_values_against_the_measures_direction() -> None:
    tariff = line("T", base="5", phases=phases(("Y1", "3"), ("Y2", "4"), ("Y3", "6")))
    cap = line("C", base="49", measure=MeasureKind.EQUITY_CAP, target=Decimal(30), category="B2")
    problems = found(agreement(lines=(tariff, cap)))
    assert ("against-direction", "line T phases[1].value") in problems
    assert ("against-direction", "line T phases[2].value") in problems
    assert ("beyond-base", "line T phases[2].value") in problems
    assert ("beyond-base", "line C target") in problems
    assert ("against-direction", "line T phases[0].value") not in problems


def test_values_out_of_range() -> None:
    negative = line("N", base="-1", category="A")
    over = line(
        "O",
        base="25",
        measure=MeasureKind.EQUITY_CAP,
        code_system=CodeSystem.CPC,
        code="752",
        target=Decimal(120),
        category="A",
    )
    problems = found(agreement(lines=(negative, over)))
    assert ("negative-value", "line N base") in problems
    assert ("cap-over-100", "line O target") in problems


def test_gates_on_another_partys_milestone_and_gates_due_late() -> None:
    deal = agreement(
        milestones=(milestone("B-1", "EIF+1m", party="BBB"), milestone("LATE", "Y4")),
        lines=(
            line("L1", base="6", category="B3", gates=(Gate("B-1"),)),
            line("L2", base="6", phases=(Phase(timing("Y2"), Decimal(0), gates=(Gate("LATE"),)),)),
        ),
    )
    problems = found(deal)
    assert ("foreign-gate", "line L1 gates") in problems
    assert ("gate-after-phase", "line L2 phases[0].gates") in problems
    assert severity(deal, "foreign-gate") is Severity.WARNING
    assert severity(deal, "gate-after-phase", "line L2 phases[0].gates") is Severity.WARNING
    assert severity(deal, "gate-after-phase", "line L1 gates") is Severity.INFO
    generated = agreement(
        milestones=deal.milestones, lines=(line(base="6", category="B3", gates=(Gate("LATE"),)),)
    )
    assert severity(generated, "gate-after-phase") is Severity.INFO


@pytest.mark.parametrize(
    ("code_system", "code", "expected", "level"),
    [
        (CodeSystem.HS, "27O900", "code-not-digits", Severity.ERROR),
        (CodeSystem.HS, "27090", "code-length", Severity.WARNING),
        (CodeSystem.HS, "2710.1", "code-length", Severity.WARNING),
        (CodeSystem.HS, "", "code-missing", Severity.ERROR),
        (CodeSystem.CPC, "75-2", "code-not-digits", Severity.ERROR),
    ],
)
def test_codes(code_system: CodeSystem, code: str, expected: str, level: Severity) -> None:
    deal = agreement(lines=(line(base="1", category="A", code=code, code_system=code_system),))
    assert (expected, "line L1 code") in found(deal)
    assert severity(deal, expected) is level


@pytest.mark.parametrize("code", ["0101", "27", "0101101000", "85176200", "2710.12.11", "27.10"])
def test_good_hs_codes(code: str) -> None:
    assert validate(agreement(lines=(line(base="1", category="A", code=code),))) == ()


def test_milestone_ids_and_actual_dates() -> None:
    deal = agreement(
        milestones=(
            milestone("REG-3m"),
            milestone("bad id"),
            milestone("DONE", status=MilestoneStatus.VERIFIED),
            milestone("FACT", status=MilestoneStatus.ACHIEVED, actual=date(2030, 1, 1)),
        )
    )
    problems = found(deal)
    assert ("milestone-id-offset", "milestone REG-3m id") in problems
    assert ("milestone-id", "milestone bad id id") in problems
    assert ("no-actual-date", "milestone DONE actual") in problems
    assert not any("FACT" in loc for _, loc in problems)


def test_missed_milestones_that_block_and_cycles() -> None:
    deal = agreement(
        milestones=(
            milestone("GONE", status=MilestoneStatus.MISSED),
            milestone("A", depends_on=("B",)),
            milestone("B", depends_on=("A",)),
        ),
        lines=(line(base="3", category="B3", gates=(Gate("GONE"),)),),
    )
    problems = validate(deal)
    (missed,) = [p for p in problems if p.code == "missed-blocks"]
    assert str(missed.location) == "milestone GONE status"
    assert "L1" in missed.message
    (cycle,) = [p for p in problems if p.code == "milestone-cycle"]
    assert "A -> B -> A" in cycle.message
    assert cycle.severity is Severity.ERROR


def test_exception_rules() -> None:
    empty = SecurityException("E0", "AAA")
    nothing = SecurityException("E1", "BBB", scope_sectors=("energy",))
    broken = SecurityException(
        "E2",
        "AAA",
        scope_lines=("L1",),
        max_duration_months=0,
        review_interval_months=-1,
        sunset=timing("prev"),
    )
    limited = SecurityException("E3", "AAA", scope_lines=("L1",), max_duration_months=12, sunset=timing("Y2"))
    scenario = Scenario("invoke", overrides=(ExceptionInvoked("E3", timing("Y3"), 24),))
    deal = agreement(
        lines=(line(base="3", category="B3"),),
        exceptions=(empty, nothing, broken, limited),
        scenarios=(scenario,),
    )
    problems = found(deal)
    assert ("exception-scope-empty", "exception E0 scope_sectors") in problems
    assert ("exception-scope-no-lines", "exception E1 scope_sectors") in problems
    assert ("exception-setting", "exception E2 max_duration_months") in problems
    assert ("exception-setting", "exception E2 review_interval_months") in problems
    assert ("bad-anchor", "exception E2 sunset") in problems
    assert ("exception-too-long", "scenario invoke overrides[0]") in problems
    assert ("exception-after-sunset", "scenario invoke overrides[0]") in problems


def test_review_rules() -> None:
    deal = agreement(
        reviews=(
            ReviewClause("R1", "Review", timing("Y3"), interval_months=0, count=0),
            ReviewClause("R2", "Review", timing("Y3"), term_end=timing("prev")),
        )
    )
    problems = found(deal)
    assert ("review-interval", "review R1 interval_months") in problems
    assert ("review-count", "review R1 count") in problems
    assert ("bad-anchor", "review R2 term_end") in problems


def test_settings_and_categories() -> None:
    deal = agreement(
        stage_day=MonthDay(2, 29),
        rounding=RoundingRule(Decimal(0), RoundingDirection.DOWN),
        categories=(
            StagingCategory("LIN", StagingKind.LINEAR),
            StagingCategory("NL", StagingKind.NON_LINEAR, shares=(Decimal("0.5"), Decimal("0.4"))),
            StagingCategory("ST", StagingKind.STEPS, steps=(Step(0, Decimal(1)),)),
        ),
        lines=(line(base="3", category="B3"),),
    )
    problems = found(deal)
    assert ("stage-day", "agreement stage_day") in problems
    assert ("rounding-step", "agreement rounding.step") in problems
    assert ("category-invalid", "category LIN stages") in problems
    assert ("category-invalid", "category NL shares") in problems
    assert ("category-invalid", "category ST steps") in problems
    assert found(agreement(stage_day=MonthDay(13, 1))) == {("stage-day", "agreement stage_day")}


def test_quota_lines_need_a_target() -> None:
    quota = line("Q", base="100", category="B5", measure=MeasureKind.QUOTA, unit="t")
    assert ("no-target", "line Q target") in found(agreement(lines=(quota,)))


def test_line_shape_and_scenario_rules() -> None:
    deal = agreement(
        milestones=(milestone("M1"),),
        lines=(
            line("G", base="3", gates=(Gate("M1"),), phases=phases(("prev", "0"))),
            line("N", base="3"),
        ),
        scenarios=(
            Scenario("baseline", overrides=(MilestoneDelay("M1", 2),)),
            Scenario("odd", overrides=(MilestoneDelay("M1", -2),)),
        ),
    )
    problems = found(deal)
    assert ("line-gates-ignored", "line G gates") in problems
    assert ("prev-first", "line G phases[0].start") in problems
    assert ("no-commitment", "line N category") in problems
    assert ("reserved-name", "scenario baseline name") in problems
    assert ("scenario-delay", "scenario odd overrides[0]") in problems
    assert severity(deal, "no-commitment") is Severity.INFO


def test_developing_parties_without_capacity_building() -> None:
    parties = (
        Party("AAA", "Alpha", DevelopmentStatus.LDC),
        Party("BBB", "Beta", DevelopmentStatus.DEVELOPING),
    )
    deal = agreement(
        parties=parties,
        lines=(line(base="3", category="B3"), line("L2", party="BBB", base="3", category="A")),
    )
    assert {loc for code, loc in found(deal) if code == "capacity-building"} == {
        "party AAA status",
        "party BBB status",
    }
    helped = agreement(
        parties=parties,
        lines=(line(base="3", category="B3"),),
        milestones=(milestone("CB-1", kind=MilestoneKind.CAPACITY_BUILDING),),
    )
    assert not any(code == "capacity-building" for code, _ in found(helped))


def test_each_problem_is_reported_once() -> None:
    deal = agreement(
        lines=(line(base="3", category="NOPE"),),
        scenarios=(Scenario("one"), Scenario("two")),
    )
    assert [p.code for p in validate(deal)] == ["unknown-category"]
