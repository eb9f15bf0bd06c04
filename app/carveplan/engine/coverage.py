"""Liberalization coverage: per importing party and year, how many lines and how much trade is duty-free."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from carveplan.engine.resolve import resolve
from carveplan.engine.revenue import is_ad_valorem, revenue_forgone
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.engine.trade_match import LineTrade, TradeMatch, is_tariff_line, match_trade
from carveplan.engine.trajectory import reference_days, value_runs, year_range
from carveplan.model import Agreement, CoverageTest, PartyCode, SectorId
from carveplan.model.duty import Rate, is_zero, level

_HUNDRED = Decimal(100)
_NO_TRADE = LineTrade()


class Status(StrEnum):
    """Where a tariff line stands in a year."""

    FREE = "duty-free"
    CUT = "partly cut"
    BASE = "not yet cut"
    EXCLUDED = "excluded"


def status_of(resolved: ResolvedLine, rate: Rate) -> Status:
    """A line's status at a rate: free at zero (whatever its commitment), excluded, cut below base, or not."""
    if is_zero(rate):
        return Status.FREE
    if resolved.excluded:
        return Status.EXCLUDED
    base = resolved.line.base
    if isinstance(rate, Decimal) and isinstance(base, Decimal):
        return Status.CUT if rate < base else Status.BASE
    return Status.CUT if rate != base else Status.BASE  # a specific or compound duty: any step is a cut


@dataclass(frozen=True)
class CoverageRow:
    """One importing party (in one sector, or all) in one calendar year.

    Attributes:
        party: the importing party.
        sector: the sector id; ``None`` for the party's whole schedule.
        year: the calendar year.
        agreement_year: 1 for the EIF year, 0 or less before it.
        lines: tariff lines counted, by status.
        values: import value from the other parties (US$), by status.
        simple_average: mean ad valorem rate over the lines (percent); ``None`` without such lines.
        weighted_average: ad valorem rate weighted by import value; ``None`` without trade.
        revenue_forgone: duty no longer collected against the base, US$ (static).
        unpriced: lines cut from the base whose revenue could not be priced (specific duty, no quantity).
    """

    party: PartyCode
    sector: SectorId | None
    year: int
    agreement_year: int
    lines: dict[Status, int]
    values: dict[Status, Decimal]
    simple_average: Decimal | None
    weighted_average: Decimal | None
    revenue_forgone: Decimal
    unpriced: int

    @property
    def line_count(self) -> int:
        """All tariff lines counted."""
        return sum(self.lines.values())

    @property
    def value(self) -> Decimal:
        """All import value counted."""
        return sum(self.values.values(), Decimal(0))

    def line_share(self, status: Status = Status.FREE) -> Decimal | None:
        """Percent of lines with ``status``; ``None`` without lines."""
        total = self.line_count
        return Decimal(self.lines[status]) * _HUNDRED / total if total else None

    def trade_share(self, status: Status = Status.FREE) -> Decimal | None:
        """Percent of import value on lines with ``status``; ``None`` without trade."""
        total = self.value
        return self.values[status] * _HUNDRED / total if total else None


# A row's sums as one vector: line counts and import values by status, then the rate sums, the
# trade-weighted sums, revenue forgone and unpriced lines. Vectors let a line add each run of
# years at an unchanged rate once, as a difference at its first year and at the year after.
_STATUSES = tuple(Status)
_COUNT = {s: i for i, s in enumerate(_STATUSES)}
_VALUE = {s: 4 + i for i, s in enumerate(_STATUSES)}
_RATE_SUM, _RATE_N, _W_SUM, _W_VALUE, _REVENUE, _UNPRICED = range(8, 14)
_WIDTH = 14


class _Ledger:
    """Per-year sums of one party (and sector), kept as differences between consecutive years."""

    def __init__(self, years: int) -> None:
        self.deltas: list[list[Decimal]] = [[Decimal(0)] * _WIDTH for _ in range(years + 1)]

    def add(self, first: int, end: int, amounts: Iterable[tuple[int, Decimal]]) -> None:
        """Add ``amounts`` (field, amount) to every year from index ``first`` up to ``end`` (excluded)."""
        start, stop = self.deltas[first], self.deltas[end]
        for index, amount in amounts:
            start[index] += amount
            stop[index] -= amount

    def rows(
        self, party: PartyCode, sector: SectorId | None, years: tuple[int, ...], eif_year: int
    ) -> list[CoverageRow]:
        running = [Decimal(0)] * _WIDTH
        out = []
        for year, delta in zip(years, self.deltas, strict=False):
            running = [a + b for a, b in zip(running, delta, strict=True)]
            out.append(_row(party, sector, year, eif_year, running))
        return out


