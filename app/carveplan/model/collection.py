"""The agreement's record collections by kind, and pure edits of them (used by undo commands)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from carveplan.model.agreement import Agreement


@dataclass(frozen=True)
class RecordKind:
    """One collection of the agreement.

    Attributes:
        name: the agreement field holding the tuple (``lines``).
        key: the record field that identifies a record (``id``, ``code``, ``name``).
        singular: the word for one record in messages (``line``).
    """

    name: str
    key: str
    singular: str


KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in (
        RecordKind("parties", "code", "party"),
        RecordKind("sectors", "id", "sector"),
        RecordKind("categories", "code", "staging category"),
        RecordKind("lines", "id", "line"),
        RecordKind("milestones", "id", "milestone"),
        RecordKind("exceptions", "id", "security exception"),
        RecordKind("reviews", "id", "review clause"),
        RecordKind("scenarios", "name", "scenario"),
        RecordKind("rounds", "name", "round"),
    )
}


def records(agreement: Agreement, kind: str) -> tuple[Any, ...]:
    """The records of ``kind`` (a key of :data:`KINDS`)."""
    result: tuple[Any, ...] = getattr(agreement, KINDS[kind].name)
    return result


def key_of(kind: str, record: Any) -> str:
    """The identifying value of ``record``."""
    value: str = getattr(record, KINDS[kind].key)
    return value


def find(agreement: Agreement, kind: str, key: str) -> Any | None:
    """The record of ``kind`` with ``key``, or ``None``."""
    return next((r for r in records(agreement, kind) if key_of(kind, r) == key), None)


def index_of(agreement: Agreement, kind: str, key: str) -> int:
    """The position of the record with ``key``; raises ``KeyError`` when absent."""
    for index, record in enumerate(records(agreement, kind)):
        if key_of(kind, record) == key:
            return index
    raise KeyError(f"no {KINDS[kind].singular} {key!r}")


def with_records(agreement: Agreement, kind: str, new: Iterable[Any]) -> Agreement:
    """The agreement with the collection of ``kind`` replaced."""
    changes: dict[str, Any] = {KINDS[kind].name: tuple(new)}
    return dataclasses.replace(agreement, **changes)


def replace_at(agreement: Agreement, kind: str, index: int, record: Any) -> Agreement:
    """The agreement with the record at ``index`` replaced by ``record``."""
    items = list(records(agreement, kind))
    items[index] = record
    return with_records(agreement, kind, items)


def update_field(agreement: Agreement, kind: str, index: int, field: str, value: Any) -> Agreement:
    """The agreement with one field of one record changed."""
    record = records(agreement, kind)[index]
    return replace_at(agreement, kind, index, dataclasses.replace(record, **{field: value}))


def insert(agreement: Agreement, kind: str, index: int, new: Sequence[Any]) -> Agreement:
    """The agreement with ``new`` records inserted before ``index``."""
    items = list(records(agreement, kind))
    items[index:index] = list(new)
    return with_records(agreement, kind, items)


def remove(agreement: Agreement, kind: str, indexes: Iterable[int]) -> Agreement:
    """The agreement without the records at ``indexes``."""
    drop = set(indexes)
    return with_records(agreement, kind, (r for i, r in enumerate(records(agreement, kind)) if i not in drop))


def unique_key(agreement: Agreement, kind: str, stem: str) -> str:
    """A key not used yet in ``kind``: ``stem``, else ``stem-2``, ``stem-3`` ..."""
    taken = {key_of(kind, r) for r in records(agreement, kind)}
    if stem not in taken:
        return stem
    number = 2
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"
