"""The agreement file's JSON: repeated keys, deep nesting, huge integers and out-of-range numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.io.errors import ReadError
from carveplan.io.native import dumps, loads
from carveplan.io.native.json_text import MAX_DEPTH, parse_json
from carveplan.model.ranges import WHOLE_RANGES
from tests.data.make_hostile_files import agreement

TEXT = dumps(agreement())


def _problems(text: str) -> list[str]:
    with pytest.raises(ReadError) as caught:
        loads(text, "a.carveplan")
    return [str(p) for p in caught.value.problems]


def test_a_repeated_key_is_located_and_refused() -> None:
    text = TEXT.replace('"title": "Alignment"', '"title": "Alignment", "title": "Other"')
    assert _problems(text) == [
        "ERROR a.carveplan milestones[0].title: 'title' is given 2 times in the same object; "
        "give it once (only the last would be used)"
    ]


def test_nesting_is_bounded_and_located() -> None:
    deep = TEXT.replace('"title":', '"x": ' + "[" * 5000 + "]" * 5000 + ', "title":', 1)
    (problem,) = _problems(deep)
    assert f"nested more than {MAX_DEPTH} deep" in problem
    line = next(i for i, row in enumerate(deep.splitlines(), start=1) if "[[[" in row)
    assert f"a.carveplan row {line} column " in problem


def test_an_integer_of_5000_digits_is_a_problem_not_a_crash() -> None:
    document, problems = parse_json('{"a": ' + "7" * 5000 + "}")
    assert not problems
    assert len(str(document["a"])) == 5000


@given(
    field=st.sampled_from(sorted({"stages", "hold", "notification_days", "interval_months", "months"})),
    value=st.one_of(st.integers(-(10**30), 10**30), st.sampled_from(["1e999999999", "-1e400", "1E+20"])),
)
def test_whole_numbers_outside_their_range_are_located(field: str, value: int | str) -> None:
    text, count = re.subn(rf'"{field}": -?\d+', f'"{field}": {value}', TEXT, count=1)
    assert count == 1
    least, most = WHOLE_RANGES[field]
    if isinstance(value, int) and least <= value <= most:
        loads(text)
        return
    (problem,) = _problems(text)
    assert f".{field}: expected a whole number" in problem
