"""The differences between two versions summed up per party and sector."""

from __future__ import annotations

from dataclasses import dataclass

from carveplan.engine.collector import collector_paused
from carveplan.engine.diff import AgreementDiff, Change, LineDiff
from carveplan.model import PartyCode, SectorId


@dataclass(frozen=True)
class DiffSummary:
    """What moved for one party in one sector.

    Attributes:
        party: the party.
        sector: the sector id (of the new line; of the old one when withdrawn).
        name: the sector's display name.
        lines: lines in the new version.
        added: lines added.
        withdrawn: lines withdrawn.
        changed: lines with any change (split and merged ones included).
        split: old codes split into several.
        merged: new codes that merge several old ones.
        earlier: lines reaching their final value earlier.
        later: lines reaching it later.
        mean_months: the average change of the final date in months, over lines dated in both.
        newly_excluded: lines carved out entirely now that had a commitment before.
        no_longer_excluded: lines with a commitment now that were carved out before.
    """

    party: PartyCode
    sector: SectorId
    name: str
    lines: int = 0
    added: int = 0
    withdrawn: int = 0
    changed: int = 0
    split: int = 0
    merged: int = 0
    earlier: int = 0
    later: int = 0
    mean_months: float = 0.0
    newly_excluded: int = 0
    no_longer_excluded: int = 0


def summarize(result: AgreementDiff) -> tuple[DiffSummary, ...]:
    """One summary per party and sector with lines in either version, in the agreement's sector order.

    Args:
        result: the comparison.

    Returns:
        The summaries, by party then by sector.
    """
    with collector_paused():
        return _summarize(result)


def _summarize(result: AgreementDiff) -> tuple[DiffSummary, ...]:
    groups: dict[tuple[PartyCode, SectorId], list[LineDiff]] = {}
    for entry in result.lines:
        groups.setdefault((entry.party, entry.line.sector), []).append(entry)
    sectors = result.new.agreement.sectors + result.old.agreement.sectors
    names = {s.id: s.name for s in reversed(sectors)}
    rank = {sector.id: index for index, sector in reversed(list(enumerate(sectors)))}
    order = sorted(groups, key=lambda k: (k[0], rank.get(k[1], len(rank)), k[1]))
    return tuple(
        _summary(party, sector, names.get(sector, sector), groups[(party, sector)]) for party, sector in order
    )


def _summary(party: PartyCode, sector: SectorId, name: str, entries: list[LineDiff]) -> DiffSummary:
    """One pass over the group's lines (a national schedule has thousands per group)."""
    counts = dict.fromkeys(("lines", "added", "withdrawn", "changed", "earlier", "later", "newly", "back"), 0)
    split: set[int] = set()
    merged: set[int] = set()
    moves = dated = 0
    for e in entries:
        counts["lines"] += e.new is not None
        if e.change is Change.ADDED:
            counts["added"] += 1
        elif e.change is Change.WITHDRAWN:
            counts["withdrawn"] += 1
        elif e.change is not Change.UNCHANGED:
            counts["changed"] += 1
            if e.change is Change.SPLIT:
                split.add(id(e.old))
            elif e.change is Change.MERGED:
                merged.add(id(e.new))
        if e.old_final is not None and e.new_final is not None:
            dated += 1
            moves += e.months or 0
            counts["earlier"] += e.new_final < e.old_final
            counts["later"] += e.new_final > e.old_final
        if e.old is not None and e.new is not None and e.old_excluded != e.new_excluded:
            counts["newly" if e.new_excluded else "back"] += 1
    return DiffSummary(
        party, sector, name, counts["lines"], counts["added"], counts["withdrawn"], counts["changed"],
        len(split), len(merged), counts["earlier"], counts["later"],
        round(moves / dated, 1) if dated else 0.0, counts["newly"], counts["back"],
    )  # fmt: skip
