"""Chart rows: lines grouped by sector then party, with collapsed groups, filters and a visible window.

Pure data, no matplotlib: the desktop app uses it for collapsing and hit-testing, the exports for
pagination. Row ``y`` is the row's centre in data units; row 0 is drawn at the top.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from carveplan.engine.schedule import Schedule
from carveplan.engine.sectormap import OTHER
from carveplan.engine.trajectory import unstaged_lines
from carveplan.model import Agreement, Line, LineId, PartyCode, SectorId


class RowKind(StrEnum):
    """What a row stands for."""

    SECTOR = "sector"
    PARTY = "party"
    LINE = "line"


@dataclass(frozen=True, slots=True)  # slots: a frozen record is built twice as fast with them
class Row:
    """One row of the chart.

    Attributes:
        kind: sector header, party header or line.
        key: stable key (``energy``, ``energy/VNM`` or the line id) used for collapsing and selection.
        label: the text shown at the left.
        y: the row's centre (row ``n`` of the window has ``y == n``).
        sector: the sector id.
        party: the party code (party and line rows).
        line: the line id (line rows).
        lines: the lines the row stands for (all lines of a group; the line itself).
        collapsed: whether a group row hides its lines.
        continued: a header repeated at the top of a later page.
        selected: whether the row is selected in the app.
    """

    kind: RowKind
    key: str
    label: str
    y: float
    sector: SectorId
    party: PartyCode | None = None
    line: LineId | None = None
    lines: tuple[LineId, ...] = ()
    collapsed: bool = False
    continued: bool = False
    selected: bool = False

    @property
    def is_group(self) -> bool:
        """Whether the row is a sector or party header."""
        return self.kind is not RowKind.LINE


@dataclass(frozen=True)
class RowSelection:
    """Which rows to show and how.

    Attributes:
        sectors: sector ids to show (empty: all).
        parties: party codes to show (empty: all).
        lines: line ids to show (empty: all).
        collapsed: keys of collapsed group rows.
        selected: keys of selected rows.
        party_rows: whether party header rows are shown between sector and lines.
        focus_only: leave out lines outside the focus sectors (sector ``other``) unless
            ``sectors`` names them: a whole schedule would bury the carve-outs.
        first: index of the first visible row (scrolling).
        count: number of visible rows (``None``: all from ``first``).
    """

    sectors: tuple[SectorId, ...] = ()
    parties: tuple[PartyCode, ...] = ()
    lines: tuple[LineId, ...] = ()
    collapsed: frozenset[str] = frozenset()
    selected: frozenset[str] = frozenset()
    party_rows: bool = True
    focus_only: bool = True
    first: int = 0
    count: int | None = None


def group_key(sector: SectorId, party: PartyCode | None = None) -> str:
    """The key of a sector header (``energy``) or party header (``energy/VNM``)."""
    return sector if party is None else f"{sector}/{party}"


def build_rows(schedule: Schedule, selection: RowSelection | None = None) -> tuple[Row, ...]:
    """Every row the selection shows, before the visible window is applied.

    Args:
        schedule: the resolved schedule.
        selection: filters, collapsed groups and selection (default: everything, expanded).

    Returns:
        Rows in display order with ``y`` equal to their index.
    """
    unstaged = unstaged_lines(schedule) if schedule.problems else frozenset()
    return line_rows(schedule.agreement, [r.line for r in schedule.lines], selection, unstaged)


def line_rows(
    agreement: Agreement,
    lines: Sequence[Line],
    selection: RowSelection | None = None,
    unstaged: frozenset[str] = frozenset(),
) -> tuple[Row, ...]:
    """The rows of :func:`build_rows` from the lines themselves, before any is resolved.

    Rows depend on the lines' places, not their dates: a file being opened lays out its first
    screen with this while the rest is still resolving.

    Args:
        agreement: the agreement (its sectors and parties order the groups).
        lines: the lines, in agreement order.
        selection: filters, collapsed groups and selection (default: everything, expanded).
        unstaged: lines whose category could not be expanded (their labels say so).

    Returns:
        Rows in display order with ``y`` equal to their index.
    """
    return _build(agreement, lines, selection or RowSelection(), unstaged, None).rows_built()


def first_rows(
    agreement: Agreement,
    lines: Sequence[Line],
    selection: RowSelection,
    limit: int,
    unstaged: frozenset[str] = frozenset(),
) -> tuple[tuple[Row, ...], int]:
    """The first ``limit`` rows of :func:`line_rows` and how many rows there are in all.

    Only the rows asked for are built: the first screen of a national schedule needs forty of
    its fifteen thousand.
    """
    out = _build(agreement, lines, selection, unstaged, limit)
    return out.rows_built(), out.total


class _Out:
    """Rows as they are laid out: each counted, the first ``limit`` built (all when ``None``)."""

    def __init__(self, limit: int | None) -> None:
        self.rows: list[Row] = []
        self.total = 0
        self.limit = limit

    @property
    def full(self) -> bool:
        return self.limit is not None and self.total >= self.limit

    def add(self, row: Row) -> None:
        if not self.full:
            self.rows.append(row)
        self.total += 1

    def rows_built(self) -> tuple[Row, ...]:
        return tuple(self.rows)


def _build(
    agreement: Agreement,
    lines: Sequence[Line],
    sel: RowSelection,
    unstaged: frozenset[str],
    limit: int | None,
) -> _Out:
    out = _Out(limit)
    party_names = {p.code: p.name for p in agreement.parties}
    for sector, sector_name, members in _sectors(agreement, lines, sel):
        _add_sector(out, party_names, sel, sector, sector_name, members, unstaged)
    return out


def layout_rows(schedule: Schedule, selection: RowSelection | None = None) -> tuple[Row, ...]:
    """The visible rows: :func:`build_rows` cut to the selection's window, headers repeated."""
    sel = selection or RowSelection()
    rows = build_rows(schedule, sel)
    if sel.first <= 0 and (sel.count is None or sel.count >= len(rows)):
        return rows  # the whole list: no headers to repeat, no renumbering
    return window(rows, sel.first, sel.count)


