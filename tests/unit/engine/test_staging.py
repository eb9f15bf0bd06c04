"""Staging categories: built-in spellings, the agreement's own table, and phase generation."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.engine import expand, expand_checked, find_category
from carveplan.model import (
    Gate,
    MeasureKind,
    Phase,
    RoundingDirection,
    RoundingRule,
    StagingCategory,
    StagingKind,
    Step,
    Timing,
)
from tests.unit.engine.conftest import agreement, line


def values(phases: tuple[Phase, ...]) -> list[str]:
    return [str(p.value) for p in phases]


def years(phases: tuple[Phase, ...]) -> list[int | None]:
    return [p.start.year for p in phases]


def test_the_agreements_table_wins_exact_then_loose() -> None:
    own_c = StagingCategory("C", StagingKind.LINEAR, stages=7)
    partial = StagingCategory("PR-1", StagingKind.PARTIAL, stages=3, final=Decimal(5))
    deal = agreement(categories=(own_c, partial))
    assert find_category("C", deal) is own_c
    assert find_category(" pr-1 ", deal) is partial
    found = find_category("B", deal)
    assert found is not None
    assert found.stages == 5


def test_korus_five_years_cut_down_to_a_tenth() -> None:
    deal = agreement()
    assert values(expand(line(base="8", category="5 Years"), deal)) == ["6.4", "4.8", "3.2", "1.6", "0"]
    assert values(expand(line(base="6.8", category="5 Years"), deal)) == ["5.4", "4.0", "2.7", "1.3", "0"]
    assert years(expand(line(base="8", category="5 Years"), deal)) == [1, 2, 3, 4, 5]


def test_a_value_on_the_step_is_kept_exactly() -> None:
    assert values(expand(line(base="22", category="B5"), agreement()))[0] == "17.6"


def test_immediate_is_one_phase_at_the_target() -> None:
    phases = expand(line(base="12", category="A"), agreement())
    assert [(p.start, p.value) for p in phases] == [(Timing.agreement_year(1), Decimal(0))]


def test_back_loaded_holds_the_base_then_cuts() -> None:
    phases = expand(line(base="10", category="E"), agreement())
    assert years(phases) == [7, 8, 9, 10]
    assert values(phases) == ["7.5", "5.0", "2.5", "0"]


def test_non_linear_b_plus_uses_cumulative_shares_and_skips_the_zero_year() -> None:
    phases = expand(line(base="10", category="B+"), agreement())
    assert years(phases) == [1, 3, 4, 5, 6, 7, 8]
    assert values(phases) == ["8.0", "7.0", "6.0", "5.0", "4.0", "3.0", "0"]


def test_partial_goes_linearly_to_the_categorys_final_value() -> None:
    partial = StagingCategory("PR-1", StagingKind.PARTIAL, stages=3, final=Decimal(5))
    phases = expand(line(base="20", category="PR-1"), agreement(categories=(partial,)))
    assert values(phases) == ["15.0", "10.0", "5"]


def test_steps_are_absolute_values_in_their_years() -> None:
    china = StagingCategory(
        "CN-MOBILE",
        StagingKind.STEPS,
        steps=(Step(4, Decimal(49)), Step(1, Decimal(25)), Step(2, Decimal(35))),
    )
    cap = line(base="0", category="CN-MOBILE", measure=MeasureKind.EQUITY_CAP, code_system="CPC")
    phases = expand(cap, agreement(categories=(china,)))
    assert years(phases) == [1, 2, 4]
    assert values(phases) == ["25", "35", "49"]


def test_excluded_lines_have_no_phases() -> None:
    assert expand(line(base="5", category="U"), agreement()) == ()


def test_explicit_phases_win_over_the_category() -> None:
    own = (Phase(Timing.eif(), Decimal(3)),)
    assert expand(line(base="5", category="B5", phases=own), agreement()) == own


def test_line_target_and_equity_caps_going_up() -> None:
    cap = line(base="25", category="B2", measure=MeasureKind.EQUITY_CAP, target=Decimal(49))
    assert values(expand(cap, agreement())) == ["37.0", "49"]
    full = line(base="30", category="B2", measure=MeasureKind.EQUITY_CAP)
    assert values(expand(full, agreement())) == ["65.0", "100"]


def test_rounding_follows_the_agreements_rule() -> None:
    deal = agreement(rounding=RoundingRule(Decimal("0.5"), RoundingDirection.HALF_UP))
    assert values(expand(line(base="7", category="B3"), deal)) == ["4.5", "2.5", "0"]


def test_line_gates_apply_to_every_generated_phase() -> None:
    gates = (Gate("REG-1"),)
    phases = expand(line(base="6", category="B3", gates=gates), agreement())
    assert len(phases) == 3
    assert all(p.gates == gates for p in phases)


def test_unknown_category_and_quota_without_target_are_problems() -> None:
    phases, problems = expand_checked(line(base="5", category="ZZ-9"), agreement())
    assert phases == ()
    assert [p.code for p in problems] == ["unknown-category"]
    quota = line(base="100", category="B5", measure=MeasureKind.QUOTA, unit="t")
    phases, problems = expand_checked(quota, agreement())
    assert phases == ()
    assert [p.code for p in problems] == ["no-target"]
    phases, problems = expand_checked(replace(quota, target=Decimal(600)), agreement())
    assert values(phases)[-1] == "600"
    assert problems == ()


bases = st.decimals(min_value=0, max_value=500, places=2, allow_nan=False, allow_infinity=False)


@given(bases, bases, st.integers(1, 30))
def test_linear_staging_is_monotone_and_ends_exactly_at_the_target(
    base: Decimal, target: Decimal, stages: int
) -> None:
    base, target = max(base, target), min(base, target)
    phases = expand(line(base=base, category=f"B{stages}", target=target), agreement())
    got = [p.value for p in phases]
    assert len(got) == stages
    assert got[-1] == target
    assert all(a >= b for a, b in zip([base, *got], got, strict=False))
    assert all(v >= target for v in got)


@given(bases, st.sampled_from(["A", "B", "C", "C+", "E", "20-A", "B+", "10 Years", "Y-3", "B15"]))
def test_every_builtin_category_cuts_monotonically_to_exactly_zero(base: Decimal, code: str) -> None:
    phases = expand(line(base=base, category=code), agreement())
    got = [p.value for p in phases]
    assert got, f"{code} generated no phase"
    assert got[-1] == 0
    assert all(a >= b >= 0 for a, b in zip([base, *got], got, strict=False))
    assert [p.start.year for p in phases] == sorted({p.start.year for p in phases})


def test_every_staging_kind_is_expanded_by_its_own_rule() -> None:
    # Each kind either stages the line or says why not; none is quietly treated as another.
    categories = (
        StagingCategory("I", StagingKind.IMMEDIATE),
        StagingCategory("L", StagingKind.LINEAR, stages=4),
        StagingCategory("BL", StagingKind.BACK_LOADED, stages=2, hold=3),
        StagingCategory("NL", StagingKind.NON_LINEAR, shares=(Decimal("0.5"), Decimal("0.5"))),
        StagingCategory("P", StagingKind.PARTIAL, stages=2, final=Decimal(4)),
        StagingCategory("S", StagingKind.STEPS, steps=(Step(2, Decimal(5)),)),
        StagingCategory("CS", StagingKind.CALENDAR_STEPS, steps=(Step(2030, Decimal(5)),)),
        StagingCategory("X", StagingKind.EXCLUDED),
    )
    deal = agreement(categories=categories)
    got = {c.code: years(expand(line(base="8", category=c.code), deal)) for c in categories}
    assert got == {
        "I": [1],
        "L": [1, 2, 3, 4],
        "BL": [4, 5],
        "NL": [1, 2],
        "P": [1, 2],
        "S": [2],
        "CS": [2030 - deal.eif.year + 1],
        "X": [],
    }
    assert {k.value for k in StagingKind} - {c.kind.value for c in categories} == {"table"}


def test_an_unknown_staging_kind_is_not_staged_as_linear() -> None:
    # The file readers refuse a kind they do not know with a located problem; a kind that gets
    # past them anyway stops the engine instead of being cut in equal stages.
    strange = StagingCategory("Q", cast(StagingKind, "quadratic"), stages=5)
    with pytest.raises(AssertionError):
        expand(line(base="8", category="Q"), agreement(categories=(strange,)))
