"""Staging rules: an agreement's own category definitions, rounding, and the days its cuts fall on."""

from __future__ import annotations

from dataclasses import dataclass, replace

from carveplan.model.agreement import Agreement, MonthDay, RoundingRule
from carveplan.model.staging import FirstCut, StagingCategory


@dataclass(frozen=True)
class PartyStageDay:
    """A party whose later cuts fall on another day than the agreement's (Japan: 1 April).

    Attributes:
        party: the party's code (``JPN``).
        stage_day: the day of the year its cuts from year 2 on fall on.
    """

    party: str
    stage_day: MonthDay


@dataclass(frozen=True)
class StagingRules:
    """The staging rules a schedule is read with: the same code means different things in different
    agreements (EU–Viet Nam ``B3`` is four stages, CPTPP ``B3`` three).

    Attributes:
        name: the rule set's name (``EU-Viet Nam``); empty for the generic spellings.
        description: where the rules are written (annex, article, paragraph) and what they say.
        categories: the agreement's categories; only these (and the spellings of exclusion)
            are known when a rule set is chosen.
        rounding: how intermediate values are brought to the step.
        stage_day: the day of the year later cuts fall on.
        first_cut: when the first cut takes effect.
        party_stage_days: parties whose schedules put later cuts on another day; a schedule
            imported for one of them is read with that day (:func:`for_party`).
    """

    name: str
    description: str
    categories: tuple[StagingCategory, ...]
    rounding: RoundingRule
    stage_day: MonthDay
    first_cut: FirstCut = FirstCut.EIF
    party_stage_days: tuple[PartyStageDay, ...] = ()


def for_party(rules: StagingRules, party: str) -> StagingRules:
    """``rules`` as they apply to ``party``'s schedule: its own stage day when it has one."""
    wanted = party.strip().upper()
    day = next((p.stage_day for p in rules.party_stage_days if p.party.upper() == wanted), None)
    return rules if day is None else replace(rules, stage_day=day)


def rules_of(agreement: Agreement) -> StagingRules:
    """The staging rules an agreement holds."""
    return StagingRules(
        agreement.rule_set,
        agreement.rule_set_note,
        agreement.categories,
        agreement.rounding,
        agreement.stage_day,
        agreement.first_cut or FirstCut.EIF,
    )


def with_rules(agreement: Agreement, rules: StagingRules) -> Agreement:
    """``agreement`` read with ``rules``: its categories, rounding, stage day and first cut replaced."""
    return replace(
        agreement,
        rule_set=rules.name,
        rule_set_note=rules.description,
        categories=rules.categories,
        rounding=rules.rounding,
        stage_day=rules.stage_day,
        # Left out of the file when it is the usual EIF, as files written before rule sets are.
        first_cut=None if rules.first_cut is FirstCut.EIF else rules.first_cut,
    )
