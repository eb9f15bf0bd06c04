"""Divergence across parties: sector by sector, when each party's lines reach their final value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carveplan.engine.resolve import resolve
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.model import Agreement, Duty, ExceptionId, PartyCode, Sector, SectorId, SecurityException
from carveplan.model.duty import is_zero


@dataclass(frozen=True)
class DivergenceCell:
    """One party's lines in one sector.

    Attributes:
        sector: the sector id.
        party: the party code.
        lines: all the party's lines in the sector.
        excluded: lines with no commitment (carved out in the strict sense).
        partial: committed lines that stop short of full liberalization.
        blocked: committed lines that never reach their final value in this scenario.
        final_date: when the last committed line reaches its final value; ``None`` when no line is
            committed or some are blocked.
        exceptions: security exceptions of the party covering the sector or some of these lines.
        invoked: those of them invoked over these lines in this scenario.
    """

    sector: SectorId
    party: PartyCode
    lines: int
    excluded: int
    partial: int
    blocked: int
    final_date: date | None
    exceptions: tuple[ExceptionId, ...] = ()
    invoked: tuple[ExceptionId, ...] = ()

    @property
    def committed(self) -> int:
        """Lines with a commitment (not excluded)."""
        return self.lines - self.excluded

    @property
    def final_year(self) -> int | None:
        """The calendar year of :attr:`final_date`."""
        return None if self.final_date is None else self.final_date.year


@dataclass(frozen=True)
class SectorSpread:
    """How far apart the parties are in one sector.

    Attributes:
        sector: the sector id.
        fastest: the parties whose lines reach their final value first.
        slowest: the parties whose lines reach it last (among those that do).
        first_year: the fastest parties' year.
        last_year: the slowest parties' year.
        blocked: parties with lines that never reach their final value in this scenario.
    """

    sector: SectorId
    fastest: tuple[PartyCode, ...]
    slowest: tuple[PartyCode, ...]
    first_year: int | None
    last_year: int | None
    blocked: tuple[PartyCode, ...] = ()

    @property
    def spread_years(self) -> int | None:
        """Years between the fastest and the slowest party; ``None`` when fewer than one is dated."""
        if self.first_year is None or self.last_year is None:
            return None
        return self.last_year - self.first_year


@dataclass(frozen=True)
class DivergenceMatrix:
    """A sector × party matrix for one scenario, ready for a heatmap (sectors are rows).

    Attributes:
        scenario: the scenario name.
        sectors: the rows, in the agreement's order.
        parties: the columns, in the agreement's order.
        cells: one cell per sector and party, row by row.
        spreads: one per sector, in row order.
    """

    scenario: str
    sectors: tuple[Sector, ...]
    parties: tuple[PartyCode, ...]
    cells: tuple[DivergenceCell, ...]
    spreads: tuple[SectorSpread, ...]

    def cell(self, sector: SectorId, party: PartyCode) -> DivergenceCell:
        """The cell of ``sector`` and ``party``; ``KeyError`` when either is not in the matrix."""
        for cell in self.cells:
            if cell.sector == sector and cell.party == party:
                return cell
        raise KeyError(f"no cell for sector {sector!r} and party {party!r}")

    def row(self, sector: SectorId) -> tuple[DivergenceCell, ...]:
        """The cells of one sector, in party order."""
        return tuple(c for c in self.cells if c.sector == sector)


def divergence(agreement: Agreement, scenario: str | None = None) -> DivergenceMatrix:
    """The divergence matrix of an agreement under a scenario.

    Args:
        agreement: the agreement.
        scenario: the scenario name; ``None`` for the baseline.

    Returns:
        The matrix.

    Raises:
        KeyError: when the scenario is unknown.
    """
    return divergence_of(resolve(agreement, scenario))


def divergence_of(schedule: Schedule) -> DivergenceMatrix:
    """The divergence matrix of a resolved schedule (for callers that already resolved it).

    Args:
        schedule: the resolved schedule.

    Returns:
        The matrix.
    """
    agreement = schedule.agreement
    sectors = _axis(agreement.sectors, [r.line.sector for r in schedule.lines])
    parties = tuple(_ordered([p.code for p in agreement.parties], [r.line.party for r in schedule.lines]))
    invoked = {(w.exception, line) for w in schedule.windows for line in w.lines}
    cells = tuple(
        _cell(schedule, agreement.exceptions, invoked, sector.id, party)
        for sector in sectors
        for party in parties
    )
    spreads = tuple(_spread(sector.id, [c for c in cells if c.sector == sector.id]) for sector in sectors)
    return DivergenceMatrix(schedule.scenario, sectors, parties, cells, spreads)


def is_partial(resolved: ResolvedLine) -> bool:
    """Whether a committed line stops short of full liberalization (quotas have no such value)."""
    full = resolved.line.measure.liberalized
    final = resolved.final_value
    if isinstance(final, Duty):  # a compound is liberalized when nothing is left to charge
        return not resolved.excluded and full is not None and not (full == 0 and is_zero(final))
    return not resolved.excluded and full is not None and final != full


def _cell(
    schedule: Schedule,
    exceptions: tuple[SecurityException, ...],
    invoked: set[tuple[ExceptionId, str]],
    sector: SectorId,
    party: PartyCode,
) -> DivergenceCell:
    lines = [r for r in schedule.lines if r.line.sector == sector and r.line.party == party]
    committed = [r for r in lines if not r.excluded]
    blocked = sum(r.final_date is None for r in committed)
    dates = [r.final_date for r in committed if r.final_date is not None]
    final = max(dates) if dates and not blocked else None
    ids = {r.line.id for r in lines}
    covering = tuple(
        e.id
        for e in exceptions
        if e.party == party and (sector in e.scope_sectors or ids & set(e.scope_lines))
    )
    used = tuple(e for e in covering if any((e, line) in invoked for line in ids))
    partial = sum(is_partial(r) for r in committed)
    return DivergenceCell(
        sector, party, len(lines), len(lines) - len(committed), partial, blocked, final, covering, used
    )


def _spread(sector: SectorId, cells: list[DivergenceCell]) -> SectorSpread:
    dated = [c for c in cells if c.final_year is not None]
    blocked = tuple(c.party for c in cells if c.blocked)
    if not dated:
        return SectorSpread(sector, (), (), None, None, blocked)
    first = min(c.final_year for c in dated if c.final_year is not None)
    last = max(c.final_year for c in dated if c.final_year is not None)
    fastest = tuple(c.party for c in dated if c.final_year == first)
    slowest = tuple(c.party for c in dated if c.final_year == last)
    return SectorSpread(sector, fastest, slowest, first, last, blocked)


def _axis(sectors: tuple[Sector, ...], used: list[SectorId]) -> tuple[Sector, ...]:
    """The agreement's sectors, then any sector only lines name (shown by its id)."""
    known = {s.id for s in sectors}
    extra = [Sector(s, s) for s in dict.fromkeys(used) if s not in known]
    return (*sectors, *extra)


def _ordered(declared: list[str], used: list[str]) -> list[str]:
    """Declared keys in order, then keys only lines use, in order of first use."""
    return list(dict.fromkeys([*declared, *used]))
