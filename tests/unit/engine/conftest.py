"""Small builders for hand-made agreements in engine tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from carveplan.model import Agreement, Line, Milestone, Party, Timing, parse_timing

KORUS_EIF = date(2012, 3, 15)


def line(line_id: str = "L1", **fields: Any) -> Line:
    """A tariff line of party AAA in energy; ``base`` may be given as text."""
    if isinstance(fields.get("base"), str | int):
        fields["base"] = Decimal(fields["base"])
    fields.setdefault("party", "AAA")
    fields.setdefault("sector", "energy")
    fields.setdefault("code", "270900")
    return Line(id=line_id, **fields)


def milestone(milestone_id: str, due: str = "EIF+6m", **fields: Any) -> Milestone:
    """A milestone of party AAA due at the timing ``due`` (text)."""
    fields.setdefault("party", "AAA")
    fields.setdefault("title", milestone_id)
    return Milestone(id=milestone_id, due=parse_timing(due), **fields)


def agreement(**fields: Any) -> Agreement:
    """An agreement with parties AAA and BBB, EIF 15 March 2012 unless given."""
    fields.setdefault("title", "Test agreement")
    fields.setdefault("eif", KORUS_EIF)
    fields.setdefault("parties", (Party("AAA", "Alpha"), Party("BBB", "Beta")))
    return Agreement(**fields)


def timing(text: str) -> Timing:
    """A timing from its text."""
    return parse_timing(text)


@pytest.fixture
def korus() -> Agreement:
    """An agreement entering into force like KORUS, with two "5 Years" lines."""
    lines = (
        line("L8", base="8", category="5 Years"),
        line("L68", base="6.8", category="5 Years", code="271111"),
    )
    return replace(agreement(), lines=lines)
