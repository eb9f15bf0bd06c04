"""The Article XXIV check: does each party free enough lines and trade by the end of the horizon year."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from carveplan.engine.coverage import Coverage, CoverageRow, Status, status_of
from carveplan.engine.trade_match import is_tariff_line
from carveplan.engine.trajectory import trajectory
from carveplan.model import Line, PartyCode
from carveplan.model.duty import Rate


@dataclass(frozen=True)
class Blocker:
    """A line that is not duty-free at the horizon, keeping its party from the threshold.

    Attributes:
        line: the line.
        rate: its rate in the horizon year.
        status: excluded, partly cut or not yet cut.
        value: the import value it carries (US$).
        blocked: whether a phase of it cannot start in this scenario (a missed milestone).
    """

    line: Line
    rate: Rate
    status: Status
    value: Decimal
    blocked: bool


@dataclass(frozen=True)
class Verdict:
    """One party against the Article XXIV thresholds.

    Attributes:
        party: the importing party.
        year: the calendar year of the horizon.
        line_share: percent of tariff lines duty-free then; ``None`` without lines.
        trade_share: percent of import value duty-free then; ``None`` without trade data.
        lines_pass: whether the line share reaches its threshold.
        trade_pass: whether the trade share reaches its threshold; ``None`` when not assessed.
        blockers: the lines not duty-free then, largest trade first.
    """

    party: PartyCode
    year: int
    line_share: Decimal | None
    trade_share: Decimal | None
    lines_pass: bool
    trade_pass: bool | None
    blockers: tuple[Blocker, ...]

    @property
    def passes(self) -> bool:
        """Both assessed shares reach their thresholds (trade is not held against a party without data)."""
        return self.lines_pass and self.trade_pass is not False

    @property
    def label(self) -> str:
        """``pass``, ``fail`` or ``pass (lines only)`` when trade was not assessed."""
        if not self.passes:
            return "fail"
        return "pass" if self.trade_pass is not None else "pass (lines only)"


def verdicts(cover: Coverage) -> tuple[Verdict, ...]:
    """Each party's verdict at the test's horizon.

    Args:
        cover: coverage of one scenario.

    Returns:
        One verdict per importing party, in the agreement's order.
    """
    year = cover.horizon_year
    blockers = _blockers(cover, year)
    return tuple(_verdict(cover, cover.row(party, year), blockers.get(party, [])) for party in cover.parties)


def _verdict(cover: Coverage, row: CoverageRow, blockers: list[Blocker]) -> Verdict:
    line_share = row.line_share()
    trade_share = row.trade_share()
    lines_pass = line_share is not None and line_share >= cover.test.lines_share
    trade_pass = None if trade_share is None else trade_share >= cover.test.trade_share
    ordered = sorted(blockers, key=lambda b: (-b.value, b.line.code, b.line.id))
    return Verdict(row.party, row.year, line_share, trade_share, lines_pass, trade_pass, tuple(ordered))


def _blockers(cover: Coverage, year: int) -> dict[PartyCode, list[Blocker]]:
    lines = tuple(r for r in cover.schedule.lines if is_tariff_line(r.line))
    found: dict[PartyCode, list[Blocker]] = {}
    for row in trajectory(replace(cover.schedule, lines=lines), (year,)):
        rate = row.values[0]
        status = status_of(row.line, rate)
        if status is Status.FREE:
            continue
        line = row.line.line
        blocker = Blocker(line, rate, status, cover.trade_of(line.id).value, row.line.blocked)
        found.setdefault(line.party, []).append(blocker)
    return found
