"""From the rows of a trade file to the agreement's trade table: imports between parties, summed by code."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from carveplan.engine.trade_match import HS6
from carveplan.io.errors import ReadError
from carveplan.io.trade.load import Loaded
from carveplan.io.trade.parties import WORLD, spell
from carveplan.model import Location, PartyCode, Problem, Severity, TradeFlow, TradeSplit

if TYPE_CHECKING:
    import pandas as pd

_IMPORTS = ("m", "1", "import", "imports", "imp", "gross imp.", "gross imports")
_MAX_LISTED = 10  # bad cells listed before the rest are summarized


class Rows:
    """The file's rows as they are narrowed down, with a note for every group of rows set aside."""

    def __init__(self, loaded: Loaded, file: str) -> None:
        self.frame = loaded.frame
        self.loaded = loaded
        self.file = file
        self.notes: list[str] = []

    def keep(self, mask: pd.Series, note: str) -> None:
        """Keep the rows where ``mask`` holds; ``note`` (with ``{n}`` for the count) says why others went."""
        dropped = int((~mask).sum())
        if dropped:
            self.notes.append(note.format(n=f"{dropped:,}"))
            self.frame = self.frame[mask]

    def problem(self, index: object, field: str, message: str) -> Problem:
        """An error located at a row and column of the file."""
        row = self.loaded.first_row + int(index)  # type: ignore[call-overload]
        where = Location(
            file=self.file, sheet=self.loaded.sheet, row=row, column=self.loaded.columns.where(field)
        )
        return Problem(Severity.ERROR, where, message, "bad-trade")


def imports_only(rows: Rows) -> None:
    """Keep import rows (``M``, ``Import``, WITS ``Gross Imp.``); without a flow column all are imports."""
    if "flow" not in rows.frame:
        return
    raw = rows.frame["flow"].str.strip()
    flow = raw.str.casefold()
    others = sorted(set(raw[~flow.isin(_IMPORTS)].unique()))[:5]
    rows.keep(flow.isin(_IMPORTS), "{n} rows of other flows skipped (" + ", ".join(map(repr, others)) + ")")


def clean_codes(rows: Rows, split: TradeSplit) -> None:
    """Codes as digits: drop totals, restore a leading zero Excel dropped, cut to HS6 for the equal split."""
    code = rows.frame["code"].str.replace(r"\D", "", regex=True)
    rows.frame = rows.frame.assign(code=code)
    rows.keep(code != "", "{n} rows without a commodity code (TOTAL, blank) skipped")
    code = rows.frame["code"]
    odd = code.str.len() % 2 == 1
    if odd.any():
        rows.notes.append(
            f"{int(odd.sum()):,} codes of odd length had a leading zero restored (0101 read as 101)"
        )
        code = code.where(~odd, "0" + code)
    if split is TradeSplit.EQUAL:
        code = code.str[:HS6]
    rows.frame = rows.frame.assign(code=code)


def pick_year(rows: Rows, wanted: int | None) -> int | None:
    """Keep one reference year: the one asked for, else the latest in the file."""
    if "year" not in rows.frame:
        return wanted
    years = rows.frame["year"].str.strip().str[:4]
    found = sorted({int(y) for y in years.unique() if y.isdigit()})
    if wanted is not None and wanted not in found:
        listed = ", ".join(map(str, found)) or "none"
        raise ReadError.single(rows.file, f"no rows of year {wanted}; the file has years: {listed}")
    year = wanted if wanted is not None else (found[-1] if found else None)
    if year is not None:
        rows.keep(years == str(year), f"{{n}} rows of other years skipped (kept {year})")
    return year


def read_values(rows: Rows) -> None:
    """Trade values as numbers in US dollars; a cell that is not a number is an error at its row."""
    import pandas as pd

    text = rows.frame["value"].str.strip()
    rows.keep(text != "", "{n} rows with no trade value skipped")
    text = text[text != ""]
    commas = text.str.contains(",", regex=False)
    if commas.any():  # rare in machine downloads, so only those cells pay for the Python call
        text = text.where(~commas, text[commas].map(_plain_number))
    number = pd.to_numeric(text, errors="coerce")
    bad = number.isna() | (number < 0)
    if bad.any():
        found = rows.frame["value"][bad]
        problems = [
            rows.problem(i, "value", f"expected a trade value in US$ (a number, 0 or more), found {v!r}")
            for i, v in found.head(_MAX_LISTED).items()
        ]
        if len(found) > _MAX_LISTED:
            problems.append(
                rows.problem(found.index[_MAX_LISTED], "value", f"and {len(found) - _MAX_LISTED:,} more")
            )
        raise ReadError(problems)
    scale = 1000 if rows.loaded.columns.thousands else 1
    rows.frame = rows.frame.assign(value=number * scale)