def window(rows: Sequence[Row], first: int, count: int | None) -> tuple[Row, ...]:
    """Rows ``first`` to ``first + count``, led by the headers of the group the window starts in.

    Args:
        rows: all rows in display order.
        first: index of the first row.
        count: how many rows from ``first`` (``None``: to the end).

    Returns:
        The window with ``y`` renumbered from 0; repeated headers are marked ``continued``.
    """
    first = max(0, min(first, len(rows)))
    end = len(rows) if count is None else min(len(rows), first + max(0, count))
    return _cut(rows, first, end, _ancestors(rows, first))


def paginate(rows: Sequence[Row], per_page: int) -> list[tuple[Row, ...]]:
    """Split rows into pages of at most ``per_page`` rows, repeating group headers on each page.

    One pass over the rows, however many pages: a national schedule has hundreds.

    Args:
        rows: all rows in display order.
        per_page: rows a page holds, repeated headers included (at least 3).

    Returns:
        The pages, each renumbered from ``y == 0``.
    """
    leads = list(_leads(rows))
    pages = _pages(leads, per_page, [r.is_group for r in rows])
    return [_cut(rows, first, first + count, leads[first]) for first, count in pages]


def page_windows(rows: Sequence[Row], per_page: int) -> list[tuple[int, int]]:
    """``(first, count)`` of each page of :func:`paginate` (for ``RowSelection.first``/``count``)."""
    return _pages(list(_leads(rows)), per_page, [r.is_group for r in rows])


def _pages(leads: list[list[Row]], per_page: int, groups: Sequence[bool]) -> list[tuple[int, int]]:
    per_page = max(3, per_page)
    out: list[tuple[int, int]] = []
    first = 0
    while first < len(leads):
        take = min(max(1, per_page - len(leads[first])), len(leads) - first)
        # A page does not end on a sector or party header whose rows are on the next page.
        while take > 1 and first + take < len(leads) and groups[first + take - 1]:
            take -= 1
        out.append((first, take))
        first += take
    return out


def _cut(rows: Sequence[Row], first: int, end: int, heads: list[Row]) -> tuple[Row, ...]:
    lead = [replace(h, continued=True) for h in heads] if first < end else []
    return tuple(replace(r, y=float(i)) for i, r in enumerate([*lead, *rows[first:end]]))


def _leads(rows: Sequence[Row]) -> Iterator[list[Row]]:
    """For each row, the headers a page starting there repeats (as :func:`_ancestors` finds them)."""
    sector: Row | None = None
    party: Row | None = None
    for row in rows:
        heads: list[Row] = []
        if row.kind is not RowKind.SECTOR and sector is not None and sector.sector == row.sector:
            heads.append(sector)
        if row.kind is RowKind.LINE and party is not None and party.key == group_key(row.sector, row.party):
            heads.append(party)
        yield heads
        if row.kind is RowKind.SECTOR:
            sector, party = row, None
        elif row.kind is RowKind.PARTY:
            party = row


