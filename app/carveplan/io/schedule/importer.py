"""Import another delegation's tariff schedule (any common layout, .xlsx or .csv) as carved-out lines."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from carveplan.engine import builtin_category, find_category
from carveplan.engine.checks.scrub import Difference, line_differences, scrub_messages
from carveplan.engine.collector import collector_paused
from carveplan.engine.sectormap import OTHER
from carveplan.io import cells
from carveplan.io.errors import ReadError, reading
from carveplan.io.schedule.columns import ColumnMap, find_header_row, recognize
from carveplan.io.schedule.options import ScheduleImportOptions, ScheduleSniff
from carveplan.io.schedule.quotas import merge_quota_rows
from carveplan.io.schedule.rows import RowReader
from carveplan.io.sheets.csv_reader import read_csv
from carveplan.io.sheets.reader import Sheet, SheetReader
from carveplan.io.workbook.table import Problems, column_letter
from carveplan.model import (
    Agreement,
    Line,
    Location,
    Party,
    Problem,
    Rate,
    Severity,
    StagingCategory,
    for_party,
    with_rules,
)
from carveplan.model.words import plural

PREVIEW_ROWS = 10
_SAMPLE = 2000  # rows that decide between a text category column and a numeric basket id


@dataclass(frozen=True)
class ScheduleImport:
    """The result of an import: the agreement and what happened on the way.

    Attributes:
        agreement: the agreement with the imported lines.
        added: how many lines were added.
        other: how many of them lie outside the focus sectors (sector ``other``).
        headings: rows with a code but nothing to stage (``27.10`` headings): not lines.
        foreign: rows of other parties, left out.
        warnings: problems that did not stop the import, the legal scrub's among them.
        sniff: what was recognized.
    """

    agreement: Agreement
    added: int
    other: int
    headings: int
    foreign: int
    warnings: tuple[Problem, ...]
    sniff: ScheduleSniff


SPREADSHEETS = (".xlsx", ".xlsm")


def load_sheet(path: Path, sheet: str | None = None) -> tuple[Sheet, tuple[str, ...]]:
    """The sheet to read from ``path`` (.csv, or .xlsx: ``sheet`` or the first with a header row)."""
    with reading(path.name):
        return _load_sheet(path, sheet)


def _load_sheet(path: Path, sheet: str | None) -> tuple[Sheet, tuple[str, ...]]:
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
        return ScheduleSniff(file, data.name, sheets, None, (), ColumnMap({}), (), (*data.notes, problem))
    headers = tuple(cells.text(h).strip() for h in data.rows[index])
    # The preview and the category columns' sample need the first rows only, not all of them.
    filled = (row for row in islice(data.rows, index + 1, None) if not all(map(cells.is_blank, row)))
    body = list(islice(filled, _SAMPLE))
    columns = prefer_text_category(recognize(headers, mapping), body)
    location = Location(file=file, sheet=data.name, row=index + 1)
    problems = [Problem(Severity.ERROR, location, text, "columns") for text in columns.problems]
    problems += _merged_warnings(file, data, index)
    problems = [*data.notes, *problems]
    preview = tuple(tuple(cells.text(v) for v in row) for row in body[:PREVIEW_ROWS])
    return ScheduleSniff(file, data.name, sheets, index + 1, headers, columns, preview, tuple(problems))


def prefer_text_category(columns: ColumnMap, body: list[list[Any]]) -> ColumnMap:
    """The category column whose cells are text (``5 Years``), not a numeric basket id (``11``).

    Tool exports carry both; reading the ids as categories would make 11 mean eleven annual cuts.
    """
    others = columns.alternates.get("category", ())
    if "category" not in columns.fields or not others:
        return columns
    candidates = (columns.fields["category"], *others)
    sample = body[:_SAMPLE]  # a sample decides: the columns differ on every row

    def numbers(column: int) -> int:
        written = [cells.text(r[column]).strip() for r in sample if column < len(r)]
        return sum(w.isdigit() for w in written) - sum(bool(w) and not w.isdigit() for w in written)

    chosen = min(candidates, key=numbers)  # min keeps the first of equals: the header order
    return replace(columns, fields={**columns.fields, "category": chosen})


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
    # A schedule's rows, lines and phases are records that form no cycles: a collection would only
    # walk them again while they are built.
    with collector_paused():
        return _import(path, options)


def _import(path: Path, options: ScheduleImportOptions) -> ScheduleImport:
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
    lines, quota_warnings = merge_quota_rows(reader.lines(), path.name, data.name)
    if not lines and not problems.items:
        problems.add(_no_lines(reader, options), "no-lines", data.name)
    problems.raise_if_any()
    categories, warnings = _categories(lines, base, path.name, data.name)
    warnings += tuple(quota_warnings) + _no_base_column(lines, sniff.columns, path.name, data.name)
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
    scrub = _scrub(lines, agreement, reader.through())
    other = sum(line.sector == OTHER for line in lines)
    found = notes + warnings + tuple(reader.warnings) + scrub
    return ScheduleImport(agreement, len(lines), other, reader.headings, reader.foreign, found, sniff)


def _scrub(lines: list[Line], agreement: Agreement, through: int) -> tuple[Problem, ...]:
    """The legal scrub of the imported lines that print both a category and year values."""
    # Rows repeat a few dozen (category, base, published rates) combinations over thousands of
    # lines, and equal rows share one phases tuple (RowReader): compare each combination once.
    memo: dict[tuple[str, Rate, int], tuple[Difference, ...] | None] = {}
    found: list[Problem] = []
    for line in lines:
        if not (line.phases and line.category):
            continue
        key = (line.category, line.base, id(line.phases))
        differences = (
            memo[key] if key in memo else memo.setdefault(key, line_differences(line, agreement, through))
        )
        if differences != ():  # most lines agree: nothing to say
            found.extend(scrub_messages(line, agreement, differences))
    return tuple(found)


def _no_base_column(lines: list[Line], columns: ColumnMap, file: str, sheet: str) -> tuple[Problem, ...]:
    """A warning when the schedule has no base rate column and lines without year values start from 0.

    A specific base column alone (``Base_Rate_Alt``) gives the base of the rows that print one only.
    """
    if "base" in columns.fields:
        return ()
    unbased = [line.code for line in lines if not line.phases and line.quota is None and not line.base]
    if not unbased:
        return ()
    codes = ", ".join(unbased[:3]) + (" …" if len(unbased) > 3 else "")
    message = (
        f"no base rate column: {plural(len(unbased), 'line')} {'starts' if len(unbased) == 1 else 'start'} "
        f"from 0 ({codes}); "
        "name the column with --map base=HEADER"
    )
    return (Problem(Severity.WARNING, Location(file=file, sheet=sheet), message, "no-base"),)


def _no_lines(reader: RowReader, options: ScheduleImportOptions) -> str:
    why = f"; {reader.foreign} rows belong to other parties than {options.party}" if reader.foreign else ""
    return f"no line imported: no row below the header carries a rate, a category or year values{why}"


def _base_agreement(
    path: Path, options: ScheduleImportOptions, sniff: ScheduleSniff, problems: Problems
) -> Agreement | None:
    if options.existing is not None:
        return options.existing if options.rules is None else _with_rules(options.existing, options)
    eif = options.eif
    if eif is None and sniff.columns.years:
        eif = date(sniff.columns.years[0][0], 1, 1)
    if eif is None:
        problems.add("no entry into force: give --eif DATE (the schedule has no year columns)", "no-eif")
        return None
    title = options.title or f"{options.party} schedule from {path.name}"
    agreement = Agreement(title, eif)
    return agreement if options.rules is None else _with_rules(agreement, options)


def _with_rules(agreement: Agreement, options: ScheduleImportOptions) -> Agreement:
    # A party's own stage day (RCEP: Japan cuts on 1 April) comes with its schedule.
    assert options.rules is not None
    return with_rules(agreement, for_party(options.rules, options.party))


def _categories(
    lines: list[Any], base: Agreement, file: str, sheet: str
) -> tuple[tuple[StagingCategory, ...], tuple[Problem, ...]]:
    known = {c.code for c in base.categories}
    added: list[StagingCategory] = []
    warnings: list[Problem] = []
    for code in dict.fromkeys(line.category for line in lines if line.category):
        if code in known:
            continue
        known.add(code)
        # Under a rule set only its codes and the spellings of exclusion are known.
        # "10 Years, TRQ" is staged as "10 Years": find_category reads it.
        category = (
            find_category(code, base)
            if base.rule_set
            else builtin_category(code) or find_category(code, base)
        )
        if category is None:
            rules = f"the {base.rule_set} rules" if base.rule_set else "the agreement"
            message = f"staging category {code!r} is not defined: define it in {rules}; its lines are errors"
            warnings.append(Problem(Severity.WARNING, Location(file=file, sheet=sheet), message, "category"))
        elif not base.rule_set:
            added.append(category)
    return tuple(added), tuple(warnings)
