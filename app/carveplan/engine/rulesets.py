"""Built-in staging rules of real agreements, each taken from the agreement's own tariff annex."""

from __future__ import annotations

from decimal import Decimal
from typing import assert_never

from carveplan.engine.categories import builtin_category
from carveplan.model import (
    FirstCut,
    MonthDay,
    PartyStageDay,
    RoundingDirection,
    RoundingRule,
    StagingCategory,
    StagingKind,
    StagingRules,
    Step,
    TableRow,
)

_JAN_1 = MonthDay(1, 1)
_CUT_DOWN = RoundingRule(Decimal("0.1"), RoundingDirection.DOWN)
_NEAREST = RoundingRule(Decimal("0.1"), RoundingDirection.HALF_UP)


def _immediate(
    code: str, text: str = "duties eliminated entirely on the date of entry into force"
) -> StagingCategory:
    return StagingCategory(code, StagingKind.IMMEDIATE, description=text)


def _linear(code: str, stages: int, text: str = "") -> StagingCategory:
    default = f"{stages} equal annual stages beginning at EIF; free from 1 January of year {stages}"
    return StagingCategory(code, StagingKind.LINEAR, stages=stages, description=text or default)


def _excluded(code: str, text: str = "no commitment: the base rate stays") -> StagingCategory:
    return StagingCategory(code, StagingKind.EXCLUDED, description=text)


def _years(codes: str, spelled: bool = False) -> tuple[StagingCategory, ...]:
    """``N`` (and ``N Years`` when ``spelled``) as N equal annual stages, for each N listed."""
    found: list[StagingCategory] = []
    for number in (int(n) for n in codes.split()):
        found.append(_linear(str(number), number))
        if spelled:
            found.append(_linear(f"{number} Years", number))
    return tuple(found)


def _korus() -> StagingRules:
    categories = (
        _immediate("0"),
        _immediate("Immediate"),
        *_years("2 3 5 6 7 8 9 10 12 13 15 16 18 20", spelled=True),
        _excluded("E", "exempt from tariff elimination"),
    )
    text = (
        "KORUS FTA, Annex 2-B (Tariff Elimination), General Notes of each Party: staging category N "
        "removes duties in N equal annual stages beginning on the date of entry into force, free "
        "effective 1 January of year N; interim staged rates are rounded down at least to the nearest "
        "tenth of a percentage point (or of a cent for specific duties)."
    )
    return StagingRules("KORUS", text, categories, _CUT_DOWN, _JAN_1)


def _us_australia() -> StagingRules:
    categories = (
        _immediate("A"),
        _linear("B", 4),
        _linear("C", 8),
        _linear("D", 10),
        _linear(
            "E",
            18,
            "18 equal annual stages (the longest US phase-out); not confirmed against the General "
            "Notes: Australia's schedule prints E on lines whose base rate is 0.0",
        ),
        _immediate("Free", "already duty-free; stays free"),
        # The US FTA Tariff Tool names each category by its years (its "4 Years" line is free
        # from 2008, as B is): the same rules under the tool's spellings.
        _immediate("Immediate", "the FTA Tariff Tool's spelling of A"),
        _linear("4 Years", 4, "the FTA Tariff Tool's spelling of B: 4 equal annual stages"),
        _linear("8 Years", 8, "the FTA Tariff Tool's spelling of C: 8 equal annual stages"),
        _linear("10 Years", 10, "the FTA Tariff Tool's spelling of D: 10 equal annual stages"),
        _linear(
            "18 Years",
            18,
            "the FTA Tariff Tool's '18 Years': 18 equal annual stages (its line 0102.90.40, "
            "1 cents/kg, is free from 2022); which letter of the General Notes it spells is not checked",
        ),
    )
    text = (
        "US-Australia FTA, Annex 2-B (Tariff Elimination), General Notes of each schedule: A free at "
        "entry into force (1 January 2005); B, C, D removed in 4, 8 and 10 equal annual stages "
        "beginning at entry into force (B free from 1 January 2008, C from 1 January 2012), as the "
        "US Commercial Service's FTA guide restates them, and as the US FTA Tariff Tool's export of "
        'the US schedule prints them year by year (its "4 Years" line 0101.90.20: 6.8, then 5.1, '
        "3.4, 1.7, free in 2008); E taken as 18 stages, the longest US phase-out it names (not "
        "checked against the General Notes); interim staged rates rounded down to the nearest "
        'tenth of a percentage point. "Immediate" and "N Years" are the tool\'s spellings.'
    )
    return StagingRules("US-Australia", text, categories, _CUT_DOWN, _JAN_1)


