"""Import another delegation's tariff schedule (any common layout, .xlsx or .csv) as carved-out lines."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from carveplan.engine import builtin_category
from carveplan.engine.sectormap import sector_for_code
from carveplan.io import cells
from carveplan.io.csv_reader import read_csv
from carveplan.io.errors import ReadError
from carveplan.io.hs import describe
from carveplan.io.schedule_columns import ColumnMap, find_header_row, recognize
from carveplan.io.schedule_rows import RowReader
from carveplan.io.sheet_reader import Sheet, SheetReader
from carveplan.io.sheet_table import Problems, column_letter
from carveplan.model import Agreement, CodeSystem, Location, Party, Problem, Sector, Severity, StagingCategory

PREVIEW_ROWS = 10


@dataclass(frozen=True)
class ScheduleImportOptions:
    """What the user says about a foreign schedule.

    Attributes:
        party: the party whose schedule it is (``VNM``).
        sector: the sector of every line; ``None`` to take it from a sector column or the HS map.
        eif: entry into force; default: the existing agreement's, else 1 January of the first year column.
        mapping: field -> header text or column letter, overriding recognition.
        existing: an agreement to add the lines to; ``None`` for a new one.
        sheet: the sheet to read; ``None`` for the first with a header row.
        title: the new agreement's title.
    """

    party: str
    sector: str | None = None
    eif: date | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)
    existing: Agreement | None = None
    sheet: str | None = None
    title: str = ""


@dataclass(frozen=True)
class ScheduleSniff:
    """What a look at a schedule found, for the preview dialog and the command line.

    Attributes:
        file: the file name.
        sheet: the sheet read (the file's stem for CSV).
        sheets: every sheet of the file.
        header_row: the header row as the spreadsheet numbers it; ``None`` when none was found.
        headers: the header row's texts.
        columns: which column holds which field.
        preview: the first data rows as text.
        problems: what keeps the schedule from importing, and warnings.
    """

    file: str
    sheet: str
    sheets: tuple[str, ...]
    header_row: int | None
    headers: tuple[str, ...]
    columns: ColumnMap
    preview: tuple[tuple[str, ...], ...]
    problems: tuple[Problem, ...] = ()

    def recognized(self) -> list[str]:
        """One line per recognized column, e.g. ``category ← D (Staging Category)``."""
        return self.columns.describe(self.headers)


@dataclass(frozen=True)
class ScheduleImport:
    """The result of an import: the agreement and what happened on the way.

    Attributes:
        agreement: the agreement with the imported lines.
        added: how many lines were added.
        skipped: rows left out because no sector applies (not in the sector map, no ``--sector``).
        warnings: problems that did not stop the import.
        sniff: what was recognized.
    """

    agreement: Agreement
    added: int
    skipped: int
    warnings: tuple[Problem, ...]
    sniff: ScheduleSniff


SPREADSHEETS = (".xlsx", ".xlsm")


def load_sheet(path: Path, sheet: str | None = None) -> tuple[Sheet, tuple[str, ...]]:
    """The sheet to read from ``path`` (.csv, or .xlsx: ``sheet`` or the first with a header row)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        data = read_csv(path)
        return data, (data.name,)
    if suffix not in SPREADSHEETS:
        kind = f"a {suffix[1:].upper()} file" if suffix else "a file without a suffix"
        raise ReadError.single(
            path.name, f"{kind} is not a spreadsheet: give a schedule as .xlsx, .xlsm or .csv"
        )
    with SheetReader(path) as reader:
        names = tuple(reader.sheet_names)
        if sheet is not None:
            if sheet not in names:
                raise ReadError.single(path.name, f"no sheet {sheet!r}; the sheets are: {', '.join(names)}")
            return reader.read(sheet), names
        first = None
        for name in names:
            data = reader.read(name)
            first = first or data
            if find_header_row(data.rows) is not None:
                return data, names
        return first or Sheet("", []), names


def sniff_schedule(
    path: Path, sheet: str | None = None, mapping: Mapping[str, str] | None = None
) -> ScheduleSniff:
    """Find the header row and recognize the columns of a schedule, with a preview of its rows.

    Args:
        path: the .xlsx or .csv file.
        sheet: the sheet to read; ``None`` for the first with a recognizable header row.
        mapping: field -> header text or column letter, overriding recognition.

    Returns:
        What was found; ``problems`` says what is missing.

    Raises:
        ReadError: when the file cannot be read at all.
    """
    data, sheets = load_sheet(path, sheet)
    return _sniff(path.name, data, sheets, mapping or {})


def _sniff(file: str, data: Sheet, sheets: tuple[str, ...], mapping: Mapping[str, str]) -> ScheduleSniff:
    index = find_header_row(data.rows)
    if index is None and mapping:
        index = 0
    if index is None:
        message = "no header row found: no row names a code column (HTS8, HS Code, Tariff line …) and another"
        problem = Problem(Severity.ERROR, Location(file=file, sheet=data.name), message, "no-header")
        return ScheduleSniff(file, data.name, sheets, None, (), ColumnMap({}), (), (problem,))
    headers = tuple(cells.text(h).strip() for h in data.rows[index])
    columns = recognize(headers, mapping)
    location = Location(file=file, sheet=data.name, row=index + 1)
    problems = [Problem(Severity.ERROR, location, text, "columns") for text in columns.problems]
    problems += _merged_warnings(file, data, index)
    body = [row for row in data.rows[index + 1 :] if not all(cells.is_blank(v) for v in row)]
    preview = tuple(tuple(cells.text(v) for v in row) for row in body[:PREVIEW_ROWS])
    return ScheduleSniff(file, data.name, sheets, index + 1, headers, columns, preview, tuple(problems))


def _merged_warnings(file: str, data: Sheet, header: int) -> list[Problem]:
    found = []
    for (row0, col0), (row1, col1) in data.merged:
        if row0 <= header <= row1 and col1 > col0:
            span = f"{column_letter(col0)}{row0 + 1}:{column_letter(col1)}{row1 + 1}"
            message = f"merged header cells {span}: only {column_letter(col0)} gets the header text"
            found.append(
                Problem(Severity.WARNING, Location(file=file, sheet=data.name, row=header + 1), message)
            )
    return found


def import_schedule(path: Path, options: ScheduleImportOptions) -> Agreement:
    """Import a tariff schedule as lines of ``options.party``.

    Args:
        path: the .xlsx or .csv file.
        options: party, sector, EIF, column overrides, an agreement to add to.

    Returns:
        The agreement with the schedule's lines (and its categories, party and sectors) added.

    Raises:
        ReadError: with every problem found; nothing is imported then.
    """
    return import_schedule_report(path, options).agreement


def import_schedule_report(path: Path, options: ScheduleImportOptions) -> ScheduleImport:
    """Like :func:`import_schedule`, also saying how many lines were added and skipped, and why."""
    data, sheets = load_sheet(path, options.sheet)
    sniff = _sniff(path.name, data, sheets, options.mapping)
    problems = Problems(path.name)
    for problem in sniff.problems:
        if problem.severity is Severity.ERROR:
            problems.items.append(problem)
    problems.raise_if_any()
    assert sniff.header_row is not None
    base = _base_agreement(path, options, sniff, problems)
    problems.raise_if_any()
    assert base is not None
    reader = RowReader(data, sniff, options, base, problems)
    lines = reader.lines()
    problems.raise_if_any()
    categories, warnings = _categories(lines, base, path.name, data.name)
    parties = (
        base.parties
        if any(p.code == options.party for p in base.parties)
        else (
            *base.parties,
            Party(options.party, options.party),
        )
    )
    agreement = replace(
        base,
        parties=parties,
        sectors=(*base.sectors, *reader.new_sectors),
        categories=(*base.categories, *categories),
        lines=(*base.lines, *lines),
    )
    notes = tuple(p for p in sniff.problems if p.severity is not Severity.ERROR)
    return ScheduleImport(agreement, len(lines), reader.skipped, notes + warnings, sniff)


def _base_agreement(
    path: Path, options: ScheduleImportOptions, sniff: ScheduleSniff, problems: Problems
) -> Agreement | None:
    if options.existing is not None:
        return options.existing
    eif = options.eif
    if eif is None and sniff.columns.years:
        eif = date(sniff.columns.years[0][0], 1, 1)
    if eif is None:
        problems.add("no entry into force: give --eif DATE (the schedule has no year columns)", "no-eif")
        return None
    title = options.title or f"{options.party} schedule from {path.name}"
    return Agreement(title, eif)


def _categories(
    lines: list[Any], base: Agreement, file: str, sheet: str
) -> tuple[tuple[StagingCategory, ...], tuple[Problem, ...]]:
    known = {c.code for c in base.categories}
    added: list[StagingCategory] = []
    warnings: list[Problem] = []
    for code in dict.fromkeys(line.category for line in lines if line.category):
        if code in known:
            continue
        category = builtin_category(code)
        if category is None:
            message = (
                f"staging category {code!r} is not a spelling CarvePlan knows: define it in the agreement"
            )
            warnings.append(Problem(Severity.WARNING, Location(file=file, sheet=sheet), message, "category"))
        else:
            added.append(category)
        known.add(code)
    return tuple(added), tuple(warnings)


def hs_code(value: Any) -> str:
    """A code as text: dots and spaces of ``0101.21.00`` dropped; a number regains its leading zero.

    HS codes have an even number of digits (2, 4, 6, 8, 10), so a number cell with an odd count lost
    a leading zero when a spreadsheet took the code for a number.
    """
    if isinstance(value, float | int) and not isinstance(value, bool):
        digits = str(int(value))
        return "0" + digits if len(digits) % 2 else digits
    written = cells.text(value).strip()
    return re.sub(r"[.\s]", "", written) if re.fullmatch(r"[\d.\s]+", written) else written


def code_system(header: str) -> CodeSystem:
    """CPC when the code column's header says so, else HS."""
    return CodeSystem.CPC if "cpc" in header.lower() else CodeSystem.HS


def sector_of(code: str, system: CodeSystem, given: str | None, sectors: tuple[Sector, ...]) -> str | None:
    """The sector id of a row: the one given (by id or name), else the sector map's."""
    if given:
        wanted = given.strip().lower()
        for sector in sectors:
            if wanted in (sector.id.lower(), sector.name.lower()):
                return sector.id
        return re.sub(r"[^0-9a-z]+", "_", wanted).strip("_") or None
    return sector_for_code(code, system)


def description_of(text: str, code: str, system: CodeSystem) -> str:
    """The row's description, or the HS nomenclature's when the row has none."""
    if text.strip() and text.strip().lower() not in ("n/a", "na", "-"):
        return text.strip()
    return describe(code) if system is CodeSystem.HS else ""
