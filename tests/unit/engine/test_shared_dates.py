"""Lines that share phases or timings are dated once per scenario, and each gets its own record."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from carveplan.engine import resolve
from carveplan.engine.records import dated_phases, resolved_line, resolved_phase
from carveplan.engine.schedule import ExceptionWindow, ResolvedLine, ResolvedPhase
from carveplan.model import ExceptionInvoked, Gate, Phase, Scenario, SecurityException
from tests.unit.engine.conftest import agreement, line, milestone, timing


def test_a_fast_made_phase_equals_the_constructed_one_field_by_field() -> None:
    row = (2, "Stage 2/5", Decimal("6.4"), date(2013, 1, 1), date(2013, 6, 1), None, ("M-1",), (), ("M-1",))
    made = resolved_phase("L7", row)
    built = ResolvedPhase("L7", *row)
    assert made == built
    assert hash(made) == hash(built)
    names = [f.name for f in dataclasses.fields(ResolvedPhase)]
    assert [getattr(made, name) for name in names] == [getattr(built, name) for name in names]
    assert not hasattr(made, "__dict__")
    assert type(made) is ResolvedPhase
    assert dataclasses.replace(made, end=date(2014, 1, 1)).end == date(2014, 1, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.end = date(2014, 1, 1)  # type: ignore[misc]


def test_a_fast_made_line_and_its_dated_phases_equal_the_constructed_ones() -> None:
    phases = (Phase(timing("Y1"), Decimal(5), "Stage 1/2"), Phase(timing("Y2"), Decimal(0), "Stage 2/2"))
    dates = (
        (date(2012, 1, 1), date(2012, 1, 1), date(2013, 1, 1), (), (), ()),
        (date(2013, 1, 1), None, None, ("M-1",), ("M-1",), ()),
    )
    made = dated_phases("L1", phases, dates)
    pairs = enumerate(zip(phases, dates, strict=True))
    assert made == tuple(ResolvedPhase("L1", i, p.label, p.value, *d) for i, (p, d) in pairs)
    window = ExceptionWindow("EXC-1", date(2014, 1, 1), date(2016, 1, 1), None, None, (), ("L1",))
    record = line("L1", base="10", phases=phases)
    fast = resolved_line(record, made, False, Decimal(0), None, (window,))
    built = ResolvedLine(
        record, made, False, Decimal(0), None, (("EXC-1", date(2014, 1, 1), date(2016, 1, 1)),)
    )
    assert fast == built
    assert hash(fast) == hash(built)
    assert type(fast) is ResolvedLine
    assert not hasattr(fast, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.excluded = True  # type: ignore[misc]


def test_lines_sharing_a_category_keep_their_own_ids_values_and_gates() -> None:
    lines = (
        line("L1", base="10", category="B5"),
        line("L2", base="10", category="B5"),
        line("L3", base="20", category="B5"),
        line("L4", base="10", category="B5", gates=(Gate("REG-1"),)),
    )
    deal = agreement(milestones=(milestone("REG-1", "Y4"),), lines=lines)
    schedule = resolve(deal)
    one, two, three, gated = (schedule.line(f"L{n}") for n in range(1, 5))
    assert [p.line for p in two.phases] == ["L2"] * 5
    assert [p.start for p in one.phases] == [p.start for p in two.phases] == [p.start for p in three.phases]
    assert [p.value for p in three.phases] == [Decimal(16), Decimal(12), Decimal(8), Decimal(4), Decimal(0)]
    assert gated.phases[0].start == date(2015, 1, 1)
    assert gated.phases[0].delayed_by == ("REG-1",)
    assert one.phases[0].delayed_by == ()


def test_explicit_phases_timed_alike_keep_their_own_values_and_windows_hold_only_their_lines() -> None:
    def explicit(line_id: str, first: str) -> object:
        phases = (Phase(timing("EIF"), Decimal(first)), Phase(timing("Y3"), Decimal(0)))
        return line(line_id, base="9", phases=phases)

    held = SecurityException("EXC-1", "AAA", "Security", scope_lines=("L2",), max_duration_months=48)
    deal = agreement(
        lines=(explicit("L1", "5"), explicit("L2", "5"), explicit("L3", "7")),
        exceptions=(held,),
        scenarios=(Scenario("held", overrides=(ExceptionInvoked("EXC-1", timing("EIF+1y"), 48),)),),
    )
    schedule = resolve(deal, "held")
    assert [p.value for p in schedule.line("L3").phases] == [Decimal(7), Decimal(0)]
    assert schedule.line("L1").phases[1].start == date(2014, 1, 1)
    assert schedule.line("L2").phases[1].start != date(2014, 1, 1)
    assert schedule.line("L2").suspended
