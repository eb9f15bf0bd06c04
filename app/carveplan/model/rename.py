"""Renaming a record's key and every reference to it, so a rename never leaves a dangling id."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, assert_never

from carveplan.model import collection as col
from carveplan.model.agreement import Agreement
from carveplan.model.collection import RecordKind
from carveplan.model.line import Gate, Line, Phase
from carveplan.model.scenario import ExceptionInvoked, MilestoneDelay, MilestoneMissed, Override, Scenario
from carveplan.model.timing import Anchor, Timing
from carveplan.model.trade import TradeTable


def rename(agreement: Agreement, kind: RecordKind, old: str, new: str) -> Agreement:
    """The agreement with record ``old`` of ``kind`` renamed ``new``, and every reference to it too.

    Args:
        agreement: the agreement.
        kind: the collection (``RecordKind.MILESTONES``).
        old: the current key.
        new: the new key (the caller checks it is free).

    Returns:
        The renamed agreement; unchanged when ``old`` is not a key of ``kind``.
    """
    index = next((i for i, r in enumerate(col.records(agreement, kind)) if col.key_of(kind, r) == old), None)
    if index is None or old == new:
        return agreement
    return _follow(col.update_field(agreement, kind, index, kind.key, new), kind, old, new)


def _follow(a: Agreement, kind: RecordKind, old: str, new: str) -> Agreement:
    """The references to a renamed key carried along; a new kind must say what refers to it."""
    match kind:
        case RecordKind.PARTIES:
            return _parties(a, old, new)
        case RecordKind.SECTORS:
            return _sectors(a, old, new)
        case RecordKind.CATEGORIES:
            return _categories(a, old, new)
        case RecordKind.LINES:
            return _lines(a, old, new)
        case RecordKind.MILESTONES:
            return _milestones(a, old, new)
        case RecordKind.EXCEPTIONS:
            return _exceptions(a, old, new)
        case RecordKind.REVIEWS | RecordKind.SCENARIOS | RecordKind.ROUNDS:
            return a  # nothing refers to a review clause, a scenario or a round by its key
        case _:
            assert_never(kind)


def _parties(a: Agreement, old: str, new: str) -> Agreement:
    return replace(
        a,
        lines=tuple(replace(x, party=new) if x.party == old else x for x in a.lines),
        milestones=tuple(replace(m, party=new) if m.party == old else m for m in a.milestones),
        exceptions=tuple(replace(e, party=new) if e.party == old else e for e in a.exceptions),
        trade=_trade_parties(a.trade, old, new),
    )


def _trade_parties(table: TradeTable | None, old: str, new: str) -> TradeTable | None:
    """The trade table with a renamed party as importer and as partner."""
    if table is None:
        return None
    flows = tuple(
        replace(
            f,
            importer=new if f.importer == old else f.importer,
            partner=new if f.partner == old else f.partner,
        )
        for f in table.flows
    )
    return replace(table, flows=flows)


def _sectors(a: Agreement, old: str, new: str) -> Agreement:
    return replace(
        a,
        lines=tuple(replace(x, sector=new) if x.sector == old else x for x in a.lines),
        exceptions=tuple(
            replace(e, scope_sectors=_swap(e.scope_sectors, old, new)) if old in e.scope_sectors else e
            for e in a.exceptions
        ),
    )


def _categories(a: Agreement, old: str, new: str) -> Agreement:
    return replace(a, lines=tuple(replace(x, category=new) if x.category == old else x for x in a.lines))


def _lines(a: Agreement, old: str, new: str) -> Agreement:
    return replace(
        a,
        exceptions=tuple(
            replace(e, scope_lines=_swap(e.scope_lines, old, new)) if old in e.scope_lines else e
            for e in a.exceptions
        ),
    )


def _milestones(a: Agreement, old: str, new: str) -> Agreement:
    def timing(value: Timing) -> Timing:
        return (
            replace(value, milestone=new)
            if value.anchor is Anchor.MILESTONE and value.milestone == old
            else value
        )

    def gates(values: tuple[Gate, ...]) -> tuple[Gate, ...]:
        return tuple(replace(g, milestone=new) if g.milestone == old else g for g in values)

    def phase(p: Phase) -> Phase:
        return _update(p, start=timing(p.start), gates=gates(p.gates))

    def line(x: Line) -> Line:
        return _update(x, gates=gates(x.gates), phases=tuple(phase(p) for p in x.phases))

    def override(o: Override) -> Override:
        if isinstance(o, MilestoneDelay | MilestoneMissed) and o.milestone == old:
            return replace(o, milestone=new)
        if isinstance(o, ExceptionInvoked):
            return _update(o, start=timing(o.start))
        return o

    return replace(
        a,
        lines=tuple(line(x) for x in a.lines),
        milestones=tuple(
            _update(m, due=timing(m.due), depends_on=_swap(m.depends_on, old, new)) for m in a.milestones
        ),
        exceptions=tuple(_update(e, sunset=timing(e.sunset)) if e.sunset else e for e in a.exceptions),
        reviews=tuple(
            _update(r, first=timing(r.first), term_end=timing(r.term_end) if r.term_end else None)
            for r in a.reviews
        ),
        scenarios=tuple(_overrides(s, override) for s in a.scenarios),
    )


def _exceptions(a: Agreement, old: str, new: str) -> Agreement:
    def override(o: Override) -> Override:
        return replace(o, exception=new) if isinstance(o, ExceptionInvoked) and o.exception == old else o

    return replace(a, scenarios=tuple(_overrides(s, override) for s in a.scenarios))


def _overrides(scenario: Scenario, change: Any) -> Scenario:
    return _update(scenario, overrides=tuple(change(o) for o in scenario.overrides))


def _update(record: Any, **changes: Any) -> Any:
    # Untouched records stay the same objects, so views repaint only what the rename changed.
    if all(getattr(record, name) == value for name, value in changes.items()):
        return record
    return replace(record, **changes)


def _swap(values: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    return tuple(new if v == old else v for v in values)