def row_at(rows: Sequence[Row], y: float) -> Row | None:
    """The row whose band (``y - 0.5`` to ``y + 0.5``) contains ``y``, if any."""
    index = int(y + 0.5) if y >= -0.5 else -1
    if 0 <= index < len(rows) and abs(rows[index].y - y) <= 0.5:
        return rows[index]
    return None


def _ancestors(rows: Sequence[Row], first: int) -> list[Row]:
    if first <= 0 or first >= len(rows):
        return []
    row = rows[first]
    heads: list[Row] = []
    for prior in reversed(rows[:first]):
        if prior.kind is RowKind.SECTOR and prior.sector == row.sector and row.kind is not RowKind.SECTOR:
            heads.insert(0, prior)
            break
        if (
            prior.kind is RowKind.PARTY
            and row.kind is RowKind.LINE
            and prior.key == group_key(row.sector, row.party)
            and not heads
        ):
            heads.append(prior)
    return heads


def _sectors(
    agreement: Agreement, lines: Sequence[Line], sel: RowSelection
) -> Iterable[tuple[SectorId, str, list[Line]]]:
    names = {s.id: s.name for s in agreement.sectors}
    chosen = [
        line
        for line in lines
        if (not sel.sectors or line.sector in sel.sectors)
        and (sel.sectors or not sel.focus_only or line.sector != OTHER)
        and (not sel.parties or line.party in sel.parties)
        and (not sel.lines or line.id in sel.lines)
    ]
    by_sector = _grouped(chosen, "sector")
    for sector in list(names) + sorted(set(by_sector) - set(names)):
        if sector in by_sector:
            yield sector, names.get(sector, sector), by_sector[sector]


def _grouped(lines: list[Line], field: str) -> dict[str, list[Line]]:
    """Lines by their ``sector`` or ``party``, in their order (one pass, however many groups)."""
    out: dict[str, list[Line]] = {}
    for line in lines:
        out.setdefault(getattr(line, field), []).append(line)
    return out


def _add_sector(
    out: _Out,
    party_names: dict[PartyCode, str],
    sel: RowSelection,
    sector: SectorId,
    name: str,
    lines: list[Line],
    unstaged: frozenset[str],
) -> None:
    key = group_key(sector)
    ids = tuple(line.id for line in lines)
    collapsed = key in sel.collapsed
    noun = "line" if len(ids) == 1 else "lines"
    out.add(
        Row(
            RowKind.SECTOR,
            key,
            f"{name} ({len(ids)} {noun})",
            float(out.total),
            sector,
            lines=ids,
            collapsed=collapsed,
            selected=key in sel.selected,
        )
    )
    if collapsed:
        return
    by_party = _grouped(lines, "party")
    for party in list(party_names) + sorted(set(by_party) - set(party_names)):
        if party in by_party:
            _add_party(out, sel, sector, party, party_names.get(party, ""), by_party[party], unstaged)


def _add_party(
    out: _Out,
    sel: RowSelection,
    sector: SectorId,
    party: PartyCode,
    name: str,
    members: list[Line],
    unstaged: frozenset[str] = frozenset(),
) -> None:
    key = group_key(sector, party)
    collapsed = key in sel.collapsed
    if sel.party_rows:
        label = f"{party} – {name}" if name and name != party else party
        ids = tuple(line.id for line in members)
        out.add(
            Row(
                RowKind.PARTY,
                key,
                label,
                float(out.total),
                sector,
                party,
                lines=ids,
                collapsed=collapsed,
                selected=key in sel.selected,
            )
        )
        if collapsed:
            return
    # Rows past the limit are counted, not built (while building, ``len(rows) == out.total``).
    room = len(members) if out.limit is None else max(0, out.limit - out.total)
    rows = out.rows
    for line in members if room >= len(members) else members[:room]:
        label = f"{line.code} {line.description}".strip()
        if line.id in unstaged:  # no bars can be drawn: say why instead of showing the base
            label = f"\u26a0 {label} [category {line.category!r} not defined]"
        rows.append(
            Row(
                RowKind.LINE,
                line.id,
                label,
                float(len(rows)),
                sector,
                party,
                line.id,
                lines=(line.id,),
                selected=line.id in sel.selected,
            )
        )
    out.total += len(members)
