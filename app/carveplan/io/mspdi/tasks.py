"""A resolved schedule as an MS Project task outline: sectors, parties, lines, phases, milestones."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from carveplan.chart.text import format_value
from carveplan.engine import expand, find_category
from carveplan.engine.schedule import ResolvedLine, ResolvedMilestone, ResolvedPhase, Schedule
from carveplan.io.errors import WriteError
from carveplan.io.mspdi.fields import (
    EIF,
    LINE,
    MILESTONE,
    MILESTONES,
    PARTY,
    PHASE,
    SECTOR,
    MsLink,
    MsTask,
    rate_fields,
)
from carveplan.io.mspdi.states import mark, milestone_state, phase_state
from carveplan.io.native.rules import dumps_rules
from carveplan.io.reports.text import line_fields
from carveplan.model import Agreement, Gate, Line, Phase, format_timing, rules_of
from carveplan.model.quota_grammar import format_quota

_Children = Callable[[], None]
_PartyChildren = Callable[[str], None]


@dataclass(frozen=True)
class Selection:
    """Which lines and milestones go into the file.

    Attributes:
        sectors: sector ids to include (empty: all).
        parties: party codes to include (empty: all).
    """

    sectors: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()

    def line(self, resolved: ResolvedLine) -> bool:
        """Whether the line is selected."""
        line = resolved.line
        return (not self.sectors or line.sector in self.sectors) and (
            not self.parties or line.party in self.parties
        )

    def milestone(self, resolved: ResolvedMilestone) -> bool:
        """Whether the milestone is selected."""
        return not self.parties or resolved.milestone.party in self.parties

    @staticmethod
    def asked(agreement: Agreement, sectors: tuple[str, ...], parties: tuple[str, ...]) -> Selection:
        """The selection for sectors and parties as a user typed them (``Energy``, ``vnm``).

        Raises:
            WriteError: naming what the agreement does not have, rather than writing an empty plan.
        """
        sector_ids = {s.id.casefold(): s.id for s in agreement.sectors}
        sector_ids |= {s.name.casefold(): s.id for s in agreement.sectors}
        sector_ids |= {s.id.replace("_", " ").casefold(): s.id for s in agreement.sectors}
        codes = {p.code.casefold(): p.code for p in agreement.parties}
        codes |= {line.party.casefold(): line.party for line in agreement.lines}
        unknown = [s for s in sectors if s.casefold() not in sector_ids]
        unknown += [p for p in parties if p.casefold() not in codes]
        if unknown:
            raise WriteError(f"the agreement has no sector or party {', '.join(map(repr, unknown))}")
        return Selection(
            tuple(sector_ids[s.casefold()] for s in sectors), tuple(codes[p.casefold()] for p in parties)
        )


def schedule_tasks(
    schedule: Schedule, baseline: Schedule | None = None, selection: Selection = Selection()
) -> list[MsTask]:
    """The task outline of a schedule, with the baseline's dates when a scenario is exported.

    Args:
        schedule: the schedule exported.
        baseline: the baseline schedule of the same agreement, or ``None``.
        selection: the sectors and parties to include.

    Returns:
        Tasks in outline order with UIDs from 1; milestone gates are links from the milestone tasks.
    """
    horizon = _horizon(schedule if baseline is None else baseline, schedule)
    tasks = _Outline(schedule, selection, horizon).build()
    if baseline is None:
        return tasks
    before = _Outline(baseline, selection, horizon).build()
    # Same agreement, same selection: both outlines have the same tasks in the same order.
    return [_with(t, baseline=(b.start, b.finish)) for t, b in zip(tasks, before, strict=True)]


def _horizon(*schedules: Schedule) -> date:
    """The last day open-ended phases run to: the end of the year after the last dated event."""
    days = [s.eif for s in schedules]
    for schedule in schedules:
        days.extend(d for m in schedule.milestones for d in (m.date, m.due) if d)
        days.extend(
            d for line in schedule.lines for p in line.phases for d in (p.start, p.nominal_start) if d
        )
    return date(max(days).year + 1, 12, 31)


class _Outline:
    """Builds the outline; UIDs are handed out in outline order, gates resolved at the end."""

    def __init__(self, schedule: Schedule, selection: Selection, horizon: date) -> None:
        self.schedule = schedule
        self.selection = selection
        self.horizon = horizon
        self.tasks: list[MsTask] = []
        self.gates: dict[int, tuple[Gate, ...]] = {}
        self.milestone_uids: dict[str, int] = {}
        self.own_codes: dict[str, bool] = {}

    def build(self) -> list[MsTask]:
        """All tasks, links resolved to UIDs."""
        self._eif()
        lines = [r for r in self.schedule.lines if self.selection.line(r)]
        for sector, name in _sectors(self.schedule, lines):
            in_sector = [r for r in lines if r.line.sector == sector]
            fields = {"role": SECTOR, "id": sector, "description": name}
            self._group(name, 1, fields, partial(self._parties_of_lines, in_sector))
        milestones = [m for m in self.schedule.milestones if self.selection.milestone(m)]
        if milestones:
            fields = {"role": MILESTONES}
            self._group("Compliance milestones", 1, fields, partial(self._parties_of_milestones, milestones))
        # Only tasks with gates get new links: copying 100,000 records to add nothing is slow.
        gated = self.gates
        return [_with(t, links=t.links + self._links(t.uid)) if t.uid in gated else t for t in self.tasks]

    # --- structure -------------------------------------------------------------------------------

    def _add(self, task: MsTask, gates: tuple[Gate, ...] = ()) -> int:
        uid = len(self.tasks) + 1
        self.tasks.append(task if task.uid == uid else _with(task, uid=uid))
        if gates:
            self.gates[uid] = gates
        return uid

    def _group(self, name: str, level: int, fields: dict[str, str], children: _Children) -> None:
        """A summary task whose dates span the children ``children()`` adds after it."""
        index = len(self.tasks)
        eif = self.schedule.eif
        self._add(MsTask(0, name, level, eif, eif, summary=True, fields=fields))
        children()
        below = self.tasks[index + 1 :]
        if below:
            start, finish = min(t.start for t in below), max(t.finish for t in below)
            self.tasks[index] = _with(self.tasks[index], start=start, finish=finish)

    def _party_groups(self, codes: Iterable[str], level: int, children: _PartyChildren) -> None:
        names = {p.code: p for p in self.schedule.agreement.parties}
        for code in dict.fromkeys(codes):
            party = names.get(code)
            label = f"{code} — {party.name}" if party and party.name else code
            fields = {"role": PARTY, "id": code}
            if party:
                fields |= {"description": party.name, "kind": party.status.value}
            self._group(label, level, fields, partial(children, code))

    def _parties_of_lines(self, lines: list[ResolvedLine]) -> None:
        ordered = _party_order(self.schedule, (r.line.party for r in lines))

        def add_lines(code: str) -> None:
            for resolved in lines:
                if resolved.line.party == code:
                    self._line(resolved)

        self._party_groups(ordered, 2, add_lines)

    def _parties_of_milestones(self, milestones: list[ResolvedMilestone]) -> None:
        ordered = _party_order(self.schedule, (m.milestone.party for m in milestones))

        def add_milestones(code: str) -> None:
            for resolved in milestones:
                if resolved.milestone.party == code:
                    self._milestone(resolved)

        self._party_groups(ordered, 2, add_milestones)

    # --- records ---------------------------------------------------------------------------------

    def _eif(self) -> None:
        agreement = self.schedule.agreement
        fields = {
            "role": EIF,
            "timing": agreement.eif.isoformat(),
            "planned": self.schedule.eif.isoformat(),
            "stage_day": str(agreement.stage_day),
            "rounding": f"{agreement.rounding.step} {agreement.rounding.direction.value}",
        }
        if agreement.first_cut is not None:  # None: at EIF
            fields["first_cut"] = agreement.first_cut.value
        eif = self.schedule.eif
        task = MsTask(0, "Entry into force", 1, eif, eif, milestone=True, constraint=eif, fields=fields)
        self._add(replace(task, estimated=agreement.eif_tentative, notes=rules_notes(agreement)))

    def _line(self, resolved: ResolvedLine) -> None:
        line = resolved.line
        fields = {
            "role": LINE,
            **line_fields(line),
            **rate_fields("base", line.base, line.unit),
            "category": line.category,
            "legal_ref": line.legal_ref,
        }
        if line.target is not None:
            fields.update(rate_fields("target", line.target, line.unit))
        if line.quota is not None:
            fields["quota"] = format_quota(line.quota, line.unit)
        name = f"{line.code} {line.description}".strip() or line.id
        if not resolved.phases:
            if resolved.excluded:
                fields["kind"] = "excluded"  # the reader has no category table to find this out
            eif = self.schedule.eif
            task = MsTask(0, f"{name} (no commitment)", 3, eif, self.horizon, notes=line.notes, fields=fields)
            self._add(task, line.gates)
            return
        index = len(self.tasks)
        self._group(name, 3, fields, partial(self._phases, resolved))
        # Line gates hang on the line's summary task: MS Project applies them to every phase below.
        self.tasks[index] = _with(self.tasks[index], notes=line.notes)
        if line.gates:
            self.gates[self.tasks[index].uid] = line.gates

    def _phases(self, resolved: ResolvedLine) -> None:
        explicit = _written_phases(resolved.line, self.schedule.agreement, self.own_codes)
        for phase in sorted(resolved.phases, key=lambda p: p.index):
            written = explicit[phase.index] if explicit and phase.index < len(explicit) else None
            self._phase(resolved, phase, written)

    def _phase(self, resolved: ResolvedLine, phase: ResolvedPhase, written: Phase | None) -> None:
        start = phase.start or phase.nominal_start or self.schedule.eif
        finish = self.horizon if phase.end is None else max(start, phase.end - _DAY)
        unit = resolved.line.unit
        fields = {"role": PHASE, "description": phase.label, **rate_fields("value", phase.value, unit)}
        fields["planned"] = start.isoformat()
        gates: tuple[Gate, ...] = ()
        notes = ""
        if written is not None:
            fields["timing"] = format_timing(written.start)
            gates, notes = written.gates, written.note
        name = phase.label or format_value(resolved.line, phase.value)  # as the chart's bar says it
        blocked = phase.start is None
        # Its own UID, made without the frozen __init__: a national plan has 100,000 phases.
        uid, constraint = len(self.tasks) + 1, phase.nominal_start
        task = _record(uid=uid, name=name, level=4, start=start, finish=finish, active=not blocked,
                       notes=notes, fields=fields, constraint=constraint)  # fmt: skip
        if blocked:
            task = mark(task, phase_state(phase), self.schedule.scenario)
        self._add(task, gates)

    def _milestone(self, resolved: ResolvedMilestone) -> None:
        record = resolved.milestone
        day = resolved.date or resolved.due or self.schedule.eif
        fields = {
            "role": MILESTONE,
            "id": record.id,
            "party": record.party,
            "description": record.title,
            "kind": record.kind.value,
            "verifier": record.verifier,
            "status": record.status.value,
            "timing": format_timing(record.due),
            "planned": day.isoformat(),
        }
        if record.actual:
            fields["actual"] = record.actual.isoformat()
        name = f"{record.id} {record.title}".strip()
        done = 100 if record.status.met else 0
        task = MsTask(0, name, 3, day, day, milestone=True, active=resolved.date is not None)
        depends = tuple(Gate(m) for m in record.depends_on)
        task = replace(task, constraint=resolved.due, percent=done, notes=record.note, fields=fields)
        task = mark(task, milestone_state(resolved), self.schedule.scenario)
        self.milestone_uids[record.id] = self._add(task, depends)

    def _links(self, uid: int) -> tuple[MsLink, ...]:
        """Links for a task's gates; gates on milestones left out of the file are dropped."""
        gates = self.gates.get(uid, ())
        return tuple(
            MsLink(self.milestone_uids[g.milestone], g.lag)
            for g in gates
            if g.milestone in self.milestone_uids
        )


