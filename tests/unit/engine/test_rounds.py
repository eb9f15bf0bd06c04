"""Taking rounds, resolving them as they stood, drawing them behind the chart, and request-vs-offer gaps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from carveplan.engine import resolve
from carveplan.engine.diff import diff
from carveplan.engine.gaps import gaps
from carveplan.engine.rounds import find_round, ghost_schedule, round_agreement, take_round, with_round
from carveplan.model import Stance
from tests.unit.engine.conftest import agreement, line, milestone

OFFER = agreement(
    lines=(
        line("crude", code="270900", base="8", category="10 Years"),
        line("lng", code="271111", base="6.8", category="5 Years"),
        line("fuel", code="27101211", base="20", category="EXCL"),
        line("bbb", code="270900", party="BBB", base="5", category="A"),
    ),
    milestones=(milestone("REG-1"),),
)


def test_a_party_round_keeps_only_its_lines_and_what_they_hang_off() -> None:
    taken = take_round(OFFER, "Round 2 — AAA offer", date(2026, 3, 2), "AAA", Stance.OFFER)
    assert [x.id for x in taken.lines] == ["crude", "lng", "fuel"]
    assert taken.milestones == OFFER.milestones
    assert (taken.eif, taken.stance) == (OFFER.eif, Stance.OFFER)


def test_a_round_resolves_as_it_stood_after_the_agreement_moved_on() -> None:
    kept = with_round(OFFER, take_round(OFFER, "R1", date(2026, 1, 1)))
    moved = replace(kept, eif=date(2014, 1, 1), lines=())
    frozen = round_agreement(moved, find_round(moved, "R1"))
    assert frozen.eif == OFFER.eif
    assert frozen.lines == OFFER.lines
    assert frozen.rounds == ()
    assert resolve(frozen).line("lng").final_date == date(2016, 1, 1)


def test_round_names_are_unique_and_unknown_names_say_what_there_is() -> None:
    kept = with_round(OFFER, take_round(OFFER, "R1", date(2026, 1, 1)))
    with pytest.raises(ValueError, match="already kept"):
        with_round(kept, take_round(OFFER, "R1", date(2026, 2, 1)))
    with pytest.raises(KeyError, match="rounds: 'R1'"):
        find_round(kept, "R2")


def test_the_ghost_of_an_imported_round_takes_the_agreements_line_ids() -> None:
    # The other side's workbook names its lines itself; its HS8 fuel line is now split in two.
    theirs = replace(
        OFFER,
        lines=(
            line("x-1", code="2709.00", base="8", category="5 Years"),
            line("x-2", code="27101211", base="20", category="B5"),
        ),
    )
    ours = replace(
        OFFER,
        lines=(
            OFFER.lines[0],
            OFFER.lines[1],
            line("fuel-a", code="2710121110", base="20", category="EXCL"),
            line("fuel-b", code="2710121190", base="20", category="EXCL"),
        ),
    )
    ghost = ghost_schedule(ours, take_round(theirs, "their request", date(2026, 5, 1), "AAA"))
    assert [r.line.id for r in ghost.lines] == ["crude", "fuel-a", "fuel-b"]
    assert ghost.line("crude").final_date == date(2016, 1, 1)
    assert {p.line for p in ghost.line("fuel-b").phases} == {"fuel-b"}


def test_request_vs_offer_sorts_the_largest_gap_first() -> None:
    request = replace(
        OFFER,
        lines=(
            replace(OFFER.lines[0], category="5 Years"),  # asked 2016, offered 2021
            replace(OFFER.lines[1], category="A"),  # asked at EIF, offered 2016
            replace(OFFER.lines[2], category="A"),  # asked at EIF, offered excluded
            OFFER.lines[3],
            line("new", code="271600", base="3", category="A"),  # not in the offer
        ),
    )
    found = gaps(diff(request, OFFER))
    assert [g.line.code for g in found] == ["27101211", "271600", "270900", "271111"]
    assert found[0].offer_excluded
    assert found[1].only_in == "request"
    crude = found[2]
    assert crude.years == Decimal("5.0")
    assert (crude.offer_final, crude.request_final) == (date(2021, 1, 1), date(2016, 1, 1))
    lng = found[3]
    assert lng.years == Decimal("3.8")  # 15 March 2012 to 1 January 2016
    assert lng.value == 0


def test_a_value_gap_without_a_date_gap() -> None:
    request = replace(OFFER, lines=(replace(OFFER.lines[1], target=None),))
    offer = replace(OFFER, lines=(replace(OFFER.lines[1], target=Decimal("2.5")),))
    (gap,) = gaps(diff(request, offer))
    assert (gap.years, gap.value, gap.offer_value, gap.request_value) == (
        0,
        Decimal("2.5"),
        Decimal("2.5"),
        0,
    )
