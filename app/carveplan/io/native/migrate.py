"""Upgrading CarvePlan files written by older versions, one version step at a time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Document = dict[str, Any]
Migration = Callable[[Document], Document]

# The version this CarvePlan writes, and the newest it reads.
CURRENT_VERSION = 3

# MIGRATIONS[n] turns the raw document of a version-n file into version n + 1. Add a step here
# whenever the format changes, and bump CURRENT_VERSION: old files then keep opening.
MIGRATIONS: dict[int, Migration] = {}


def _add_trade(document: Document) -> Document:
    """Version 2 adds the optional trade table and coverage test: a version-1 file has neither.

    The step changes nothing in the document; the version number exists so that a CarvePlan that
    reads only version 1 refuses a file with trade data by saying it is newer, instead of failing
    on an unknown field.
    """
    return document


def _add_rounds(document: Document) -> Document:
    """Version 3 keeps negotiating rounds in ``agreement.rounds``; an older file has none.

    Nothing to rewrite: the version number alone keeps an older CarvePlan from dropping rounds it
    does not know (it refuses the newer file instead).
    """
    return document


MIGRATIONS[1] = _add_trade
MIGRATIONS[2] = _add_rounds


class MigrationError(Exception):
    """A file's version has no way up to the current one (a gap in the table)."""


def migrate(
    document: Document,
    version: int,
    steps: Mapping[int, Migration] | None = None,
    current: int | None = None,
) -> Document:
    """Bring a raw document from ``version`` up to the current version.

    Args:
        document: the whole parsed file; its ``version`` key is updated as it goes.
        version: the version it was written in (1 or more, at most ``current``).
        steps: the migration table; the module's ``MIGRATIONS`` when omitted.
        current: the target version; the module's ``CURRENT_VERSION`` when omitted.

    Returns:
        The document as the current version writes it.

    Raises:
        MigrationError: when a step is missing from the table.
    """
    table = MIGRATIONS if steps is None else steps
    target = CURRENT_VERSION if current is None else current
    while version < target:
        step = table.get(version)
        if step is None:
            raise MigrationError(f"this CarvePlan cannot upgrade files of version {version}")
        document = step(document)
        version += 1
        document["version"] = version
    return document
