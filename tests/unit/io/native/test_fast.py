"""The fast reader gives exactly what the careful one gives: the same records, the same located problems."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.io.native import decode as native_decode
from carveplan.io.native import dumps
from carveplan.io.native import fast as native_fast
from carveplan.io.native.encode import encode
from carveplan.model import Agreement, Gate, Line, Offset, Phase, Timing
from tests.helpers.strategies import agreements


def _both(raw: object) -> tuple[Any, Any]:
    """The fast and the careful reading of the same JSON value (each on its own copy)."""
    fast = native_fast.decode_agreement(copy.deepcopy(raw), "plan.carveplan")
    careful = native_decode.decode_agreement(copy.deepcopy(raw), "plan.carveplan")
    return fast, careful


def _as_read(agreement: Agreement) -> Any:
    """The agreement as the file holds it once parsed (decimals as the JSON reader makes them)."""
    return json.loads(dumps(agreement), parse_float=Decimal)["agreement"]


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value that holds a value, as a path of keys and indexes."""
    found: list[tuple[Any, ...]] = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _places(inner, (*path, index))
    return found


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 40)
    | st.text(max_size=5)
    | st.sampled_from(["EIF+6m", "Y3", "M:REG-1", "2027-02-30", "6.8", "1e999", "tariff", "04-01", "+6w"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["kind", "id", "x"]), inner),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(agreements())
def test_a_valid_file_reads_to_the_same_agreement(agreement: Agreement) -> None:
    (fast, fast_problems), (careful, _) = _both(_as_read(agreement))
    assert fast_problems == []
    assert fast == careful == agreement


@settings(max_examples=200, deadline=None)
@given(agreements(), st.data())
def test_a_damaged_file_gives_the_same_problems_in_the_same_order(agreement: Agreement, data: Any) -> None:
    raw = _as_read(agreement)
    for _ in range(data.draw(st.integers(1, 3))):
        *parent_path, last = data.draw(st.sampled_from(_places(raw)))
        parent = raw
        for step in parent_path:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "drop", "extra"]))
        if action == "drop" and isinstance(parent, dict):
            del parent[last]
        elif action == "extra" and isinstance(parent, dict):
            parent["colour"] = data.draw(_JSON)
        else:
            parent[last] = data.draw(_JSON)
    fast, careful = _both(raw)
    assert fast == careful


def test_only_the_broken_line_is_read_again_and_its_problems_are_located() -> None:
    good = Line("L-1", "VNM", "energy", "2709", base=Decimal("5"), phases=(Phase(Timing.eif(), Decimal(0)),))
    raw = _as_read(Agreement("T", date(2027, 1, 1), lines=(good,) * 3))
    raw["lines"][1]["phases"][0]["start"] = "EIF+6w"
    raw["lines"][2]["base"] = "abc"
    (agreement, problems), careful = _both(raw)
    assert agreement is None
    assert (agreement, problems) == careful
    assert [p.location.field for p in problems] == ["lines[1].phases[0].start", "lines[2].base"]
    assert all(p.location.file == "plan.carveplan" for p in problems)


def test_records_built_fast_behave_as_the_model_s_records() -> None:
    line = Line("L-1", "VNM", "energy", "0101", gates=(Gate("REG-1", Offset(6)),), category="B5")
    raw = encode(Agreement("T", date(2027, 1, 1), lines=(line,)))
    agreement, _ = native_fast.decode_agreement(raw)
    assert agreement is not None
    (read,) = agreement.lines
    assert read == line
    assert hash(read) == hash(line)
    assert repr(read) == repr(line)
    assert list(vars(read)) == [f.name for f in dataclasses.fields(Line)]
    assert dataclasses.replace(read, code="0102") == dataclasses.replace(line, code="0102")
