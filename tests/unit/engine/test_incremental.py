"""Incremental resolution: after any sequence of edits it gives what a full resolve gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carveplan.engine import resolve
from carveplan.engine.incremental import Resolution, dependencies, full, update
from carveplan.model import (
    Agreement,
    ExceptionInvoked,
    Gate,
    Line,
    MilestoneDelay,
    MilestoneMissed,
    MilestoneStatus,
    MonthDay,
    Phase,
    RoundingRule,
    Scenario,
    SecurityException,
)
from tests.unit.engine.conftest import agreement, line, milestone, timing

Edit = Callable[[Agreement], Agreement]
SCENARIOS = (None, "slip")
MILESTONES = ("M1", "M2", "M3", "M4", "M9")  # M9 never exists until an edit adds it
CATEGORIES = ("A", "B5", "B10", "E", "EXCL", "NOPE", "")


def _start() -> Agreement:
    lines = (
        line("L1", base="8", category="B5"),
        line("L2", base="10", category="B10", gates=(Gate("M1"),)),
        line(
            "L3",
            base="20",
            phases=(
                Phase(timing("EIF"), Decimal(15)),
                Phase(timing("M:M2+6m"), Decimal(5), gates=(Gate("M3"),)),
                Phase(timing("prev+2y"), Decimal(0)),
            ),
        ),
        line("L4", party="BBB", sector="telecommunications", base="5", category="E", gates=(Gate("M4"),)),
        line("L5", base="12", category="B5", gates=(Gate("M2"),)),
    )
    milestones = (
        milestone("M1", "EIF+6m"),
        milestone("M2", "EIF+1y", depends_on=("M1",)),
        milestone("M3", "M:M2+3m"),
        milestone("M4", "EIF+2y", party="BBB"),
    )
    exceptions = (
        SecurityException("X1", "AAA", "Security", scope_sectors=("energy",)),
        SecurityException("X2", "BBB", "Security", scope_lines=("L4",)),
    )
    slip = Scenario(
        "slip",
        overrides=(
            MilestoneDelay("M1", 12),
            ExceptionInvoked("X1", timing("2014-01-01"), 18),
        ),
    )
    return agreement(lines=lines, milestones=milestones, exceptions=exceptions, scenarios=(slip,))


# --- edits -------------------------------------------------------------------------------------------
def _edit_line(index: int, change: dict[str, object]) -> Edit:
    def edit(deal: Agreement) -> Agreement:
        if not deal.lines:
            return deal
        i = index % len(deal.lines)
        lines = list(deal.lines)
        lines[i] = replace(lines[i], **change)  # type: ignore[arg-type]
        return replace(deal, lines=tuple(lines))

    return edit


def _insert_line(index: int, new: Line) -> Edit:
    def edit(deal: Agreement) -> Agreement:
        i = index % (len(deal.lines) + 1)
        return replace(deal, lines=(*deal.lines[:i], new, *deal.lines[i:]))

    return edit


def _delete_line(index: int) -> Edit:
    def edit(deal: Agreement) -> Agreement:
        if not deal.lines:
            return deal
        i = index % len(deal.lines)
        return replace(deal, lines=deal.lines[:i] + deal.lines[i + 1 :])

    return edit


def _move_line(index: int) -> Edit:
    def edit(deal: Agreement) -> Agreement:
        if len(deal.lines) < 2:
            return deal
        i = index % (len(deal.lines) - 1)
        lines = list(deal.lines)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        return replace(deal, lines=tuple(lines))

    return edit


def _edit_milestone(name: str, change: dict[str, object]) -> Edit:
    def edit(deal: Agreement) -> Agreement:
        found = [i for i, m in enumerate(deal.milestones) if m.id == name]
        if not found:
            return replace(deal, milestones=(*deal.milestones, milestone(name, "EIF+3y")))
        milestones = list(deal.milestones)
        milestones[found[0]] = replace(milestones[found[0]], **change)  # type: ignore[arg-type]
        return replace(deal, milestones=tuple(milestones))

    return edit


def _drop_milestone(name: str) -> Edit:
    return lambda deal: replace(deal, milestones=tuple(m for m in deal.milestones if m.id != name))


def _edit_scope(sectors: tuple[str, ...], lines: tuple[str, ...]) -> Edit:
    def edit(deal: Agreement) -> Agreement:
        first = replace(deal.exceptions[0], scope_sectors=sectors, scope_lines=lines)
        return replace(deal, exceptions=(first, *deal.exceptions[1:]))

    return edit


def _set_overrides(overrides: tuple[object, ...]) -> Edit:
    return lambda deal: replace(deal, scenarios=(Scenario("slip", overrides=overrides),))  # type: ignore[arg-type]


def _set(**change: object) -> Edit:
    return lambda deal: replace(deal, **change)  # type: ignore[arg-type]


milestone_ids = st.sampled_from(MILESTONES)
gates = st.lists(milestone_ids.map(Gate), max_size=2).map(tuple)
starts = st.sampled_from(("EIF", "Y3", "M:M1+6m", "M:M3", "M:M9+1y", "prev+1y", "2015-07-01")).map(timing)
phases = st.lists(
    st.builds(Phase, starts, st.integers(0, 20).map(Decimal), st.just(""), gates), max_size=3
).map(tuple)
line_changes = st.one_of(
    st.builds(dict, base=st.integers(0, 30).map(Decimal)),
    st.builds(dict, category=st.sampled_from(CATEGORIES)),
    st.builds(dict, gates=gates),
    st.builds(dict, phases=phases),
    st.builds(dict, sector=st.sampled_from(("energy", "telecommunications"))),
    st.builds(dict, party=st.sampled_from(("AAA", "BBB"))),
    st.builds(dict, id=st.sampled_from(("L1", "L6", "L7"))),
)
new_lines = st.builds(
    lambda n, category, gated, explicit: line(
        f"N{n}", base="9", category=category, gates=gated, phases=explicit
    ),
    st.integers(0, 5),
    st.sampled_from(CATEGORIES),
    gates,
    st.one_of(st.just(()), phases),
)
milestone_changes: st.SearchStrategy[dict[str, object]] = st.one_of(
    st.builds(dict, due=st.sampled_from(("EIF+3m", "EIF+2y", "M:M4+1m", "2013-02-01")).map(timing)),
    st.builds(dict, status=st.sampled_from(tuple(MilestoneStatus))),
    st.builds(dict, actual=st.sampled_from((None, date(2013, 6, 1)))),
    st.builds(dict, depends_on=st.lists(milestone_ids, max_size=2).map(tuple)),
)
overrides = st.lists(
    st.one_of(
        st.builds(MilestoneDelay, milestone_ids, st.integers(1, 24)),
        st.builds(MilestoneMissed, milestone_ids),
        st.builds(
            ExceptionInvoked,
            st.sampled_from(("X1", "X2", "X3")),
            st.sampled_from(("2013-01-01", "M:M2", "2016-06-01")).map(timing),
            st.integers(1, 36),
        ),
    ),
    max_size=4,
).map(tuple)
edits: st.SearchStrategy[Edit] = st.one_of(
    st.builds(_edit_line, st.integers(0, 20), line_changes),
    st.builds(_insert_line, st.integers(0, 20), new_lines),
    st.builds(_delete_line, st.integers(0, 20)),
    st.builds(_move_line, st.integers(0, 20)),
    st.builds(_edit_milestone, milestone_ids, milestone_changes),
    st.builds(_drop_milestone, milestone_ids),
    st.builds(
        _edit_scope,
        st.lists(st.sampled_from(("energy", "telecommunications")), max_size=2).map(tuple),
        st.lists(st.sampled_from(("L1", "L4", "N1")), max_size=2).map(tuple),
    ),
    st.builds(_set_overrides, overrides),
    st.builds(lambda day: _set(eif=day), st.sampled_from((date(2012, 3, 15), date(2014, 1, 1)))),
    st.builds(lambda month: _set(stage_day=MonthDay(month, 1)), st.sampled_from((1, 4))),
    st.builds(lambda step: _set(rounding=RoundingRule(Decimal(step))), st.sampled_from(("0.1", "1"))),
    st.builds(lambda name: _set(rule_set=name), st.sampled_from(("", "EU-Viet Nam"))),
)


# --- properties -----------------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits, min_size=1, max_size=10))
def test_after_any_edits_incremental_equals_full(sequence: list[Edit]) -> None:
    deal = _start()
    states: dict[str | None, Resolution] = {name: full(deal, name) for name in SCENARIOS}
    for edit in sequence:
        deal = edit(deal)
        for name in SCENARIOS:
            states[name] = update(states[name], deal, name)
            assert states[name].schedule == resolve(deal, name)
            assert states[name].index == full(deal, name).index
        # A scenario resolved from the baseline's resolution, as validation does.
        assert update(states[None], deal, "slip").schedule == states["slip"].schedule


def test_an_edited_line_is_the_only_one_resolved_again() -> None:
    deal = _start()
    before = full(deal)
    after = update(before, _edit_line(0, {"base": Decimal(9)})(deal))
    kept = [a is b for a, b in zip(before.schedule.lines, after.schedule.lines, strict=True)]
    assert kept == [False, True, True, True, True]
    assert after.schedule.line("L1").phases[0].value == Decimal("7.2")


def test_a_milestone_moves_only_the_lines_that_wait_for_it() -> None:
    deal = _start()
    before = full(deal)
    after = update(before, _edit_milestone("M4", {"due": timing("EIF+5y")})(deal))
    moved = [
        r.line.id for a, r in zip(before.schedule.lines, after.schedule.lines, strict=True) if a is not r
    ]
    assert moved == ["L4"]
    # M1 moves M2 (which depends on it) and M3 (due after M2): L2, L3 and L5 follow.
    again = update(after, _edit_milestone("M1", {"due": timing("EIF+2y")})(after.schedule.agreement))
    moved = [r.line.id for a, r in zip(after.schedule.lines, again.schedule.lines, strict=True) if a is not r]
    assert moved == ["L2", "L3", "L5"]


def test_entry_into_force_resolves_everything_again() -> None:
    deal = _start()
    before = full(deal)
    after = update(before, replace(deal, eif=date(2013, 1, 1)))
    assert not any(a is b for a, b in zip(before.schedule.lines, after.schedule.lines, strict=True))


def test_a_line_depends_on_its_gates_and_milestone_starts() -> None:
    assert dependencies(_start().lines[2]) == ("M3", "M2")
    assert dependencies(_start().lines[1]) == ("M1",)


def test_a_scenario_is_resolved_from_the_baseline_by_the_lines_it_moves() -> None:
    deal = _start()
    baseline = full(deal)
    slip = update(baseline, deal, "slip")
    assert slip.schedule == resolve(deal, "slip")
    kept = [r.line.id for a, r in zip(baseline.schedule.lines, slip.schedule.lines, strict=True) if a is r]
    assert kept == ["L4"]  # BBB's line: no delayed milestone, outside the invoked exception
