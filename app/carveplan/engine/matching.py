"""Pairing the lines of two versions of a schedule by party and code, including codes split or merged."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from carveplan.model import Line, PartyCode

_NOT_CODE = re.compile(r"[^0-9A-Za-z]")
# Below a heading (4 digits) a shorter code is a chapter, not the line that was split.
MIN_PARENT = 4
HS6 = 6


class Regroup(StrEnum):
    """How codes were renumbered between two rounds."""

    SPLIT = "split"  # one old code replaced by several (or one) longer codes under it
    MERGED = "merged"  # several old codes replaced by one shorter code over them


@dataclass(frozen=True)
class Regrouping:
    """Lines renumbered between the two versions.

    Attributes:
        party: the party.
        kind: split or merged.
        old: the old lines (one when split).
        new: the new lines (one when merged).
    """

    party: PartyCode
    kind: Regroup
    old: tuple[Line, ...]
    new: tuple[Line, ...]


@dataclass(frozen=True)
class Matching:
    """Which line of the old version became which of the new.

    Attributes:
        pairs: (old, new) lines with the same party and code.
        regroupings: codes split or merged.
        withdrawn: old lines with no counterpart.
        added: new lines with no counterpart.
    """

    pairs: tuple[tuple[Line, Line], ...]
    regroupings: tuple[Regrouping, ...]
    withdrawn: tuple[Line, ...]
    added: tuple[Line, ...]


def code_key(code: str) -> str:
    """A code as compared: ``2710.12.11`` is ``27101211``, and ``27090000`` is ``270900``.

    A national line that does not subdivide its HS subheading is the subheading padded with zeros, so
    trailing ``00`` beyond six digits say nothing.
    """
    key = _NOT_CODE.sub("", code).upper()
    while len(key) > HS6 and key.endswith("00") and key.isdigit():
        key = key[:-2]
    return key


def match_lines(old: Sequence[Line], new: Sequence[Line]) -> Matching:
    """Pair lines by party and code; what is left over is regrouped, withdrawn or added.

    A code listed twice for one party (the in-quota and over-quota rows of a quota) pairs in order.

    Args:
        old: the old version's lines.
        new: the new version's lines.

    Returns:
        The pairs, the split and merged codes, and the lines withdrawn and added.
    """
    keys: dict[str, str] = {}  # both sides list mostly the same codes: normalize each once

    def key_of(code: str) -> str:
        key = keys.get(code)
        if key is None:
            key = keys[code] = code_key(code)
        return key

    waiting: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index in range(len(old) - 1, -1, -1):  # pop() then takes them in their order
        waiting[(old[index].party, key_of(old[index].code))].append(index)
    pairs: list[tuple[Line, Line]] = []
    added: list[Line] = []
    for line in new:
        stack = waiting.get((line.party, key_of(line.code)))
        if stack:
            pairs.append((old[stack.pop()], line))
        else:
            added.append(line)
    withdrawn = [old[i] for i in sorted(i for stack in waiting.values() for i in stack)]
    regroupings, withdrawn, added = _regroup(withdrawn, added)
    return Matching(tuple(pairs), regroupings, tuple(withdrawn), tuple(added))


def _regroup(
    withdrawn: list[Line], added: list[Line]
) -> tuple[tuple[Regrouping, ...], list[Line], list[Line]]:
    """Leftover old codes with new codes under them were split; new codes over old ones were merged."""
    if not withdrawn or not added:
        return (), withdrawn, added
    found: list[Regrouping] = []
    # Positions in withdrawn + added, so two equal lines are still two lines.
    every = [*withdrawn, *added]
    used: set[int] = set()
    old_ids, new_ids = range(len(withdrawn)), range(len(withdrawn), len(every))
    for kind, parents, children in ((Regroup.SPLIT, old_ids, new_ids), (Regroup.MERGED, new_ids, old_ids)):
        under = _by_prefix(every, children, used)
        # Longest parents first: a subheading takes its lines before the heading above it can.
        for parent in sorted(parents, key=lambda i: -len(code_key(every[i].code))):
            key = code_key(every[parent].code)
            if parent in used or len(key) < MIN_PARENT:
                continue
            taken = [c for c in under.get((every[parent].party, key), ()) if c not in used]
            if not taken:
                continue
            used.update((parent, *taken))
            one, many = (every[parent],), tuple(every[c] for c in taken)
            old_new = (one, many) if kind is Regroup.SPLIT else (many, one)
            found.append(Regrouping(every[parent].party, kind, *old_new))
    return (
        tuple(found),
        [every[i] for i in old_ids if i not in used],
        [every[i] for i in new_ids if i not in used],
    )


def _by_prefix(every: list[Line], indexes: range, used: set[int]) -> dict[tuple[str, str], list[int]]:
    """Each line under every shorter code of its own (``2710121110`` under ``27101211``, ``271012`` ...)."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position in indexes:
        if position in used:
            continue
        key = code_key(every[position].code)
        for end in range(MIN_PARENT, len(key)):
            index[(every[position].party, key[:end])].append(position)
    return index
