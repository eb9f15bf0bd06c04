"""An MS Project task outline read back as an agreement: who is a sector, party, line, phase or milestone."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from carveplan.engine import builtin_category
from carveplan.io import cells
from carveplan.io.errors import ReadError
from carveplan.io.mspdi.fields import EIF, LINE, MILESTONE, PHASE, MsProject, MsTask
from carveplan.io.mspdi.outline import Outline
from carveplan.io.mspdi.states import unmarked_notes
from carveplan.io.native.rules import RULES_FORMAT, loads_rules
from carveplan.model import (
    DEFAULT_SECTORS,
    Agreement,
    CodeSystem,
    FirstCut,
    Line,
    Location,
    MeasureKind,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    MonthDay,
    Phase,
    Problem,
    Rate,
    RoundingDirection,
    RoundingRule,
    StagingCategory,
    StagingKind,
    StagingRules,
    Timing,
    TimingError,
    error,
    in_calendar,
    parse_timing,
    with_rules,
)
from carveplan.model.grammar import CellError
from carveplan.model.quota import Quota
from carveplan.model.quota_grammar import parse_quota
from carveplan.model.rates import parse_rate
from carveplan.model.timing import CALENDAR

E = TypeVar("E", bound=StrEnum)

_CODE_LEAD = re.compile(r"\s*(\d[\d.]*)\s*(.*)", re.DOTALL)
_TRAILING_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*%?\s*$")


def build_agreement(project: MsProject) -> tuple[Agreement | None, list[Problem]]:
    """The agreement an outline describes.

    Args:
        project: the tasks and header read from the file.

    Returns:
        The agreement (``None`` when nothing usable was found) and the problems met.
    """
    outline = Outline(project)
    milestones = [_milestone(outline, t) for t in outline.with_role(MILESTONE)]
    outline.check_unique("milestone", [m.id for m in milestones])
    lines = [_line(outline, t) for t in outline.with_role(LINE)]
    outline.check_unique("line", [line.id for line in lines])
    agreement = Agreement(
        title=project.title,
        categories=_excluding_categories(outline),
        eif=_eif(outline, project),
        classification=project.subject,
        parties=outline.parties(),
        sectors=outline.sectors(DEFAULT_SECTORS),
        lines=tuple(lines),
        milestones=tuple(milestones),
        uid=project.guid,
    )
    return _settings(outline, agreement), outline.problems


def _excluding_categories(outline: Outline) -> tuple[StagingCategory, ...]:
    """The agreement's own categories that exclude lines, known from lines marked excluded.

    Other categories of the agreement need no definition: their lines carry their phases.
    """
    codes: dict[str, None] = {}
    for task in outline.with_role(LINE):
        code = task.fields.get("category", "")
        if task.fields.get("kind") == "excluded" and code.strip():
            builtin = builtin_category(code)
            if builtin is None or builtin.kind is not StagingKind.EXCLUDED:
                codes[code] = None
    return tuple(StagingCategory(code, StagingKind.EXCLUDED) for code in codes)


def _eif(outline: Outline, project: MsProject) -> date:
    task = next(iter(outline.with_role(EIF)), None)
    if task is not None:
        written = task.fields.get("timing", "")
        try:
            day = date.fromisoformat(written.strip()) if written.strip() else task.start
            if in_calendar(day):
                return day
            raise ValueError(written)
        except ValueError:
            outline.fail(task, "Start as written", f"expected the entry-into-force date, found {written!r}")
            return task.start
    dated = [t.start for t in project.tasks if t.start != date.min]
    eif = project.start or min(dated, default=date.today())
    if not in_calendar(eif):
        where = Location(file=project.file, field="StartDate")
        message = f"entry into force: expected {CALENDAR}, found {eif.isoformat()} (the plan's start)"
        outline.problems.append(error(where, message, "mspdi"))
    return eif


def _settings(outline: Outline, agreement: Agreement) -> Agreement:
    """Stage day, rounding and tentativeness, written on the entry-into-force task."""
    task = next(iter(outline.with_role(EIF)), None)
    if task is None:
        return agreement
    result = replace(agreement, eif_tentative=task.estimated)
    rules = _rules(outline, task)
    if rules is not None:
        # Categories known only from lines marked excluded are kept beside the rule set's own.
        known = {c.code for c in rules.categories}
        extra = tuple(c for c in agreement.categories if c.code not in known)
        result = with_rules(result, replace(rules, categories=(*rules.categories, *extra)))
    # The columns below are what a planner edits in MS Project: they win over the notes.
    stage = task.fields.get("stage_day", "")
    if stage:
        try:
            month, day = (int(part) for part in stage.split("-"))
            date(2001, month, day)  # refuses 29 February, as the model does
            result = replace(result, stage_day=MonthDay(month, day))
        except ValueError:
            outline.fail(task, "Stage day", f"expected MM-DD such as 01-01 or 04-01, found {stage!r}")
    rounding = task.fields.get("rounding", "")
    if rounding:
        try:
            step, direction = rounding.split()
            rule = RoundingRule(cells.decimal(step), RoundingDirection(direction))
            result = replace(result, rounding=rule)
        except (ValueError, InvalidOperation, cells.CellError):
            outline.fail(
                task, "Rounding", f"expected a step and a direction such as '0.1 down', found {rounding!r}"
            )
    first_cut = task.fields.get("first_cut", "")
    if first_cut:
        try:
            result = replace(result, first_cut=FirstCut(first_cut))
        except ValueError:
            choices = " or ".join(repr(c.value) for c in FirstCut)
            outline.fail(task, "First cut", f"expected {choices}, found {first_cut!r}")
    return result


def _rules(outline: Outline, task: MsTask) -> StagingRules | None:
    """The staging rules the entry-into-force task's notes carry (as a rule set file), if any."""
    if RULES_FORMAT not in task.notes:
        return None  # notes written by a person, or a plan on the generic spellings
    try:
        return loads_rules(task.notes, outline.file)
    except ReadError as err:
        found = "; ".join(p.message for p in err.problems[:3])
        outline.fail(task, "Notes", f"the agreement's staging rules cannot be read: {found}")
        return None


