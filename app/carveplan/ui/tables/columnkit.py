"""Column constructors shared by the table specs, and the drop-down choices they read (no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from carveplan.engine.staging import find_category
from carveplan.model import Agreement, Gate
from carveplan.ui.tables import cells as c
from carveplan.ui.tables.cells import CellError
from carveplan.ui.tables.columns import Column, Editor

TIMING_TIP = "A date YYYY-MM-DD, EIF+6m, Y3 (agreement year), M:REG-1+6m (after a milestone) or prev+12m"
MONTHS_TIP = "Whole months; empty when the clause sets none"


def parties(agreement: Agreement) -> Sequence[str]:
    """The party codes, for the party drop-down."""
    return [p.code for p in agreement.parties]


def sectors(agreement: Agreement) -> Sequence[str]:
    """The sector ids, for the sector drop-down."""
    return [s.id for s in agreement.sectors]


def categories(agreement: Agreement) -> Sequence[str]:
    """Staging category codes: none, the agreement's own, then common built-in spellings."""
    # The agreement's own categories first; a few built-in spellings for lines that use them.
    own = [k.code for k in agreement.categories]
    return ["", *own, *(code for code in ("A", "B5", "B10", "B15", "E", "B+", "EXCL") if code not in own)]


def category_meaning(agreement: Agreement, code: str) -> str:
    """What a staging category means in this agreement (its own definition, else the common one)."""
    category = find_category(code, agreement)
    if category is None:
        return "not defined: add it under Staging" if code.strip() else "no category"
    if category.description:
        return category.description
    kind = category.kind.value.replace("_", "-")
    if category.stages:
        held = f", held {category.hold} years" if category.hold else ""
        return f"{kind}, {category.stages} stages{held}"
    return kind


def milestone_ids(agreement: Agreement) -> Sequence[str]:
    """The milestone ids, for the gates completer."""
    return [m.id for m in agreement.milestones]


def check_gates(agreement: Agreement, gates: tuple[Gate, ...]) -> None:
    """Refuse a gate on a milestone the agreement does not have."""
    known = set(milestone_ids(agreement))
    unknown = [g.milestone for g in gates if g.milestone not in known]
    if unknown:
        listed = ", ".join(sorted(known)[:8]) or "none yet: add them under Milestones"
        raise CellError.plain(f"no milestone {unknown[0]!r}; the milestones are {listed}")


def first(values: Sequence[str]) -> str:
    """The first value, or empty (the default of a new record's party or sector)."""
    return values[0] if values else ""


def key_column(field: str, header: str, width: int = 9) -> Column:
    """A required, unique identifier."""
    return Column(field, header, parse=c.parse_key, tooltip=f"Unique {header.lower()}", width=width)


def party_column() -> Column:
    """The party, from a drop-down of the agreement's parties."""
    return Column("party", "Party", parse=c.parse_key, editor=Editor.CHOICE, choices=parties, width=7)


def number_column(
    field: str, header: str, tip: str, optional: bool = False, width: int = 8, signed: bool = True
) -> Column:
    """A decimal number, aligned right; ``optional`` allows an empty cell, ``signed`` a negative one."""
    parse: Callable[[str], Decimal | None]
    if signed:
        parse = c.parse_optional_decimal if optional else c.parse_decimal
    else:
        parse = c.parse_optional_non_negative if optional else c.parse_non_negative
    return Column(field, header, c.format_decimal, parse, Editor.NUMBER, tooltip=tip, width=width)


def count_column(field: str, header: str, tip: str = MONTHS_TIP, width: int = 8) -> Column:
    """An optional whole number (days, months, a count), aligned right."""
    return Column(
        field, header, c.format_optional, c.optional_count_of(field), Editor.NUMBER, tooltip=tip, width=width
    )


def timing_column(field: str, header: str, optional: bool = False) -> Column:
    """A timing expression, checked as it is typed."""
    fmt = c.format_optional_timing
    parse = c.parse_optional_timing if optional else c.parse_timing_cell
    return Column(field, header, fmt, parse, Editor.TIMING, tooltip=TIMING_TIP, width=12)


def ids_column(field: str, header: str, tip: str, width: int = 16) -> Column:
    """A comma-separated list of ids."""
    return Column(field, header, c.format_ids, c.parse_ids, tooltip=tip, width=width)


def gates_column(width: int = 16) -> Column:
    """Gates: milestone ids with optional lags."""
    tip = "Milestones to be verified first, with an optional lag: REG-1+6m, DATA-2"
    return Column(
        "gates",
        "Gates",
        c.format_gates,
        c.parse_gates,
        Editor.GATES,
        tooltip=tip,
        width=width,
        check=check_gates,
    )


def text_column(field: str, header: str, width: int = 16) -> Column:
    """Free text."""
    return Column(field, header, width=width)


def rate_column(field: str, header: str, tip: str, optional: bool = False, width: int = 8) -> Column:
    """A rate as published (``6.8``, ``4.4¢/kg``, ``3.4¢/kg + 2%``); a unit typed with it is the line's."""
    parse = c.parse_optional_rate_cell if optional else c.parse_rate_cell

    def show(record: Any, unit: str) -> str:
        return c.format_rate(getattr(record, field), unit)

    return Column(field, header, parse=parse, editor=Editor.NUMBER, tooltip=tip, width=width, show=show)
