"""Read a workbook CarvePlan exported (and a person edited) back into an agreement."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from carveplan.io.cells import CellError, is_blank
from carveplan.io.sheets.reader import Sheet, SheetReader
from carveplan.io.workbook import layout
from carveplan.io.workbook.layout import Change, SheetSpec
from carveplan.io.workbook.rounds_sheet import ROUND_DATA, read_rounds
from carveplan.io.workbook.table import (
    Problems,
    Record,
    check_unique,
    header_key,
    read_table,
    report_formulas,
)
from carveplan.model import (
    Agreement,
    EifMoved,
    ExceptionInvoked,
    FirstCut,
    Line,
    MilestoneDelay,
    MilestoneMissed,
    MonthDay,
    Override,
    Party,
    Phase,
    ReviewClause,
    RoundingRule,
    Scenario,
    Sector,
    SecurityException,
    StagingCategory,
)
from carveplan.model.milestone import Milestone

# sheet -> (id field, its header) for the uniqueness check
_KEYS = {
    "Parties": ("code", "code"),
    "Sectors": ("id", "id"),
    "Lines": ("id", "line id"),
    "Milestones": ("id", "milestone id"),
    "Exceptions": ("id", "exception id"),
    "Reviews": ("id", "review id"),
    "Categories": ("code", "category code"),
}


def is_carveplan_workbook(sheet_names: list[str]) -> bool:
    """Whether a workbook looks like CarvePlan's exchange workbook (its Overview and Lines sheets)."""
    keys = {header_key(n) for n in sheet_names}
    return header_key(layout.OVERVIEW) in keys and header_key(layout.LINES.name) in keys


def read_workbook(path: Path) -> Agreement:
    """Read an exchange workbook into an agreement.

    Args:
        path: the .xlsx file.

    Returns:
        The agreement.

    Raises:
        ReadError: with every problem found (file, sheet, row, column and what was expected).
    """
    problems = Problems(path.name)
    with SheetReader(path) as reader:
        names = _match_sheets(reader.sheet_names, problems)
        problems.raise_if_any()
        settings = _read_settings(reader.read(names[layout.OVERVIEW]), problems)
        tables = {
            spec.name: read_table(reader.read(names[spec.name]), spec, problems)
            for spec in layout.RECORD_SHEETS
        }
        rounds = read_rounds(_optional_sheet(reader, ROUND_DATA), problems)
    for sheet, (key, header) in _KEYS.items():
        check_unique(tables[sheet], key, sheet, header, problems)
    lines = _lines(tables["Lines"], tables["Phases"], problems)
    problems.raise_if_any()
    return Agreement(
        **settings,
        parties=_build(tables["Parties"], Party),
        sectors=_build(tables["Sectors"], Sector),
        categories=_build(tables["Categories"], StagingCategory),
        lines=lines,
        milestones=_build(tables["Milestones"], Milestone),
        exceptions=_build(tables["Exceptions"], SecurityException),
        reviews=_build(tables["Reviews"], ReviewClause),
        scenarios=_scenarios(tables["Scenarios"], problems),
        rounds=rounds,
    )


def _optional_sheet(reader: SheetReader, name: str) -> Sheet | None:
    """A sheet the workbook may lack (older exports, agreements without rounds)."""
    by_key = {header_key(n): n for n in reader.sheet_names}
    found = by_key.get(header_key(name))
    return reader.read(found) if found is not None else None


def _match_sheets(available: list[str], problems: Problems) -> dict[str, str]:
    by_key = {header_key(n): n for n in available}
    wanted = [layout.OVERVIEW, *(spec.name for spec in layout.RECORD_SHEETS)]
    names = {name: by_key[header_key(name)] for name in wanted if header_key(name) in by_key}
    missing = [name for name in wanted if name not in names]
    if missing and not is_carveplan_workbook(available):
        message = (
            "not a workbook CarvePlan exported (no Overview and Lines sheets); to import another "
            "delegation's tariff schedule use: carveplan import FILE -o OUT.carveplan --party CODE"
        )
        problems.add(message, "not-carveplan")
    else:
        for name in missing:
            message = (
                f"missing sheet {name!r}; a sheet with only its header row is enough when it has no rows"
            )
            problems.add(message, "missing-sheet", name)
    return names


def _read_settings(sheet: Sheet, problems: Problems) -> dict[str, Any]:
    report_formulas(sheet, problems)
    by_label = {header_key(label): (key, label, parse) for key, label, parse in layout.SETTINGS}
    found: dict[str, Any] = {}
    for index, row in enumerate(sheet.rows, start=1):
        entry = by_label.get(header_key(row[0])) if row and isinstance(row[0], str) else None
        if entry is None:
            continue
        key, label, parse = entry
        value = row[1] if len(row) > 1 else ""
        try:
            found[key] = parse(value)
        except CellError as err:
            problems.add(
                f"{label}: found {value!r}, expected {err.expected}", "bad-value", sheet.name, index, "B"
            )
    for key, label in (("title", "Title"), ("eif", "Entry into force")):
        if key not in found:
            problems.add(
                f"the setting {label!r} is missing (column A label, column B value)",
                "missing-setting",
                sheet.name,
            )
    return _settings_fields(found, sheet.name, problems)


