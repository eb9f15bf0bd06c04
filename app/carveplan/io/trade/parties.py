"""Name the parties of an agreement as trade files name countries: ISO codes, numeric codes or names."""

from __future__ import annotations

import csv
import functools

from carveplan.model import Party, PartyCode
from carveplan.resources import resource_path

# How trade statistics spell the European Union, which agreements list as one party.
_EU_SPELLINGS = ("eu", "eur", "eu27", "eu-27", "eu28", "097", "97", "european union")
WORLD = frozenset({"w00", "wld", "world", "0", "000", "all"})


@functools.cache
def numeric_codes() -> dict[str, tuple[str, str]]:
    """Numeric country code (``704``) -> (ISO alpha-3, name); empty when the resource is missing."""
    path = resource_path("m49.csv")
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as stream:
        return {row["numeric"]: (row["iso3"], row["name"]) for row in csv.DictReader(stream)}


def party_lookup(parties: tuple[Party, ...]) -> dict[str, PartyCode]:
    """Every spelling a trade file may use for a party -> the party's code, all in lower case.

    A party coded ``VNM`` is found as ``VNM``, ``704``, ``Vietnam`` (the file's name for it) and
    ``Viet Nam`` (the agreement's); a party coded ``EU`` also as ``EUR``, ``97`` and ``European Union``.

    Args:
        parties: the agreement's parties.

    Returns:
        The lookup table.
    """
    lookup: dict[str, PartyCode] = {}
    by_iso = {p.code.upper(): p.code for p in parties}
    for number, (iso3, name) in numeric_codes().items():
        code = by_iso.get(iso3)
        if code is not None:
            for spelling in (number, number.lstrip("0"), name):
                lookup.setdefault(spelling.casefold(), code)
    for party in parties:
        lookup[party.code.casefold()] = party.code
        if party.name:
            lookup.setdefault(party.name.casefold(), party.code)
        if party.code.casefold() in _EU_SPELLINGS:
            lookup.update(dict.fromkeys(_EU_SPELLINGS, party.code))
    return lookup


def spell(raw: str) -> str:
    """A cell as looked up: trimmed, lower case, a numeric code without a decimal tail (``704.0``)."""
    text = raw.strip().casefold()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text
