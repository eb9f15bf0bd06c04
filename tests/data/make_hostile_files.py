"""Regenerate the hostile inputs in ``tests/data/bad/hostile`` (run: python -m tests.data.make_hostile_files).

Each is small on disk and absurd inside: two cells 16,000 columns and 20,000 rows apart, numbers of
5,000 digits, dates in the year 1, a Shift-JIS schedule. ``CASES`` says which command reads each and
what it must answer. Inputs that are large by nature (100,000 tasks, 100,000 nested brackets, a cell of
140,000 characters) are built by the tests in a temporary folder: ``big_files`` makes them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from carveplan.io.native import dumps
from carveplan.model import (
    Agreement,
    ExceptionInvoked,
    Line,
    Milestone,
    MilestoneDelay,
    Party,
    ReviewClause,
    Scenario,
    SecurityException,
    StagingCategory,
    StagingKind,
    parse_timing,
)
from tests.helpers.xlsx import minimal_xlsx, sheet_xml

HOSTILE = Path(__file__).parent / "bad" / "hostile"
SCHEDULE = ("--party", "VNM", "--eif", "2027-01-01")
NS = "http://schemas.microsoft.com/project"


@dataclass(frozen=True)
class Case:
    """What reading one hostile file must give.

    Attributes:
        command: the command line after ``carveplan`` with ``{file}`` and ``{out}`` in place.
        status: the exit status.
        says: a fragment of what it must print (errors on stderr, the rest on stdout).
        where: the location it must name, after the file name ("" for none).
    """

    command: tuple[str, ...]
    status: int
    says: str
    where: str = ""


def _import(*extra: str) -> tuple[str, ...]:
    return ("import", "{file}", "-o", "{out}", *extra)


CASES: dict[str, Case] = {
    "far-cells.xlsx": Case(
        _import(*SCHEDULE), 2, "reaches cell XFD20000", "sheet 'Lines' row 20000 column XFD"
    ),
    "far-column.xlsx": Case(
        _import(*SCHEDULE), 2, "reaches cell XFD3000", "sheet 'Lines' row 3000 column XFD"
    ),
    "prefixed-far.xlsx": Case(_import(*SCHEDULE), 2, "reaches cell XFD20000", "sheet 'Lines' row 20000"),
    "declared-range.xlsx": Case(
        _import(*SCHEDULE), 2, "declares its range as A1:XFD1048576", "sheet 'Lines'"
    ),
    "code-inf.xlsx": Case(_import(*SCHEDULE), 2, "expected a code", "sheet 'Lines' row 2 column A"),
    "code-nan.xlsx": Case(_import(*SCHEDULE), 2, "expected a code", "sheet 'Lines' row 2 column A"),
    "code-1e400.xlsx": Case(_import(*SCHEDULE), 2, "expected a code", "sheet 'Lines' row 2 column A"),
    "shift-jis.csv": Case(_import(*SCHEDULE), 0, "read as cp932 (detected from the bytes)"),
    "mixed-encoding.csv": Case(_import(*SCHEDULE), 0, "rows 3, 5 read as cp1252"),
    "undecodable.csv": Case(_import(*SCHEDULE), 0, "replacement characters in row 3"),
    "lag-400-digits.xml": Case(
        _import(), 2, "expected a lag", "task UID 5 'Stage 1 — 5%' PredecessorLink/LinkLag"
    ),
    "value-huge-exponent.xml": Case(_import(), 2, "expected a number", "task UID 5 'Stage 1 — 5%' Value"),
    "value-nan.xml": Case(_import(), 2, "expected a number", "task UID 5 'Stage 1 — 5%' Value"),
    "value-1e400.xml": Case(_import(), 2, "expected a number", "task UID 5 'Stage 1 — 5%' Value"),
    "start-0001.xml": Case(_import(), 2, "from 1900 to 2200", "task UID 5 'Stage 1 — 5%' Start"),
    "start-9999.xml": Case(_import(), 2, "from 1900 to 2200", "task UID 5 'Stage 1 — 5%' Start"),
    "integer-5000-digits.carveplan": Case(
        ("validate", "{file}"), 2, "a number of 5,000 digits", "categories[0].stages"
    ),
    "notification-days.carveplan": Case(
        ("show", "{file}"), 2, "from 0 to 3,650", "exceptions[0].notification_days"
    ),
    "negative-notice.carveplan": Case(
        ("show", "{file}"), 2, "from 0 to 3,650", "exceptions[0].notification_days"
    ),
    "stages.carveplan": Case(("validate", "{file}"), 2, "from 0 to 50", "categories[0].stages"),
    "hold.carveplan": Case(("show", "{file}"), 2, "from 0 to 50", "categories[0].hold"),
    "interval.carveplan": Case(("show", "{file}"), 2, "from 0 to 1,200", "reviews[0].interval_months"),
    "delay.carveplan": Case(
        ("show", "{file}"), 2, "from -1,200 to 1,200", "scenarios[0].overrides[0].months"
    ),
    "base-huge-exponent.carveplan": Case(
        ("show", "{file}"), 2, "expected a number from 1e-15 to 1e15", "lines[0].base"
    ),
    "duplicate-keys.carveplan": Case(("validate", "{file}"), 2, "'eif' is given 2 times", "eif"),
}


# --- the agreement file ----------------------------------------------------------------------------


def agreement() -> Agreement:
    """A small agreement with every whole-number field, for the agreement-file cases."""
    return Agreement(
        "Hostile input",
        date(2027, 1, 1),
        parties=(Party("VNM", "Viet Nam"),),
        categories=(StagingCategory("E", StagingKind.BACK_LOADED, stages=5, hold=3),),
        lines=(Line("L1", "VNM", "energy", "271111", "LNG", base=Decimal(5), category="E"),),
        milestones=(Milestone("M-1", "VNM", "Alignment", parse_timing("EIF+1y")),),
        exceptions=(SecurityException("X1", "VNM", "Essential security", notification_days=30),),
        reviews=(ReviewClause("R1", "Joint review", parse_timing("EIF+3y"), interval_months=60),),
        scenarios=(
            Scenario(
                "late", overrides=(MilestoneDelay("M-1", 12), ExceptionInvoked("X1", parse_timing("Y2"), 12))
            ),
        ),
    )


def _native(field: str, value: str) -> bytes:
    text, count = re.subn(rf'"{field}": -?\d+', f'"{field}": {value}', dumps(agreement()), count=1)
    assert count == 1, field
    return text.encode()


def _duplicate_eif() -> bytes:
    return (
        dumps(agreement()).replace('"eif": "2027-01-01"', '"eif": "2027-01-01", "eif": "2031-01-01"').encode()
    )


# --- workbooks and CSV -----------------------------------------------------------------------------

_HEADER_CSV = ["HS Code,Description,Base Rate,Staging Category"]
_HEADER = [("A1", "HS Code"), ("B1", "Description"), ("C1", "Base Rate"), ("D1", "Staging Category")]


def _xlsx(sheet: bytes) -> bytes:
    scratch = io.BytesIO()
    minimal_xlsx(scratch, sheet)
    return scratch.getvalue()


def _numeric_code(value: str) -> bytes:
    sheet = sheet_xml([*_HEADER, ("B2", "LNG"), ("C2", "5"), ("D2", "A")])
    return _xlsx(sheet.replace(b'<row r="2">', f'<row r="2"><c r="A2"><v>{value}</v></c>'.encode(), 1))


def _csv(rows: list[str], encoding: str) -> bytes:
    return "".join(f"{row}\r\n" for row in rows).encode(encoding)


def _mixed() -> bytes:
    # Rows pasted from two tools: UTF-8 rows and Windows-1252 rows in one file.
    utf8 = ["HS Code,Description,Base Rate,Staging Category", "270900,Pétrole brut,5,A"]
    return (
        _csv(utf8, "utf-8")
        + _csv(["271111,Gaz naturel liquéfié,3,A"], "cp1252")
        + _csv(["271121,Gaz à l’état gazeux,3,A"], "utf-8")
        + _csv(["271600,Énergie électrique,2,A"], "cp1252")
    )


# --- MS Project ------------------------------------------------------------------------------------


def task(uid: int, name: str, level: int, start: str = "2027-01-01T08:00:00", extra: str = "") -> str:
    """One MSPDI task."""
    return (
        f"<Task><UID>{uid}</UID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>"
        f"<Start>{start}</Start><Finish>{start}</Finish>{extra}</Task>"
    )


def plan(tasks: list[str]) -> bytes:
    """An MS Project file holding ``tasks``, with the columns CarvePlan reads values and timings from."""
    columns = "".join(
        f"<ExtendedAttribute><FieldID>{field}</FieldID><FieldName>{name}</FieldName><Alias>{alias}</Alias>"
        "</ExtendedAttribute>"
        for field, name, alias in ((188743767, "Number1", "Value"), (188743750, "Text10", "Start as written"))
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Project xmlns="{NS}"><Title>Plan</Title>'
        f"<ExtendedAttributes>{columns}</ExtendedAttributes><Tasks>{''.join(tasks)}</Tasks></Project>"
    ).encode()


def _phase_plan(start: str = "2027-01-01T08:00:00", value: str = "", lag: str = "") -> bytes:
    """Energy > VNM > milestone M-1 and a line of one phase, which waits for M-1 (UID 3)."""
    extra = (
        f"<ExtendedAttribute><FieldID>188743767</FieldID><Value>{value}</Value></ExtendedAttribute>"
        if value
        else ""
    )
    if lag:
        extra += (
            "<PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type>"
            f"<LinkLag>{lag}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>"
        )
    return plan(
        [
            task(1, "Energy", 1, extra="<Summary>1</Summary>"),
            task(2, "VNM — Viet Nam", 2, extra="<Summary>1</Summary>"),
            task(3, "M-1 Regulator aligned", 3, extra="<Milestone>1</Milestone>"),
            task(4, "270900 Crude oil", 3, extra="<Summary>1</Summary>"),
            task(5, "Stage 1 — 5%", 4, start=start, extra=extra),
        ]
    )


def files() -> dict[str, bytes]:
    """Every hostile file's name and bytes."""
    found = {
        "far-cells.xlsx": _xlsx(sheet_xml([*_HEADER, ("XFD20000", "far away")])),
        "far-column.xlsx": _xlsx(sheet_xml([("XFD3000", "far away")])),
        "prefixed-far.xlsx": _xlsx(sheet_xml([*_HEADER, ("XFD20000", "far away")], prefix="x")),
        "declared-range.xlsx": _xlsx(sheet_xml(_HEADER, dimension="A1:XFD1048576")),
        "code-inf.xlsx": _numeric_code("inf"),
        "code-nan.xlsx": _numeric_code("NaN"),
        "code-1e400.xlsx": _numeric_code("1e400"),
        "shift-jis.csv": _csv(
            ["HS Code,Description,Base Rate,Staging Category", "270900,原油（石油）,5,A"], "shift_jis"
        ),
        "mixed-encoding.csv": _mixed(),
        # A UTF-8 file whose third row was damaged: a cut sequence, and a byte no Windows code page maps.
        "undecodable.csv": _csv([*_HEADER_CSV, "270900,Pétrole brut,5,A"], "utf-8")
        + b"271111,Gaz liqu\xc3fi\x81,3,A\r\n",
        "lag-400-digits.xml": _phase_plan(lag="9" * 400),
        "value-huge-exponent.xml": _phase_plan(value="1E+999999999"),
        "value-nan.xml": _phase_plan(value="NaN"),
        "value-1e400.xml": _phase_plan(value="1e400"),
        "start-0001.xml": _phase_plan(start="0001-01-01T08:00:00"),
        "start-9999.xml": _phase_plan(start="9999-12-31T08:00:00"),
        "integer-5000-digits.carveplan": _native("stages", "9" * 5000),
        "notification-days.carveplan": _native("notification_days", "999999999999"),
        "negative-notice.carveplan": _native("notification_days", "-1000000"),
        "stages.carveplan": _native("stages", "100000000"),
        "hold.carveplan": _native("hold", "1000000000000"),
        "interval.carveplan": _native("interval_months", "1000000000"),
        "delay.carveplan": _native("months", "-1000000"),
        "base-huge-exponent.carveplan": dumps(agreement())
        .replace('"base": "5"', '"base": 1e999999999')
        .encode(),
        "duplicate-keys.carveplan": _duplicate_eif(),
    }
    assert set(found) == set(CASES)
    return found


