"""Taking rounds from an agreement, and turning a round back into an agreement to resolve or compare."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

from carveplan.engine.matching import match_lines
from carveplan.engine.resolve import resolve
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.model import Agreement, Line, PartyCode, Round, Stance


def take_round(
    agreement: Agreement,
    name: str,
    taken: date,
    party: PartyCode = "",
    stance: Stance = Stance.SNAPSHOT,
    note: str = "",
) -> Round:
    """A frozen copy of the agreement (or of one party's lines) as it stands.

    Args:
        agreement: the agreement.
        name: the round's name (``Round 3 — VNM offer``).
        taken: the date it is tabled.
        party: keep only this party's lines; empty for every line.
        stance: offer, request or snapshot.
        note: free text.

    Returns:
        The round; milestones, exceptions and reviews are kept whole, as gates may cross parties.
    """
    return Round(
        name=name,
        taken=taken,
        eif=agreement.eif,
        party=party,
        stance=stance,
        categories=agreement.categories,
        lines=party_lines(agreement.lines, party),
        milestones=agreement.milestones,
        exceptions=agreement.exceptions,
        reviews=agreement.reviews,
        note=note,
    )


def party_lines(lines: Iterable[Line], party: PartyCode) -> tuple[Line, ...]:
    """The lines of ``party`` (every line when ``party`` is empty)."""
    return tuple(lines) if not party else tuple(line for line in lines if line.party == party)


def round_agreement(agreement: Agreement, round_: Round) -> Agreement:
    """The agreement as the round froze it, for resolving and comparing.

    The settings the round does not keep (stage day, rounding, parties, sectors) come from
    ``agreement``; scenarios and rounds are dropped.
    """
    return dataclasses.replace(
        agreement,
        eif=round_.eif,
        categories=round_.categories,
        lines=round_.lines,
        milestones=round_.milestones,
        exceptions=round_.exceptions,
        reviews=round_.reviews,
        scenarios=(),
        rounds=(),
    )


def find_round(agreement: Agreement, name: str) -> Round:
    """The round called ``name``.

    Raises:
        KeyError: naming the rounds there are, when there is none of that name.
    """
    for round_ in agreement.rounds:
        if round_.name == name:
            return round_
    known = ", ".join(repr(r.name) for r in agreement.rounds) or "none"
    raise KeyError(f"no round named {name!r} (rounds: {known})")


def with_round(agreement: Agreement, round_: Round) -> Agreement:
    """The agreement with ``round_`` added last.

    Raises:
        ValueError: when a round of that name is already kept.
    """
    if any(r.name == round_.name for r in agreement.rounds):
        raise ValueError(f"a round named {round_.name!r} is already kept; pick another name")
    return dataclasses.replace(agreement, rounds=(*agreement.rounds, round_))


def ghost_schedule(agreement: Agreement, round_: Round) -> Schedule:
    """The round resolved, its lines renamed after the agreement's lines they match (by party and code).

    The chart draws a ghost bar under each line whose id it finds; a round imported from another
    delegation's workbook has ids of its own, and a code split since the round shows the old
    line's bar under each of the codes it became.

    Args:
        agreement: the agreement as it stands (its line ids are the chart's).
        round_: the round to draw behind it.

    Returns:
        A schedule with one line per agreement line that has a counterpart in the round.
    """
    schedule = resolve(round_agreement(agreement, round_))
    matching = match_lines(round_.lines, party_lines(agreement.lines, round_.party))
    by_identity = {id(r.line): r for r in schedule.lines}
    pairs = [*matching.pairs, *((o, n) for g in matching.regroupings for o in g.old[:1] for n in g.new)]
    lines = tuple(_renamed(by_identity[id(old)], new.id, new) for old, new in pairs)
    return dataclasses.replace(schedule, lines=lines)


def _renamed(resolved: ResolvedLine, line_id: str, line: Line) -> ResolvedLine:
    phases = tuple(dataclasses.replace(p, line=line_id) for p in resolved.phases)
    return dataclasses.replace(resolved, line=dataclasses.replace(resolved.line, id=line.id), phases=phases)