def _row(
    party: PartyCode, sector: SectorId | None, year: int, eif_year: int, sums: list[Decimal]
) -> CoverageRow:
    count = int(sums[_RATE_N])
    simple = sums[_RATE_SUM] / count if count else None
    weighted = sums[_W_SUM] / sums[_W_VALUE] if sums[_W_VALUE] else None
    return CoverageRow(
        party,
        sector,
        year,
        year - eif_year + 1,
        {s: int(sums[_COUNT[s]]) for s in _STATUSES},
        {s: sums[_VALUE[s]] for s in _STATUSES},
        simple,
        weighted,
        sums[_REVENUE],
        int(sums[_UNPRICED]),
    )


def _amounts(
    resolved: ResolvedLine, duty: Rate, trade: LineTrade, ad_valorem: bool
) -> list[tuple[int, Decimal]]:
    """What one line adds to a year's sums at ``duty`` (only the fields it changes)."""
    line = resolved.line
    status = status_of(resolved, duty)
    # A compound duty counts in averages and revenue by its ad valorem part (its level).
    rate, base = level(duty), level(line.base)
    value = trade.value
    amounts = [(_COUNT[status], Decimal(1))]
    if value:
        amounts.append((_VALUE[status], value))
    if ad_valorem:
        amounts += [(_RATE_SUM, rate), (_RATE_N, Decimal(1))]
        if value:
            amounts += [(_W_SUM, value * rate), (_W_VALUE, value)]
    if duty != line.base:
        forgone = revenue_forgone(line.unit, base, rate, trade)
        amounts.append((_UNPRICED, Decimal(1)) if forgone is None else (_REVENUE, forgone))
    return amounts


@dataclass(frozen=True)
class Coverage:
    """Coverage of every importing party under one scenario.

    Attributes:
        scenario: the scenario name.
        test: the Article XXIV thresholds and horizon used.
        eif_year: the calendar year of entry into force in this scenario (agreement year 1).
        years: the calendar years covered.
        rows: per party, the whole schedule (``sector`` None) then each sector, per year.
        match: how trade was matched to lines; ``None`` without trade data.
        skipped: lines that are not tariff lines on goods (services entries, caps, quotas).
        schedule: the resolved schedule.
    """

    scenario: str
    test: CoverageTest
    eif_year: int
    years: tuple[int, ...]
    rows: tuple[CoverageRow, ...]
    match: TradeMatch | None
    skipped: int
    schedule: Schedule

    @property
    def parties(self) -> tuple[PartyCode, ...]:
        """The importing parties, in agreement order."""
        return tuple(dict.fromkeys(r.party for r in self.rows))

    @property
    def horizon_year(self) -> int:
        """The calendar year of the test's horizon (end of agreement year N)."""
        return self.eif_year + self.test.horizon - 1

    def series(self, party: PartyCode, sector: SectorId | None = None) -> tuple[CoverageRow, ...]:
        """One party's rows year by year (its whole schedule, or one sector)."""
        return tuple(r for r in self.rows if r.party == party and r.sector == sector)

    def row(self, party: PartyCode, year: int, sector: SectorId | None = None) -> CoverageRow:
        """The row of a party in a calendar year; ``KeyError`` when absent."""
        for r in self.rows:
            if r.party == party and r.year == year and r.sector == sector:
                return r
        raise KeyError((party, year, sector))

    def trade_of(self, line_id: str) -> LineTrade:
        """The trade a line carries (none without data or a match)."""
        return _NO_TRADE if self.match is None else self.match.lines.get(line_id, _NO_TRADE)


def coverage(agreement: Agreement, scenario: str | None = None, test: CoverageTest | None = None) -> Coverage:
    """Coverage of an agreement under a scenario.

    Args:
        agreement: the agreement, with its trade table if it has one.
        scenario: the scenario name; ``None`` for the baseline.
        test: thresholds and horizon; the agreement's, else 90 % / 90 % / 10 years.

    Returns:
        The coverage.

    Raises:
        KeyError: when the scenario is unknown.
    """
    return coverage_of(resolve(agreement, scenario), test)


