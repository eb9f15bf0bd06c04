"""Timings to calendar dates: EIF, agreement years, milestone dates and the previous phase."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, assert_never

from carveplan.engine.dates import add_offset, stage_date
from carveplan.engine.schedule import ResolvedMilestone
from carveplan.model import Anchor, MilestoneId, MonthDay, Offset, Timing


@dataclass(frozen=True)
class Anchors:
    """What timings hang off in one scenario.

    Attributes:
        eif: entry into force.
        stage_day: the day of the year later stages fall on.
        milestones: milestones resolved so far, by id.
        memo: dates worked out once for phases many lines share (filled by the line resolver,
            which is given anchors whose milestones no longer change).
    """

    eif: date
    stage_day: MonthDay
    milestones: Mapping[MilestoneId, ResolvedMilestone]
    memo: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)


class When(NamedTuple):
    """A resolved timing: a date, or what keeps it from having one.

    A light tuple: one is made for every phase and gate dated, hundreds of thousands at
    mega-regional scale.

    Attributes:
        day: the date; ``None`` when blocked.
        blocked_by: missed (or unknown) milestones that leave it without a date.
        unknown: a referenced milestone id that does not exist.
    """

    day: date | None
    blocked_by: tuple[str, ...] = ()
    unknown: MilestoneId | None = None


def when(timing: Timing, anchors: Anchors, previous: date | None = None) -> When:
    """The date a timing falls on.

    Args:
        timing: the timing as the user wrote it.
        anchors: EIF, stage day and resolved milestones.
        previous: the previous phase's actual start, for ``prev`` timings (EIF when none).

    Returns:
        The date, or why there is none (a blocked or unknown milestone).
    """
    match timing.anchor:
        case Anchor.MILESTONE:
            return milestone_date(timing.milestone or "", timing.offset, anchors)
        case Anchor.DATE:
            base = timing.day or anchors.eif
        case Anchor.YEAR:
            base = stage_date(anchors.eif, anchors.stage_day, timing.year or 1)
        case Anchor.PREV:
            base = anchors.eif if previous is None else previous
        case Anchor.EIF:
            base = anchors.eif
        case _:
            assert_never(timing.anchor)
    return When(_shifted(base, timing.offset))


def milestone_date(milestone: MilestoneId, offset: Offset | None, anchors: Anchors) -> When:
    """The date of a milestone moved by ``offset`` (a timing's offset or a gate's lag).

    Args:
        milestone: the milestone id.
        offset: added to the milestone's date, if any.
        anchors: the resolved milestones.

    Returns:
        The date, or the milestones that block it (the id itself when unknown).
    """
    resolved = anchors.milestones.get(milestone)
    if resolved is None:
        return When(None, (milestone,), unknown=milestone)
    if resolved.date is None:
        return When(None, resolved.blocked_by or (milestone,))
    return When(_shifted(resolved.date, offset))


def _shifted(day: date, offset: Offset | None) -> date | None:
    """``day`` plus ``offset``; ``None`` past the calendar's end (``EIF+99999y`` typed by mistake)."""
    try:
        return add_offset(day, offset)
    except (OverflowError, ValueError):
        return None
