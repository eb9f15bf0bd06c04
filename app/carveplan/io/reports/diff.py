"""A diff of two versions of a schedule as JSON-ready data and as text for a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from carveplan.engine.diff import AgreementDiff, LineDiff
from carveplan.engine.diff_summary import summarize
from carveplan.engine.diff_values import text
from carveplan.io.reports.analysis import text_table
from carveplan.io.reports.diff_rows import (
    RECORD_HEADERS,
    SUMMARY_HEADERS,
    change_label,
    record_rows,
    summary_row,
)
from carveplan.io.reports.rows import Rows


def diff_dict(result: AgreementDiff, old_name: str = "", new_name: str = "") -> dict[str, Any]:
    """Every change as JSON-ready data: lines, splits and merges, clauses, and the summaries."""
    return {
        "old": old_name or result.old.agreement.title,
        "new": new_name or result.new.agreement.title,
        "party": result.party or None,
        "eif": None if result.eif is None else {"old": result.eif.old, "new": result.eif.new},
        "lines": [_line(e) for e in result.changed],
        "regroupings": [
            {
                "party": g.party,
                "kind": g.kind.value,
                "old": [x.code for x in g.old],
                "new": [x.code for x in g.new],
            }
            for g in result.regroupings
        ],
        "records": [
            {
                "kind": r.kind,
                "key": r.key,
                "party": r.party or None,
                "change": r.change.value,
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in r.fields],
                "months": r.months,
            }
            for r in result.records
        ],
        "summary": [
            dict(zip(_keys(SUMMARY_HEADERS), summary_row(s), strict=True)) for s in summarize(result)
        ],
    }


def _line(entry: LineDiff) -> dict[str, Any]:
    return {
        "party": entry.party,
        "code": entry.code,
        "old_code": entry.old.code if entry.old else None,
        "sector": entry.line.sector,
        "change": entry.change.value,
        "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in entry.fields],
        "old_final": text(entry.old_final) or None,
        "new_final": text(entry.new_final) or None,
        "months": entry.months,
        "newly_excluded": entry.newly_excluded,
    }


def _keys(headers: tuple[str, ...]) -> list[str]:
    return [h.lower().replace(" ", "_") for h in headers]


def diff_text(result: AgreementDiff, old_name: str = "", new_name: str = "") -> Iterator[str]:
    """The diff as text: a heading, the summary per party and sector, the lines, then the clauses."""
    old = old_name or result.old.agreement.title
    new = new_name or result.new.agreement.title
    scope = f" — party {result.party}" if result.party else ""
    yield f"What moved from {old} to {new}{scope}"
    if result.eif is not None:
        yield f"Entry into force: {result.eif.old} → {result.eif.new}"
    yield ""
    summary: Rows = [list(SUMMARY_HEADERS), *(summary_row(s) for s in summarize(result))]
    yield from text_table(summary)
    changed = result.changed
    yield ""
    if not changed:
        yield "No line changed."
    else:
        yield f"Lines ({len(changed)} changed)"
        rows: Rows = [["Party", "Code", "Sector", "Change", "Months", "What changed"]]
        rows += [[e.party, e.code, e.line.sector, change_label(e), e.months, _fields(e)] for e in changed]
        yield from text_table(rows)
    records = record_rows(result)
    if records:
        yield ""
        yield "Entry into force, milestones, exceptions, reviews and categories"
        table: Rows = [list(RECORD_HEADERS), *records]
        yield from text_table(table)


def _fields(entry: LineDiff) -> str:
    return "; ".join(f"{f.field} {f.old or '(none)'} → {f.new or '(none)'}" for f in entry.fields)