def coverage_of(
    schedule: Schedule, test: CoverageTest | None = None, match: TradeMatch | None = None
) -> Coverage:
    """Coverage of a resolved schedule.

    Args:
        schedule: the resolved schedule.
        test: thresholds and horizon; the agreement's, else the defaults.
        match: trade already matched to lines (e.g. for the baseline and a scenario); matched here if None.

    Returns:
        The coverage.
    """
    agreement = schedule.agreement
    test = test or agreement.coverage_test or CoverageTest()
    if match is None and agreement.trade is not None:
        match = match_trade(agreement.lines, agreement.trade)
    eif_year = schedule.eif.year
    span = year_range(schedule)
    years = tuple(range(eif_year, max(span.stop, eif_year + test.horizon)))
    tariff = [r for r in schedule.lines if is_tariff_line(r.line)]
    rows = _rows(schedule, tariff, years, match)
    skipped = len(schedule.lines) - len(tariff)
    return Coverage(schedule.scenario, test, eif_year, years, rows, match, skipped, schedule)


def _rows(
    schedule: Schedule, tariff: list[ResolvedLine], years: tuple[int, ...], match: TradeMatch | None
) -> tuple[CoverageRow, ...]:
    parties = _ordered([p.code for p in schedule.agreement.parties], [r.line.party for r in tariff])
    sectors = _ordered([s.id for s in schedule.agreement.sectors], [r.line.sector for r in tariff])
    used = {(r.line.party, r.line.sector) for r in tariff}
    keys = [
        (party, sector)
        for party in parties
        for sector in (None, *sectors)
        if sector is None or (party, sector) in used
    ]
    ledgers = {key: _Ledger(len(years)) for key in keys}
    days = [d for d in reference_days(schedule, years) if d is not None]  # years start at EIF
    for party, sector, first, end, amounts, times in _tally(tariff, days, match):
        scaled = amounts if times == 1 else [(field, amount * times) for field, amount in amounts]
        ledgers[party, None].add(first, end, scaled)
        ledgers[party, sector].add(first, end, scaled)
    eif_year = schedule.eif.year
    return tuple(r for key, ledger in ledgers.items() for r in ledger.rows(*key, years, eif_year))


_Amounts = tuple[tuple[int, Decimal], ...]


def _tally(
    tariff: list[ResolvedLine], days: list[date], match: TradeMatch | None
) -> list[tuple[PartyCode, SectorId, int, int, _Amounts, int]]:
    """How many lines add the same amounts to the same years of one party and sector.

    Lines share their amounts when their commitment, base, unit, trade and rate are the same, so
    each distinct one is worked out once and the ledgers add it once, times its count.
    """
    kinds: dict[tuple[object, ...], int] = {}
    known: dict[tuple[int, Rate], int] = {}
    found: dict[_Amounts, int] = {}  # equal amounts share one index
    tally: Counter[tuple[PartyCode, SectorId, int, int, int]] = Counter()
    for resolved in tariff:
        line = resolved.line
        trade = _NO_TRADE if match is None else match.lines.get(line.id, _NO_TRADE)
        # The trade by identity: hashing its fields for every line costs more than it saves.
        kind = kinds.setdefault((resolved.excluded, line.base, line.unit, id(trade)), len(kinds))
        party, sector = line.party, line.sector
        for first, end, duty in value_runs(resolved, days):
            index = known.get((kind, duty))
            if index is None:
                amounts = tuple(_amounts(resolved, duty, trade, is_ad_valorem(line.unit)))
                index = known[kind, duty] = found.setdefault(amounts, len(found))
            tally[party, sector, first, end, index] += 1
    by_index = list(found)
    return [
        (party, sector, first, end, by_index[index], n)
        for (party, sector, first, end, index), n in tally.items()
    ]


def _ordered(declared: Iterable[str], used: Iterable[str]) -> list[str]:
    """Declared keys in order, then keys only lines use, in order of first use; only keys in use."""
    in_use = list(dict.fromkeys(used))
    return [k for k in dict.fromkeys([*declared, *in_use]) if k in in_use]
