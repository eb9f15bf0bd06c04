"""Edits of the agreement's scenarios as pure functions (no Qt): each returns the edited agreement."""

from __future__ import annotations

import dataclasses

from carveplan.model import (
    BASELINE,
    Agreement,
    EifMoved,
    ExceptionInvoked,
    MilestoneDelay,
    MilestoneMissed,
    Override,
    RecordKind,
    Scenario,
    format_timing,
)
from carveplan.model import collection as col


class ScenarioEditError(ValueError):
    """An edit that would leave the scenarios inconsistent (a name used twice, the baseline's name)."""


def scenario(agreement: Agreement, name: str) -> Scenario:
    """The scenario called ``name``; ``KeyError`` when there is none."""
    found: Scenario = agreement.scenarios[col.index_of(agreement, RecordKind.SCENARIOS, name)]
    return found


def replace_scenario(agreement: Agreement, name: str, new: Scenario) -> Agreement:
    """The agreement with the scenario ``name`` replaced by ``new`` (records are immutable)."""
    return col.replace_at(
        agreement, RecordKind.SCENARIOS, col.index_of(agreement, RecordKind.SCENARIOS, name), new
    )


def add_override(agreement: Agreement, name: str, override: Override) -> Agreement:
    """The agreement with ``override`` appended to scenario ``name`` (overrides apply in order)."""
    old = scenario(agreement, name)
    return replace_scenario(agreement, name, dataclasses.replace(old, overrides=(*old.overrides, override)))


def remove_override(agreement: Agreement, name: str, position: int) -> Agreement:
    """The agreement without the override at ``position`` of scenario ``name``."""
    old = scenario(agreement, name)
    kept = tuple(o for i, o in enumerate(old.overrides) if i != position)
    return replace_scenario(agreement, name, dataclasses.replace(old, overrides=kept))


def set_description(agreement: Agreement, name: str, description: str) -> Agreement:
    """The agreement with scenario ``name`` described as ``description``."""
    old = scenario(agreement, name)
    return replace_scenario(agreement, name, dataclasses.replace(old, description=description.strip()))


def check_name(agreement: Agreement, name: str, ignore: str | None = None) -> str:
    """``name`` stripped, if a new scenario may take it.

    Args:
        agreement: the agreement.
        name: the proposed name.
        ignore: a scenario whose current name this is allowed to be (renaming to itself).

    Returns:
        The name without surrounding spaces.

    Raises:
        ScenarioEditError: when it is empty, ``baseline``, or another scenario's name.
    """
    clean = name.strip()
    if not clean:
        raise ScenarioEditError("A scenario needs a name")
    if clean.casefold() == BASELINE:
        raise ScenarioEditError(f"“{BASELINE}” is the agreement without any scenario: pick another name")
    if clean != ignore and col.find(agreement, RecordKind.SCENARIOS, clean) is not None:
        raise ScenarioEditError(f"There is already a scenario called “{clean}”")
    return clean


def new_scenario(agreement: Agreement, name: str, description: str = "") -> Agreement:
    """The agreement with an empty scenario ``name`` added at the end (see :func:`check_name`)."""
    clean = check_name(agreement, name)
    return col.insert(
        agreement, RecordKind.SCENARIOS, len(agreement.scenarios), [Scenario(clean, description)]
    )


def rename_scenario(agreement: Agreement, old: str, new: str) -> Agreement:
    """The agreement with scenario ``old`` called ``new`` (see :func:`check_name`)."""
    clean = check_name(agreement, new, ignore=old)
    return replace_scenario(agreement, old, dataclasses.replace(scenario(agreement, old), name=clean))


def copy_name(agreement: Agreement, name: str) -> str:
    """A free name for a copy of ``name``: ``name (copy)``, then ``name (copy)-2`` ..."""
    return col.unique_key(agreement, RecordKind.SCENARIOS, f"{name} (copy)")


def duplicate_scenario(agreement: Agreement, name: str) -> tuple[Agreement, str]:
    """The agreement with a copy of scenario ``name`` right after it, and the copy's name."""
    original = scenario(agreement, name)
    copy = dataclasses.replace(original, name=copy_name(agreement, name))
    at = col.index_of(agreement, RecordKind.SCENARIOS, name) + 1
    return col.insert(agreement, RecordKind.SCENARIOS, at, [copy]), copy.name


def delete_scenario(agreement: Agreement, name: str) -> Agreement:
    """The agreement without scenario ``name``."""
    return col.remove(agreement, RecordKind.SCENARIOS, [col.index_of(agreement, RecordKind.SCENARIOS, name)])


def describe_override(override: Override, agreement: Agreement) -> str:
    """An override in words, naming the milestone or exception (``Delay M1 (Regulator …) by 24 months``)."""
    if isinstance(override, MilestoneDelay | MilestoneMissed):
        record = col.find(agreement, RecordKind.MILESTONES, override.milestone)
        what = f"{override.milestone} ({record.title})" if record is not None else override.milestone
        if isinstance(override, MilestoneMissed):
            return f"{what} missed"
        return f"Delay {what} by {override.months} months"
    if isinstance(override, ExceptionInvoked):
        record = col.find(agreement, RecordKind.EXCEPTIONS, override.exception)
        title = record.title if record is not None and record.title else ""
        what = f"{override.exception} ({title})" if title else override.exception
        start = format_timing(override.start)
        return f"Invoke {what} at {start} for {override.duration_months} months"
    assert isinstance(override, EifMoved)
    return f"Entry into force moved to {override.eif.isoformat()}"
