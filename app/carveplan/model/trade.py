"""Import flows between the parties and the settings of the Article XXIV coverage test."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from carveplan.model.party import PartyCode


class TradeSplit(StrEnum):
    """How a flow reported under a code is shared among the national lines under that code.

    ``equal``: the file is brought to HS6 first and each HS6 value is split in equal shares among
    the importer's lines under it. ``line``: a flow whose code is a national line's own code goes to
    that line whole (the file is at national-line level); coarser flows are still split equally.
    """

    EQUAL = "equal"
    LINE = "line"


@dataclass(frozen=True)
class TradeFlow:
    """Imports of one party from another under one code, summed over the reference year.

    Attributes:
        importer: the importing party's code.
        partner: the exporting party's code.
        code: the commodity code as the source gives it (digits only, leading zeros kept).
        value: the import value in US dollars.
        quantity: the imported quantity, when the source gives one (for specific duties).
        quantity_unit: the unit of ``quantity`` (``kg``, ``t``, ``l``).
    """

    importer: PartyCode
    partner: PartyCode
    code: str
    value: Decimal
    quantity: Decimal | None = None
    quantity_unit: str = ""


@dataclass(frozen=True)
class TradeTable:
    """The aggregated trade of the agreement's parties with each other, kept in the agreement file.

    Attributes:
        source: where the figures come from (``UN Comtrade, imports 2023``, a file name).
        year: the reference year of the figures.
        split: how coarse codes were shared among national lines.
        illustrative: whether the figures are made up for demonstration, not published data.
        flows: one per importer, partner and code.
    """

    source: str
    year: int | None = None
    split: TradeSplit = TradeSplit.EQUAL
    illustrative: bool = False
    flows: tuple[TradeFlow, ...] = ()


@dataclass(frozen=True)
class CoverageTest:
    """The Article XXIV benchmark a party's schedule is measured against.

    GATT Art. XXIV:8(b) asks for duties on "substantially all the trade" to go, and the Understanding
    on Art. XXIV (para. 3) allows more than ten years only in exceptional cases; no number is fixed,
    so the shares are settings (the common aim is 90 % of lines and of import value).

    Attributes:
        lines_share: the share of tariff lines (percent) that must be duty-free.
        trade_share: the share of import value from the other parties (percent) that must be duty-free.
        horizon: the agreement year by whose end both shares must be reached (year 1 is the EIF year).
    """

    lines_share: Decimal = Decimal(90)
    trade_share: Decimal = Decimal(90)
    horizon: int = 10
