"""Agreement records to plain JSON values, in dataclass field order so saved files diff cleanly."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from carveplan.model import (
    Cuts,
    Duty,
    EifMoved,
    ExceptionInvoked,
    MilestoneDelay,
    MilestoneMissed,
    MonthDay,
    Offset,
    Timing,
    format_timing,
)
from carveplan.model.duty import format_duty

# Scenario overrides share one list, so each carries a "kind" naming its record type.
OVERRIDE_KINDS: dict[type, str] = {
    MilestoneDelay: "milestone_delay",
    MilestoneMissed: "milestone_missed",
    ExceptionInvoked: "exception_invoked",
    EifMoved: "eif_moved",
}

# Defaults that mean "nothing here"; a field left at one of them is not written.
_EMPTY: tuple[object, ...] = (None, "", (), Cuts.ALL)

JsonValue = None | bool | int | str | list[Any] | dict[str, Any]


def encode(value: object) -> JsonValue:
    """A JSON-ready value for a model value.

    Timings are written as their canonical text (``EIF+6m``), offsets as ``+6m``, the stage day as
    ``MM-DD``, dates in ISO form, decimals as strings in plain notation (``"6.8"``), enums by value.

    Args:
        value: a record, tuple or scalar from the model.

    Returns:
        Nested dicts, lists, strings, numbers, booleans and ``None``.
    """
    kind = type(value)
    writer = _WRITERS.get(kind)
    if writer is None:
        writer = _writer_for(value)
        _WRITERS[kind] = writer  # what to do depends on the type alone: a file holds 500,000 values
    return writer(value)


def _writer_for(value: object) -> Callable[[Any], JsonValue]:
    if value is None or isinstance(value, bool | int):
        return _same
    if isinstance(value, Enum):  # before str: the model's enums are str subclasses
        return _enum_value
    if isinstance(value, str):
        return _same
    if isinstance(value, Decimal):
        return _decimal  # "f" never writes exponents such as 1E+1
    if isinstance(value, Duty):
        return _duty  # every component, so it reads back the same shape
    if isinstance(value, date):
        return _isoformat
    if isinstance(value, Timing):
        return format_timing
    if isinstance(value, Offset | MonthDay):
        return str
    if isinstance(value, tuple):
        return _list
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encode_record
    raise TypeError(f"cannot write a {type(value).__name__} to a CarvePlan file")


def _same(value: JsonValue) -> JsonValue:
    return value


def _enum_value(value: Enum) -> JsonValue:
    return value.value


def _decimal(value: Decimal) -> str:
    return format(value, "f")


def _duty(value: Duty) -> str:
    return format_duty(value, exact=True)


def _isoformat(value: date) -> str:
    return value.isoformat()


def _list(value: tuple[object, ...]) -> list[JsonValue]:
    return [encode(item) for item in value]


_WRITERS: dict[type, Callable[[Any], JsonValue]] = {}


def _encode_record(record: object) -> dict[str, Any]:
    result: dict[str, Any] = {}
    kind = OVERRIDE_KINDS.get(type(record))
    if kind is not None:
        result["kind"] = kind
    for name, empty in _layout(type(record)):
        value = getattr(record, name)
        if empty is not _KEEP and value == empty:
            continue
        # Most fields are plain text or numbers, written as they are: no walk down encode's checks.
        result[name] = value if type(value) in _PLAIN else encode(value)
    return result


_PLAIN = frozenset({str, int, bool, type(None)})  # exactly these types: enums derive from str


_KEEP = object()  # a field with no empty default: always written
_LAYOUTS: dict[type, tuple[tuple[str, object], ...]] = {}


def _layout(kind: type) -> tuple[tuple[str, object], ...]:
    """A record type's fields and the empty default that leaves each out, looked up once per type
    (``dataclasses.fields`` per record was a fifth of saving 100,000 records)."""
    layout = _LAYOUTS.get(kind)
    if layout is None:
        layout = tuple((field.name, _empty(field)) for field in dataclasses.fields(kind))
        _LAYOUTS[kind] = layout
    return layout


def _empty(field: dataclasses.Field[Any]) -> object:
    """The field's default when it means "nothing here" (an empty note, no gates), else ``_KEEP``."""
    return field.default if field.default is not dataclasses.MISSING and field.default in _EMPTY else _KEEP