def rules_notes(agreement: Agreement) -> str:
    """The notes of the entry-into-force task: the agreement's staging rules as a rule set file
    (``--categories FILE.json`` reads the same text), so that lines staged under them come back the
    same; empty for an agreement on the generic spellings."""
    if not agreement.rule_set and not agreement.categories:
        return ""
    return dumps_rules(rules_of(agreement))


_DAY = timedelta(days=1)
_DEFAULTS = {f.name: f.default for f in dataclasses.fields(MsTask) if f.default is not dataclasses.MISSING}


def _record(**values: Any) -> MsTask:
    """An ``MsTask`` made without its frozen ``__init__``, which sets each field through
    ``object.__setattr__``; every field is given or defaulted (``fields`` always given)."""
    task = object.__new__(MsTask)
    task.__dict__.update(_DEFAULTS, **values)
    return task


def _with(task: MsTask, **changes: object) -> MsTask:
    """``dataclasses.replace`` without running ``__init__`` again: several times faster, and the
    outline of a national schedule copies 100,000 tasks (the copy is new, so setting it is safe)."""
    copied = object.__new__(MsTask)
    copied.__dict__.update(task.__dict__, **changes)
    return copied


def _written_phases(line: Line, agreement: Agreement, own_codes: dict[str, bool]) -> tuple[Phase, ...]:
    """The phases whose timings the file carries: explicit ones, and those of the agreement's own
    categories (a reader has no category table, but knows the built-in spellings).

    ``own_codes`` remembers, per category code, whether the agreement's table decides it: fifteen
    thousand lines share a few dozen codes.
    """
    if line.phases or not line.category.strip():
        return line.phases
    code = line.category
    if code not in own_codes:
        own = find_category(code, agreement)
        # A built-in spelling, TRQ codes such as "10 Years, TRQ" too, needs no table to be read back.
        bare = replace(agreement, categories=())
        own_codes[code] = own is not None and own != find_category(code, bare)
    return expand(line, agreement) if own_codes[code] else line.phases


def _sectors(schedule: Schedule, lines: list[ResolvedLine]) -> Iterator[tuple[str, str]]:
    """``(sector id, name)`` of sectors with selected lines, in the agreement's order, then others."""
    used = dict.fromkeys(r.line.sector for r in lines)
    known = {s.id: s.name for s in schedule.agreement.sectors}
    for sector in [*(s for s in known if s in used), *(s for s in used if s not in known)]:
        yield sector, known.get(sector, sector)


def _party_order(schedule: Schedule, codes: Iterable[str]) -> list[str]:
    """Party codes in the agreement's order, then codes it does not list."""
    used = dict.fromkeys(codes)
    known = [p.code for p in schedule.agreement.parties]
    return [*(c for c in known if c in used), *(c for c in used if c not in known)]
