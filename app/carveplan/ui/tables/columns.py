"""Table columns as data: what a column shows, how its text is read back and which editor it gets (no Qt)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from carveplan.model import Agreement
from carveplan.ui.document import Selectable
from carveplan.ui.tables.cells import CellError, enum_label, enum_parser, format_optional, parse_text


class Editor(StrEnum):
    """The editor a cell opens with."""

    TEXT = "text"
    NUMBER = "number"
    CHOICE = "choice"
    TIMING = "timing"
    DATE = "date"
    GATES = "gates"


Choices = Callable[[Agreement], Sequence[str]]
Check = Callable[[Agreement, Any], None]


@dataclass(frozen=True)
class Column:
    """One column of a record table.

    Attributes:
        field: the record field shown.
        header: the header text.
        format: field value -> cell text.
        parse: cell text -> field value, raising ``CellError``; ``None`` for a read-only column.
        editor: the editor kind.
        choices: the drop-down's entries for ``Editor.CHOICE`` (from the agreement, e.g. its parties).
        tooltip: the header's tooltip, saying what the cell accepts.
        width: the initial width in characters.
        show: (record, unit) -> cell text, for a value written in its line's unit (a rate).
        check: refuses a read value the agreement makes untrue (a gate on no milestone), raising
            ``CellError``; ``None`` when the text alone decides.
    """

    field: str
    header: str
    format: Callable[[Any], str] = format_optional
    parse: Callable[[str], Any] | None = parse_text
    editor: Editor = Editor.TEXT
    choices: Choices | None = None
    tooltip: str = ""
    width: int = 12
    show: Callable[[Any, str], str] | None = None
    check: Check | None = None

    @property
    def editable(self) -> bool:
        """Whether cells of this column can be edited."""
        return self.parse is not None

    @property
    def numeric(self) -> bool:
        """Whether cells are numbers (aligned right, sorted by value)."""
        return self.editor is Editor.NUMBER

    def text(self, record: Any, unit: str | None = None) -> str:
        """The cell text for ``record``; ``unit`` is its line's when the record has none (a phase)."""
        if self.show is not None:
            return self.show(record, unit or str(getattr(record, "unit", "%")))
        return self.format(getattr(record, self.field))

    def read(self, text: str) -> Any:
        """The field value for ``text``; raises ``CellError`` with the column's header in front."""
        if self.parse is None:
            raise CellError.plain(f"{self.header}: read-only")
        try:
            return self.parse(text)
        except CellError as err:
            raise CellError.plain(f"{self.header}: {err}") from None

    def read_in(self, agreement: Agreement, text: str) -> Any:
        """:meth:`read`, then the column's check against ``agreement``."""
        value = self.read(text)
        if self.check is not None:
            try:
                self.check(agreement, value)
            except CellError as err:
                raise CellError.plain(f"{self.header}: {err}") from None
        return value


def enum_column(field: str, header: str, enum: type[StrEnum], tooltip: str = "", width: int = 12) -> Column:
    """A drop-down column over the members of ``enum``."""
    labels = tuple(enum_label(m) for m in enum)
    return Column(
        field,
        header,
        format=lambda value: enum_label(value),
        parse=enum_parser(enum),
        editor=Editor.CHOICE,
        choices=lambda _agreement: labels,
        tooltip=tooltip or "One of: " + ", ".join(labels),
        width=width,
    )


@dataclass(frozen=True)
class TableSpec:
    """What a table shows for one kind of record.

    Attributes:
        kind: the collection, or ``phases``.
        title: the tab title.
        columns: the columns, in order.
        key_field: the field identifying a record (``None`` for phases, identified by position).
        new_record: builds a record with sensible defaults, given the agreement and a free key.
        stem: the stem for new keys (``L``, ``M``).
    """

    kind: Selectable
    title: str
    columns: tuple[Column, ...]
    key_field: str | None
    new_record: Callable[[Agreement, str], Any]
    stem: str = ""

    def column_of(self, field: str) -> int:
        """The index of the column showing ``field``."""
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def build(self, agreement: Agreement, key: str, values: dict[str, Any]) -> Any:
        """A new record with defaults, ``key`` and the given field values."""
        return dataclasses.replace(self.new_record(agreement, key), **values)
