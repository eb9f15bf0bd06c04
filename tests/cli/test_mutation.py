"""Valid files with values pushed to extremes (types kept): validate, show and import never raise.

A fixed seed and a bounded number of examples keep the run short and the same in CI. Each command
must end with a status (0, 1 or 2) and a message, never an exception, and within a bounded time.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from carveplan.io.formats import ExportOptions
from carveplan.io.mspdi.export import export_mspdi
from carveplan.io.native import dumps
from carveplan.main import main
from tests.data.make_hostile_files import agreement as hostile_agreement
from tests.helpers.plans import partnership

SEED = 20261201
BOUND = 60.0  # seconds for one command on a small file: only a hang or a blow-up comes near it
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

INTEGERS = st.sampled_from([0, -1, 51, 1_201, 3_651, 10**12, -(10**12), 2**63, 10**400, -(10**4000)])
TEXTS = st.sampled_from(
    [
        "",
        "x" * 100_000,
        "0001-01-01",
        "9999-12-31",
        "2027-02-30",
        "EIF+99999d",
        "EIF-99999y",
        "Y999",
        "M:M-1+99999m",
        "prev+99999y",
        "NaN",
        "Infinity",
        "-1e400",
        "1E+999999999",
        "9" * 5_000,
        "\u202e\u0000\ufeff",
        "\ud800 half a character",
        "13-45",
    ]
)


def agreement_text() -> str:
    """A valid agreement with phases, gates, scenarios, a category, an exception and a review."""
    extra = hostile_agreement()
    base = partnership()
    return dumps(
        replace(
            base,
            categories=extra.categories,
            exceptions=extra.exceptions,
            reviews=extra.reviews,
            scenarios=(*base.scenarios, *extra.scenarios),
        )
    )


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))]
    return [(path, value)]


def _set(document: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = value


@st.composite
def mutated_agreements(draw: st.DrawFn) -> str:
    """The agreement file with some of its values, ints as ints and texts as texts, made extreme."""
    document = json.loads(agreement_text())
    leaves = [(p, v) for p, v in _leaves(document) if p[0] == "agreement" and not isinstance(v, bool)]
    for path, value in draw(
        st.lists(st.sampled_from(leaves), min_size=1, max_size=4, unique_by=lambda x: x[0])
    ):
        _set(document, path, draw(INTEGERS if isinstance(value, int) else TEXTS))
    return json.dumps(document)  # escaped: half a character stays \ud800 in the file, as JSON allows


def _command(args: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    start = time.perf_counter()
    status = main(args)
    printed = capsys.readouterr()
    assert time.perf_counter() - start < BOUND
    assert status in (0, 1, 2)
    if status == 2:
        assert printed.err.strip()  # a message, never silence
    return status


@seed(SEED)
@SETTINGS
@given(text=mutated_agreements())
def test_validate_and_show_never_raise(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mutated.carveplan"
    path.write_text(text, encoding="utf-8")
    validated = _command(["validate", str(path)], capsys)
    shown = _command(["show", str(path)], capsys)
    assert (validated == 2) == (shown == 2)  # both read the file the same way


def plan_text() -> str:
    """The agreement above as MS Project XML."""
    with TemporaryDirectory() as scratch:
        path = Path(scratch) / "plan.xml"
        export_mspdi(partnership(), path, ExportOptions(today=date(2027, 1, 1)))
        return path.read_text(encoding="utf-8")


_PLAN = plan_text()
_VALUES = list(re.finditer(r">([^<>]+)</", _PLAN))


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    """The plan with some element texts made extreme: numbers stay numbers, dates stay dates."""
    chosen = sorted(
        draw(st.lists(st.sampled_from(_VALUES), min_size=1, max_size=4, unique_by=lambda m: m.start())),
        key=lambda m: m.start(),
    )
    text, end = [], 0
    for match in chosen:
        old = match.group(1)
        if re.fullmatch(r"-?\d+", old):
            new = str(draw(INTEGERS))
        elif re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:]+", old):
            new = draw(st.sampled_from(["0001-01-01T08:00:00", "9999-12-31T17:00:00", "2027-02-30T08:00:00"]))
        else:
            new = re.sub("[\u0000<&\ud800-\udfff]", "", draw(TEXTS))
        text += [_PLAN[end : match.start(1)], new]
        end = match.end(1)
    return "".join([*text, _PLAN[end:]])


@seed(SEED)
@SETTINGS
@given(text=mutated_plans())
def test_import_of_a_plan_never_raises(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, out = tmp_path / "plan.xml", tmp_path / "out.carveplan"
    out.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")
    if _command(["import", str(path), "-o", str(out)], capsys) == 0:
        assert _command(["validate", str(out)], capsys) in (0, 1)  # what import writes opens
    else:
        assert not out.exists()


SCHEDULE = [
    "HS Code,Description,Base Rate,Staging Category,2028,2029",
    "270900,Crude,5,B5,4,3",
    "271111,LNG,3,A,0,0",
]


@seed(SEED)
@SETTINGS
@given(cells=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 5), TEXTS), min_size=1, max_size=4))
def test_import_of_a_schedule_never_raises(
    cells: list[tuple[int, int, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [row.split(",") for row in SCHEDULE]
    for row, column, value in cells:
        rows[row][column] = json.dumps(value) if "," in value or '"' in value else value
    path, out = tmp_path / "schedule.csv", tmp_path / "out.carveplan"
    out.unlink(missing_ok=True)
    path.write_text("\r\n".join(",".join(row) for row in rows), encoding="utf-8", errors="surrogatepass")
    if _command(["import", str(path), "-o", str(out), "--party", "VNM", "--eif", "2027-01-01"], capsys) == 0:
        assert _command(["validate", str(out)], capsys) in (0, 1)
    else:
        assert not out.exists()
