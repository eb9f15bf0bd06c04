"""``carveplan show FILE``: the resolved schedule, as text or JSON."""

from __future__ import annotations

from typing import Any

from carveplan.cli.command import register, report
from carveplan.engine import resolve
from carveplan.io.reports.text import schedule_dict, schedule_text


def add_parser(sub: Any) -> None:
    """Register the command."""
    register(
        sub,
        "show",
        report(lambda agreement, scenario, _: resolve(agreement, scenario), schedule_dict, schedule_text),
        help="the resolved schedule: phases with dates and values, milestones, exceptions, reviews",
        description="Resolve every timing of the agreement (under a scenario) and print the schedule.",
        scenario=True,
        json=True,
    )