def _timing(outline: Outline, task: MsTask) -> Timing:
    """The start as the user wrote it, unless the date was moved in the other program."""
    written = task.fields.get("timing", "").strip()
    planned = task.fields.get("planned")
    if written and (planned is None or planned == task.start.isoformat()):
        try:
            return parse_timing(written)
        except TimingError as err:
            outline.fail(task, "Start as written", err.describe())
    if not in_calendar(task.start):  # the date would be stored: it must be one an agreement can hold
        outline.fail(task, "Start", f"expected {CALENDAR}, found {task.start.isoformat()}")
    return _on(task.start)


_on = lru_cache(maxsize=4096)(Timing.on)  # one record per date: 100,000 phases start on a few hundred


def _decimal(outline: Outline, task: MsTask, key: str, label: str) -> Decimal | None:
    text = task.fields.get(key, "").strip()
    if not text:
        return None
    return _number(outline, task, text, label)


def _number(outline: Outline, task: MsTask, text: str, label: str) -> Decimal | None:
    """A number by the one grammar every reader uses: finite, and within 1e-15 to 1e15."""
    try:
        return cells.decimal(text)
    except cells.CellError as err:
        shown = text if len(text) <= 40 else f"{text[:20]}… ({len(text):,} characters)"
        outline.fail(task, label, f"expected {err.expected}, found {shown!r}")
        return None


_PUBLISHED = {"value": "value_text", "base": "base_text", "target": "target_text"}


def _rate(outline: Outline, task: MsTask, key: str, label: str) -> Rate | None:
    # A duty as published ("Value as published") wins over the number beside it, which is its level.
    text = task.fields.get(_PUBLISHED[key], "").strip()
    if not text:
        return _decimal(outline, task, key, label)
    try:
        return parse_rate(text)[0]
    except CellError as err:
        outline.fail(task, f"{label} as published", str(err.at(text)))
        return None


def _enum(outline: Outline, task: MsTask, key: str, label: str, default: E) -> E:
    text = task.fields.get(key, "").strip()
    if not text:
        return default
    kind = type(default)
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        outline.fail(task, label, f"expected one of {allowed}, found {text!r}")
        return default


