"""Plain JSON values back to agreement records, collecting every problem with the path to its field."""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from carveplan.io.native.encode import OVERRIDE_KINDS
from carveplan.model import (
    Agreement,
    Duty,
    Location,
    MonthDay,
    Offset,
    Problem,
    Rate,
    Round,
    Timing,
    TimingError,
    error,
)
from carveplan.model import grammar as g
from carveplan.model import parse_timing as _parse_timing
from carveplan.model.grammar import MAX_DIGITS
from carveplan.model.ranges import whole_out_of_range
from carveplan.model.rates import parse_rate

_INVALID: Any = object()  # a value that could not be read; its problem is already recorded
_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")
__all__ = ["MAX_DIGITS", "decode_agreement"]
_KIND_TYPES = {kind: cls for cls, kind in OVERRIDE_KINDS.items()}


def decode_agreement(raw: object, file: str = "") -> tuple[Agreement | None, list[Problem]]:
    """Read an agreement from the ``agreement`` value of a CarvePlan file.

    Args:
        raw: the parsed JSON value.
        file: the file name, for problem locations.

    Returns:
        The agreement (``None`` when anything is wrong) and every problem found.
    """
    decoder = _Decoder(file)
    agreement = decoder.value(Agreement, raw, "")
    if decoder.problems or agreement is _INVALID:
        return None, decoder.problems
    return agreement, []


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _found(raw: object) -> str:
    """How a JSON value looks to a person editing the file."""
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int | Decimal | float):
        digits = str(raw) if not isinstance(raw, int) or abs(raw) < 10**40 else ""
        return f"the number {digits}" if 0 < len(digits) <= 40 else f"a number of {_length(raw):,} digits"
    if isinstance(raw, str):
        return repr(raw) if len(raw) <= 200 else f"{raw[:60]!r}… ({len(raw):,} characters)"
    return "a list" if isinstance(raw, list) else "an object"


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds half of a UTF-16 pair (JSON can escape one; no file or screen can show it)."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def _length(number: int | Decimal | float) -> int:
    """Digits of a number too long to print (``str`` of a 5,000-digit int is refused by Python)."""
    if isinstance(number, int):
        return len(Decimal(number).as_tuple().digits)
    return len(str(number))