def big_files() -> dict[str, bytes]:
    """The inputs that are large by nature, to be written in a temporary folder."""
    header = "HS Code,Description,Base Rate,Staging Category"
    return {
        "long-cell.csv": _csv([header, f"270900,{'x' * 140_000},5,A"], "utf-8"),
        "nested.carveplan": dumps(agreement())
        .replace('"title":', '"x": ' + "[" * 100_000 + "]" * 100_000 + ', "title":', 1)
        .encode(),
        "tasks-100000.xml": many_tasks(100_000),
        "chain-20000.xml": chain(20_000),
    }


def many_tasks(count: int) -> bytes:
    """About ``count`` tasks: lines of two phases each under one sector and party, every phase gated."""
    tasks = [
        task(1, "Energy", 1, extra="<Summary>1</Summary>"),
        task(2, "VNM — Viet Nam", 2, extra="<Summary>1</Summary>"),
        task(3, "M-1 Regulator aligned", 3, extra="<Milestone>1</Milestone>"),
    ]
    link = "<PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type></PredecessorLink>"
    uid = 4
    while uid <= count:
        tasks.append(task(uid, f"{270900 + uid} Line {uid}", 3, extra="<Summary>1</Summary>"))
        tasks.append(task(uid + 1, "Stage 1 — 5%", 4, extra=link))
        tasks.append(task(uid + 2, "Stage 2 — 2.5%", 4, start="2028-01-01T08:00:00", extra=link))
        uid += 3
    return plan(tasks)


