"""In-quota and over-quota rows of one tariff code, read as one quota line."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from carveplan.engine.trq import is_quota_code
from carveplan.model import Line, Location, Problem, Severity
from carveplan.model.quota import Quota

_IN = re.compile(r"\b(?:in|within)[\s-]*quota\b|\bin[\s-]?quota\b", re.IGNORECASE)
_OVER = re.compile(r"\b(?:over|above|out[\s-]*of|outside|beyond)[\s-]*(?:the\s+)?quota\b", re.IGNORECASE)
_UNSTAGED = frozenset({"", "u", "x", "ex", "excl", "excluded", "unbound"})
NOTE = "quota volume not given in the schedule: enter it with its growth"


def merge_quota_rows(lines: list[Line], file: str, sheet: str) -> tuple[list[Line], list[Problem]]:
    """Lines with each in-quota/over-quota pair of one code merged into a quota line.

    The in-quota row keeps its place, base and category; the over-quota row becomes its quota's
    over-quota rate (staged by its category unless unbound) and disappears. Schedules give the volume
    in an appendix, so the volume starts at 0 with a note. A row marked as a quota (``10 Years, TRQ``)
    without a partner gets a quota too, its over-quota rate the base.

    Returns:
        The lines, and a warning for each pair that could not be merged (rates in different units).
    """
    counts = Counter([line.code for line in lines])
    by_code: dict[str, list[int]] = {}  # codes of more than one row
    drop: set[int] = set()
    result = list(lines)
    warnings: list[Problem] = []
    quota_codes: dict[str, bool] = {}  # a schedule uses a few dozen categories over many lines
    for index, line in enumerate(lines):
        if counts[line.code] > 1:
            by_code.setdefault(line.code, []).append(index)
            continue
        # Most codes: no pair to merge, only a TRQ category to note.
        marked = quota_codes.get(line.category)
        if marked is None:
            marked = quota_codes[line.category] = is_quota_code(line.category)
        if marked:
            result[index] = replace(line, quota=Quota(line.base, Decimal(0)), notes=_noted(line.notes))
    for indexes in by_code.values():
        inside = [i for i in indexes if _marked(lines[i], _IN)]
        over = [i for i in indexes if _marked(lines[i], _OVER)]
        if len(inside) == 1 and len(over) == 1:
            merged = _merged(lines[inside[0]], lines[over[0]])
            if merged is None:
                text = (
                    f"code {lines[over[0]].code}: the over-quota rate is in another unit; kept as two lines"
                )
                warnings.append(
                    Problem(Severity.WARNING, Location(file=file, sheet=sheet), text, "quota-unit")
                )
                continue
            result[inside[0]] = merged
            drop.add(over[0])
    return [line for i, line in enumerate(result) if i not in drop] if drop else result, warnings


def _marked(line: Line, pattern: re.Pattern[str]) -> bool:
    return bool(
        pattern.search(line.description) or pattern.search(line.category) or pattern.search(line.notes)
    )


def _merged(inside: Line, over: Line) -> Line | None:
    if inside.unit != over.unit and isinstance(over.base, Decimal):
        return None
    staged = (
        ""
        if over.category.strip().lower() in _UNSTAGED or _OVER.fullmatch(over.category.strip())
        else over.category
    )
    quota = Quota(over.base, Decimal(0), over_category=staged)
    description = _IN.sub("", inside.description).strip(" ,;:-()") or over.description
    return replace(inside, description=description, quota=quota, notes=_noted(inside.notes))


def _noted(notes: str) -> str:
    return "; ".join(n for n in (notes, NOTE) if n)