def _plain_number(text: str) -> str:
    """A number written with a decimal comma or thousands separators, in plain notation.

    ``1.234,5`` and ``12,5`` (a European decimal comma) give ``1234.5`` and ``12.5``; ``1,234,567``
    and ``1,234.5`` (thousands commas) give ``1234567`` and ``1234.5``.
    """
    if "." in text:
        if text.rfind(",") > text.rfind("."):
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        return text.replace(",", "")
    return text.replace(",", ".")


def name_parties(rows: Rows, lookup: Mapping[str, PartyCode], importer: PartyCode | None) -> None:
    """Replace reporter and partner spellings with party codes; rows naming no party are set aside."""
    frame = rows.frame
    if "importer" in frame:
        frame = frame.assign(importer=_codes(frame["importer"], lookup))
    elif importer is None:
        message = "the file has no reporter (importer) column: name the importing party (--party CODE)"
        raise ReadError.single(rows.file, message)
    else:
        frame = frame.assign(importer=importer)
    if "partner" not in frame:
        raise ReadError.single(
            rows.file, f"the file has no partner column; expected one of {_spellings('partner')}"
        )
    raw_partner = frame["partner"]
    frame = frame.assign(partner=_codes(raw_partner, lookup))
    rows.frame = frame
    reporters = _unknown(rows.loaded.frame.loc[frame.index], "importer", frame["importer"])
    rows.keep(frame["importer"] != "", "{n} rows of reporters that are not parties skipped" + reporters)
    if importer is not None:
        rows.keep(
            rows.frame["importer"] == importer, f"{{n}} rows of importers other than {importer} skipped"
        )
    world = raw_partner.loc[rows.frame.index].str.strip().str.casefold().isin(WORLD)
    rows.keep(~world, "{n} rows with the World as partner skipped (only trade between parties counts)")
    partners = _unknown(rows.loaded.frame.loc[rows.frame.index], "partner", rows.frame["partner"])
    rows.keep(rows.frame["partner"] != "", "{n} rows of partners that are not parties skipped" + partners)
    rows.keep(
        rows.frame["partner"] != rows.frame["importer"], "{n} rows of a party's trade with itself skipped"
    )


def _codes(column: pd.Series, lookup: Mapping[str, PartyCode]) -> pd.Series:
    """Party codes for a column of spellings ('' where none), looking each distinct spelling up once."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(column)
    named = np.array([lookup.get(spell(str(u)), "") for u in uniques] + [""], dtype=object)
    return pd.Series(named[codes], index=column.index)  # code -1 (a missing cell) picks the last, ""


def _unknown(original: pd.DataFrame, field: str, named: pd.Series) -> str:
    if field not in original:
        return ""
    missing = Counter(original[field][named == ""].str.strip()).most_common(4)
    return (": " + ", ".join(f"{k or 'blank'} ({v:,})" for k, v in missing)) if missing else ""


def _spellings(field: str) -> str:
    from carveplan.io.trade.columns import SYNONYMS

    return ", ".join(SYNONYMS[field][:4])


def to_flows(rows: Rows) -> list[TradeFlow]:
    """Sum the remaining rows by importer, partner and code; leave out codes that total finer ones."""
    import pandas as pd

    frame = rows.frame
    has_weight = "weight" in frame
    if has_weight:
        frame = frame.assign(weight=pd.to_numeric(frame["weight"].str.strip(), errors="coerce"))
    grouped = frame.groupby(["importer", "partner", "code"], sort=True)
    values = grouped["value"].sum()
    weights = grouped["weight"].sum(min_count=1) if has_weight else None
    flows: list[TradeFlow] = []
    for position, (importer, partner, code) in enumerate(values.index):
        weight = None if weights is None else weights.iloc[position]
        known = weight is not None and weight == weight  # NaN is not equal to itself
        flows.append(
            TradeFlow(
                str(importer),
                str(partner),
                str(code),
                _money(values.iloc[position]),
                _money(weight) if known else None,
                "kg" if known else "",
            )
        )
    return _without_totals(flows, rows.notes)


def _without_totals(flows: list[TradeFlow], notes: list[str]) -> list[TradeFlow]:
    """Drop flows whose code is a heading of a finer code of the same pair: they would count twice."""
    prefixes = {(f.importer, f.partner, f.code[:n]) for f in flows for n in range(2, len(f.code))}
    kept = [f for f in flows if (f.importer, f.partner, f.code) not in prefixes]
    if len(kept) < len(flows):
        notes.append(
            f"{len(flows) - len(kept):,} subtotal codes (chapters, headings) left out: their detail counts"
        )
    return kept


def _money(value: object) -> Decimal:
    return Decimal(f"{float(value):.2f}")  # type: ignore[arg-type]