def chain(count: int) -> bytes:
    """``count`` milestones, each waiting for the one before: a chain ``count`` deep, then a gated line."""
    tasks = [task(1, "VNM — Viet Nam", 1, extra="<Summary>1</Summary>")]
    for uid in range(2, count + 2):
        # Due a month after the one before, and waiting for it: resolving one resolves the whole chain.
        link = (
            f"<PredecessorLink><PredecessorUID>{uid - 1}</PredecessorUID><Type>1</Type></PredecessorLink>"
            "<ExtendedAttribute><FieldID>188743750</FieldID>"
            f"<Value>M:M-{uid - 1}+1m</Value></ExtendedAttribute>"
        )
        tasks.append(
            task(uid, f"M-{uid} Step {uid}", 2, extra="<Milestone>1</Milestone>" + (link if uid > 2 else ""))
        )
    last = count + 1
    link = f"<PredecessorLink><PredecessorUID>{last}</PredecessorUID><Type>1</Type></PredecessorLink>"
    tasks.append(task(last + 1, "Energy", 1, extra="<Summary>1</Summary>"))
    tasks.append(task(last + 2, "VNM", 2, extra="<Summary>1</Summary>"))
    tasks.append(task(last + 3, "270900 Crude oil", 3, extra="<Summary>1</Summary>"))
    tasks.append(task(last + 4, "Stage 1 — 5%", 4, extra=link))
    return plan(tasks)


def main() -> None:
    """Write the corpus."""
    HOSTILE.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        (HOSTILE / name).write_bytes(data)


if __name__ == "__main__":
    main()
