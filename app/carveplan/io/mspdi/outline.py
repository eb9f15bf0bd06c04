"""The outline of an MS Project file: each task's role, its party and sector, its gates, and problems.

Files CarvePlan wrote name each task's role in a custom field. Plans drafted elsewhere are read by
shape: a summary task whose tasks are all plain tasks is a line and they are its phases; a plain task
anywhere else is a line with one phase; milestones are milestones; the top-level summary above a
line is its sector, and a summary named after a party code (``VNM`` or ``VNM — Viet Nam``) its party.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from carveplan.io.mspdi.fields import (
    EIF,
    LINE,
    MILESTONE,
    MILESTONES,
    PARTY,
    PHASE,
    SECTOR,
    MsProject,
    MsTask,
)
from carveplan.model import (
    DevelopmentStatus,
    Gate,
    Location,
    Offset,
    Party,
    Problem,
    Sector,
    error,
)
from carveplan.model.timing import MILESTONE_ID

GROUP = "group"  # a summary task of a file from elsewhere: a sector or a party, by position and name
_ROLES = {EIF, SECTOR, PARTY, LINE, PHASE, MILESTONES, MILESTONE}
_EIF_NAME = re.compile(r"(?i)\s*(entry into force|EIF)\s*")
_PARTY_NAME = re.compile(r"\s*([A-Z]{2,3})(?:\s*[—–:-]\s*(.*?))?\s*", re.DOTALL)


class Outline:
    """Roles and relations of the tasks of one file; ``problems`` collects what cannot be used."""

    def __init__(self, project: MsProject) -> None:
        self.file = project.file
        self.tasks = project.tasks
        self.columns = project.columns
        self.problems: list[Problem] = []
        self._parent: dict[int, MsTask | None] = {}
        self._children: dict[int, list[MsTask]] = {t.uid: [] for t in self.tasks}
        self._by_uid = {t.uid: t for t in self.tasks}  # built once: links are looked up per task
        self._link_tree()
        self._roles: dict[int, str] = {}
        self._by_role: dict[str, list[MsTask]] = {}
        self._assign_roles()
        self._ids: dict[str, set[str]] = {"line": set(), "milestone": set()}
        self._milestone_ids = {t.uid: self._milestone_id(t) for t in self.with_role(MILESTONE)}
        self._parties: dict[str, Party] = {}
        self._sectors: dict[str, Sector] = {}
        # What each summary task names, worked out once: a national plan has 100,000 tasks under a few.
        self._party_codes: dict[int, str | None] = {}
        self._sector_ids: dict[int, str] = {}
        self._party_under: dict[int, str] = {}  # by parent task (a file may repeat a UID): the party below it
        self._sector_under: dict[int, str] = {}
        self._gates: dict[tuple[str, Offset | None], Gate] = {}  # one record per milestone and lag
        self._collect_groups()

    # --- structure -------------------------------------------------------------------------------

    def _link_tree(self) -> None:
        stack: list[MsTask] = []
        for task in self.tasks:
            while stack and stack[-1].level >= task.level:
                stack.pop()
            parent = stack[-1] if stack else None
            self._parent[task.uid] = parent
            if parent is not None:
                self._children[parent.uid].append(task)
            stack.append(task)

    def _assign_roles(self) -> None:
        eif_seen = False
        for task in self.tasks:
            written = task.fields.get("role", "")
            if written in _ROLES:
                role = written
            elif task.milestone:
                role = EIF if not eif_seen and _EIF_NAME.fullmatch(task.name) else MILESTONE
            elif self._children[task.uid]:
                plain = [c for c in self._children[task.uid] if not c.milestone]
                role = LINE if plain and not any(self._children[c.uid] for c in plain) else GROUP
            else:
                parent = self._parent[task.uid]
                role = PHASE if parent is not None and self._roles[parent.uid] == LINE else LINE
            eif_seen = eif_seen or role == EIF
            self._roles[task.uid] = role
            self._by_role.setdefault(role, []).append(task)

    def _ancestors(self, task: MsTask) -> list[MsTask]:
        """Nearest first."""
        found: list[MsTask] = []
        parent = self._parent.get(task.uid)
        while parent is not None:
            found.append(parent)
            parent = self._parent.get(parent.uid)
        return found

    def role(self, task: MsTask) -> str:
        """The task's role: one of the roles in ``mspdi_fields``, or ``group``."""
        return self._roles[task.uid]

    def with_role(self, role: str) -> list[MsTask]:
        """The tasks of one role, in outline order."""
        return self._by_role.get(role, [])

    def phase_tasks(self, line: MsTask) -> list[MsTask]:
        """The tasks that are a line's phases; a plain task from elsewhere is its own single phase."""
        if self._children[line.uid]:
            return [c for c in self._children[line.uid] if self.role(c) == PHASE]
        return [] if "role" in line.fields else [line]

    # --- problems and ids ------------------------------------------------------------------------

    def fail(self, task: MsTask, field: str, message: str) -> None:
        """Record a problem located at a task and a column."""
        location = Location(file=self.file, kind="task", item=f"UID {task.uid} {task.name!r}", field=field)
        self.problems.append(error(location, message, "mspdi"))

    def new_id(self, kind: str, stem: str) -> str:
        """A key not used yet among ``kind`` records: ``stem``, else ``stem-2`` ..."""
        taken = self._ids[kind]
        key, number = stem, 2
        while key in taken:
            key, number = f"{stem}-{number}", number + 1
        taken.add(key)
        return key

    def check_unique(self, kind: str, ids: list[str]) -> None:
        """A problem for each id used by more than one record of ``kind``."""
        for key, count in Counter(ids).items():
            if count > 1:
                location = Location(file=self.file, kind=kind, item=key, field="CarvePlan id")
                self.problems.append(error(location, f"{count} {kind}s share this id", "duplicate-id"))

    def _milestone_id(self, task: MsTask) -> str:
        written = task.fields.get("id", "")
        if written:
            self._ids["milestone"].add(written)
            return written
        head = task.name.strip().partition(" ")[0]
        named = MILESTONE_ID.fullmatch(head) is not None and any(c.isdigit() for c in head)
        return self.new_id("milestone", head if named else f"M{task.uid}")

    def milestone_id(self, task: MsTask) -> str:
        """The id of a milestone task: its CarvePlan id, the id its name starts with, or ``M<UID>``."""
        return self._milestone_ids[task.uid]

    # --- parties and sectors ---------------------------------------------------------------------

    def _collect_groups(self) -> None:
        """Sectors and parties our own files name; summaries from elsewhere count once a line uses them."""
        for task in self.tasks:
            role = self._roles[task.uid]
            if role == PARTY:
                self._party_group(task)
            elif role == SECTOR:
                self._sector_group(task)

    def _is_party(self, task: MsTask) -> bool:
        role = self.role(task)
        return role == PARTY or (role == GROUP and _PARTY_NAME.fullmatch(task.name) is not None)

    def _party_group(self, task: MsTask) -> str | None:
        if task.uid not in self._party_codes:
            self._party_codes[task.uid] = self._new_party_group(task)
        return self._party_codes[task.uid]

    def _new_party_group(self, task: MsTask) -> str | None:
        match = _PARTY_NAME.fullmatch(task.name)
        code = task.fields.get("id") or (match.group(1) if match else "")
        if not code:
            return None
        name = task.fields.get("description", (match.group(2) or "") if match else "")
        try:
            status = DevelopmentStatus(task.fields.get("kind") or DevelopmentStatus.DEVELOPED)
        except ValueError:
            self.fail(task, "Kind", "expected developed, developing or ldc")
            status = DevelopmentStatus.DEVELOPED
        self._parties.setdefault(code, Party(code, name, status))
        return code

    def _sector_group(self, task: MsTask) -> str:
        if task.uid not in self._sector_ids:
            self._sector_ids[task.uid] = self._new_sector_group(task)
        return self._sector_ids[task.uid]

    def _new_sector_group(self, task: MsTask) -> str:
        sector = task.fields.get("id") or _sector_id(task.name) or f"sector_{task.uid}"
        self._sectors.setdefault(sector, Sector(sector, task.fields.get("description", task.name.strip())))
        return sector

    def party_of(self, task: MsTask) -> str:
        """The party of a line or milestone: its Party column, else the nearest party summary."""
        code = task.fields.get("party", "").strip() or self._party_above(task)
        if not code:
            self.fail(
                task,
                "Party",
                "no party: fill the Party column or put the task under a summary "
                "task named after the party's code (e.g. 'VNM — Viet Nam')",
            )
        if code not in self._parties:
            self._parties[code] = Party(code, "")
        return code

    def _party_above(self, task: MsTask) -> str:
        """The code of the nearest party summary above ``task`` (empty if none)."""
        return self._nearest_above(task, self._party_under, self._party_named)

    def _party_named(self, above: MsTask) -> str:
        return (self._party_group(above) or "") if self._is_party(above) else ""

    def sector_of(self, task: MsTask) -> str:
        """The sector of a line: its Sector column, else its top-level summary task."""
        sector = task.fields.get("sector", "").strip() or self._sector_above(task)
        if not sector:
            self.fail(
                task,
                "Sector",
                "no sector: fill the Sector column or put the line under a "
                "top-level summary task named after its sector (e.g. 'Energy')",
            )
        if sector not in self._sectors:
            self._sectors[sector] = Sector(sector, sector.replace("_", " ").capitalize())
        return sector

    def _sector_above(self, task: MsTask) -> str:
        """The sector of the nearest sector summary above ``task`` (empty if none)."""
        return self._nearest_above(task, self._sector_under, self._sector_named)

    def _sector_named(self, above: MsTask) -> str:
        role = self.role(above)
        if role == SECTOR or (role == GROUP and above.level == 1 and not self._is_party(above)):
            return self._sector_group(above)
        return ""

    def _nearest_above(self, task: MsTask, known: dict[int, str], named: Callable[[MsTask], str]) -> str:
        """What ``named`` finds first on the summaries above ``task``, worked out once per parent: a
        national plan has 100,000 tasks under a few hundred summaries."""
        parent = self._parent.get(task.uid)
        if parent is None:
            return ""
        found = known.get(id(parent))
        if found is None:
            found = next((name for above in [parent, *self._ancestors(parent)] if (name := named(above))), "")
            known[id(parent)] = found
        return found

    def parties(self) -> tuple[Party, ...]:
        """The parties met, in the order the file first names them."""
        return tuple(p for p in self._parties.values() if p.code)

    def sectors(self, defaults: tuple[Sector, ...]) -> tuple[Sector, ...]:
        """The default sectors (named as in the file), then the file's other sectors."""
        named = {s.id: s for s in defaults} | {k: v for k, v in self._sectors.items() if k}
        return (
            *(named[s.id] for s in defaults),
            *(s for k, s in named.items() if k not in {d.id for d in defaults}),
        )

    # --- links -----------------------------------------------------------------------------------

    def gates(self, task: MsTask) -> tuple[Gate, ...]:
        """Gates from the task's links whose predecessor is a milestone.

        Links between phases are left out: their effect is already in the dates read.
        """
        found: list[Gate] = []
        for link in task.links:
            predecessor = self._by_uid.get(link.predecessor)
            if predecessor is None:
                self.fail(task, "PredecessorLink", f"refers to task UID {link.predecessor}, not in the file")
            elif self.role(predecessor) != MILESTONE:
                continue
            elif link.kind != 1:
                self.fail(
                    task,
                    "PredecessorLink/Type",
                    f"only finish-to-start links (Type 1) can wait for "
                    f"milestone {predecessor.name!r}; found type {link.kind}",
                )
            else:
                key = (self.milestone_id(predecessor), link.lag)
                gate = self._gates.get(key)
                if gate is None:
                    gate = self._gates[key] = Gate(*key)
                found.append(gate)
        return tuple(found)


def _sector_id(name: str) -> str:
    """``energy`` for "Energy", ``critical_minerals`` for "Critical minerals"."""
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")
