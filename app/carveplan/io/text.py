"""Text as other programs must receive it: without characters XML cannot carry, and never as a formula."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any, TypeVar, cast

T = TypeVar("T")

# XML 1.0 cannot carry C0 control characters other than tab, line feed and carriage return, not
# even escaped, nor U+FFFE, U+FFFF or a lone surrogate; iCalendar and spreadsheets choke on them too.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Text starting with one of these is a formula to a spreadsheet program (tab and carriage return too,
# which some programs strip before looking).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(text: str) -> str:
    """``text`` without the control characters no file format we write can carry.

    Every export (MS Project XML, SVG, slides, workbook, calendar, CSV) passes its text through this
    one function, so a description pasted with a stray NUL or vertical tab reads the same everywhere.
    """
    return _UNWRITABLE.sub("", text) if _UNWRITABLE.search(text) else text


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet program would take ``text`` for a formula."""
    return text.startswith(FORMULA_START)


def inert_text(text: str) -> str:
    """``text`` for a CSV field: cleaned, and with a leading apostrophe if it would run as a formula.

    A CSV has no cell types, so the apostrophe (OWASP's advice) is the only way to keep ``=HYPERLINK…``
    inert in Excel and LibreOffice; the workbook marks such cells as text instead.
    """
    cleaned = clean_text(text)
    return f"'{cleaned}" if is_formula_like(cleaned) else cleaned


def cleaned(value: T) -> T:
    """``value`` (an agreement, any record or tuple of them) with :func:`clean_text` applied to every
    string in it; the very same object when nothing needed cleaning, so clean exports copy nothing."""
    before, after = _last
    if value is before or value is after:
        return cast(T, after)  # the format table cleaned it, and the exporter asks again
    result = _clean(value)
    _last[:] = [value, result]
    return cast(T, result)


# The last agreement cleaned and its clean copy: a walk over 15,000 lines costs about half a second.
_last: list[Any] = [None, None]


def _clean(value: Any) -> Any:
    if type(value) is str:  # not the model's enums, which are str subclasses
        return clean_text(value)
    if isinstance(value, tuple):
        items = tuple(_clean(item) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    names = _record_fields(value.__class__)
    changes = {}
    for name in names:
        old = getattr(value, name)
        new = _clean(old)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value


@functools.cache
def _record_fields(kind: Any) -> tuple[str, ...]:
    """The fields of a record type, or none for any other type."""
    if not dataclasses.is_dataclass(kind):
        return ()
    return tuple(spec.name for spec in dataclasses.fields(kind))
