"""Liberalization coverage: per importing party and year, how many lines and how much trade is duty-free."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from carveplan.engine.resolve import resolve
from carveplan.engine.revenue import is_ad_valorem, revenue_forgone
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.engine.trade_match import LineTrade, TradeMatch, is_tariff_line, match_trade
from carveplan.engine.trajectory import trajectory, year_range
from carveplan.model import Agreement, CoverageTest, PartyCode, SectorId

_HUNDRED = Decimal(100)
_NO_TRADE = LineTrade()


class Status(StrEnum):
    """Where a tariff line stands in a year."""

    FREE = "duty-free"
    CUT = "partly cut"
    BASE = "not yet cut"
    EXCLUDED = "excluded"


def status_of(resolved: ResolvedLine, rate: Decimal) -> Status:
    """A line's status at a rate: free at zero (whatever its commitment), excluded, cut below base, or not."""
    if rate == 0:
        return Status.FREE
    if resolved.excluded:
        return Status.EXCLUDED
    return Status.CUT if rate < resolved.line.base else Status.BASE


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


@dataclass
class _Tally:
    """A row while lines are being counted."""

    lines: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    values: dict[Status, Decimal] = field(default_factory=lambda: dict.fromkeys(Status, Decimal(0)))
    rate_sum: Decimal = Decimal(0)
    rate_count: int = 0
    weighted_sum: Decimal = Decimal(0)
    weighted_value: Decimal = Decimal(0)
    revenue: Decimal = Decimal(0)
    unpriced: int = 0

    def add(self, resolved: ResolvedLine, rate: Decimal, status: Status, trade: LineTrade) -> None:
        line = resolved.line
        self.lines[status] += 1
        self.values[status] += trade.value
        if is_ad_valorem(line.unit):
            self.rate_sum += rate
            self.rate_count += 1
            self.weighted_sum += trade.value * rate
            self.weighted_value += trade.value
        if rate == line.base:
            return
        forgone = revenue_forgone(line.unit, line.base, rate, trade)
        if forgone is None:
            self.unpriced += 1
        else:
            self.revenue += forgone

    def freeze(self, party: PartyCode, sector: SectorId | None, year: int, eif_year: int) -> CoverageRow:
        simple = self.rate_sum / self.rate_count if self.rate_count else None
        weighted = self.weighted_sum / self.weighted_value if self.weighted_value else None
        return CoverageRow(
            party,
            sector,
            year,
            year - eif_year + 1,
            self.lines,
            self.values,
            simple,
            weighted,
            self.revenue,
            self.unpriced,
        )


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
    tallies = {(party, sector, year): _Tally() for party, sector in keys for year in years}
    for row in trajectory(replace(schedule, lines=tuple(tariff)), years):
        line = row.line.line
        trade = _NO_TRADE if match is None else match.lines.get(line.id, _NO_TRADE)
        for year, rate in zip(years, row.values, strict=True):
            status = status_of(row.line, rate)
            tallies[line.party, None, year].add(row.line, rate, status, trade)
            tallies[line.party, line.sector, year].add(row.line, rate, status, trade)
    eif_year = schedule.eif.year
    return tuple(tally.freeze(*key, eif_year) for key, tally in tallies.items())


def _ordered(declared: Iterable[str], used: Iterable[str]) -> list[str]:
    """Declared keys in order, then keys only lines use, in order of first use; only keys in use."""
    in_use = list(dict.fromkeys(used))
    return [k for k in dict.fromkeys([*declared, *in_use]) if k in in_use]
