"""Staging categories: recognize common spellings and expand a line's category into phases."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import assert_never

from carveplan.engine.categories import builtin_category
from carveplan.engine.duties import stage_component, stage_duty, unit_rounding
from carveplan.engine.memo import agreement_memo
from carveplan.engine.trq import staging_of
from carveplan.model import (
    Agreement,
    Anchor,
    Duty,
    FirstCut,
    Line,
    Location,
    Phase,
    Problem,
    Rate,
    RoundingRule,
    StagingCategory,
    StagingKind,
    Step,
    TableRow,
    Timing,
    error,
)

__all__ = [
    "builtin_category",
    "category_phases",
    "expand",
    "expand_checked",
    "find_category",
    "generated_phases",
    "line_target",
    "table_row",
]


def find_category(code: str, agreement: Agreement) -> StagingCategory | None:
    """The staging category a code names.

    Args:
        code: the code as written in the schedule (``B5``, `` 5 years ``).
        agreement: its own categories win over the built-in spellings.

    Returns:
        The agreement's category (exact code first, then ignoring case and spacing), else the
        built-in one, else ``None``. Under a named rule set only the spellings of exclusion
        (``U``, ``X``, ``EXCL``, ``No Cut``) fall back: EU–Viet Nam ``B4`` is no category, not
        four stages.
    """
    for category in agreement.categories:
        if category.code == code:
            return category
    wanted = _loose(code)
    for category in agreement.categories:
        if _loose(category.code) == wanted:
            return category
    found = builtin_category(code)
    if agreement.rule_set and found is not None and found.kind is not StagingKind.EXCLUDED:
        found = None
    inner = staging_of(code) if found is None else None
    if inner is not None:  # "10 Years, TRQ": the rate is staged as "10 Years"
        staged = find_category(inner, agreement)
        return replace(staged, code=code) if staged is not None else None
    return found


def expand(line: Line, agreement: Agreement) -> tuple[Phase, ...]:
    """The phases of a line: its explicit phases, else those its staging category generates.

    Args:
        line: the line.
        agreement: supplies the categories and the rounding rule.

    Returns:
        The phases in order; empty for excluded lines and for lines that cannot be expanded.
    """
    return expand_checked(line, agreement)[0]


def expand_checked(line: Line, agreement: Agreement) -> tuple[tuple[Phase, ...], tuple[Problem, ...]]:
    """Like :func:`expand`, with the problems that kept a category from expanding.

    Args:
        line: the line.
        agreement: supplies the categories and the rounding rule.

    Returns:
        ``(phases, problems)``; problems name an unknown category or a quota without a target.
    """
    if line.phases or not line.category.strip():
        return line.phases, ()
    phases, problems = generated_phases(line, agreement)
    if not line.gates or not phases:
        return phases, problems
    # Lines of one category, base, target, unit and gates share their phases (the same tuple).
    memo = agreement_memo(agreement)
    key = (line.category, line.base, line.target, line.measure, line.unit, line.gates)
    gated = memo.get(key)
    if gated is None:
        gated = _with_gates(line, phases)
        if phases is memo.get(key[:-1]):  # shared, so not a table's row
            memo[key] = gated
    return gated, problems


def generated_phases(line: Line, agreement: Agreement) -> tuple[tuple[Phase, ...], tuple[Problem, ...]]:
    """What a line's category generates, before the line's own gates are put on every phase.

    Lines of one category, base, target and unit share these phases (the same tuple, which lets the
    resolver date them once, and put each line's gates on their dates). A table's row depends on
    the line's own code: those are not shared.

    Args:
        line: a line with a category and no explicit phases.
        agreement: supplies the categories and the rounding rule.

    Returns:
        ``(phases, problems)`` as :func:`expand_checked` gives them, without the line's gates.
    """
    memo = agreement_memo(agreement)
    key = (line.category, line.base, line.target, line.measure, line.unit)
    phases = memo.get(key)
    if phases is not None:
        return phases, ()
    phases, problems = _generated(line, agreement)
    category = memo_category(line.category, agreement)
    if not problems and category is not None and category.kind is not StagingKind.TABLE:
        memo[key] = phases
    return phases, problems


def memo_category(code: str, agreement: Agreement) -> StagingCategory | None:
    """:func:`find_category`, worked out once per code for the agreement's categories."""
    memo = agreement_memo(agreement)
    key = ("category", code)
    if key in memo:
        found: StagingCategory | None = memo[key]
        return found
    found = memo[key] = find_category(code, agreement)
    return found


def category_phases(line: Line, agreement: Agreement) -> tuple[tuple[Phase, ...], tuple[Problem, ...]]:
    """The phases a line's category generates, even when the line has explicit (published) ones.

    Args:
        line: a line with a category.
        agreement: supplies the categories and the rounding rule.

    Returns:
        ``(phases, problems)`` as :func:`expand_checked` gives them.
    """
    phases, problems = _generated(line, agreement)
    return _with_gates(line, phases), problems


def _generated(line: Line, agreement: Agreement) -> tuple[tuple[Phase, ...], tuple[Problem, ...]]:
    """:func:`category_phases` without the line's gates."""
    where = Location(kind="line", item=line.id, field="category")
    category = memo_category(line.category, agreement)
    if category is None:
        rules = f"the {agreement.rule_set} rules" if agreement.rule_set else "the agreement's categories"
        message = f"unknown staging category {line.category!r}: define it in {rules}"
        return (), (error(where, message, "unknown-category"),)
    match category.kind:
        case StagingKind.EXCLUDED:
            return (), ()
        case StagingKind.STEPS | StagingKind.CALENDAR_STEPS:
            return _steps(category, agreement), ()
        case StagingKind.TABLE:
            row = table_row(category, line.code)
            if row is None:
                message = f"category {category.code!r} has no table row for code {line.code!r}"
                return (), (error(where, message, "no-table-row"),)
            return _first_cut(_table(row, line.base), agreement), ()
        case (
            StagingKind.IMMEDIATE
            | StagingKind.LINEAR
            | StagingKind.BACK_LOADED
            | StagingKind.NON_LINEAR
            | StagingKind.PARTIAL
        ):
            return _computed(line, category, agreement)
        case _:
            assert_never(category.kind)


def _computed(
    line: Line, category: StagingCategory, agreement: Agreement
) -> tuple[tuple[Phase, ...], tuple[Problem, ...]]:
    """The phases of a category whose values are computed from the line's base and target."""
    target = line_target(line, category)
    if target is None:
        message = f"a {line.measure.value} line needs a target value: quotas have no full liberalization"
        return (), (error(Location(kind="line", item=line.id, field="target"), message, "no-target"),)
    rounding = unit_rounding(agreement.rounding, line.unit)
    phases = _category_phases(category, line.base, target, rounding)
    return _first_cut(phases, agreement), ()


def table_row(category: StagingCategory, code: str) -> TableRow | None:
    """The row of an explicit table that covers ``code``: the longest printed code beginning it."""
    digits = _digits(code)
    best: tuple[int, TableRow] | None = None
    for row in category.table:
        for printed in row.codes:
            wanted = _digits(printed)
            if wanted and digits.startswith(wanted) and (best is None or len(wanted) > best[0]):
                best = (len(wanted), row)
    return None if best is None else best[1]


def _table(row: TableRow, base: Rate) -> tuple[Phase, ...]:
    # Only changes are phases: from a base of 20, 20, 20, 20, 8 … is a first cut in year 5.
    phases: list[Phase] = []
    for year, value in enumerate(row.values, start=1):
        if (phases[-1].value if phases else base) != value:
            phases.append(Phase(year_timing(year), value, label=f"Year {year}"))
    return tuple(phases)


def _first_cut(phases: tuple[Phase, ...], agreement: Agreement) -> tuple[Phase, ...]:
    """Agreement-year phases moved one stage day later when the first cut is not at EIF."""
    if agreement.first_cut is not FirstCut.STAGE_DAY:
        return phases
    return tuple(
        Phase(year_timing((p.start.year or 1) + 1), p.value, p.label, p.gates, p.note)
        if p.start.anchor is Anchor.YEAR
        else p
        for p in phases
    )


@lru_cache(maxsize=16384)
def _category_phases(
    category: StagingCategory, base: Rate, target: Rate, rounding: RoundingRule
) -> tuple[Phase, ...]:
    # Thousands of lines share a category and a base rate: expand each combination once.
    if isinstance(base, Duty):
        return _duty_phases(category, base, target, rounding)
    if isinstance(target, Duty):  # a plain base cannot end as a compound: the target's shape is ignored
        target = Decimal(0)
    staged = stage_component(base, target, category, rounding, _values)
    labels = _labels(category.kind is StagingKind.IMMEDIATE, len(staged))
    return tuple(
        Phase(year_timing(year), value, label) for (year, value), label in zip(staged, labels, strict=True)
    )


def _duty_phases(
    category: StagingCategory, base: Duty, target: Rate, rounding: RoundingRule
) -> tuple[Phase, ...]:
    staged = stage_duty(base, target, category, rounding, _values)
    labels = _labels(category.kind is StagingKind.IMMEDIATE, len(staged))
    return tuple(
        Phase(year_timing(year), duty, label) for (year, duty), label in zip(staged, labels, strict=True)
    )


def line_target(line: Line, category: StagingCategory | None) -> Rate | None:
    """The value a line ends at: its own target, else the category's, else full liberalization."""
    if line.target is not None:
        return line.target
    if category is not None and category.final is not None:
        return category.final
    return line.measure.liberalized


def _values(base: Decimal, target: Decimal, category: StagingCategory) -> list[tuple[int, Decimal]]:
    """``(agreement year, exact value)`` pairs; the last value is the target itself."""
    match category.kind:
        case StagingKind.IMMEDIATE:
            return [(1, target)]
        case StagingKind.NON_LINEAR:
            return _shared(base, target, category.shares)
        case StagingKind.LINEAR | StagingKind.PARTIAL:
            return _equal(base, target, max(category.stages, 1), hold=0)
        case StagingKind.BACK_LOADED:
            return _equal(base, target, max(category.stages, 1), hold=category.hold)
        case StagingKind.STEPS | StagingKind.CALENDAR_STEPS | StagingKind.TABLE | StagingKind.EXCLUDED:
            raise ValueError(f"a {category.kind.value} category computes no values from a base")
        case _:
            assert_never(category.kind)


def _equal(base: Decimal, target: Decimal, stages: int, hold: int) -> list[tuple[int, Decimal]]:
    """Equal annual stages after ``hold`` years at the base."""
    # One division each in a wide context: a value that is exactly on the rounding step stays on it.
    with localcontext() as context:
        context.prec = 50
        return [
            (hold + k, target if k == stages else (base * (stages - k) + target * k) / stages)
            for k in range(1, stages + 1)
        ]


def _shared(base: Decimal, target: Decimal, shares: tuple[Decimal, ...]) -> list[tuple[int, Decimal]]:
    # A year whose share is zero is no cut, so it makes no phase (NAFTA B+ year 2).
    values: list[tuple[int, Decimal]] = []
    done = Decimal(0)
    for year, share in enumerate(shares, start=1):
        done += share
        if share != 0 and year < len(shares):
            values.append((year, base - (base - target) * done))
    values.append((max(len(shares), 1), target))
    return values


def _steps(category: StagingCategory, agreement: Agreement) -> tuple[Phase, ...]:
    ordered = sorted(category.steps, key=lambda s: s.year)
    if category.kind is StagingKind.CALENDAR_STEPS:
        # Calendar years: the value of the EIF year applies at EIF, earlier years fold into it.
        first = agreement.eif.year - 1
        ordered = [Step(max(s.year - first, 1), s.value) for s in ordered]
        ordered = [s for i, s in enumerate(ordered) if i + 1 == len(ordered) or ordered[i + 1].year > s.year]
    return tuple(
        Phase(year_timing(max(s.year, 1)), s.value, label=f"Step {i}") for i, s in enumerate(ordered, start=1)
    )


def _with_gates(line: Line, phases: tuple[Phase, ...] | list[Phase]) -> tuple[Phase, ...]:
    if not line.gates:
        return tuple(phases)
    return tuple(Phase(p.start, p.value, label=p.label, gates=line.gates) for p in phases)


@lru_cache(maxsize=1024)
def year_timing(year: int) -> Timing:
    """``Timing.agreement_year(year)``, one record per year for every phase generated.

    A record, not an identity: callers compare timings by value, so sharing one is the same, and a
    national schedule's categories generate tens of thousands of phases over a few dozen years.
    """
    return Timing.agreement_year(year)


@lru_cache(maxsize=256)
def _labels(immediate: bool, count: int) -> tuple[str, ...]:
    """The labels of a computed category's ``count`` phases (``Stage 2/5``)."""
    if immediate:
        return ("Immediate",) * count
    return tuple(f"Stage {index}/{count}" for index in range(1, count + 1))


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())


def _loose(code: str) -> str:
    return re.sub(r"\s+", " ", code).strip().casefold()
