"""Which deadlines concern the parties and sectors a user asked for (calendar exports of one file)."""

from __future__ import annotations

from collections.abc import Iterable

from carveplan.engine.deadlines import Deadline, DeadlineKind
from carveplan.model import Agreement, PartyCode, SectorId

_MILESTONE_KINDS = frozenset({DeadlineKind.MILESTONE})
_AGREEMENT_KINDS = frozenset({DeadlineKind.REVIEW, DeadlineKind.TERM_END})


def filter_deadlines(
    found: Iterable[Deadline],
    agreement: Agreement,
    sectors: Iterable[SectorId] = (),
    parties: Iterable[PartyCode] = (),
) -> tuple[Deadline, ...]:
    """The deadlines that concern ``sectors`` and ``parties`` (empty: no filter on that).

    A milestone concerns its party and the sectors of the lines it gates; an exception its party and
    the sectors in its scope; reviews and the term concern everyone and are always kept.

    Args:
        found: deadlines from :func:`carveplan.engine.deadlines.deadlines`.
        agreement: the agreement they come from.
        sectors: sector ids asked for.
        parties: party codes asked for.

    Returns:
        The deadlines kept, in their order.
    """
    wanted_sectors, wanted_parties = set(sectors), set(parties)
    if not wanted_sectors and not wanted_parties:
        return tuple(found)
    scopes = _milestone_scopes(agreement) | _exception_scopes(agreement)
    kept = []
    for deadline in found:
        if deadline.kind in _AGREEMENT_KINDS:
            kept.append(deadline)
            continue
        group = "milestone" if deadline.kind in _MILESTONE_KINDS else "exception"
        party, covered = scopes.get((group, deadline.record), ("", frozenset()))
        if wanted_parties and party not in wanted_parties:
            continue
        if wanted_sectors and not covered & wanted_sectors:
            continue
        kept.append(deadline)
    return tuple(kept)


def _milestone_scopes(agreement: Agreement) -> dict[tuple[str, str], tuple[str, frozenset[str]]]:
    gated: dict[str, set[str]] = {}
    for line in agreement.lines:
        gates = [*line.gates, *(g for phase in line.phases for g in phase.gates)]
        for gate in gates:
            gated.setdefault(gate.milestone, set()).add(line.sector)
    return {("milestone", m.id): (m.party, frozenset(gated.get(m.id, ()))) for m in agreement.milestones}


def _exception_scopes(agreement: Agreement) -> dict[tuple[str, str], tuple[str, frozenset[str]]]:
    sector_of = {line.id: line.sector for line in agreement.lines}
    return {
        ("exception", e.id): (
            e.party,
            frozenset(e.scope_sectors) | {sector_of[i] for i in e.scope_lines if i in sector_of},
        )
        for e in agreement.exceptions
    }
