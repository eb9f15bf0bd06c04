"""Recognize the columns of a trade-data file (UN Comtrade, WITS, or plain code, partner, value) by header."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from carveplan.io.schedule.columns import normalize
from carveplan.io.workbook.table import column_letter

# Field -> normalized headers, most specific first: where a file has two candidates (Comtrade has both
# reporterISO and reporterCode), the earlier spelling wins.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "importer": (
        "reporteriso",
        "reporteriso3",
        "reporter iso3",
        "reporter iso",
        "reporter",
        "reportercode",
        "reporter code",
        "importer",
        "importing party",
        "party",
        "reporterdesc",
        "reporter name",
        "reportername",
    ),
    "partner": (
        "partneriso",
        "partneriso3",
        "partner iso3",
        "partner iso",
        "partner",
        "partnercode",
        "partner code",
        "exporter",
        "origin",
        "partnerdesc",
        "partner name",
        "partnername",
    ),
    "code": (
        "cmdcode",
        "commodity code",
        "productcode",
        "product code",
        "hs6",
        "hs code",
        "hscode",
        "tariff line",
        "code",
        "hs",
        "product",
    ),
    "value": (
        "primaryvalue",
        "tradevalue",
        "trade value",
        "tradevalue in 1000 usd",
        "trade value 1000 usd",
        "import value",
        "cifvalue",
        "value usd",
        "value us",
        "value",
    ),
    "flow": ("flowcode", "flow code", "tradeflowcode", "flowdesc", "flow", "trade flow", "tradeflowname"),
    "year": ("refyear", "year", "period", "reference year"),
    # Net weight in kilograms prices specific duties; other quantities (litres, units) are not read.
    "weight": ("netwgt", "netweight in kgm", "net weight kg", "netweight", "net weight"),
}
REQUIRED = ("code", "value")
_THOUSANDS = ("1000", "thousand", "000 usd", "k usd")


@dataclass(frozen=True)
class TradeColumns:
    """Which column of a trade file holds which field.

    Attributes:
        headers: the header row as found.
        fields: field -> 0-based column index.
        thousands: whether the value column is in thousands of US dollars (WITS).
    """

    headers: tuple[str, ...]
    fields: dict[str, int]
    thousands: bool = False

    def header(self, name: str) -> str:
        """The header text of a field's column."""
        return self.headers[self.fields[name]]

    def where(self, name: str) -> str:
        """A field's column as a person finds it: ``F (primaryValue)``."""
        index = self.fields[name]
        return f"{column_letter(index)} ({self.headers[index]})"

    def describe(self) -> list[str]:
        """One line per recognized column: ``value ← F (primaryValue)``."""
        return [f"{name} ← {self.where(name)}" for name in self.fields]


def recognize_trade(headers: Sequence[Any]) -> TradeColumns:
    """Map a header row to trade fields (the first column naming a field in its most specific spelling wins).

    Args:
        headers: the header row's cells.

    Returns:
        The columns found; check :data:`REQUIRED` are in ``fields``.
    """
    texts = tuple(str(h).strip() for h in headers)
    keys = [normalize(t) for t in texts]
    fields: dict[str, int] = {}
    taken: set[int] = set()
    for name, spellings in SYNONYMS.items():
        for spelling in spellings:
            index = next((i for i, k in enumerate(keys) if k == spelling and i not in taken), None)
            if index is not None:
                fields[name] = index
                taken.add(index)
                break
    thousands = "value" in fields and any(mark in keys[fields["value"]] for mark in _THOUSANDS)
    return TradeColumns(texts, fields, thousands)


def find_trade_header(rows: Sequence[Sequence[Any]], scan: int = 40) -> int | None:
    """The index of the first of the top rows that names a code and a value column."""
    for index, row in enumerate(rows[:scan]):
        found = recognize_trade(row).fields
        if all(name in found for name in REQUIRED):
            return index
    return None
