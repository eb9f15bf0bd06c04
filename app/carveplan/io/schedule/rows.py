"""A foreign schedule's rows as lines: codes as printed, rates, categories, year columns as phases."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from carveplan.engine.sectormap import OTHER, sector_for_code
from carveplan.io import cells
from carveplan.io.schedule.codes import code_system, code_width, description_of, digits_of, hs_code, sector_of
from carveplan.io.schedule.parties import is_party
from carveplan.io.schedule.specific import NOT_GIVEN, Cell, Printed, choose_base, merge_years, shape_of
from carveplan.io.sheets.reader import Sheet
from carveplan.io.workbook.table import Problems, column_letter
from carveplan.model import Agreement, Line, Location, Phase, Problem, Rate, Sector, Severity, Timing
from carveplan.model import grammar as g

if TYPE_CHECKING:
    from carveplan.io.schedule.options import ScheduleImportOptions, ScheduleSniff

_CODE = re.compile(r"(?:ex\s*)?\d[\d.\s-]{0,19}", re.IGNORECASE)
_MISSING = frozenset({"", "n/a", "na", "-", "—", "–", "none"})
# Excluded from commitments, in a category cell or a year cell.
EXCLUDED = frozenset({"u", "x", "excl", "excl.", "excluded", "no cut", "ex"})
OTHER_SECTOR = Sector(OTHER, "Other (outside the focus sectors)")
_UNREAD, _EXCLUDED = object(), object()
# Cells read once per value. A tuple, not ``str | float | int``: that union is built on every call.
_CACHEABLE = (str, float, int)


def _tariff(value: Any) -> tuple[Rate, str | None]:
    """A tariff cell: ``Free``, ``5``, ``20,0``, ``4.4¢/kg``, ``3.4¢/kg + 2%``; ad valorem at most 1,000%."""
    rate, unit = cells.rate(value)
    if isinstance(rate, Decimal) and unit in (None, "%"):
        g.check_percent(rate)
    return rate, unit


def _year_value(value: Any) -> object:
    """A year cell as ``(rate, unit)``, ``None`` when empty, the excluded marker, or the error."""
    written = cells.text(value).strip().lower()
    if written in _MISSING:
        return None
    if written in EXCLUDED:
        return _EXCLUDED
    try:
        return _tariff(value)
    except cells.CellError as err:
        return err


_DEFAULT = {f.name: f.default for f in dataclasses.fields(Line)}
_FIELDS = "id party sector code description code_system measure unit base category target phases gates notes"
_FIELDS += " legal_ref quota"
_LEFT = (_DEFAULT["target"], _DEFAULT["gates"], _DEFAULT["legal_ref"], _DEFAULT["quota"])
if list(_DEFAULT) != _FIELDS.split() or _LEFT != (None, (), "", None) or hasattr(Line, "__post_init__"):
    raise TypeError("Line changed: _new_line sets its fields itself")
_set = object.__setattr__


def _new_line(
    ident: str,
    party: str,
    sector: str,
    code: str,
    description: str,
    code_system: Any,
    unit: str,
    base: Rate,
    category: str,
    phases: tuple[Phase, ...],
    notes: str,
) -> Line:
    """A ``Line`` as its ``__init__`` makes it, without the frozen record's ``object.__setattr__``
    for each of its 16 fields (most of building a line): its attributes set at once."""
    line: Line = object.__new__(Line)
    _set(
        line,
        "__dict__",
        {
            "id": ident,
            "party": party,
            "sector": sector,
            "code": code,
            "description": description,
            "code_system": code_system,
            "measure": _DEFAULT["measure"],
            "unit": unit,
            "base": base,
            "category": category,
            "target": None,
            "phases": phases,
            "gates": (),
            "notes": notes,
            "legal_ref": "",
            "quota": None,
        },
    )
    return line


@lru_cache(maxsize=4096)
def _phase(year: int, value: Rate) -> Phase:
    # Phases are immutable: lines with the same published rates share them.
    return Phase(Timing.agreement_year(year), value)


class RowReader:
    """Reads the data rows below a recognized header row into lines of one party.

    Attributes:
        headings: rows with a code but no rate, category or year values (``27.10`` headings).
        foreign: rows of another party in a file holding several parties' schedules.
        warnings: codes that still look short after their zeros were restored.
    """

    def __init__(
        self,
        data: Sheet,
        sniff: ScheduleSniff,
        options: ScheduleImportOptions,
        base: Agreement,
        problems: Problems,
    ) -> None:
        self.data = data
        self.sniff = sniff
        self.options = options
        self.base = base
        self.problems = problems
        self.fields = sniff.columns.fields
        self.new_sectors: list[Sector] = []
        self.headings = 0
        self.foreign = 0
        self.warnings: list[Problem] = []
        self._ids = {line.id for line in base.lines}
        self._known_sectors: set[str] = set()
        self._width = 0
        # A tool export's specific duty: Base_Rate_Alt, and an Alt_ column after each year's.
        self._alt_base = sniff.columns.alt_base
        self._alt_columns = frozenset(column for _, column in sniff.columns.alt_years)
        self._alts: dict[Any, Cell | None] = {}
        self._columns = self._year_columns()
        self._read_cache: dict[Any, object] = {}
        self._rows_cache: dict[Any, tuple[tuple[Phase, ...], bool]] = {}
        columns = [c for _, c, _ in self._columns]
        self._last_column = max(columns, default=-1)
        self._year_cells = itemgetter(*columns, -1) if columns else (lambda _row: ())
        self._bases: dict[Any, tuple[Rate, str, str]] = {}
        self._parties: dict[str, bool] = {}

    def lines(self) -> list[Line]:
        """One line per data row carrying a rate, a category or year values."""
        assert self.sniff.header_row is not None
        system = code_system(self.sniff.headers[self.fields["code"]])
        # Rows as wide as the columns read (a CSV row may stop early), so cells are plain indexing.
        need = max(*self.fields.values(), self._last_column) + 1
        rows = self.data.rows[self.sniff.header_row :]
        rows = [row if len(row) >= need else [*row, *[""] * (need - len(row))] for row in rows]
        code = self.fields["code"]
        self._width = code_width(row[code] for row in rows)
        result = []
        for index, row in enumerate(rows, start=self.sniff.header_row + 1):
            line = self._line(row, index, system)
            if line is not None:
                result.append(line)
        return result

    def cell(self, row: list[Any], name: str) -> Any:
        """The row's cell for field ``name`` (empty when the field has no column)."""
        index = self.fields.get(name)
        return row[index] if index is not None and index < len(row) else ""

    def _line(self, row: list[Any], index: int, system: Any) -> Line | None:
        # The common cells (a text code of digits, a party, a category, a base rate seen before) are
        # read here; the helpers read the others.
        fields = self.fields
        value = row[fields["code"]]
        if not (type(value) is str and (code := value.strip()).isdigit()):
            try:
                code = hs_code(value, self._width)
            except cells.CellError as err:
                self._bad(index, "code", value, err.expected)
                return None
        # Titles, repeated headers, chapter headings and footnotes; a code of plain digits is one.
        if not (code.isascii() and code.isdigit() and len(code) <= 20) and not _CODE.fullmatch(code):
            return None
        if "party" in fields:
            value = row[fields["party"]]
            ours = self._parties.get(value) if type(value) is str else None
            if not (self._ours(row) if ours is None else ours):
                self.foreign += 1
                return None
        category = ""
        if "category" in fields:
            value = row[fields["category"]]
            category = (value if type(value) is str else cells.text(value)).strip()
            category = "" if category.lower() in _MISSING else category
        value = row[fields["base"]] if "base" in fields else ""
        known = self._bases.get(value) if isinstance(value, _CACHEABLE) else None
        base, unit, note = self._base(row, index) if known is None else known
        if self._alt_base is not None:
            base, unit, note = self._specific_base(row, index, base, unit, note)
        shape = shape_of(base, unit) if self._alt_columns else unit
        published, excluded = self._published(row, index, shape)
        if "base" not in fields and published and isinstance(base, Decimal) and unit == "%":
            # A quota note prints no base rate: its first column (EIF) is where the cuts start.
            # A specific base read from Base_Rate_Alt is the base, even without an ad valorem column.
            base, note = self._first_printed(row, base), "base rate not printed: the first year's rate"
        if not (category or published or excluded or self._has_rate(row)):
            self.headings += 1
            return None
        if note == NOT_GIVEN:
            self._no_base(index, category, bool(published or excluded))
        if excluded and not published and not category:
            category = "U"
        if category.isdigit():
            self._check_category(category, index)
        plain = code.isdigit()
        if (len(code) if plain else len(digits_of(code))) % 2:
            self._short(code, index)
        given = self.options.sector or ("sector" in fields and cells.text(self.cell(row, "sector")))
        sector = (
            sector_of(code, system, given, self._sectors())
            if given
            else sector_for_code(code, system) or OTHER
        )
        if sector not in self._known_sectors:
            self._note_sector(sector)
        written = cells.text(self.cell(row, "note")).strip() if "note" in fields else ""
        notes = f"{written}; {note}" if written and note else written or note
        party = self.options.party
        ident = f"{party}-{code}"
        if ident in self._ids:
            ident = self._unique_id(ident)
        else:
            self._ids.add(ident)
        return _new_line(
            ident=ident,
            party=party,
            sector=sector,
            code=code,
            description=description_of(
                cells.text(row[fields["description"]]) if "description" in fields else "", code, system
            ),
            code_system=system,
            unit=unit,
            base=base,
            category=category,
            phases=published,
            notes=notes,
        )

    # --- cells ------------------------------------------------------------------

    def _ours(self, row: list[Any]) -> bool:
        value = row[self.fields["party"]]  # rows are as wide as the columns read
        known = self._parties.get(value) if isinstance(value, str) else None
        if known is None:
            cell = cells.text(value).strip()
            known = not cell or is_party(cell, self.options.party)
            if isinstance(value, str):
                self._parties[value] = known  # a file names its parties a few ways over many rows
        return known

    def _has_rate(self, row: list[Any]) -> bool:
        alt = row[self._alt_base] if self._alt_base is not None and self._alt_base < len(row) else ""
        return any(cells.text(v).strip().lower() not in _MISSING for v in (self.cell(row, "base"), alt))

    def _base(self, row: list[Any], index: int) -> tuple[Rate, str, str]:
        value = row[self.fields["base"]] if "base" in self.fields else ""
        if isinstance(value, _CACHEABLE) and value in self._bases:
            return self._bases[value]
        problems = len(self.problems.items)
        found = self._read_base(value, index)
        if isinstance(value, _CACHEABLE) and len(self.problems.items) == problems:
            self._bases[value] = found
        return found

    def _read_base(self, value: Any, index: int) -> tuple[Rate, str, str]:
        written = cells.text(value).strip().lower()
        if written in _MISSING:
            return Decimal(0), "%", NOT_GIVEN if "base" in self.fields else ""
        try:
            rate, unit = _tariff(value)
        except cells.CellError as err:
            self._bad(index, "base", value, err.expected)
            return Decimal(0), "%", ""
        return rate, unit or "%", ""

    def _year_columns(self) -> list[tuple[int, int, str]]:
        """(agreement year, column, header) for every year column; calendar years up to the EIF
        year all fold into year 1, the latest winning (the rate of the year EIF falls in applies)."""
        eif = self.base.eif.year
        found = [(stage, column) for stage, column in self.sniff.columns.stages]
        found += [(max(year - eif + 1, 1), column) for year, column in self.sniff.columns.years]
        found += [(max(year - eif + 1, 1), column) for year, column in self.sniff.columns.alt_years]
        return [(year, column, self.sniff.headers[column]) for year, column in found]

    def through(self) -> int:
        """The last agreement year the year columns print; 0 when it holds for later years too."""
        if not self._columns:
            return 0
        year, _, header = max(self._columns)
        return 0 if "subsequent" in header.lower() else year

    def _published(self, row: list[Any], index: int, unit: str) -> tuple[tuple[Phase, ...], bool]:
        """The year values as phases (only changes), and whether a year cell says excluded.

        Rows with the same year cells share one phases tuple (the scrub compares each once).
        """
        if len(row) > self._last_column:
            cells_key = self._year_cells(row)
        else:
            cells_key = tuple(row[c] if c < len(row) else "" for _, c, _ in self._columns)
        shared = self._rows_cache.get((unit, cells_key))
        if shared is None:
            problems, warned = len(self.problems.items), len(self.warnings)
            shared = self._read_published(row, index, unit)
            # A bad cell, or a value left unread, is reported on every row it is in.
            if len(self.problems.items) == problems and len(self.warnings) == warned:
                self._rows_cache[(unit, cells_key)] = shared
        return shared

    def _read_published(self, row: list[Any], index: int, unit: str) -> tuple[tuple[Phase, ...], bool]:
        if self._alt_columns:
            return self._read_with_alt(row, index, unit)
        values: dict[int, Rate] = {}
        excluded = False
        read = self._read_cache
        for year, column, _ in self._columns:
            value = row[column] if column < len(row) else ""
            # A schedule repeats a few dozen rates over thousands of cells: read each once.
            found = read.get(value, _UNREAD) if isinstance(value, _CACHEABLE) else _UNREAD
            if found is _UNREAD:
                found = _year_value(value)
                if isinstance(value, _CACHEABLE):
                    read[value] = found
            if found is None:
                continue
            if found is _EXCLUDED:
                excluded = True
            elif isinstance(found, cells.CellError):
                self._bad(index, "", value, f"{found.expected}, or U (excluded)", column)
            elif isinstance(found, tuple) and found[1] not in (None, unit):
                self._bad(index, "", value, f"a rate in the base rate's unit ({unit})", column)
            elif isinstance(found, tuple):
                values[year] = found[0]
        phases: list[Phase] = []
        for year in sorted(values):
            if not phases or phases[-1].value != values[year]:
                phases.append(_phase(year, values[year]))
        return tuple(phases), excluded

    def _specific_base(
        self, row: list[Any], index: int, base: Rate, unit: str, note: str
    ) -> tuple[Rate, str, str]:
        """The base when a specific base column (``Base_Rate_Alt``) is printed beside the ad valorem one."""
        assert self._alt_base is not None
        value = row[self._alt_base] if self._alt_base < len(row) else ""
        hashable = isinstance(value, _CACHEABLE)
        if hashable and value in self._alts:
            alt = self._alts[value]
        elif cells.text(value).strip().lower() in _MISSING:
            alt = None
        else:
            try:
                alt = _tariff(value)
            except cells.CellError as err:
                self._bad(index, "", value, err.expected, self._alt_base)
                return base, unit, note
        if hashable:
            self._alts[value] = alt
        if alt is None:  # most rows of a tool export: an ad valorem duty only
            return base, unit, note
        try:
            chosen = choose_base(base, unit, note != NOT_GIVEN and "base" in self.fields, alt)
        except ValueError as err:
            self._bad(index, "", value, str(err), self._alt_base)
            return base, unit, note
        if chosen.kept:
            self._warn(index, self._alt_base, f"compound duty not read: {chosen.kept}", "specific")
        return chosen.value, chosen.unit, note if chosen.kept else ""

    def _read_with_alt(self, row: list[Any], index: int, shape: str) -> tuple[tuple[Phase, ...], bool]:
        """The year values of a file with an ``Alt_`` (specific) column after each year's."""
        cells_of: tuple[Printed, Printed] = ({}, {})  # ad valorem, specific
        excluded, read = False, self._read_cache
        for year, column, _ in self._columns:
            value = row[column] if column < len(row) else ""
            found = read.get(value, _UNREAD) if isinstance(value, _CACHEABLE) else _UNREAD
            if found is _UNREAD:
                found = _year_value(value)
                if isinstance(value, _CACHEABLE):
                    read[value] = found
            if found is _EXCLUDED:
                excluded = True
            elif isinstance(found, cells.CellError):
                self._bad(index, "", value, f"{found.expected}, or U (excluded)", column)
            elif isinstance(found, tuple):
                cells_of[column in self._alt_columns][year] = (found, column)
        values, left, bad = merge_years(*cells_of, shape)
        for column, expected in bad:
            self._bad(index, "", row[column], expected, column)
        if left:
            _, column, what = left[0]
            more = f" (and in {len(left) - 1} later years)" if len(left) > 1 else ""
            self._warn(index, column, f"{what}{more}", "specific")
        phases: list[Phase] = []
        for year in sorted(values):
            if not phases or phases[-1].value != values[year]:
                phases.append(_phase(year, values[year]))
        return tuple(phases), excluded

    def _no_base(self, index: int, category: str, values: bool) -> None:
        """A located warning: a staged row whose base columns are all empty starts from 0."""
        if not (category or values):
            return
        columns = [self.fields["base"], *([] if self._alt_base is None else [self._alt_base])]
        where = " and ".join(f"{column_letter(c)} ({self.sniff.headers[c]})" for c in columns)
        self._warn(index, columns[0], f"no base rate in {where}: the line starts from 0", "no-base")

    def _warn(self, index: int, column: int, message: str, code: str) -> None:
        where = Location(
            file=self.problems.file,
            sheet=self.data.name,
            row=index,
            column=f"{column_letter(column)} ({self.sniff.headers[column]})",
        )
        self.warnings.append(Problem(Severity.WARNING, where, message, code))

    def _first_printed(self, row: list[Any], fallback: Rate) -> Rate:
        for _, column, _ in sorted(self._columns, key=itemgetter(1)):
            found = _year_value(row[column] if column < len(row) else "")
            if isinstance(found, tuple):
                return found[0]
        return fallback

    def _check_category(self, category: str, index: int) -> None:
        # A numeric basket id (6, 11, 13) read as years would be silently wrong: refuse it.
        if not category.isdigit() or any(c.code == category for c in self.base.categories):
            return
        if category == "0" and not self.base.rule_set:
            return  # "0" is immediate in every schedule that uses it
        rules = f"the {self.base.rule_set} rules define" if self.base.rule_set else "no rule set defines"
        hint = "" if self.base.rule_set else " (choose the agreement's rules with --categories)"
        self._bad(index, "category", category, f"a staging category; {category!r} is a number {rules}{hint}")

    def _short(self, code: str, index: int) -> None:
        digits = len(code) if code.isdigit() else len(digits_of(code))
        if digits % 2:
            message = f"code {code!r} looks short ({digits} digits): a leading zero lost?"
            where = Location(file=self.problems.file, sheet=self.data.name, row=index, field="code")
            self.warnings.append(Problem(Severity.WARNING, where, message, "short-code"))

    def _bad(self, index: int, name: str, value: Any, expected: str, column: int | None = None) -> None:
        position = self.fields[name] if column is None else column
        where = f"{column_letter(position)} ({self.sniff.headers[position]})"
        self.problems.add(f"found {value!r}, expected {expected}", "bad-value", self.data.name, index, where)

    # --- sectors and ids ------------------------------------------------------------

    def _sectors(self) -> tuple[Sector, ...]:
        return (*self.base.sectors, *self.new_sectors)

    def _note_sector(self, sector: str) -> None:
        if sector in self._known_sectors:
            return
        self._known_sectors.add(sector)
        if all(s.id != sector for s in self._sectors()):
            if sector == OTHER:
                self.new_sectors.append(OTHER_SECTOR)
                return
            name = self.options.sector or sector.replace("_", " ").capitalize()
            self.new_sectors.append(Sector(sector, name))

    def _unique_id(self, wanted: str) -> str:
        ident, number = wanted, 2
        while ident in self._ids:
            ident, number = f"{wanted}-{number}", number + 1
        self._ids.add(ident)
        return ident
