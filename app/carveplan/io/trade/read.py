"""Read import flows for an agreement: recognize the file, keep trade between parties, match to lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from carveplan.engine.trade_match import TradeMatch, match_trade
from carveplan.io.errors import ReadError, check_progress
from carveplan.io.trade import flows as steps
from carveplan.io.trade.columns import TradeColumns
from carveplan.io.trade.load import load_trade_file
from carveplan.io.trade.parties import party_lookup
from carveplan.model import Agreement, PartyCode, TradeFlow, TradeSplit, TradeTable

SPLIT_TEXT = {
    TradeSplit.EQUAL: "HS6 values shared in equal parts among the national lines under each HS6 code",
    TradeSplit.LINE: "national-line values given to their lines; coarser codes shared in equal parts",
}


@dataclass(frozen=True)
class TradeImport:
    """What reading a trade file gave and what it set aside.

    Attributes:
        table: the trade table to store: flows between parties that match a tariff line.
        columns: the columns recognized.
        rows: data rows in the file.
        notes: rows set aside and why, codes repaired.
        match: how the flows were shared among lines.
        unmatched: flows no tariff line of the importer covers, largest first.
    """

    table: TradeTable
    columns: TradeColumns
    rows: int
    notes: tuple[str, ...]
    match: TradeMatch
    unmatched: tuple[TradeFlow, ...]

    def report(self, limit: int = 15) -> list[str]:
        """The report a user reads after adding trade data: columns, what was kept, what did not match."""
        total = sum((f.value for f in self.table.flows), Decimal(0))
        lines = [*(f"  {text}" for text in self.columns.describe())]
        lines.append(f"{self.rows:,} data rows; year {self.table.year or 'not given'}")
        lines += [f"  {note}" for note in self.notes]
        lines.append(
            f"{len(self.table.flows):,} flows kept, US$ {total:,.0f}, on {len(self.match.lines):,} lines "
            f"({SPLIT_TEXT[self.table.split]}; {self.match.shared:,} codes shared among several lines)"
        )
        if self.unmatched:
            value = sum((f.value for f in self.unmatched), Decimal(0))
            lines.append(
                f"{len(self.unmatched):,} codes match no tariff line (US$ {value:,.0f}), largest first:"
            )
            lines += [
                f"  {f.importer} from {f.partner}  {f.code}  US$ {f.value:,.0f}"
                for f in self.unmatched[:limit]
            ]
            if len(self.unmatched) > limit:
                lines.append(f"  … and {len(self.unmatched) - limit:,} more")
        return lines


def read_trade(
    path: Path,
    agreement: Agreement,
    split: TradeSplit = TradeSplit.EQUAL,
    importer: PartyCode | None = None,
    year: int | None = None,
    source: str = "",
    progress: Callable[[int, int], bool] | None = None,
) -> TradeImport:
    """Read a trade file for an agreement.

    Args:
        path: a UN Comtrade download, a WITS export or a plain ``code, partner, value`` file (CSV or xlsx).
        agreement: the agreement whose parties and lines the flows are matched to.
        split: how coarse codes are shared among national lines.
        importer: the importing party for a file without a reporter column, or to keep only its rows.
        year: the reference year to keep (default: the latest in the file).
        source: what to record as the source (default: the file name).
        progress: an optional ``(done, total) -> bool`` callback; returning False cancels.

    Returns:
        The trade table and the report.

    Raises:
        ReadError: with the file, row and column of what is wrong.
        Cancelled: when ``progress`` asked to stop.
    """
    check_progress(progress, 0, 4)
    loaded = load_trade_file(path)
    check_progress(progress, 1, 4)
    rows = steps.Rows(loaded, path.name)
    steps.imports_only(rows)
    chosen = steps.pick_year(rows, year)
    steps.clean_codes(rows, split)
    steps.read_values(rows)
    steps.name_parties(rows, party_lookup(agreement.parties), importer)
    check_progress(progress, 2, 4)
    if rows.frame.empty:
        raise ReadError.single(
            path.name, "no imports between the agreement's parties: " + "; ".join(rows.notes)
        )
    flows = steps.to_flows(rows)
    check_progress(progress, 3, 4)
    label = source or f"{path.name}" + (f", imports {chosen}" if chosen else "")
    every = TradeTable(label, chosen, split, flows=tuple(flows))
    match = match_trade(agreement.lines, every)
    unmatched = sorted(match.unmatched, key=lambda f: (-f.value, f.importer, f.code))
    missed = {(f.importer, f.partner, f.code) for f in unmatched}
    kept = tuple(f for f in flows if (f.importer, f.partner, f.code) not in missed)
    check_progress(progress, 4, 4)
    table = TradeTable(label, chosen, split, flows=kept)
    return TradeImport(table, loaded.columns, len(loaded.frame), tuple(rows.notes), match, tuple(unmatched))
