"""The rows of a foreign schedule as lines: codes kept as text, rates, categories, year columns as phases."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from carveplan.io import cells
from carveplan.io.schedule.codes import code_system, description_of, hs_code, sector_of
from carveplan.io.sheets.reader import Sheet
from carveplan.io.workbook.table import Problems, column_letter
from carveplan.model import Agreement, Line, Phase, Rate, Sector, Timing
from carveplan.model import grammar as g

if TYPE_CHECKING:
    from carveplan.io.schedule.options import ScheduleImportOptions, ScheduleSniff

_CODE = re.compile(r"(?:ex\s*)?\d[\d.\s-]{0,19}", re.IGNORECASE)
_MISSING = frozenset({"", "n/a", "na", "-", "—", "–", "none"})


def _tariff(value: Any) -> tuple[Rate, str | None]:
    """A tariff cell: ``Free``, ``5``, ``20,0``, ``4.4¢/kg``, ``3.4¢/kg + 2%``; ad valorem at most 1,000%."""
    rate, unit = cells.rate(value)
    if isinstance(rate, Decimal) and unit in (None, "%"):
        g.check_percent(rate)
    return rate, unit


class RowReader:
    """Reads the data rows below a recognized header row into lines of one party."""

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
        self.skipped = 0
        self._ids = {line.id for line in base.lines}

    def lines(self) -> list[Line]:
        """One line per data row with a code and a sector; rows without a code are titles or notes."""

        assert self.sniff.header_row is not None
        system = code_system(self.sniff.headers[self.fields["code"]])
        result = []
        for index, row in enumerate(self.data.rows[self.sniff.header_row :], start=self.sniff.header_row + 1):
            line = self._line(row, index, system)
            if line is not None:
                result.append(line)
        return result

    def cell(self, row: list[Any], name: str) -> Any:
        """The row's cell for field ``name`` (empty when the field has no column)."""
        index = self.fields.get(name)
        return row[index] if index is not None and index < len(row) else ""

    def _line(self, row: list[Any], index: int, system: Any) -> Line | None:

        code = hs_code(self.cell(row, "code"))
        if not _CODE.fullmatch(code):  # titles, chapter headings and footnotes between the lines
            return None
        sector = sector_of(
            code, system, self.options.sector or cells.text(self.cell(row, "sector")), self._sectors()
        )
        if sector is None:
            self.skipped += 1
            return None
        self._note_sector(sector)
        base, unit, note = self._base(row, index)
        category = cells.text(self.cell(row, "category")).strip()
        category = "" if category.lower() in _MISSING else category
        notes = "; ".join(n for n in (cells.text(self.cell(row, "note")).strip(), note) if n)
        return Line(
            self._unique_id(f"{self.options.party}-{code}"),
            self.options.party,
            sector,
            code,
            description_of(cells.text(self.cell(row, "description")), code, system),
            code_system=system,
            unit=unit,
            base=base,
            category=category,
            phases=self._phases(row, index, unit),
            notes=notes,
        )

    def _base(self, row: list[Any], index: int) -> tuple[Rate, str, str]:
        value = self.cell(row, "base")
        written = cells.text(value).strip().lower()
        if written in _MISSING:
            return Decimal(0), "%", "base rate not given in the source" if "base" in self.fields else ""
        try:
            rate, unit = _tariff(value)
        except cells.CellError as err:
            self._bad(index, "base", value, err.expected)
            return Decimal(0), "%", ""
        return rate, unit or "%", ""

    def _phases(self, row: list[Any], index: int, unit: str) -> tuple[Phase, ...]:
        eif_year = self.base.eif.year
        phases: list[Phase] = []
        for year, column in self.sniff.columns.years:
            value = row[column] if column < len(row) else ""
            if cells.text(value).strip().lower() in _MISSING or year < eif_year:
                continue
            try:
                rate, named = _tariff(value)
            except cells.CellError as err:
                self._bad(index, str(year), value, err.expected, column)
                continue
            if named not in (None, unit):
                self._bad(index, str(year), value, f"a rate in the base rate's unit ({unit})", column)
                continue
            if not phases or phases[-1].value != rate:  # only changes are phases
                phases.append(Phase(Timing.agreement_year(year - eif_year + 1), rate))
        return tuple(phases)

    def _bad(self, index: int, name: str, value: Any, expected: str, column: int | None = None) -> None:
        position = self.fields[name] if column is None else column
        where = f"{column_letter(position)} ({self.sniff.headers[position]})"
        self.problems.add(f"found {value!r}, expected {expected}", "bad-value", self.data.name, index, where)

    def _sectors(self) -> tuple[Sector, ...]:
        return (*self.base.sectors, *self.new_sectors)

    def _note_sector(self, sector: str) -> None:
        if all(s.id != sector for s in self._sectors()):
            name = self.options.sector or sector.replace("_", " ").capitalize()
            self.new_sectors.append(Sector(sector, name))

    def _unique_id(self, wanted: str) -> str:
        ident, number = wanted, 2
        while ident in self._ids:
            ident, number = f"{wanted}-{number}", number + 1
        self._ids.add(ident)
        return ident
