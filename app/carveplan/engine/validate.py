"""Validate an agreement: every check, plus what resolving the baseline and each scenario finds."""

from __future__ import annotations

from dataclasses import replace

from carveplan.engine.checks.clauses import (
    exception_problems,
    milestone_problems,
    missed_problems,
    party_problems,
    review_problems,
    scenario_problems,
)
from carveplan.engine.checks.identity import identity_problems
from carveplan.engine.checks.lines import line_problems
from carveplan.engine.checks.scrub import scrub_problems
from carveplan.engine.checks.settings import category_problems, settings_problems, stage_day_ok
from carveplan.engine.incremental import Resolution, full, update
from carveplan.model import BASELINE, Agreement, MonthDay, Problem


def validate(agreement: Agreement, baseline: Resolution | None = None) -> tuple[Problem, ...]:
    """Every problem of an agreement, located on the record and field at fault.

    Args:
        agreement: the agreement.
        baseline: the agreement's baseline when it is already resolved (the app keeps it): not
            resolved again. Ignored unless it is this agreement's. Each scenario is resolved from
            the baseline, re-resolving only the lines it moves.

    Returns:
        Problems in a stable order (settings, identity, lines, milestones, clauses, then what
        resolving the baseline and each scenario finds), each reported once.
    """
    problems: list[Problem] = [*settings_problems(agreement), *category_problems(agreement)]
    # An impossible stage day is reported above; resolve on 1 January so the rest is still checked.
    usable = agreement if stage_day_ok(agreement.stage_day) else replace(agreement, stage_day=MonthDay())
    resolution = (
        baseline
        if baseline is not None
        and baseline.schedule.agreement is usable
        and baseline.schedule.scenario == BASELINE
        else full(usable)
    )
    baseline_schedule = resolution.schedule
    problems.extend(identity_problems(agreement))
    problems.extend(line_problems(baseline_schedule))
    problems.extend(scrub_problems(agreement))
    problems.extend(milestone_problems(agreement))
    problems.extend(missed_problems(baseline_schedule))
    problems.extend(exception_problems(agreement))
    problems.extend(review_problems(agreement))
    problems.extend(scenario_problems(agreement))
    problems.extend(party_problems(agreement))
    problems.extend(baseline_schedule.problems)
    for name in dict.fromkeys(s.name for s in agreement.scenarios):
        if name != BASELINE:
            problems.extend(update(resolution, usable, name).schedule.problems)
    return tuple(dict.fromkeys(problems))