def _us_bahrain() -> StagingRules:
    categories = (
        _immediate("A"),
        _linear("B", 5),
        _linear("C", 10),
        _immediate("D", "already duty-free; continues to receive duty-free treatment"),
    )
    text = (
        "US-Bahrain FTA, Annex 2-B (Tariff Elimination), General Notes, paragraph 1: A free at entry "
        "into force; B and C removed in 5 and 10 equal annual stages beginning at entry into force. "
        "The published staged rates are rounded to the nearest tenth of a percentage point (base 26.4 "
        "in 10 stages gives 23.8 in year 1), not cut down."
    )
    return StagingRules("US-Bahrain", text, categories, _NEAREST, _JAN_1)


def _usmca() -> StagingRules:
    b_plus = builtin_category("B+")
    assert b_plus is not None
    quotas = tuple(
        _excluded(f"TRQ-{party}{n}", f"tariff-rate quota {party}{n}: the over-quota rate stays at base")
        for party in ("CA", "US", "MX")
        for n in range(1, 21)
    )
    categories = (
        _immediate("A"),
        _linear("B", 5),
        _linear("C", 10),
        _linear("C+", 15),
        b_plus,
        _immediate("D", "duty-free before the agreement; stays free"),
        _excluded("No Cut", "no tariff cut: the base rate continues"),
        *quotas,
    )
    text = (
        "USMCA, Annex 2-B (Tariff Commitments), paragraphs 1-3: prior NAFTA staging continues (A free, "
        "B 5 and C 10 equal annual stages, C+ 15, B+ NAFTA's non-linear cut); 'No Cut' lines keep the "
        "base rate; TRQ-… lines follow the quota appendices (over-quota rate unchanged)."
    )
    return StagingRules("USMCA", text, categories, _CUT_DOWN, _JAN_1)


def _cptpp() -> StagingRules:
    categories = (
        _immediate("EIF"),
        *(_linear(f"B{n}", n) for n in range(2, 22)),
        _excluded("E", "excluded from tariff elimination"),
    )
    text = (
        "CPTPP (incorporating TPP Chapter 2), Annex 2-D (Tariff Commitments), each Party's General "
        "Notes: EIF free at entry into force; BN removed in N equal annual stages beginning at entry "
        "into force, free from 1 January of year N; interim rates rounded down at least to the nearest "
        "tenth of a percentage point. Party-specific categories are added per schedule."
    )
    return StagingRules("CPTPP", text, categories, _CUT_DOWN, _JAN_1)


# Annex 2-A, Section A: the number after B counts the years after the first cut at EIF.
_EVFTA_STAGES = {"B3": 4, "B5": 6, "B7": 8, "B9": 10, "B10": 11, "B15": 16}


def _row(codes: str, values: str) -> TableRow:
    return TableRow(tuple(codes.split()), tuple(Decimal(v) for v in values.split()))


