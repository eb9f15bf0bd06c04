"""Hypothesis strategies for agreements: every record kind and field, awkward text, consistent ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Any, TypeVar

from hypothesis import strategies as st

from carveplan.model import (
    DEFAULT_SECTORS,
    Agreement,
    Amount,
    Cuts,
    DevelopmentStatus,
    Duty,
    EifMoved,
    ExceptionInvoked,
    FirstCut,
    Gate,
    Line,
    MeasureKind,
    Milestone,
    MilestoneDelay,
    MilestoneKind,
    MilestoneMissed,
    MilestoneStatus,
    MonthDay,
    Offset,
    Override,
    Party,
    Phase,
    ReviewClause,
    RoundingDirection,
    RoundingRule,
    Scenario,
    Sector,
    SecurityException,
    StagingCategory,
    StagingKind,
    Step,
    TableRow,
    Timing,
    Unit,
)
from carveplan.model.line import CodeSystem
from carveplan.model.quota import Growth, Quota

__all__ = [
    "agreements",
    "amounts",
    "dates",
    "decimals",
    "duties",
    "milestone_ids",
    "offsets",
    "quotas",
    "texts",
    "timings",
]

T = TypeVar("T")

# Spreadsheet programs read cells starting with these as formulas; exports must keep them text.
FORMULA_PREFIXES = ("=", "+", "-", "@")

_CHARS = st.characters(exclude_categories=("Cc", "Cs"))  # no control chars: not legal in xlsx XML
_PLAIN = st.text(_CHARS, max_size=8)
_REAL_TEXT = st.sampled_from(
    [
        "DRAFT – for negotiation",
        "Côte d’Ivoire",
        "日本国",
        "Việt Nam",
        "=SUM(A1:A3)",
        "+49",
        "-5%",
        "@risk",
        "0101",
        "N/A",
    ]
)


def texts(max_size: int = 8) -> st.SearchStrategy[str]:
    """Free text: unicode, realistic phrases, and strings a spreadsheet would take for formulas."""
    plain = st.text(_CHARS, max_size=max_size)
    formula = st.tuples(st.sampled_from(FORMULA_PREFIXES), plain).map("".join)
    return st.one_of(plain, formula, _REAL_TEXT)


def decimals(min_value: int = 0, max_value: int = 100_000, max_places: int = 4) -> st.SearchStrategy[Decimal]:
    """Decimals between two whole numbers with 0 to ``max_places`` decimal places (``6.8``, ``25``)."""

    def scaled(places: int) -> st.SearchStrategy[Decimal]:
        factor = 10**places
        ints = st.integers(min_value * factor, max_value * factor)
        return ints.map(lambda n: Decimal(n).scaleb(-places))

    return st.integers(0, max_places).flatmap(scaled)


SPECIFIC_UNITS = ("¢/kg", "$/kg", "US$/t", "€/100 kg", "¢/bbl", "€/kg")


def amounts(ad_valorem_max: int = 100) -> st.SearchStrategy[Amount]:
    """One part of a duty: a percentage, or an amount in a currency per a unit."""
    percent = st.builds(Amount, decimals(0, ad_valorem_max), st.just("%"))
    specific = st.builds(Amount, decimals(0, 500), st.sampled_from(SPECIFIC_UNITS))
    return percent | specific


@st.composite
def duties(draw: st.DrawFn) -> Duty:
    """A compound duty as schedules publish them: parts that add up, or a part with a floor or ceiling."""
    parts = tuple(draw(st.lists(amounts(), min_size=1, max_size=3)))
    minimum = draw(_optional(amounts()))
    maximum = draw(_optional(amounts()))
    if len(parts) == 1 and minimum is None and maximum is None:
        parts = (*parts, draw(amounts()))  # one part alone is a plain rate, not a compound
    return Duty(parts, minimum, maximum)


@st.composite
def quotas(draw: st.DrawFn) -> Quota:
    """A tariff-rate quota: an over-quota rate, a volume, and its growth or its explicit path."""
    quota = Quota(
        over=draw(decimals(0, 300) | duties()),
        volume=draw(decimals(0, 100_000)),
        volume_unit=draw(st.sampled_from(["t", "l", "units", "head"])),
        over_category=draw(st.sampled_from(["", "B10", "5 Years"])),
    )
    path = draw(st.sampled_from(["none", "growth", "volumes"]))
    if path == "growth":
        kind = draw(st.sampled_from(list(Growth)))
        return replace(quota, growth=draw(decimals(0, 50)), growth_kind=kind)
    if path == "volumes":
        years = sorted(draw(st.lists(st.integers(1, 30), min_size=1, max_size=4, unique=True)))
        return replace(quota, volumes=tuple(Step(y, draw(decimals(0, 100_000))) for y in years))
    return quota


def dates(low: date = date(1995, 1, 1), high: date = date(2090, 12, 31)) -> st.SearchStrategy[date]:
    """Calendar dates in the range agreements live in."""
    return st.dates(low, high)


def offsets() -> st.SearchStrategy[Offset]:
    """Signed offsets in days, months or years."""
    return st.builds(Offset, st.integers(-999, 999), st.sampled_from(list(Unit)))


# Ids usable in ``M:`` timings; a trailing "-12m" would read as an offset, so ids end otherwise.
_MILESTONE_ID = r"[A-Za-z][A-Za-z0-9_.]{0,5}(-[0-9]{1,3}[A-C]?)?"


def milestone_ids() -> st.SearchStrategy[str]:
    """Milestone ids such as ``REG-1`` or ``TR.2``."""
    return st.from_regex(_MILESTONE_ID, fullmatch=True)


def timings(milestones: Sequence[str] | None = None, prev: bool = True) -> st.SearchStrategy[Timing]:
    """Timings through the model's constructors, every anchor.

    Args:
        milestones: ids ``M:`` timings may name; ``None`` generates ids, empty leaves the anchor out.
        prev: whether ``prev`` timings (only meaningful for a line's later phases) are allowed.

    Returns:
        A strategy of timings.
    """
    maybe_offset = st.none() | offsets()
    options = [
        st.builds(Timing.on, dates()),
        st.builds(Timing.eif, maybe_offset),
        st.builds(Timing.agreement_year, st.integers(1, 40), maybe_offset),
    ]
    ids = milestone_ids() if milestones is None else st.sampled_from(milestones) if milestones else None
    if ids is not None:
        options.append(st.builds(Timing.after_milestone, ids, maybe_offset))
    if prev:
        options.append(st.builds(Timing.after_previous, maybe_offset))
    return st.one_of(options)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _unique_ids(pattern: str, max_size: int, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.from_regex(pattern, fullmatch=True), min_size=min_size, max_size=max_size, unique=True)


def _month_days() -> st.SearchStrategy[MonthDay]:
    # 2001 is not a leap year, so 29 February (refused by the model) never appears.
    return st.dates(date(2001, 1, 1), date(2001, 12, 31)).map(lambda d: MonthDay(d.month, d.day))


def _parties() -> st.SearchStrategy[tuple[Party, ...]]:
    codes = _unique_ids(r"[A-Z]{3}|EU", max_size=4, min_size=1)
    return codes.flatmap(
        lambda cs: st.tuples(
            *(st.builds(Party, st.just(c), texts(), st.sampled_from(list(DevelopmentStatus))) for c in cs)
        )
    )


def _sectors() -> st.SearchStrategy[tuple[Sector, ...]]:
    defaults = st.lists(st.sampled_from(DEFAULT_SECTORS), min_size=1, max_size=3, unique=True)
    custom = _unique_ids(r"custom_[a-z]{1,6}", max_size=2).map(
        lambda ids: [Sector(i, i.replace("_", " ").title()) for i in ids]
    )
    return st.tuples(defaults, custom).map(lambda pair: tuple(pair[0] + pair[1]))


@st.composite
def _shares(draw: st.DrawFn) -> tuple[Decimal, ...]:
    """Shares in ten-thousandths that sum to exactly 1."""
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=0, max_size=4)))
    bounds = [0, *cuts, 10_000]
    return tuple(Decimal(b - a).scaleb(-4) for a, b in pairwise(bounds))


@st.composite
def _category(draw: st.DrawFn, code: str) -> StagingCategory:
    kind = draw(st.sampled_from(list(StagingKind)))
    fields: dict[str, Any] = {}
    if kind in (StagingKind.LINEAR, StagingKind.BACK_LOADED, StagingKind.PARTIAL):
        fields["stages"] = draw(st.integers(1, 20))
    if kind is StagingKind.BACK_LOADED:
        fields["hold"] = draw(st.integers(1, 10))
    if kind is StagingKind.NON_LINEAR:
        fields["shares"] = draw(_shares())
    if kind is StagingKind.PARTIAL:
        fields["final"] = draw(decimals(0, 30))
    if kind is StagingKind.STEPS:
        years = sorted(draw(st.lists(st.integers(1, 30), min_size=1, max_size=4, unique=True)))
        fields["steps"] = tuple(Step(year, draw(decimals(0, 100))) for year in years)
    if kind is StagingKind.CALENDAR_STEPS:
        years = sorted(draw(st.lists(st.integers(2000, 2060), min_size=1, max_size=4, unique=True)))
        fields["steps"] = tuple(Step(year, draw(decimals(0, 100))) for year in years)
    if kind is StagingKind.TABLE:
        codes = st.lists(st.from_regex(r"[0-9]{4}(\.[0-9]{2}){0,2}", fullmatch=True), min_size=1, max_size=3)
        values = st.lists(decimals(0, 50), min_size=1, max_size=11)
        rows = st.lists(st.builds(TableRow, codes.map(tuple), values.map(tuple)), max_size=2)
        fields["table"] = tuple(draw(rows))
    cuts = draw(st.sampled_from(list(Cuts)))
    return replace(StagingCategory(code, kind, description=draw(texts()), cuts=cuts), **fields)


def _categories() -> st.SearchStrategy[tuple[StagingCategory, ...]]:
    codes = _unique_ids(r"[A-Z]{1,3}[0-9]{0,2}|PR-[0-9]|[0-9]{1,2} Years", max_size=4)
    return codes.flatmap(lambda cs: st.tuples(*(_category(c) for c in cs)))


def _gates(milestones: Sequence[str]) -> st.SearchStrategy[tuple[Gate, ...]]:
    if not milestones:
        return st.just(())
    gate = st.builds(Gate, st.sampled_from(milestones), _optional(offsets()))
    return st.lists(gate, max_size=2).map(tuple)


@st.composite
def _milestones(draw: st.DrawFn, parties: Sequence[str]) -> tuple[Milestone, ...]:
    ids = draw(st.lists(milestone_ids(), max_size=4, unique=True))
    result: list[Milestone] = []
    for index, ident in enumerate(ids):
        earlier = ids[:index]  # due dates and dependencies look back only, so there are no cycles
        result.append(
            Milestone(
                id=ident,
                party=draw(st.sampled_from(parties)),
                title=draw(texts()),
                due=draw(timings(earlier, prev=False)),
                kind=draw(st.sampled_from(list(MilestoneKind))),
                verifier=draw(texts()),
                status=draw(st.sampled_from(list(MilestoneStatus))),
                actual=draw(_optional(dates())),
                depends_on=tuple(draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True)))
                if earlier
                else (),
                note=draw(texts()),
            )
        )
    return tuple(result)


@st.composite
def _phases(draw: st.DrawFn, milestones: Sequence[str]) -> tuple[Phase, ...]:
    count = draw(st.integers(0, 3))
    return tuple(
        Phase(
            start=draw(timings(milestones, prev=index > 0)),
            value=draw(decimals(0, 100) | duties()),
            label=draw(texts()),
            gates=draw(_gates(milestones)),
            note=draw(texts()),
        )
        for index in range(count)
    )


@dataclass(frozen=True)
class _Context:
    """The ids records may refer to, drawn first so references always resolve."""

    parties: tuple[str, ...]
    sectors: tuple[str, ...]
    categories: tuple[str, ...]
    milestones: tuple[str, ...]


_CODES = st.one_of(
    st.from_regex(r"0[0-9]{3}([0-9]{2}){0,3}", fullmatch=True),  # leading zero: codes are text
    st.sampled_from(["270900", "271111", "851761", "854470", "282520", "810520", "752", "7522"]),
)


@st.composite
def _line(draw: st.DrawFn, ident: str, context: _Context) -> Line:
    measure = draw(st.sampled_from(list(MeasureKind)))
    builtin = ["A", "B5", "EXCL", "5 Years"]
    return Line(
        id=ident,
        party=draw(st.sampled_from(context.parties)),
        sector=draw(st.sampled_from(context.sectors)),
        code=draw(_CODES),
        description=draw(texts()),
        code_system=draw(st.sampled_from(list(CodeSystem))),
        measure=measure,
        unit=draw(st.sampled_from([measure.default_unit, "t", "%", *SPECIFIC_UNITS]) | texts(4)),
        base=draw(decimals(0, 1000) | duties()),
        category=draw(st.sampled_from(["", *context.categories, *builtin])),
        target=draw(_optional(decimals(0, 100) | duties())),
        phases=draw(_phases(context.milestones)),
        gates=draw(_gates(context.milestones)),
        notes=draw(texts()),
        legal_ref=draw(texts()),
        quota=draw(_optional(quotas())),
    )


_STEPS = st.sampled_from([Decimal(s) for s in ("0.1", "0.01", "0.0001", "0.5", "1")])


@st.composite
def _exception(draw: st.DrawFn, ident: str, context: _Context, lines: Sequence[str]) -> SecurityException:
    small = st.integers(0, 999)
    return SecurityException(
        id=ident,
        party=draw(st.sampled_from(context.parties)),
        title=draw(texts()),
        scope_sectors=tuple(draw(st.lists(st.sampled_from(context.sectors), max_size=2, unique=True))),
        scope_lines=tuple(draw(st.lists(st.sampled_from(lines), max_size=2, unique=True))) if lines else (),
        legal_basis=draw(texts()),
        trigger=draw(texts()),
        threshold=draw(_optional(decimals(0, 100))),
        notification_days=draw(_optional(small)),
        termination_notice_days=draw(_optional(small)),
        max_duration_months=draw(_optional(small)),
        extension_months=draw(_optional(small)),
        review_interval_months=draw(_optional(small)),
        sunset=draw(_optional(timings(context.milestones, prev=False))),
        note=draw(texts()),
    )


@st.composite
def _review(draw: st.DrawFn, ident: str, milestones: Sequence[str]) -> ReviewClause:
    return ReviewClause(
        id=ident,
        title=draw(texts()),
        first=draw(timings(milestones, prev=False)),
        interval_months=draw(_optional(st.integers(1, 120))),
        count=draw(_optional(st.integers(1, 20))),
        term_end=draw(_optional(timings(milestones, prev=False))),
        legal_ref=draw(texts()),
    )


def _overrides(context: _Context, exceptions: Sequence[str]) -> st.SearchStrategy[Override]:
    options: list[st.SearchStrategy[Override]] = [st.builds(EifMoved, dates())]
    if context.milestones:
        ids = st.sampled_from(context.milestones)
        options += [st.builds(MilestoneDelay, ids, st.integers(1, 60)), st.builds(MilestoneMissed, ids)]
    if exceptions:
        start = timings(context.milestones, prev=False)
        options.append(st.builds(ExceptionInvoked, st.sampled_from(exceptions), start, st.integers(1, 60)))
    return st.one_of(options)


@st.composite
def _scenarios(draw: st.DrawFn, context: _Context, exceptions: Sequence[str]) -> tuple[Scenario, ...]:
    names = draw(st.lists(texts().filter(lambda n: n.strip() != ""), max_size=2, unique=True))
    overrides = st.lists(_overrides(context, exceptions), max_size=3).map(tuple)
    return tuple(Scenario(name, draw(texts()), draw(overrides)) for name in names)


@st.composite
def agreements(draw: st.DrawFn, max_lines: int = 4) -> Agreement:
    """Agreements whose references resolve, covering every record kind and optional field.

    Args:
        draw: supplied by hypothesis.
        max_lines: the most lines to generate (keep small: generation cost grows with it).

    Returns:
        A generated agreement.
    """
    parties = draw(_parties())
    sectors = draw(_sectors())
    categories = draw(_categories())
    milestones = draw(_milestones([p.code for p in parties]))
    context = _Context(
        parties=tuple(p.code for p in parties),
        sectors=tuple(s.id for s in sectors),
        categories=tuple(c.code for c in categories),
        milestones=tuple(m.id for m in milestones),
    )
    line_ids = draw(_unique_ids(r"[A-Z]{3}-[0-9]{1,4}|0[0-9]{3}|L[0-9]{1,3}", max_size=max_lines))
    lines = tuple(draw(_line(i, context)) for i in line_ids)
    exception_ids = draw(_unique_ids(r"SX-[0-9]{1,2}|XXI|XIV bis", max_size=2))
    exceptions = tuple(draw(_exception(i, context, line_ids)) for i in exception_ids)
    review_ids = draw(_unique_ids(r"R[0-9]{1,2}|TERM", max_size=2))
    return Agreement(
        title=draw(texts(20)),
        eif=draw(dates(date(2000, 1, 1), date(2060, 12, 31))),
        eif_tentative=draw(st.booleans()),
        stage_day=draw(_month_days()),
        rounding=draw(st.builds(RoundingRule, _STEPS, st.sampled_from(list(RoundingDirection)))),
        classification=draw(texts()),
        rule_set=draw(st.sampled_from(["", "EU-Viet Nam", "Own rules"])),
        rule_set_note=draw(texts()),
        first_cut=draw(st.sampled_from([None, FirstCut.STAGE_DAY])),
        parties=parties,
        sectors=sectors,
        categories=categories,
        lines=lines,
        milestones=milestones,
        exceptions=exceptions,
        reviews=tuple(draw(_review(i, context.milestones)) for i in review_ids),
        scenarios=draw(_scenarios(context, exception_ids)),
        notes=draw(texts()),
    )
