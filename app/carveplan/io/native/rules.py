"""Staging rule set files (.json): an agreement's categories and rounding, to choose on import."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from carveplan.engine import RULE_SETS, builtin_rules
from carveplan.io.atomic import write_atomic
from carveplan.io.errors import ReadError
from carveplan.io.native.decode import _INVALID, _Decoder
from carveplan.io.native.encode import encode
from carveplan.model import StagingRules

RULES_FORMAT = "carveplan-staging-rules"


def dumps_rules(rules: StagingRules) -> str:
    """A rule set as JSON text, in field order so it diffs cleanly."""
    document = {"format": RULES_FORMAT, "rules": encode(rules)}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def save_rules(rules: StagingRules, path: str | Path) -> None:
    """Write a rule set file atomically (a built-in one, to start editing from)."""
    write_atomic(path, dumps_rules(rules).encode("utf-8"))


def load_rules(path: str | Path) -> StagingRules:
    """Read a rule set file.

    Args:
        path: a ``.json`` file written by :func:`save_rules` or by hand.

    Returns:
        The rule set.

    Raises:
        ReadError: with every problem and the path to its field (``rules.categories[3].stages``).
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ReadError.single(name, f"cannot open the file: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise ReadError.single(name, f"not a JSON rule set file: {err}") from None
    return loads_rules(text, name)


def loads_rules(text: str, name: str = "") -> StagingRules:
    """A rule set from the text :func:`dumps_rules` writes (a file's, or one carried in another format).

    Raises:
        ReadError: as :func:`load_rules`, ``name`` standing for the file.
    """
    try:
        document = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError) as err:
        raise ReadError.single(name, f"not a JSON rule set file: {err}") from None
    if not isinstance(document, dict) or document.get("format") != RULES_FORMAT:
        message = f'not a staging rule set: expected a JSON object with "format": "{RULES_FORMAT}"'
        raise ReadError.single(name, message)
    decoder = _Decoder(name)
    rules = decoder.value(StagingRules, document.get("rules"), "rules")
    if decoder.problems or rules is _INVALID:
        raise ReadError(decoder.problems)
    assert isinstance(rules, StagingRules)
    return rules


def find_rules(spec: str) -> StagingRules:
    """A built-in rule set by name (``EU-Viet Nam``, ``korus``), else the rule set file ``spec``.

    Raises:
        ReadError: when ``spec`` names no built-in set and no readable file.
    """
    found = builtin_rules(spec)
    if found is not None:
        return found
    if Path(spec).suffix.lower() == ".json" or Path(spec).is_file():
        return load_rules(spec)
    names = ", ".join(RULE_SETS)
    raise ReadError.single(spec, f"no such rule set; built-in ones are: {names} (or give a .json file)")