# Paragraph 1(h): beer, the rates of years 1-11 as tabulated (the schedule's base rate is 35 %).
_B10_STAR = (_row("2203.00.10 2203.00.90", "34 33 32 30 29 25 22 18 15 11 0"),)
# Paragraph 1(i): petroleum oils, the rates of years 1-11 of each row (its base rate left out).
_B10_STAR_STAR = (
    _row(
        "2710.12.11 2710.12.12 2710.12.13 2710.12.14 2710.12.15 2710.12.16",
        "20 20 20 20 8 8 7 7 7 7 0",
    ),
    _row("2710.12.20", "10 10 10 7 7 7 7 7 7 7 0"),
    _row("2710.12.30", "20 20 20 7 7 7 7 7 7 7 0"),
    _row("2710.12.40 2710.12.50 2710.12.60", "17 16 14 13 11 10 8 7 7 7 0"),
    _row("2710.12.70", "20 20 20 20 8 8 7 7 7 7 0"),
    _row("2710.12.80 2710.12.90", "20 20 20 20 15 10 7 7 7 7 0"),
    _row("2710.19.71 2710.19.72", "7 7 7 7 7 7 7 7 7 7 0"),
    _row("2710.19.79 2710.19.81 2710.19.82 2710.19.83", "9 8 7 7 7 7 7 7 7 7 0"),
    _row("2710.20.00", "7 7 7 7 7 7 7 7 7 7 0"),
    _row("2710.91.00 2710.99.00", "40 20 20 20 11 9 7 7 7 7 0"),
)


def _eu_viet_nam() -> StagingRules:
    r75 = tuple(Step(2016 + i, Decimal(120 - 5 * i)) for i in range(10))
    categories = (
        _immediate("A"),
        *(
            _linear(code, n, f"{n} equal annual stages beginning at EIF, free from year {n}")
            for code, n in _EVFTA_STAGES.items()
        ),
        StagingCategory(
            "B10*",
            StagingKind.TABLE,
            table=_B10_STAR,
            description="Section A, paragraph 1(h): 11 annual stages at the rates tabulated for "
            "beer (2203.00.10, 2203.00.90: 34 % in year 1 … 11 in year 10, free in year 11)",
        ),
        StagingCategory(
            "B10**",
            StagingKind.TABLE,
            table=_B10_STAR_STAR,
            description="Section A, paragraph 1(i): 11 annual stages at the rates tabulated per "
            "line of heading 27.10 (2710.12.11-.16: 20 % to year 4, 8, 8, 7 … free in year 11)",
        ),
        StagingCategory(
            "R75",
            StagingKind.CALENDAR_STEPS,
            steps=r75,
            description="specific duty in EUR/tonne by calendar year: "
            "120 in 2016, 5 less each year, 75 from 2025",
        ),
        _immediate("A+EP", "the ad valorem component eliminated at EIF; the entry-price specific duty stays"),
        _linear(
            "B10-in quota", 11, "the in-quota duty removed in 11 equal annual stages; over-quota unbound"
        ),
    )
    text = (
        "EU-Viet Nam FTA, Annex 2-A (Reduction or Elimination of Customs Duties), Section A, paragraphs "
        "1-5: A free at entry into force; B3, B5, B7, B9, B10, B15 removed in 4, 6, 8, 10, 11, 16 equal "
        "annual stages, the first at entry into force and the later ones on 1 January (paragraph 5); "
        "B10* (beer) and B10** (petroleum oils of heading 27.10) follow the rates tabulated per line "
        "in paragraphs 1(h) and 1(i); R75 a specific duty by calendar year (paragraph 1(l)); interim "
        "rates rounded down to 0.1 percentage point, 0.1 euro cent for amounts (paragraph 4)."
    )
    return StagingRules("EU-Viet Nam", text, categories, _CUT_DOWN, _JAN_1)


def _viet_nam_eaeu() -> StagingRules:
    text = (
        "Viet Nam-EAEU FTA, Annex 1 (Schedules of Tariff Commitments), General Notes: the rate of each "
        "year is printed in year columns (EIF | 2016 | ... | 2027 and subsequent years), with ',' as the "
        "decimal point (note 3); the first reduction takes place at entry into force and later ones on "
        "1 January (note 4); in the year of entry into force the rate printed for that year applies "
        "(note 5); lines marked U are excluded from any tariff commitment (note 6)."
    )
    categories = (_excluded("U", "excluded from tariff commitments (General Note 6)"),)
    return StagingRules("Viet Nam-EAEU", text, categories, _CUT_DOWN, _JAN_1)