def _settings_fields(found: dict[str, Any], sheet: str, problems: Problems) -> dict[str, Any]:
    fields = {
        k: v
        for k, v in found.items()
        if k
        in (
            "title",
            "short_name",
            "eif",
            "eif_tentative",
            "classification",
            "notes",
            "rule_set",
            "rule_set_note",
            "uid",
        )
    }
    if found.get("first_cut") is FirstCut.STAGE_DAY:  # at EIF is the default, left out of the file
        fields["first_cut"] = FirstCut.STAGE_DAY
    if "stage_day" in found:
        match = re.fullmatch(r"\s*(\d{1,2})-(\d{1,2})\s*", found["stage_day"])
        if match and _valid_month_day(int(match.group(1)), int(match.group(2))):
            fields["stage_day"] = MonthDay(int(match.group(1)), int(match.group(2)))
        else:
            problems.add(
                f"Stage day: found {found['stage_day']!r}, expected MM-DD such as 01-01 or 04-01",
                "bad-value",
                sheet,
            )
    rounding = RoundingRule()
    if "rounding_step" in found:
        rounding = RoundingRule(found["rounding_step"], rounding.direction)
    if "rounding_direction" in found:
        rounding = RoundingRule(rounding.step, found["rounding_direction"])
    fields["rounding"] = rounding
    return fields


def _valid_month_day(month: int, day: int) -> bool:
    limits = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return 1 <= month <= 12 and 1 <= day <= limits[month - 1]


def _build(records: list[Record], make: Callable[..., Any]) -> tuple[Any, ...]:
    return tuple(make(**record.fields) for record in records if _complete(record, make))


def _complete(record: Record, make: Callable[..., Any]) -> bool:
    """Rows with a bad required cell were reported already; they are left out of the result."""
    required = _REQUIRED.get(make, ())
    return all(key in record.fields for key in required)


def _lines(lines: list[Record], phases: list[Record], problems: Problems) -> tuple[Line, ...]:
    known = {r.fields.get("id") for r in lines}
    grouped: dict[str, list[Record]] = {}
    for record in phases:
        line_id = record.fields.get("line")
        if line_id is None:
            continue
        if line_id not in known:
            problems.add(
                f"phase of line {line_id!r}, which is not on the Lines sheet",
                "unknown-line",
                "Phases",
                record.row,
            )
            continue
        grouped.setdefault(line_id, []).append(record)
    result = []
    for record in lines:
        if not _complete(record, Line):
            continue
        rows = sorted(grouped.get(record.fields["id"], []), key=_phase_order)
        built = tuple(_phase(r.fields) for r in rows if "start" in r.fields and "value" in r.fields)
        result.append(Line(**record.fields, phases=built))
    return tuple(result)


def _phase_order(record: Record) -> tuple[bool, int, int]:
    order = record.fields.get("order")
    return (order is None, order or 0, record.row)


def _phase(fields: dict[str, Any]) -> Phase:
    return Phase(**{k: v for k, v in fields.items() if k not in ("line", "order")})


def _scenarios(records: list[Record], problems: Problems) -> tuple[Scenario, ...]:
    order: list[str] = []
    descriptions: dict[str, str] = {}
    overrides: dict[str, list[Override]] = {}
    for record in records:
        name = record.fields.get("name")
        if name is None:
            continue
        if name not in overrides:
            order.append(name)
            overrides[name] = []
        if record.fields.get("description") and not descriptions.get(name):
            descriptions[name] = record.fields["description"]
        override = _override(record, problems)
        if override is not None:
            overrides[name].append(override)
    return tuple(Scenario(n, descriptions.get(n, ""), tuple(overrides[n])) for n in order)


def _override(record: Record, problems: Problems) -> Override | None:
    fields = record.fields
    change = fields.get("change")
    needs = {
        Change.DELAY: ("milestone", "months"),
        Change.MISSED: ("milestone",),
        Change.INVOKED: ("exception", "start", "duration"),
        Change.EIF_MOVED: ("eif",),
    }
    if change is None:
        return None
    missing = [key for key in needs[change] if is_blank(fields.get(key))]
    if missing:
        headers = {c.key: c.header for c in layout.SCENARIOS.columns}
        wanted = ", ".join(headers[k] for k in missing)
        problems.add(f"a {change.value} change needs {wanted}", "incomplete", "Scenarios", record.row)
        return None
    if change is Change.DELAY:
        return MilestoneDelay(fields["milestone"], fields["months"])
    if change is Change.MISSED:
        return MilestoneMissed(fields["milestone"])
    if change is Change.INVOKED:
        return ExceptionInvoked(fields["exception"], fields["start"], fields["duration"])
    return EifMoved(fields["eif"])


_SPEC_BY_TYPE: dict[Callable[..., Any], SheetSpec] = {
    Party: layout.PARTIES,
    Sector: layout.SECTORS,
    Line: layout.LINES,
    Milestone: layout.MILESTONES,
    SecurityException: layout.EXCEPTIONS,
    ReviewClause: layout.REVIEWS,
    StagingCategory: layout.CATEGORIES,
}
# The keys a record must have to be built, per record type (checked for every row).
_REQUIRED: dict[Callable[..., Any], tuple[str, ...]] = {
    make: tuple(c.key for c in spec.readable() if c.required) for make, spec in _SPEC_BY_TYPE.items()
}
