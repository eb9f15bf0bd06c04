"""Agreement records to plain JSON values, in dataclass field order so saved files diff cleanly."""

from __future__ import annotations

import dataclasses
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
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, Enum):  # before str: the model's enums are str subclasses
        return value.value
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")  # "f" never writes exponents such as 1E+1
    if isinstance(value, Duty):
        return format_duty(value, exact=True)  # every component, so it reads back the same shape
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Timing):
        return format_timing(value)
    if isinstance(value, Offset | MonthDay):
        return str(value)
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encode_record(value)
    raise TypeError(f"cannot write a {type(value).__name__} to a CarvePlan file")


def _encode_record(record: object) -> dict[str, Any]:
    result: dict[str, Any] = {}
    kind = OVERRIDE_KINDS.get(type(record))
    if kind is not None:
        result["kind"] = kind
    for name, empty in _layout(type(record)):
        value = getattr(record, name)
        if empty is not _KEEP and value == empty:
            continue
        result[name] = encode(value)
    return result


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
