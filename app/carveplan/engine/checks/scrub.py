"""The legal scrub: a line's published year-by-year values checked against what its category computes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from carveplan.engine.staging import expand_checked
from carveplan.model import Agreement, Anchor, Line, Location, Phase, Problem, warning

# A schedule printing thousands of disagreeing years is one mistake, not thousands: stop per line.
MAX_PER_LINE = 5


def scrub_problems(agreement: Agreement) -> Iterator[Problem]:
    """A warning for every year where a line's published value differs from its category's.

    Only lines carrying both a category and explicit phases (a schedule that prints a category and
    every year's rate) are checked; the published values stay in force.
    """
    for line in agreement.lines:
        if line.phases and line.category.strip():
            yield from scrub_line(line, agreement)


def scrub_line(line: Line, agreement: Agreement, through: int | None = None) -> Iterator[Problem]:
    """The disagreements of one line, by agreement year (named with its calendar year).

    Args:
        line: a line with a category and published phases.
        agreement: supplies the rules.
        through: the last agreement year the source prints (a tool export's ``Y2016``); ``0`` when
            its last column holds for every later year (``2027 and subsequent years``); ``None``
            when unknown: up to the last published change, or to the end when both end alike.
    """
    computed, problems = expand_checked(replace(line, phases=()), agreement)
    if problems:
        where = Location(kind="line", item=line.id, field="category")
        message = f"category {line.category!r} is not defined: the published rates were not checked"
        yield warning(where, message, "scrub-unchecked")
        return
    published = _by_year(line.phases)
    if published is None:
        return
    generated = _by_year(computed) or {}
    end = max([*published, *generated, 1])
    if through is None:
        alike = published and generated and published[max(published)] == generated[max(generated)]
        through = end if alike else max([*published, 1])
    last = end if through == 0 else through
    shown = 0
    for year in range(1, last + 1):
        wanted, got = _in_force(published, year, line.base), _in_force(generated, year, line.base)
        if wanted != got and shown < MAX_PER_LINE:
            shown += 1
            calendar = agreement.eif.year + year - 1
            where = Location(kind="line", item=line.id, field=f"year {year}")
            message = (
                f"legal scrub: {line.code} year {year} ({calendar}): published {wanted}, "
                f"category {line.category} computes {got}"
            )
            yield warning(where, message, "scrub")


def _by_year(phases: tuple[Phase, ...]) -> dict[int, Decimal] | None:
    """Agreement year -> value set that year; ``None`` when a phase is not on an agreement year."""
    values: dict[int, Decimal] = {}
    for phase in phases:
        if phase.start.anchor is not Anchor.YEAR or phase.start.offset is not None:
            return None
        values[phase.start.year or 1] = phase.value
    return values


def _in_force(values: dict[int, Decimal], year: int, base: Decimal) -> Decimal:
    found = [y for y in values if y <= year]
    return values[max(found)] if found else base
