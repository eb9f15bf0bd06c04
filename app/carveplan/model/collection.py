"""The agreement's record collections by kind, and pure edits of them (used by undo commands)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence, Set
from enum import StrEnum
from typing import Any, assert_never

from carveplan.model.agreement import Agreement


class RecordKind(StrEnum):
    """One collection of the agreement; the value is the agreement field holding the tuple.

    The values are also the keys of the ``.carveplan`` file, so they never change spelling.
    """

    PARTIES = "parties"
    SECTORS = "sectors"
    CATEGORIES = "categories"
    LINES = "lines"
    MILESTONES = "milestones"
    EXCEPTIONS = "exceptions"
    REVIEWS = "reviews"
    SCENARIOS = "scenarios"
    ROUNDS = "rounds"

    @property
    def key(self) -> str:
        """The record field that identifies a record (``id``, ``code``, ``name``)."""
        match self:
            case RecordKind.PARTIES | RecordKind.CATEGORIES:
                return "code"
            case RecordKind.SCENARIOS | RecordKind.ROUNDS:
                return "name"
            case (
                RecordKind.SECTORS
                | RecordKind.LINES
                | RecordKind.MILESTONES
                | RecordKind.EXCEPTIONS
                | RecordKind.REVIEWS
            ):
                return "id"
            case _:
                assert_never(self)

    @property
    def singular(self) -> str:
        """The word for one record in messages (``line``)."""
        match self:
            case RecordKind.PARTIES:
                return "party"
            case RecordKind.SECTORS:
                return "sector"
            case RecordKind.CATEGORIES:
                return "staging category"
            case RecordKind.LINES:
                return "line"
            case RecordKind.MILESTONES:
                return "milestone"
            case RecordKind.EXCEPTIONS:
                return "security exception"
            case RecordKind.REVIEWS:
                return "review clause"
            case RecordKind.SCENARIOS:
                return "scenario"
            case RecordKind.ROUNDS:
                return "round"
            case _:
                assert_never(self)


def records(agreement: Agreement, kind: RecordKind) -> tuple[Any, ...]:
    """The records of ``kind``."""
    result: tuple[Any, ...] = getattr(agreement, kind.value)
    return result


def key_of(kind: RecordKind, record: Any) -> str:
    """The identifying value of ``record``."""
    value: str = getattr(record, kind.key)
    return value


def find(agreement: Agreement, kind: RecordKind, key: str) -> Any | None:
    """The record of ``kind`` with ``key``, or ``None``."""
    field = kind.key
    return next((r for r in records(agreement, kind) if getattr(r, field) == key), None)


def index_of(agreement: Agreement, kind: RecordKind, key: str) -> int:
    """The position of the record with ``key``; raises ``KeyError`` when absent."""
    field = kind.key
    for index, record in enumerate(records(agreement, kind)):
        if getattr(record, field) == key:
            return index
    raise KeyError(f"no {kind.singular} {key!r}")


def with_records(agreement: Agreement, kind: RecordKind, new: Iterable[Any]) -> Agreement:
    """The agreement with the collection of ``kind`` replaced."""
    changes: dict[str, Any] = {kind.value: tuple(new)}
    return dataclasses.replace(agreement, **changes)


def replace_at(agreement: Agreement, kind: RecordKind, index: int, record: Any) -> Agreement:
    """The agreement with the record at ``index`` replaced by ``record``."""
    items = list(records(agreement, kind))
    items[index] = record
    return with_records(agreement, kind, items)


def update_field(agreement: Agreement, kind: RecordKind, index: int, field: str, value: Any) -> Agreement:
    """The agreement with one field of one record changed."""
    record = records(agreement, kind)[index]
    return replace_at(agreement, kind, index, dataclasses.replace(record, **{field: value}))


def insert(agreement: Agreement, kind: RecordKind, index: int, new: Sequence[Any]) -> Agreement:
    """The agreement with ``new`` records inserted before ``index``."""
    items = list(records(agreement, kind))
    items[index:index] = list(new)
    return with_records(agreement, kind, items)


def remove(agreement: Agreement, kind: RecordKind, indexes: Iterable[int]) -> Agreement:
    """The agreement without the records at ``indexes``."""
    drop = set(indexes)
    return with_records(agreement, kind, (r for i, r in enumerate(records(agreement, kind)) if i not in drop))


def unique_key(agreement: Agreement, kind: RecordKind, stem: str) -> str:
    """A key not used yet in ``kind``: ``stem``, else ``stem-2``, ``stem-3`` ..."""
    field = kind.key
    return free_key(stem, {getattr(r, field) for r in records(agreement, kind)})


def free_key(stem: str, taken: Set[str]) -> str:
    """``stem`` if it is not in ``taken``, else the first free ``stem-2``, ``stem-3`` ..."""
    if stem not in taken:
        return stem
    number = 2
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"
