"""What an edit changed between two agreements, found by identity.

Records are immutable and an edit shares every record it did not touch, so comparing the old and
new collections object by object finds the changed records in one pass, without comparing fields:
a view told which collections and keys changed updates only those.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from carveplan.model.agreement import Agreement
from carveplan.model.collection import RecordKind, key_of, records

_COLLECTIONS = frozenset(kind.value for kind in RecordKind)
_SETTINGS = tuple(f.name for f in dataclasses.fields(Agreement) if f.name not in _COLLECTIONS)


@dataclass(frozen=True)
class AgreementChange:
    """What changed from one agreement to the next.

    Attributes:
        keys: for each collection kind that changed, the keys of its records added, removed or
            replaced (a reordering names the records that moved).
        settings: whether a field outside the collections changed (title, entry into force,
            rounding, staging rules, trade data, notes).
        everything: a new document: treat every collection as changed.
    """

    keys: Mapping[RecordKind, frozenset[str]] = field(default_factory=dict)
    settings: bool = False
    everything: bool = False

    @classmethod
    def all(cls) -> AgreementChange:
        """A change of everything (a document opened, reverted or replaced)."""
        return cls(settings=True, everything=True)

    @property
    def kinds(self) -> frozenset[RecordKind]:
        """The collection kinds that changed."""
        return frozenset(RecordKind) if self.everything else frozenset(self.keys)

    def touches(self, kind: RecordKind) -> bool:
        """Whether the collection ``kind`` changed."""
        return self.everything or kind in self.keys

    def keys_of(self, kind: RecordKind) -> frozenset[str] | None:
        """The changed keys of ``kind``: empty when it did not change, ``None`` when all may have."""
        if self.everything:
            return None
        return self.keys.get(kind, frozenset())

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not (self.keys or self.settings or self.everything)


def change_between(before: Agreement, after: Agreement) -> AgreementChange:
    """What turned ``before`` into ``after``, in one pass over each collection that is not the same tuple."""
    keys: dict[RecordKind, frozenset[str]] = {}
    for kind in RecordKind:
        old, new = records(before, kind), records(after, kind)
        if old is not new:
            changed = _changed_keys(kind, old, new)
            if changed:
                keys[kind] = changed
    settings = any(_differs(getattr(before, name), getattr(after, name)) for name in _SETTINGS)
    return AgreementChange(keys, settings)


def _changed_keys(kind: RecordKind, old: tuple[Any, ...], new: tuple[Any, ...]) -> frozenset[str]:
    if len(old) == len(new):
        pairs = [(a, b) for a, b in zip(old, new, strict=True) if a is not b]
        return frozenset(key_of(kind, r) for pair in pairs for r in pair)
    kept = {id(r) for r in old}.intersection(id(r) for r in new)
    return frozenset(key_of(kind, r) for r in (*old, *new) if id(r) not in kept)


def _differs(old: object, new: object) -> bool:
    return old is not new and old != new
