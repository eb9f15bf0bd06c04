"""HS 2022 descriptions from the vendored nomenclature, to fill in codes a schedule left undescribed."""

from __future__ import annotations

import csv
import functools

from carveplan.resources import resource_path


@functools.cache
def hs_descriptions() -> dict[str, str]:
    """HS code (2, 4 or 6 digits) -> description; empty when the resource file is missing."""
    path = resource_path("hs2022.csv")
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as stream:
        return {row["hscode"]: row["description"] for row in csv.DictReader(stream)}


def describe(code: str) -> str:
    """The description of the most precise HS level a code reaches (6, then 4, then 2 digits)."""
    digits = "".join(ch for ch in code if ch.isdigit())
    table = hs_descriptions()
    for length in (6, 4, 2):
        if len(digits) >= length and digits[:length] in table:
            return table[digits[:length]]
    return ""
