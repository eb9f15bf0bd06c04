"""Match import flows to the tariff lines they were traded under, by code, and say what did not match."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from carveplan.model import (
    CodeSystem,
    Line,
    LineId,
    MeasureKind,
    PartyCode,
    TradeFlow,
    TradeSplit,
    TradeTable,
)

HS6 = 6  # the most detailed level the Harmonized System itself fixes; national lines go further


@dataclass(frozen=True)
class LineTrade:
    """The trade a line carries: its share of the flows matched to it, from all the other parties.

    Attributes:
        value: import value in US dollars.
        quantity: imported quantity by unit (``(("kg", 1200),)``), for specific duties.
        shared: whether some of the value is an equal share of a flow reported for several lines.
    """

    value: Decimal = Decimal(0)
    quantity: tuple[tuple[str, Decimal], ...] = ()
    shared: bool = False


@dataclass
class _Sum:
    """A line's trade while the flows are being added up."""

    value: Decimal = Decimal(0)
    quantity: dict[str, Decimal] = field(default_factory=dict)
    shared: bool = False

    def freeze(self) -> LineTrade:
        return LineTrade(self.value, tuple(self.quantity.items()), self.shared)


@dataclass(frozen=True)
class TradeMatch:
    """Which lines carry which trade.

    Attributes:
        lines: the trade of each tariff line that has some, by line id.
        unmatched: flows whose code no tariff line of the importer covers.
        shared: flows split in equal shares among several lines.
        split: the rule used.
    """

    lines: Mapping[LineId, LineTrade]
    unmatched: tuple[TradeFlow, ...]
    shared: int
    split: TradeSplit

    def value(self, line: LineId) -> Decimal:
        """The import value a line carries (zero without a matched flow)."""
        found = self.lines.get(line)
        return Decimal(0) if found is None else found.value


def digits(code: str) -> str:
    """A commodity code as digits only (``2710.12.11`` -> ``27101211``), leading zeros kept."""
    if code.isdigit():  # most codes already are: this is called for every line and every flow
        return code
    return "".join(ch for ch in code if ch.isdigit())


def is_tariff_line(line: Line) -> bool:
    """Whether a line is a tariff line on goods, the only kind trade data can be matched to."""
    return (
        line.measure is MeasureKind.TARIFF and line.code_system is CodeSystem.HS and bool(digits(line.code))
    )


def match_trade(lines: Iterable[Line], table: TradeTable) -> TradeMatch:
    """Share each flow of the table among the importer's tariff lines under its code.

    A flow goes to the lines whose code is the flow's code; failing that, in equal shares to the
    lines under it (an HS6 flow over the national lines that subdivide it); failing that, to the
    line whose code is the longest prefix of it (a line at heading level). With the ``equal`` split,
    flow codes are first cut to HS6, so national-line detail in the file is pooled and re-shared.

    Args:
        lines: the agreement's lines; only tariff lines are matched.
        table: the trade table.

    Returns:
        The trade of each line, and the flows no line covers.
    """
    indexes = _indexes(lines)
    sums: dict[LineId, _Sum] = {}
    unmatched: list[TradeFlow] = []
    shared = 0
    for flow in table.flows:
        if flow.partner == flow.importer:
            continue
        code = digits(flow.code)
        if table.split is TradeSplit.EQUAL:
            code = code[:HS6]
        index = indexes.get(flow.importer)
        targets = index.targets(code) if index else ()
        if not targets:
            unmatched.append(flow)
            continue
        shared += len(targets) > 1
        _credit(sums, targets, flow)
    result = {line_id: total.freeze() for line_id, total in sums.items()}
    return TradeMatch(result, tuple(unmatched), shared, table.split)


class _CodeIndex:
    """One importer's tariff lines by code and by every prefix of their codes."""

    def __init__(self) -> None:
        self.exact: dict[str, list[LineId]] = defaultdict(list)
        self.under: dict[str, list[LineId]] = defaultdict(list)

    def add(self, line: Line) -> None:
        code = digits(line.code)
        self.exact[code].append(line.id)
        for length in range(2, len(code)):
            self.under[code[:length]].append(line.id)

    def targets(self, code: str) -> tuple[LineId, ...]:
        if not code:
            return ()
        found = self.exact.get(code) or self.under.get(code)
        if found:
            return tuple(found)
        for length in range(len(code) - 1, 1, -1):
            coarser = self.exact.get(code[:length])
            if coarser:
                return tuple(coarser)
        return ()


def _indexes(lines: Iterable[Line]) -> dict[PartyCode, _CodeIndex]:
    indexes: dict[PartyCode, _CodeIndex] = defaultdict(_CodeIndex)
    for line in lines:
        if is_tariff_line(line):
            indexes[line.party].add(line)
    return indexes


def _credit(sums: dict[LineId, _Sum], targets: tuple[LineId, ...], flow: TradeFlow) -> None:
    """Add an equal share of a flow (its value and quantity) to each target line."""
    count = Decimal(len(targets))
    for line_id in targets:
        trade = sums.setdefault(line_id, _Sum())
        trade.value += flow.value / count
        trade.shared = trade.shared or len(targets) > 1
        if flow.quantity is not None and flow.quantity_unit:
            unit = flow.quantity_unit
            trade.quantity[unit] = trade.quantity.get(unit, Decimal(0)) + flow.quantity / count
