"""Phase dates: timings, gates with lag, prev+ chains, blocking, ordering and ends."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carveplan.engine import resolve
from carveplan.model import Gate, MilestoneMissed, Offset, Phase, Scenario, Unit
from tests.unit.engine.conftest import agreement, line, milestone, timing


def phase(start: str, value: str, *gates: Gate) -> Phase:
    return Phase(timing(start), Decimal(value), gates=gates)


def starts(schedule_line: object) -> list[date | None]:
    return [p.start for p in schedule_line.phases]  # type: ignore[attr-defined]


def test_every_anchor_resolves() -> None:
    phases = (
        phase("EIF", "9"),
        phase("2013-06-01", "8"),
        phase("Y3", "7"),
        phase("M:REG-1+1m", "6"),
        phase("prev+12m", "5"),
    )
    deal = agreement(milestones=(milestone("REG-1", "Y4"),), lines=(line(base="10", phases=phases),))
    resolved = resolve(deal).line("L1")
    expected = [date(2012, 3, 15), date(2013, 6, 1), date(2014, 1, 1), date(2015, 2, 1), date(2016, 2, 1)]
    assert starts(resolved) == expected
    assert [p.end for p in resolved.phases] == [*expected[1:], None]
    assert resolved.final_date == date(2016, 2, 1)
    assert resolved.final_value == Decimal(5)


def test_a_gate_with_lag_moves_the_phase_and_says_why() -> None:
    gate = Gate("REG-1", Offset(6, Unit.MONTHS))
    deal = agreement(
        milestones=(milestone("REG-1", "2013-03-01"),),
        lines=(line(base="10", phases=(phase("Y1", "8"), phase("Y2", "5", gate), phase("Y3", "0"))),),
    )
    resolved = resolve(deal).line("L1")
    second = resolved.phases[1]
    assert second.nominal_start == date(2013, 1, 1)
    assert second.start == date(2013, 9, 1)
    assert second.gates == ("REG-1",)
    assert second.delayed_by == ("REG-1",)
    assert resolved.phases[2].start == date(2014, 1, 1)
    assert resolved.phases[2].delayed_by == ()


def test_a_gate_that_is_already_met_does_not_delay() -> None:
    deal = agreement(
        milestones=(milestone("REG-1", "EIF+1m"),),
        lines=(line(base="10", phases=(phase("Y2", "5", Gate("REG-1")),)),),
    )
    first = resolve(deal).line("L1").phases[0]
    assert first.start == first.nominal_start == date(2013, 1, 1)
    assert first.delayed_by == ()


def test_a_later_tranche_never_opens_before_an_earlier_one() -> None:
    deal = agreement(
        milestones=(milestone("REG-1", "Y5"),),
        lines=(line(base="10", phases=(phase("Y2", "5", Gate("REG-1")), phase("Y3", "0"))),),
    )
    resolved = resolve(deal).line("L1")
    assert starts(resolved) == [date(2016, 1, 1), date(2016, 1, 1)]
    assert resolved.phases[1].delayed_by == ("REG-1",)
    assert resolved.phases[0].end == date(2016, 1, 1)
    assert resolved.final_value == Decimal(0)


def test_prev_chains_follow_the_actual_start() -> None:
    deal = agreement(
        milestones=(milestone("REG-1", "2014-07-01"),),
        lines=(
            line(
                base="9",
                phases=(phase("Y2", "6", Gate("REG-1")), phase("prev+1y", "3"), phase("prev+6m", "0")),
            ),
        ),
    )
    resolved = resolve(deal).line("L1")
    assert starts(resolved) == [date(2014, 7, 1), date(2015, 7, 1), date(2016, 1, 1)]
    assert resolved.phases[2].delayed_by == ("REG-1",)


def test_a_missed_gate_blocks_the_phase_and_every_later_one() -> None:
    deal = agreement(
        milestones=(milestone("REG-1"), milestone("DATA-2", depends_on=("REG-1",))),
        lines=(
            line(base="9", phases=(phase("Y1", "6"), phase("Y2", "3", Gate("DATA-2")), phase("Y3", "0"))),
        ),
        scenarios=(Scenario("sanctions persist", overrides=(MilestoneMissed("REG-1"),)),),
    )
    resolved = resolve(deal, "sanctions persist").line("L1")
    assert [p.blocked for p in resolved.phases] == [False, True, True]
    assert resolved.phases[1].blocked_by == ("REG-1",)
    assert resolved.phases[2].blocked_by == ("REG-1",)
    assert resolved.phases[0].end is None
    assert resolved.blocked
    assert resolved.final_date is None
    assert resolve(deal).line("L1").final_date == date(2014, 1, 1)


def test_phases_on_the_same_date_keep_index_order() -> None:
    deal = agreement(lines=(line(base="9", phases=(phase("Y2", "6"), phase("Y2", "4"))),))
    resolved = resolve(deal).line("L1")
    assert [p.index for p in resolved.phases] == [0, 1]
    assert resolved.phases[0].end == resolved.phases[0].start


def test_unknown_milestones_block_and_are_reported() -> None:
    deal = agreement(lines=(line(base="9", phases=(phase("M:GHOST", "6"), phase("Y3", "0", Gate("NOPE")))),))
    schedule = resolve(deal)
    assert schedule.line("L1").phases[0].blocked_by == ("GHOST",)
    assert schedule.line("L1").phases[1].blocked_by == ("GHOST", "NOPE")
    assert sorted(p.message for p in schedule.problems) == [
        "refers to unknown milestone 'GHOST'",
        "refers to unknown milestone 'NOPE'",
    ]


def test_excluded_and_uncommitted_lines_keep_their_base() -> None:
    deal = agreement(lines=(line("U1", base="7", category="EXCL"), line("N1", base="3")))
    schedule = resolve(deal)
    for line_id, base in (("U1", 7), ("N1", 3)):
        resolved = schedule.line(line_id)
        assert resolved.excluded
        assert resolved.phases == ()
        assert resolved.final_value == base
        assert resolved.final_date is None


def test_a_date_past_the_calendar_blocks_instead_of_raising() -> None:
    deal = agreement(lines=(line(base="9", phases=(phase("Y1", "5"), phase("EIF+99999y", "0"))),))
    resolved = resolve(deal).line("L1")
    assert [p.blocked for p in resolved.phases] == [False, True]
    assert resolved.final_date is None
