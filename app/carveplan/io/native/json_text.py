"""The JSON of an agreement file, parsed with bounds: nesting, huge integers and repeated keys are problems.

``json.loads`` lets the last of two equal keys win silently (a title dropped, another entry into force
used), stops on an integer of more than 4,300 digits with a bare ``ValueError``, and on deep nesting
with ``RecursionError``. Each becomes a located problem here.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from carveplan.engine.collector import collector_paused
from carveplan.io.errors import ReadError
from carveplan.model import Location, Problem, error

# An agreement file nests about six levels (agreement, lines, phases, gates); far beyond that is not one.
MAX_DEPTH = 64


class _Repeated(dict[str, Any]):
    """An object in which some key was given more than once; ``repeated`` names those keys."""

    repeated: dict[str, int]


class _Objects:
    """The ``object_pairs_hook``: a plain dict per object, marked when a key is repeated."""

    def __init__(self) -> None:
        self.repeats = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) == len(pairs):
            return found
        self.repeats = True
        marked = _Repeated(found)
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        marked.repeated = {key: n for key, n in counts.items() if n > 1}
        return marked


def _long_int(text: str) -> Any:
    # Python refuses to turn more than 4,300 digits into an int; the decoder says what was expected.
    return int(text) if len(text) <= 40 else Decimal(text)


def parse_json(text: str, file: str = "") -> tuple[Any, list[Problem]]:
    """The parsed document, and a problem for each object that gives a key twice.

    Args:
        text: the file's text.
        file: the file name, for problem locations.

    Returns:
        The document (numbers with a fraction as ``Decimal``) and the repeated-key problems.

    Raises:
        ReadError: for text that is not JSON, or nested deeper than :data:`MAX_DEPTH`.
    """
    objects = _Objects()
    try:
        with collector_paused():  # the parse builds a dict per record: no cycles to look for
            document = _loads(text, int, objects)
    except json.JSONDecodeError as err:
        where = Location(file=file, row=err.lineno, column=str(err.colno))
        raise ReadError([error(where, f"not valid JSON: {err.msg}", "bad-json")]) from None
    except RecursionError:
        raise _too_deep(text, file) from None
    except ValueError:  # an integer too long for int(); read again, keeping such numbers as decimals
        document = _loads(text, _long_int, objects)
    return document, _repeated_keys(document, file) if objects.repeats else []


def _loads(text: str, parse_int: Any, objects: _Objects) -> Any:
    return json.loads(
        text, parse_float=Decimal, parse_constant=Decimal, parse_int=parse_int, object_pairs_hook=objects
    )


def _repeated_keys(document: Any, file: str) -> list[Problem]:
    """A located problem for each repeated key, walking the document without recursion."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Repeated):
            for key, count in value.repeated.items():
                field = f"{path}.{key}".removeprefix(".").removeprefix("agreement.")
                where = Location(file=file, field=field)
                message = (
                    f"{key!r} is given {count} times in the same object; give it once "
                    "(only the last would be used)"
                )
                problems.append(error(where, message, "duplicate-key"))
        if isinstance(value, dict):
            stack.extend((f"{path}.{k}" if path else k, v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(value))
    problems.reverse()
    return problems


def _too_deep(text: str, file: str) -> ReadError:
    """Where the nesting first passes :data:`MAX_DEPTH`: found by a scan only on this error's path."""
    depth, line, column, quoted, escaped = 0, 1, 0, False, False
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
        elif escaped:
            escaped = False
        elif quoted:
            escaped = char == "\\"
            quoted = char != '"'
        elif char == '"':
            quoted = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                break
        elif char in "]}":
            depth -= 1
    where = Location(file=file, row=line, column=str(column))
    message = f"lists and objects nested more than {MAX_DEPTH} deep; an agreement file nests about six"
    return ReadError([error(where, message, "too-deep")])
