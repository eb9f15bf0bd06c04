"""Undo commands: every edit of the document is one of these, pushed on its undo stack."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from carveplan.model import Agreement, Phase, RecordKind
from carveplan.model import collection as col
from carveplan.model.rename import rename
from carveplan.ui.document import Document


class ReplaceAgreement(QUndoCommand):
    """Swap the whole agreement for an edited copy.

    Records are immutable, so the old and new agreements share every record the edit did not
    touch: keeping both costs a few tuples, and undo is exact by construction.
    """

    def __init__(self, document: Document, after: Agreement, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._before = document.agreement
        self._after = after

    def redo(self) -> None:
        self._document.set_agreement(self._after)

    def undo(self) -> None:
        self._document.set_agreement(self._before)


def apply(document: Document, after: Agreement, text: str) -> bool:
    """Push an edit that turns the agreement into ``after``; no step when nothing changed."""
    if after == document.agreement:
        return False
    document.undo_stack.push(ReplaceAgreement(document, after, text))
    return True


def edit_field(
    document: Document, kind: RecordKind, index: int, field: str, value: Any, label: str = ""
) -> bool:
    """Change one field of one record, as one undo step named after the field and the record."""
    record = col.records(document.agreement, kind)[index]
    old = col.key_of(kind, record)
    if field == kind.key and isinstance(value, str):
        # A new key carries every reference along (gates, scopes, overrides): nothing dangles.
        after = rename(document.agreement, kind, old, value)
        return apply(document, after, f"Rename {kind.singular} {old} to {value}")
    after = col.update_field(document.agreement, kind, index, field, value)
    name = label or field.replace("_", " ")
    return apply(document, after, f"Edit {name} of {kind.singular} {old}")


def edit_fields(
    document: Document, kind: RecordKind, index: int, changes: dict[str, Any], label: str = ""
) -> bool:
    """Change several fields of one record together (a rate and its unit), as one undo step."""
    record = col.records(document.agreement, kind)[index]
    after = col.replace_at(document.agreement, kind, index, dataclasses.replace(record, **changes))
    name = label or ", ".join(changes).replace("_", " ")
    return apply(document, after, f"Edit {name} of {kind.singular} {col.key_of(kind, record)}")


def add_records(document: Document, kind: RecordKind, index: int, new: Sequence[Any]) -> bool:
    """Insert records before ``index`` as one undo step."""
    after = col.insert(document.agreement, kind, index, new)
    noun = kind.singular
    text = f"Add {noun} {col.key_of(kind, new[0])}" if len(new) == 1 else f"Add {len(new)} {kind}"
    return apply(document, after, text)


def remove_records(document: Document, kind: RecordKind, indexes: Iterable[int]) -> bool:
    """Delete the records at ``indexes`` as one undo step."""
    drop = sorted(set(indexes))
    if not drop:
        return False
    items = col.records(document.agreement, kind)
    noun = kind.singular
    text = (
        f"Delete {noun} {col.key_of(kind, items[drop[0]])}"
        if len(drop) == 1
        else f"Delete {len(drop)} {kind}"
    )
    return apply(document, col.remove(document.agreement, kind, drop), text)


def with_phases(agreement: Agreement, line_id: str, phases: Sequence[Phase]) -> Agreement:
    """The agreement with the explicit phases of line ``line_id`` replaced (phases live inside their line)."""
    index = col.index_of(agreement, RecordKind.LINES, line_id)
    line = agreement.lines[index]
    after = col.update_field(agreement, RecordKind.LINES, index, "phases", tuple(phases))
    if phases and not line.phases and line.gates and all(set(line.gates) <= set(p.gates) for p in phases):
        # Phases written out from a category already carry the line's gates: kept on the line too,
        # they would be a warning ("line gates apply to phases generated from a category").
        after = col.update_field(after, RecordKind.LINES, index, "gates", ())
    return after


def set_phases(document: Document, line_id: str, phases: Sequence[Phase], text: str) -> bool:
    """Replace the explicit phases of a line as one undo step named ``text``."""
    return apply(document, with_phases(document.agreement, line_id, phases), text)
