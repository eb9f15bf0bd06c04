"""``carveplan divergence FILE``: sector by sector, when each party's lines reach their final value."""

from __future__ import annotations

from typing import Any

from carveplan.cli.command import register, report
from carveplan.engine.divergence import divergence
from carveplan.io.reports.analysis import divergence_dict, divergence_text


def add_parser(sub: Any) -> None:
    """Register the command."""
    register(
        sub,
        "divergence",
        report(
            lambda agreement, scenario, _args: divergence(agreement, scenario),
            divergence_dict,
            divergence_text,
        ),
        help="sector × party matrix: the year each party's lines reach their final value",
        description="For each sector and party: the year the party's lines reach their final value, "
        "how many are excluded or partial, the exceptions covering them, and the spread between the "
        "fastest and the slowest party.",
        scenario=True,
        json=True,
    )
