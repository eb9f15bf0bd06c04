"""What moved between two versions of a schedule: lines, categories, rates, gates, final dates, clauses."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import Any

from carveplan.engine.collector import collector_paused
from carveplan.engine.compare import months_between
from carveplan.engine.diff_values import FieldChange, changes, record_fields, text
from carveplan.engine.matching import Matching, Regrouping, match_lines
from carveplan.engine.resolve import resolve
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.model import Agreement, Line, PartyCode, Rate

# The line fields a negotiator reads, in the order a schedule prints them (id is the file's own key).
LINE_FIELDS = (
    "sector",
    "description",
    "measure",
    "unit",
    "base",
    "category",
    "target",
    "gates",
    "phases",
    "code_system",
    "legal_ref",
    "notes",
)


class Change(StrEnum):
    """What happened to a line or a record between the two versions."""

    ADDED = "added"
    WITHDRAWN = "withdrawn"
    CHANGED = "changed"
    SPLIT = "split"
    MERGED = "merged"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class LineDiff:
    """One line in both versions.

    Attributes:
        change: added, withdrawn, changed, split (``new`` is one of the codes ``old`` became),
            merged (``old`` is one of the codes merged into ``new``) or unchanged.
        old: the old line (``None`` when added).
        new: the new line (``None`` when withdrawn).
        fields: the fields that differ, with the final date and final value when they moved.
        old_final: the date the old line reaches its final value (``None``: excluded or blocked).
        new_final: the same for the new line.
        months: ``new_final - old_final`` in whole months; ``None`` unless both are known.
        old_excluded: whether the old line was a carve-out with no commitment.
        new_excluded: whether the new line is.
        old_value: the value the old line ends at.
        new_value: the value the new line ends at.
    """

    change: Change
    old: Line | None
    new: Line | None
    fields: tuple[FieldChange, ...] = ()
    old_final: date | None = None
    new_final: date | None = None
    months: int | None = None
    old_excluded: bool = False
    new_excluded: bool = False
    old_value: Rate | None = None
    new_value: Rate | None = None

    @property
    def line(self) -> Line:
        """The new line, or the old one when withdrawn."""
        line = self.new or self.old
        assert line is not None
        return line

    @property
    def party(self) -> PartyCode:
        """The party."""
        return self.line.party

    @property
    def code(self) -> str:
        """The new code, or the old one when withdrawn."""
        return self.line.code

    @property
    def newly_excluded(self) -> bool:
        """A line with a commitment before that is carved out entirely now."""
        return self.old is not None and self.new is not None and self.new_excluded and not self.old_excluded

    def field(self, name: str) -> FieldChange | None:
        """The change of one field, if it changed."""
        return next((f for f in self.fields if f.field == name), None)


@dataclass(frozen=True)
class RecordDiff:
    """A milestone, exception, review clause or staging category in both versions.

    Attributes:
        kind: ``milestone``, ``exception``, ``review`` or ``category``.
        key: its id (or code).
        party: its party, when it has one.
        change: added, withdrawn or changed.
        fields: the fields that differ (a milestone's resolved date as ``date``).
        months: how far a milestone's resolved date moved, in whole months.
    """

    kind: str
    key: str
    party: PartyCode
    change: Change
    fields: tuple[FieldChange, ...] = ()
    months: int | None = None


@dataclass(frozen=True)
class AgreementDiff:
    """Two versions of a schedule compared.

    Attributes:
        old: the old version, resolved (baseline).
        new: the new version, resolved.
        party: the party the comparison is limited to (empty: all).
        lines: every line of either version, in the new version's order, withdrawn lines last.
        regroupings: codes split or merged.
        records: milestones, exceptions, reviews and categories that differ.
        eif: the entry-into-force change, if any.
    """

    old: Schedule
    new: Schedule
    party: PartyCode
    lines: tuple[LineDiff, ...]
    regroupings: tuple[Regrouping, ...]
    records: tuple[RecordDiff, ...]
    eif: FieldChange | None = None

    @property
    def changed(self) -> tuple[LineDiff, ...]:
        """The lines that moved in any way."""
        return tuple(d for d in self.lines if d.change is not Change.UNCHANGED)


def diff(old: Agreement, new: Agreement, party: PartyCode = "") -> AgreementDiff:
    """Compare two versions of an agreement (or of one party's schedule in it).

    Args:
        old: the earlier version (the offer on the table, the last round).
        new: the later version.
        party: limit the comparison to this party's lines, milestones and exceptions.

    Returns:
        The differences, line by line and record by record.
    """
    return diff_schedules(resolve(_scoped(old, party)), resolve(_scoped(new, party)), party)


def diff_schedules(old: Schedule, new: Schedule, party: PartyCode = "") -> AgreementDiff:
    """Compare two resolved versions (for callers that already resolved them)."""
    with collector_paused():  # thousands of small records, no cycles: as in resolve
        return _diff_schedules(old, new, party)


def _diff_schedules(old: Schedule, new: Schedule, party: PartyCode) -> AgreementDiff:
    matching = match_lines([r.line for r in old.lines], [r.line for r in new.lines])
    old_by, new_by = _by_identity(old), _by_identity(new)
    lines = _line_diffs(matching, old_by, new_by, {id(r.line): i for i, r in enumerate(new.lines)})
    records = _record_diffs(old, new, party)
    eif = None if old.eif == new.eif else FieldChange("entry into force", text(old.eif), text(new.eif))
    return AgreementDiff(old, new, party, lines, matching.regroupings, records, eif)


def _scoped(agreement: Agreement, party: PartyCode) -> Agreement:
    if not party:
        return agreement
    return dataclasses.replace(agreement, lines=tuple(x for x in agreement.lines if x.party == party))


def _by_identity(schedule: Schedule) -> dict[int, ResolvedLine]:
    return {id(r.line): r for r in schedule.lines}


def _line_diffs(
    matching: Matching,
    old_by: dict[int, ResolvedLine],
    new_by: dict[int, ResolvedLine],
    order: dict[int, int],
) -> tuple[LineDiff, ...]:
    paired: list[LineDiff] = [_pair(old_by[id(o)], new_by[id(n)], None) for o, n in matching.pairs]
    for group in matching.regroupings:
        kind = Change.SPLIT if len(group.old) == 1 else Change.MERGED
        for o in group.old:
            paired.extend(_pair(old_by[id(o)], new_by[id(n)], kind) for n in group.new)
    paired.extend(_one(new_by[id(n)], Change.ADDED) for n in matching.added)
    paired.sort(key=lambda d: order[id(d.new)])
    withdrawn = [_one(old_by[id(o)], Change.WITHDRAWN) for o in matching.withdrawn]
    return (*paired, *withdrawn)


_LINE_VALUES = attrgetter(*LINE_FIELDS)


def _pair(old: ResolvedLine, new: ResolvedLine, regroup: Change | None) -> LineDiff:
    # Most lines did not move between rounds (a round shares the very records): compare them whole first.
    same = old.line is new.line or _LINE_VALUES(old.line) == _LINE_VALUES(new.line)
    fields = [] if same else list(changes(old.line, new.line, LINE_FIELDS))
    if regroup is not None:
        fields.insert(0, FieldChange("code", old.line.code, new.line.code))
    months = None
    if old.final_date != new.final_date:
        fields.append(FieldChange("final date", _final(old), _final(new)))
        if old.final_date is not None and new.final_date is not None:
            months = months_between(old.final_date, new.final_date)
    if old.final_value != new.final_value:
        fields.append(FieldChange("final value", text(old.final_value), text(new.final_value)))
    change = regroup or (Change.CHANGED if fields else Change.UNCHANGED)
    return LineDiff(
        change, old.line, new.line, tuple(fields), old.final_date, new.final_date, months,
        old.excluded, new.excluded, old.final_value, new.final_value,
    )  # fmt: skip


def _one(resolved: ResolvedLine, change: Change) -> LineDiff:
    final = resolved.final_date
    value = resolved.final_value
    if change is Change.ADDED:
        return LineDiff(
            change, None, resolved.line, (), None, final, None, False, resolved.excluded, None, value
        )
    return LineDiff(change, resolved.line, None, (), final, None, None, resolved.excluded, False, value, None)


def _final(resolved: ResolvedLine) -> str:
    if resolved.excluded:
        return "excluded"
    return text(resolved.final_date) if resolved.final_date else "blocked"


def _record_diffs(old: Schedule, new: Schedule, party: PartyCode) -> tuple[RecordDiff, ...]:
    a, b = old.agreement, new.agreement
    found: list[RecordDiff] = []
    for kind, before, after in (
        ("milestone", a.milestones, b.milestones),
        ("exception", a.exceptions, b.exceptions),
        ("review", a.reviews, b.reviews),
        ("category", a.categories, b.categories),
    ):
        key = "code" if kind == "category" else "id"
        found.extend(_records(kind, key, _kept(before, party), _kept(after, party)))
    return tuple(_with_dates(d, old, new) if d.kind == "milestone" else d for d in found)


def _kept(records: Sequence[Any], party: PartyCode) -> list[Any]:
    """Records of ``party`` (records with no party, such as reviews, always)."""
    return [r for r in records if not party or getattr(r, "party", party) == party]


def _records(kind: str, key: str, before: Sequence[Any], after: Sequence[Any]) -> list[RecordDiff]:
    old_by = {getattr(r, key): r for r in before}
    new_by = {getattr(r, key): r for r in after}
    found = []
    for name, record in new_by.items():
        party = getattr(record, "party", "")
        previous = old_by.get(name)
        if previous is None:
            found.append(RecordDiff(kind, name, party, Change.ADDED))
        elif previous != record:
            fields = changes(previous, record, record_fields(record, skip=(key,)))
            found.append(RecordDiff(kind, name, party, Change.CHANGED, fields))
    found.extend(
        RecordDiff(kind, name, getattr(r, "party", ""), Change.WITHDRAWN)
        for name, r in old_by.items()
        if name not in new_by
    )
    return found


def _with_dates(entry: RecordDiff, old: Schedule, new: Schedule) -> RecordDiff:
    """A changed milestone also says how far its resolved date moved (a due date may stay the same)."""
    if entry.change is not Change.CHANGED:
        return entry
    before, after = old.milestone(entry.key).date, new.milestone(entry.key).date
    if before == after:
        return entry
    months = months_between(before, after) if before and after else None
    moved = FieldChange("date", text(before) or "never", text(after) or "never")
    return dataclasses.replace(entry, fields=(*entry.fields, moved), months=months)
