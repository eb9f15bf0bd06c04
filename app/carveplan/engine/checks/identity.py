"""Identity checks: duplicate ids and codes, references to parties and sectors that do not exist."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from carveplan.model import BASELINE, Agreement, Line, LineId, Location, Problem, error, warning


def identity_problems(agreement: Agreement) -> list[Problem]:
    """Duplicate ids, duplicate line codes, unknown parties and sectors, a scenario named baseline.

    Args:
        agreement: the agreement.

    Returns:
        The problems, located on the record and field at fault.
    """
    problems = [
        *_duplicates("party", "code", (p.code for p in agreement.parties)),
        *_duplicates("sector", "id", (s.id for s in agreement.sectors)),
        *_duplicates("category", "code", (c.code for c in agreement.categories)),
        *_duplicates("line", "id", (ln.id for ln in agreement.lines)),
        *_duplicates("milestone", "id", (m.id for m in agreement.milestones)),
        *_duplicates("exception", "id", (e.id for e in agreement.exceptions)),
        *_duplicates("review", "id", (r.id for r in agreement.reviews)),
        *_duplicates("scenario", "name", (s.name for s in agreement.scenarios)),
    ]
    problems.extend(_duplicate_codes(agreement))
    problems.extend(_unknown_parties_and_sectors(agreement))
    for scenario in agreement.scenarios:
        # A "baseline" entry may describe the plan; overrides under that name would never apply.
        if scenario.name.strip().casefold() == BASELINE and scenario.overrides:
            where = Location(kind="scenario", item=scenario.name, field="name")
            text = f"{BASELINE!r} is the plan without overrides: give this scenario another name"
            problems.append(error(where, text, "reserved-name"))
    return problems


def _duplicates(kind: str, field: str, keys: Iterable[str]) -> list[Problem]:
    counts = Counter(keys)
    return [
        error(
            Location(kind=kind, item=key, field=field),
            f"{count} {kind} records share the {field} {key!r}",
            "duplicate-id",
        )
        for key, count in counts.items()
        if count > 1
    ]


def _code_key(line: Line) -> tuple[str, str, str]:
    return (line.party, line.code_system.value, line.code.strip())


def already_present(existing: Iterable[Line], added: Iterable[Line]) -> dict[LineId, LineId]:
    """Added lines whose party already has a line with their code: added id -> the existing line's id.

    An import shows these before it adds them; after, they would be the duplicate-code warnings below.
    """

    def key(line: Line) -> tuple[str, str, str]:
        # A schedule prints 2710.12.11 where the agreement has 27101211: the same line.
        return (line.party, line.code_system.value, "".join(c for c in line.code if c.isalnum()))

    seen = {key(line): line.id for line in existing if line.code.strip()}
    return {line.id: seen[k] for line in added if (k := key(line)) in seen and k[2]}


def _duplicate_codes(agreement: Agreement) -> list[Problem]:
    """Two lines of one party with one code are usually a copy-paste slip (warning, not error)."""
    seen: dict[tuple[str, str, str], str] = {}
    problems = []
    for line in agreement.lines:
        key = _code_key(line)
        if not key[2]:
            continue
        if key in seen:
            where = Location(kind="line", item=line.id, field="code")
            text = f"{line.party} already has a line with code {line.code!r} ({seen[key]})"
            problems.append(warning(where, text, "duplicate-code"))
        else:
            seen[key] = line.id
    return problems


def _unknown_parties_and_sectors(agreement: Agreement) -> list[Problem]:
    parties = {p.code for p in agreement.parties}
    sectors = {s.id for s in agreement.sectors}
    problems = []
    records = [
        *(("line", ln.id, ln.party) for ln in agreement.lines),
        *(("milestone", m.id, m.party) for m in agreement.milestones),
        *(("exception", e.id, e.party) for e in agreement.exceptions),
    ]
    for kind, item, party in records:
        if party not in parties:
            where = Location(kind=kind, item=item, field="party")
            problems.append(error(where, f"unknown party {party!r}: add it to the parties", "unknown-party"))
    for line in agreement.lines:
        if line.sector not in sectors:
            where = Location(kind="line", item=line.id, field="sector")
            problems.append(error(where, f"unknown sector {line.sector!r}", "unknown-sector"))
    for exception in agreement.exceptions:
        for sector in exception.scope_sectors:
            if sector not in sectors:
                where = Location(kind="exception", item=exception.id, field="scope_sectors")
                problems.append(error(where, f"covers unknown sector {sector!r}", "unknown-sector"))
    return problems
