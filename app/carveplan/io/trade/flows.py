"""From the rows of a trade file to the agreement's trade table: imports between parties, summed by code."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from carveplan.engine.trade_match import HS6
from carveplan.io.errors import ReadError
from carveplan.io.trade.categories import distinct, holds, recode
from carveplan.io.trade.columns import SYNONYMS
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
    flow = rows.frame["flow"]
    imported = holds(flow, lambda text: text.strip().casefold() in _IMPORTS)
    others = distinct(flow[~imported])[:5]
    rows.keep(imported, "{n} rows of other flows skipped (" + ", ".join(map(repr, others)) + ")")


def clean_codes(rows: Rows, split: TradeSplit) -> None:
    """Codes as digits: drop totals, restore a leading zero Excel dropped, cut to HS6 for the equal split."""
    code = recode(rows.frame["code"], lambda text: "".join(ch for ch in text if ch.isdigit()))
    rows.frame = rows.frame.assign(code=code)
    rows.keep(holds(code, bool), "{n} rows without a commodity code (TOTAL, blank) skipped")
    code = rows.frame["code"]
    odd = holds(code, lambda text: len(text) % 2 == 1)
    if odd.any():
        count = int(odd.sum())
        rows.notes.append(f"{count:,} codes of odd length had a leading zero restored (0101 read as 101)")
        code = recode(code, lambda text: "0" + text if len(text) % 2 else text)
    if split is TradeSplit.EQUAL:
        code = recode(code, lambda text: text[:HS6])
    rows.frame = rows.frame.assign(code=code)


def pick_year(rows: Rows, wanted: int | None) -> int | None:
    """Keep one reference year: the one asked for, else the latest in the file."""
    if "year" not in rows.frame:
        return wanted
    years = recode(rows.frame["year"], lambda text: text.strip()[:4])
    found = sorted({int(y) for y in distinct(years) if y.isdigit()})
    if wanted is not None and wanted not in found:
        listed = ", ".join(map(str, found)) or "none"
        raise ReadError.single(rows.file, f"no rows of year {wanted}; the file has years: {listed}")
    year = wanted if wanted is not None else (found[-1] if found else None)
    if year is not None:
        rows.keep(
            holds(years, lambda text: text == str(year)), f"{{n}} rows of other years skipped (kept {year})"
        )
    return year


def read_values(rows: Rows) -> None:
    """Trade values as numbers in US dollars; a cell that is not a number is an error at its row."""
    import pandas as pd

    value = rows.frame["value"]
    if value.dtype.kind == "f":  # read as numbers: empty cells are missing
        rows.keep(value.notna(), "{n} rows with no trade value skipped")
        number = rows.frame["value"]
    else:
        text = value.astype(str).str.strip()
        rows.keep(text != "", "{n} rows with no trade value skipped")
        text = text[text != ""]
        commas = text.str.contains(",", regex=False)
        if commas.any():  # only the cells written with commas pay for the Python call
            text = text.where(~commas, text[commas].map(_plain_number))
        number = pd.to_numeric(text, errors="coerce")
    bad = number.isna() | (number < 0)
    if bad.any():
        raise ReadError(_bad_values(rows, rows.frame["value"][bad]))
    scale = 1000 if rows.loaded.columns.thousands else 1
    rows.frame = rows.frame.assign(value=number * scale)


def _bad_values(rows: Rows, found: pd.Series) -> list[Problem]:
    problems = [
        rows.problem(i, "value", f"expected a trade value in US$ (a number, 0 or more), found {v!r}")
        for i, v in found.head(_MAX_LISTED).items()
    ]
    if len(found) > _MAX_LISTED:
        more = f"and {len(found) - _MAX_LISTED:,} more"
        problems.append(rows.problem(found.index[_MAX_LISTED], "value", more))
    return problems


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
        frame = frame.assign(importer=recode(frame["importer"], lambda text: lookup.get(spell(text), "")))
    elif importer is None:
        message = "the file has no reporter (importer) column: name the importing party (--party CODE)"
        raise ReadError.single(rows.file, message)
    else:
        frame = frame.assign(importer=importer)
    if "partner" not in frame:
        expected = ", ".join(SYNONYMS["partner"][:4])
        raise ReadError.single(rows.file, f"the file has no partner column; expected one of {expected}")
    raw_partner = frame["partner"]
    frame = frame.assign(partner=recode(raw_partner, lambda text: lookup.get(spell(text), "")))
    rows.frame = frame
    reporters = _unknown(rows, "importer")
    rows.keep(frame["importer"] != "", "{n} rows of reporters that are not parties skipped" + reporters)
    if importer is not None:
        rows.keep(
            rows.frame["importer"] == importer, f"{{n}} rows of importers other than {importer} skipped"
        )
    world = holds(raw_partner.loc[rows.frame.index], lambda text: spell(text) in WORLD)
    rows.keep(~world, "{n} rows with the World as partner skipped (only trade between parties counts)")
    partners = _unknown(rows, "partner")
    rows.keep(rows.frame["partner"] != "", "{n} rows of partners that are not parties skipped" + partners)
    same = rows.frame["partner"].astype(str) == rows.frame["importer"].astype(str)
    rows.keep(~same, "{n} rows of a party's trade with itself skipped")


def _unknown(rows: Rows, field: str) -> str:
    """The commonest spellings of a column that name no party: ``: CHN (1,234), W00 (99)``."""
    original = rows.loaded.frame
    if field not in original:
        return ""
    named = rows.frame[field]
    spelled = original[field].loc[named.index][named == ""]
    counts = [(str(k).strip(), int(v)) for k, v in spelled.value_counts().items() if v][:4]
    return (": " + ", ".join(f"{k or 'blank'} ({v:,})" for k, v in counts)) if counts else ""


def to_flows(rows: Rows) -> list[TradeFlow]:
    """Sum the remaining rows by importer, partner and code; leave out codes that total finer ones."""
    import pandas as pd

    frame = rows.frame
    has_weight = "weight" in frame
    if has_weight:
        weight = frame["weight"]
        if weight.dtype.kind != "f":  # read as text (a workbook, or a file with odd numbers)
            weight = pd.to_numeric(weight.astype(str).str.strip(), errors="coerce")
        frame = frame.assign(weight=weight)
    grouped = frame.groupby(["importer", "partner", "code"], sort=True, observed=True)
    values = grouped["value"].sum()
    weights = grouped["weight"].sum(min_count=1).to_numpy() if has_weight else None
    flows: list[TradeFlow] = []
    # Plain arrays: indexing a Series row by row costs more than the whole group-by.
    for position, ((importer, partner, code), value) in enumerate(
        zip(values.index, values.to_numpy(), strict=True)
    ):
        weight = None if weights is None else weights[position]
        known = weight is not None and weight == weight  # NaN is not equal to itself
        flows.append(
            TradeFlow(
                str(importer),
                str(partner),
                str(code),
                _money(value),
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
