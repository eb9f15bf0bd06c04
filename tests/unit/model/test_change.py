"""What an edit changed, found by identity: the collections and keys views update."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from carveplan.model import Agreement, Line, Milestone, Party, RecordKind, Timing
from carveplan.model.change import AgreementChange, change_between


def _deal() -> Agreement:
    lines = tuple(Line(f"L{n}", "AAA", "energy", f"27{n:04d}", base=Decimal(5)) for n in range(4))
    milestones = (Milestone("M1", "AAA", "First", Timing.eif()),)
    return Agreement(
        "Deal", date(2027, 1, 1), parties=(Party("AAA", "Alpha"),), lines=lines, milestones=milestones
    )


def test_a_replaced_line_is_named_and_nothing_else() -> None:
    before = _deal()
    lines = list(before.lines)
    lines[2] = replace(lines[2], base=Decimal(1))
    change = change_between(before, replace(before, lines=tuple(lines)))
    assert change.keys == {RecordKind.LINES: frozenset({"L2"})}
    assert not change.settings
    assert change.touches(RecordKind.LINES)
    assert not change.touches(RecordKind.MILESTONES)
    assert change.keys_of(RecordKind.MILESTONES) == frozenset()


def test_added_removed_and_moved_records_are_named() -> None:
    before = _deal()
    added = Line("NEW", "AAA", "energy", "280000")
    after = replace(before, lines=(before.lines[1], before.lines[0], added, *before.lines[3:]))
    assert change_between(before, after).keys_of(RecordKind.LINES) == {"L0", "L1", "L2", "NEW"}


def test_settings_and_a_new_document() -> None:
    before = _deal()
    change = change_between(before, replace(before, eif=date(2028, 1, 1)))
    assert change.settings
    assert not change.keys
    assert change_between(before, before).empty
    everything = AgreementChange.all()
    assert everything.touches("rounds")
    assert everything.keys_of(RecordKind.LINES) is None
    assert RecordKind.LINES in everything.kinds
