"""The legal scrub: a line's published year-by-year values checked against what its category computes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from carveplan.engine.staging import category_phases
from carveplan.model import Agreement, Anchor, Line, Location, Phase, Problem, Rate, warning
from carveplan.model.duty import PERCENT, format_rate

# A schedule printing thousands of disagreeing years is one mistake, not thousands: stop per line.
MAX_PER_LINE = 5
Difference = tuple[int, Rate, Rate]  # agreement year, published, computed


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
    yield from scrub_messages(line, agreement, line_differences(line, agreement, through))


def line_differences(
    line: Line, agreement: Agreement, through: int | None = None
) -> tuple[Difference, ...] | None:
    """The years a line's published values differ from its category's; ``None`` when the
    category cannot be expanded (then nothing was checked)."""
    computed, problems = category_phases(line, agreement)
    return None if problems else differences(line.phases, computed, line.base, through)


def scrub_messages(
    line: Line, agreement: Agreement, found: tuple[Difference, ...] | None
) -> Iterator[Problem]:
    """The warnings for a line's differences (at most :data:`MAX_PER_LINE`)."""
    if found is None:
        where = Location(kind="line", item=line.id, field="category")
        message = f"category {line.category!r} is not defined: the published rates were not checked"
        yield warning(where, message, "scrub-unchecked")
        return
    for year, wanted, got in found[:MAX_PER_LINE]:
        calendar = agreement.eif.year + year - 1
        where = Location(kind="line", item=line.id, field=f"year {year}")
        message = (
            f"legal scrub: {line.code} year {year} ({calendar}): published {_shown(wanted, line.unit)}, "
            f"category {line.category} computes {_shown(got, line.unit)}"
        )
        yield warning(where, message, "scrub")


def _shown(value: Rate, unit: str) -> str:
    """A value as the scrub names it: a percentage bare, as the year columns print it (``3.3``);
    a specific duty with its unit (``0.4¢/kg``, ``Free``); a compound as written."""
    if isinstance(value, Decimal) and unit != PERCENT:
        return format_rate(value, unit)
    return str(value)


def differences(
    published: tuple[Phase, ...], computed: tuple[Phase, ...], base: Rate, through: int | None
) -> tuple[Difference, ...]:
    """The agreement years whose published and computed values differ, up to ``through``."""
    shown, generated = _by_year(published), _by_year(computed)
    if shown is None or generated is None:
        return ()
    end = max([*shown, *generated, 1])
    if through is None:
        alike = shown and generated and shown[max(shown)] == generated[max(generated)]
        through = end if alike else max([*shown, 1])
    last = end if through == 0 else through
    wanted, got, found = base, base, []
    for year in range(1, last + 1):
        wanted, got = shown.get(year, wanted), generated.get(year, got)
        if wanted != got:
            found.append((year, wanted, got))
    return tuple(found)


def _by_year(phases: tuple[Phase, ...]) -> dict[int, Rate] | None:
    """Agreement year -> value set that year; ``None`` when a phase is not on an agreement year."""
    values: dict[int, Rate] = {}
    for phase in phases:
        if phase.start.anchor is not Anchor.YEAR or phase.start.offset is not None:
            return None
        values[phase.start.year or 1] = phase.value
    return values