class _Decoder:
    """Walks a JSON value along the model's type hints; every bad value becomes a problem."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str, code: str = "bad-value") -> Any:
        self.problems.append(error(Location(file=self.file, field=path or "agreement"), message, code))
        return _INVALID

    def expect(self, path: str, expected: str, raw: object) -> Any:
        return self.fail(path, f"expected {expected}, found {_found(raw)}", "wrong-type")

    def value(self, hint: Any, raw: object, path: str) -> Any:
        origin = typing.get_origin(hint)
        if hint in _SCALARS:  # before unions: a rate is a decimal or a duty, written as one text
            return _SCALARS[hint](self, raw, path)
        if origin in (typing.Union, types.UnionType):
            return self.union(typing.get_args(hint), raw, path)
        if origin is tuple:
            return self.sequence(typing.get_args(hint)[0], raw, path)
        if isinstance(hint, type) and issubclass(hint, Enum):
            return self.enum(hint, raw, path)
        if dataclasses.is_dataclass(hint) and hint not in _SCALARS:
            return self.record(hint, raw, path)  # type: ignore[arg-type]
        return _SCALARS[hint](self, raw, path)

    def union(self, options: tuple[Any, ...], raw: object, path: str) -> Any:
        present = [o for o in options if o is not type(None)]
        if len(present) < len(options):  # X | None
            return None if raw is None else self.value(optional_of(options), raw, path)
        if not isinstance(raw, dict):
            return self.expect(path, 'an object with a "kind"', raw)
        kind = raw.get("kind")
        cls = _KIND_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            allowed = ", ".join(_KIND_TYPES)
            return self.fail(f"{path}.kind", f"unknown kind {_found(kind)}; expected one of: {allowed}")
        return self.record(cls, {k: v for k, v in raw.items() if k != "kind"}, path)

    def sequence(self, item: Any, raw: object, path: str) -> Any:
        if not isinstance(raw, list):
            return self.expect(path, "a list", raw)
        items = [self.value(item, element, f"{path}[{index}]") for index, element in enumerate(raw)]
        return _INVALID if any(i is _INVALID for i in items) else tuple(items)

    def enum(self, cls: type[Enum], raw: object, path: str) -> Any:
        allowed = [member.value for member in cls]
        if isinstance(raw, str) and raw in allowed:
            return cls(raw)
        message = f"unknown value {_found(raw)}; expected one of: {', '.join(allowed)}"
        return self.fail(path, message, "bad-enum")

    def record(self, cls: type, raw: object, path: str) -> Any:
        if not isinstance(raw, dict):
            return self.expect(path, "an object", raw)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        prefix = f"{path}." if path else ""
        for key in raw:
            if key not in fields:
                message = f"unknown field {key!r}; expected one of: {', '.join(fields)}"
                self.fail(f"{prefix}{key}", message, "unknown-field")
        values: dict[str, Any] = {}
        for name, field in fields.items():
            if name in raw:
                value = self.value(_hints(cls)[name], raw[name], prefix + name)
                values[name] = self.in_range(cls, name, value, prefix + name)
            elif _required(field):
                values[name] = self.fail(prefix + name, "missing; this field is required", "missing-field")
        if any(v is _INVALID for v in values.values()):
            return _INVALID
        return cls(**values)

    # --- scalars ----------------------------------------------------------

    def text(self, raw: object, path: str) -> Any:
        if not isinstance(raw, str):
            return self.expect(path, "text in quotes", raw)
        if has_lone_surrogate(raw):
            message = "text with a broken character (an escape such as \\ud800 that is half of one)"
            return self.fail(path, message, "bad-text")
        return raw

    def boolean(self, raw: object, path: str) -> Any:
        return raw if isinstance(raw, bool) else self.expect(path, "true or false", raw)

    def integer(self, raw: object, path: str) -> Any:
        if isinstance(raw, Decimal) and raw.is_finite() and raw == raw.to_integral_value():
            # 12.0 is still twelve months; 1e999999999 is refused before it becomes a billion digits.
            number = int(raw) if raw.adjusted() <= MAX_DIGITS else None
        elif isinstance(raw, int) and not isinstance(raw, bool):
            number = raw
        else:
            return self.expect(path, "a whole number", raw)
        if number is None or abs(number) >= 10**MAX_DIGITS:
            message = f"expected a whole number of at most {MAX_DIGITS} digits, found {_found(raw)}"
            return self.fail(path, message, "out-of-range")
        return number

    def in_range(self, cls: type, name: str, value: Any, path: str) -> Any:
        """``value`` of field ``name``, or a problem when it is a whole number outside the field's range."""
        if type(value) is not int:
            return value
        expected = whole_out_of_range(name, value, cls.__name__)
        if expected is None:
            return value
        return self.fail(path, f"expected {expected}, found the number {value}", "out-of-range")

    def decimal(self, raw: object, path: str) -> Any:
        if isinstance(raw, bool) or not isinstance(raw, str | int | Decimal):
            return self.expect(path, 'a decimal number such as "6.8"', raw)
        if isinstance(raw, Decimal) and not (raw.is_finite() and abs(raw.adjusted()) <= MAX_DIGITS):
            # Written out in full, 1e999999999 would be a billion digits: refuse it as it is.
            return self.expect(path, "a number from 1e-15 to 1e15", raw)
        return self.grammar(g.parse_number, raw if isinstance(raw, str) else format(Decimal(raw), "f"), path)

    def rate(self, raw: object, path: str) -> Any:
        # A plain value is a number as for any decimal; a compound duty its published text.
        if isinstance(raw, str) and not g.looks_numeric(raw):
            value = self.grammar(lambda text: parse_rate(text)[0], raw, path)
            if value is _INVALID or isinstance(value, Duty):
                return value
        return self.decimal(raw, path)

    def day(self, raw: object, path: str) -> Any:
        if not isinstance(raw, str):
            return self.expect(path, g.DATE, raw)
        return self.grammar(g.parse_date, raw, path)

    def timing(self, raw: object, path: str) -> Any:
        if not isinstance(raw, str):
            return self.expect(path, 'a timing such as "EIF+6m", "Y3" or "M:REG-1"', raw)
        try:
            return _parse_timing(raw)
        except TimingError as err:
            return self.fail(path, err.describe(), "bad-timing")

    def offset(self, raw: object, path: str) -> Any:
        if not isinstance(raw, str):
            return self.expect(path, 'an offset such as "+6m", "2y" or "-90d"', raw)
        return self.grammar(g.parse_offset, raw, path)

    def grammar(self, parse: Callable[[str], Any], raw: str, path: str) -> Any:
        """A value read by the grammar every surface shares: the same text, the same value or message."""
        try:
            return parse(raw)
        except g.CellError as err:
            return self.expect(path, err.expected, raw)

    def month_day(self, raw: object, path: str) -> Any:
        match = _MONTH_DAY.fullmatch(raw) if isinstance(raw, str) else None
        try:
            if match:
                month, day = (int(g) for g in match.groups())
                date(2001, month, day)  # 2001 has no 29 February, which a yearly stage day cannot use
                return MonthDay(month, day)
        except ValueError:
            pass
        return self.expect(path, 'a month and day "MM-DD" such as "01-01" or "04-01" (not 29 February)', raw)


def optional_of(options: tuple[Any, ...]) -> Any:
    """The hint ``X`` of ``X | None``, where ``X`` may itself be a union (a rate)."""
    present = [o for o in options if o is not type(None)]
    return present[0] if len(present) == 1 else functools.reduce(operator.or_, present)


def _required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


_SCALARS: dict[Any, Any] = {
    str: _Decoder.text,
    bool: _Decoder.boolean,
    int: _Decoder.integer,
    Decimal: _Decoder.decimal,
    Rate: _Decoder.rate,
    date: _Decoder.day,
    Timing: _Decoder.timing,
    Offset: _Decoder.offset,
    MonthDay: _Decoder.month_day,
}


def decode_rounds(
    raw: object, file: str = "", path: str = "rounds"
) -> tuple[tuple[Round, ...], list[Problem]]:
    """Read negotiating rounds from their native JSON value (the exchange workbook keeps them so).

    Args:
        raw: the parsed JSON list.
        file: the file name, for problem locations.
        path: where the value sits, for problem locations.

    Returns:
        The rounds (empty when anything is wrong) and every problem found.
    """
    decoder = _Decoder(file)
    rounds = decoder.value(tuple[Round, ...], raw, path)
    if decoder.problems or rounds is _INVALID:
        return (), decoder.problems
    return rounds, []