def _line(outline: Outline, task: MsTask) -> Line:
    fields = task.fields
    lead = _CODE_LEAD.fullmatch(task.name)
    code = fields.get("code", lead.group(1) if lead else "")
    description = fields.get("description", lead.group(2) if lead else task.name)
    phase_tasks = outline.phase_tasks(task)
    category = fields.get("category", "")
    if category.strip() and all(_generated(t) for t in phase_tasks):
        # The category regenerates them, and follows a later change of entry into force. Their dates
        # are not read: a gate's lag may have put them past the dates an agreement can hold.
        phase_tasks = []
    phases = tuple(_phase(outline, t, i) for i, t in enumerate(phase_tasks))
    measure = _enum(outline, task, "measure", "Measure", MeasureKind.TARIFF)
    gates = outline.gates(task)
    if gates and phases and all(set(gates) <= set(p.gates) for p in phases):
        # Stages of an agreement's own category are written out with the line's gates on each; the
        # same gates left on the line too would be ignored there, and warned about.
        gates = ()
    base = _rate(outline, task, "base", "Base")
    return Line(
        id=fields.get("id") or outline.new_id("line", f"{outline.party_of(task)}-{code or task.uid}"),
        party=outline.party_of(task),
        sector=outline.sector_of(task),
        code=code,
        description=description,
        code_system=_enum(outline, task, "code_system", "Code system", CodeSystem.HS),
        measure=measure,
        unit=fields.get("unit", measure.default_unit),
        base=base if base is not None else (phases[0].value if phases else Decimal(0)),
        category=category,
        target=_rate(outline, task, "target", "Target"),
        phases=phases,
        gates=gates,
        notes=task.notes,
        legal_ref=fields.get("legal_ref", ""),
        quota=_quota(outline, task),
    )


def _quota(outline: Outline, task: MsTask) -> Quota | None:
    text = task.fields.get("quota", "").strip()
    if not text:
        return None
    try:
        return parse_quota(text)
    except CellError as err:
        outline.fail(task, "Tariff-rate quota", str(err.at(text)))
        return None


def _generated(task: MsTask) -> bool:
    """A phase a staging category generated, not moved since the export."""
    return "timing" not in task.fields and task.fields.get("planned") == task.start.isoformat()


def _phase(outline: Outline, task: MsTask, index: int) -> Phase:
    value = _rate(outline, task, "value", "Value")
    if value is None and "value" in outline.columns:
        # An empty cell of a Value column is 0 in MS Project, and MPXJ leaves zeros out when saving.
        value = Decimal(0)
    if value is None:
        number = _TRAILING_NUMBER.search(task.name)
        if number is None:
            message = (
                "no value: expected a number in the Value column or at the end of the name (e.g. '… 4.8%')"
            )
            outline.fail(task, "Value", message)
        value = _number(outline, task, number.group(1), "Name") if number else None
    value = Decimal(0) if value is None else value
    # A plain task read as a one-phase line names the line, not the phase.
    label = task.fields.get("description", task.name) if outline.role(task) == PHASE else ""
    return Phase(
        start=_timing(outline, task),
        value=value,
        label=label,
        gates=outline.gates(task),
        note=unmarked_notes(task.notes, task.fields.get("state", "")),
    )


def _milestone(outline: Outline, task: MsTask) -> Milestone:
    fields = task.fields
    ident = outline.milestone_id(task)
    head, _, rest = task.name.strip().partition(" ")
    status_default = MilestoneStatus.ACHIEVED if task.percent >= 100 else MilestoneStatus.PLANNED
    actual = fields.get("actual", "").strip()
    try:
        achieved = date.fromisoformat(actual) if actual else None
        if achieved is not None and not in_calendar(achieved):
            raise ValueError(actual)
    except ValueError:
        outline.fail(task, "Date achieved", f"expected a date YYYY-MM-DD from 1900 to 2200, found {actual!r}")
        achieved = None
    return Milestone(
        id=ident,
        party=outline.party_of(task),
        title=fields.get("description", rest if head == ident else task.name),
        due=_timing(outline, task),
        kind=_enum(outline, task, "kind", "Kind", MilestoneKind.OTHER),
        verifier=fields.get("verifier", ""),
        status=_enum(outline, task, "status", "Status", status_default),
        actual=achieved,
        depends_on=tuple(g.milestone for g in outline.gates(task)),
        note=unmarked_notes(task.notes, task.fields.get("state", "")),
    )
