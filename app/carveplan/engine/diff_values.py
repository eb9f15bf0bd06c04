"""Field-by-field changes between two versions of a record, with values written as schedules write them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from carveplan.model import Duty, Gate, Offset, Phase, Step, Timing, format_timing
from carveplan.model.duty import format_duty


@dataclass(frozen=True)
class FieldChange:
    """One field that differs.

    Attributes:
        field: the field's name (``category``, ``base``, ``final date``).
        old: the old value as text (empty when there was none).
        new: the new value as text.
    """

    field: str
    old: str
    new: str


def text(value: object) -> str:
    """A model value as a person reads it in a schedule (``6.8``, ``EIF+6m``, ``REG-1+6m, DATA-2``)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool | int | str):
        return str(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 6.80 and 6.8 are one rate; "f" never writes 1E+2
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Timing):
        return format_timing(value)
    if isinstance(value, Offset):
        return str(value)
    if isinstance(value, Duty):
        return format_duty(value)  # 3.4¢/kg + 2%, as schedules print it
    if isinstance(value, Gate):
        return value.milestone + (str(value.lag) if value.lag is not None else "")
    if isinstance(value, Phase):
        gates = f" [{text(value.gates)}]" if value.gates else ""
        return f"{format_timing(value.start)}: {text(value.value)}{gates}"
    if isinstance(value, Step):
        return f"Y{value.year}={text(value.value)}"
    if isinstance(value, tuple):
        separator = "; " if value and isinstance(value[0], Phase) else ", "
        return separator.join(text(item) for item in value)
    if dataclasses.is_dataclass(value):
        return ", ".join(f"{f.name}={text(getattr(value, f.name))}" for f in dataclasses.fields(value))
    return str(value)


def changes(old: object, new: object, fields: Iterable[str]) -> tuple[FieldChange, ...]:
    """The ``fields`` whose values differ between ``old`` and ``new`` (compared as values, not text)."""
    found = []
    for name in fields:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            found.append(FieldChange(name.replace("_", " "), text(before), text(after)))
    return tuple(found)


def record_fields(record: object, skip: Iterable[str] = ()) -> tuple[str, ...]:
    """The names of a record's fields, without ``skip``."""
    left = set(skip)
    return tuple(f.name for f in dataclasses.fields(record) if f.name not in left)  # type: ignore[arg-type]