def _rcep() -> StagingRules:
    categories = (
        _immediate("A"),
        _immediate("0"),
        *(
            _linear(
                f"B{n}",
                n,
                f"{n} equal annual stages beginning at EIF; free from the stage day "
                f"of year {n} (1 January; Japan: 1 April)",
            )
            for n in (5, 10, 15, 20)
        ),
        _excluded("U", "excluded from tariff commitments"),
    )
    text = (
        "RCEP, Chapter 2, Article 2.4.1 (Reduction or Elimination of Customs Duties): each Party "
        "reduces or eliminates its customs duties on originating goods in accordance with its "
        "Schedule in Annex I (Schedules of Tariff Commitments). A free at entry into force; BN "
        "removed in N equal annual stages; U excluded. Party schedules print every year's rate, "
        "which the import checks against these categories. Not confirmed against Annex I's "
        "headnotes: the first reduction at entry into force and later ones on 1 January, Japan's on "
        "1 April (Japan's fiscal year, as its schedules of the EU-Japan EPA, Annex 2-A General Note "
        "3(b), and of the TPP, Appendix A paragraph 2(b), print it), and interim rates cut down to 0.1."
    )
    japan = PartyStageDay("JPN", MonthDay(4, 1))
    return StagingRules("RCEP", text, categories, _CUT_DOWN, _JAN_1, party_stage_days=(japan,))


RULE_SETS: dict[str, StagingRules] = {
    rules.name: rules
    for rules in (
        _korus(),
        _us_australia(),
        _us_bahrain(),
        _usmca(),
        _cptpp(),
        _eu_viet_nam(),
        _viet_nam_eaeu(),
        _rcep(),
    )
}


def builtin_rules(name: str) -> StagingRules | None:
    """A built-in rule set by name, ignoring case, spaces, dashes and dots (``eu-vietnam``)."""
    wanted = _key(name)
    return next((r for n, r in RULE_SETS.items() if _key(n) == wanted), None)


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def describe_rules(rules: StagingRules) -> list[str]:
    """The rule set as lines of text: its source, rounding, days, then one line per category."""
    rounding = rules.rounding
    head = [
        rules.name or "(unnamed rule set)",
        rules.description,
        f"rounding: {rounding.direction.value.replace('_', '-')} to {rounding.step}; first cut at "
        f"{'EIF' if rules.first_cut is FirstCut.EIF else 'the first stage day'}; later cuts on "
        f"{rules.stage_day} (MM-DD)" + "".join(f"; {p.party}: {p.stage_day}" for p in rules.party_stage_days),
        "",
    ]
    width = max((len(c.code) for c in rules.categories), default=4)
    return head + [f"  {c.code:<{width}}  {category_definition(c)}" for c in rules.categories]


def category_definition(category: StagingCategory) -> str:
    """What a category does, in one line: its kind's numbers, then its description."""
    match category.kind:
        case StagingKind.LINEAR:
            shape = f"linear, {category.stages} stages"
        case StagingKind.BACK_LOADED:
            shape = f"held {category.hold} years, then {category.stages} stages"
        case StagingKind.TABLE:
            shape = f"table of {len(category.table)} rows"
        case StagingKind.STEPS | StagingKind.CALENDAR_STEPS:
            shape = ", ".join(f"{s.year}: {s.value}" for s in category.steps)
        case StagingKind.IMMEDIATE | StagingKind.NON_LINEAR | StagingKind.PARTIAL | StagingKind.EXCLUDED:
            shape = category.kind.value.replace("_", " ")
        case _:
            assert_never(category.kind)
    return f"{shape} — {category.description}" if category.description else shape
