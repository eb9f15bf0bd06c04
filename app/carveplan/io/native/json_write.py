"""JSON text indented by two spaces, as ``json.dumps(indent=2, ensure_ascii=False)`` writes it, faster.

With an indent, the standard library encodes in Python through nested generators; this writer walks
the value once and escapes strings with the same C function, in under half the time (a national
agreement's file is 30 MB of text).
"""

from __future__ import annotations

import json
from json import encoder
from typing import Any

_ESCAPE = encoder.c_encode_basestring or encoder.py_encode_basestring  # type: ignore[attr-defined]


def indented_json(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, character for character.

    Args:
        value: dicts with string keys, lists, strings, numbers, booleans and ``None``.

    Returns:
        The JSON text (no final newline).
    """
    parts: list[str] = []
    try:
        _write(value, "", parts.append)
    except (TypeError, RecursionError):
        # Keys that are not strings, or nesting deeper than the model makes: the standard encoder
        # converts or reports them as it always has.
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(parts)


def _write(value: Any, pad: str, add: Any) -> None:
    if isinstance(value, str):
        add(_ESCAPE(value))
    elif isinstance(value, dict):
        _write_dict(value, pad, add)
    elif isinstance(value, list | tuple):
        _write_list(value, pad, add)
    elif value is None or isinstance(value, bool | float):
        add(json.dumps(value))
    elif isinstance(value, int):
        add(int.__repr__(value))
    else:
        raise TypeError(type(value).__name__)


def _write_dict(value: dict[Any, Any], pad: str, add: Any) -> None:
    if not value:
        add("{}")
        return
    inner = pad + "  "
    separator = "{\n" + inner
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError("a key that is not a string")
        add(separator + _ESCAPE(key) + ": ")
        separator = ",\n" + inner
        _write(item, inner, add)
    add("\n" + pad + "}")


def _write_list(value: list[Any] | tuple[Any, ...], pad: str, add: Any) -> None:
    if not value:
        add("[]")
        return
    inner = pad + "  "
    separator = "[\n" + inner
    for item in value:
        add(separator)
        separator = ",\n" + inner
        _write(item, inner, add)
    add("\n" + pad + "]")
