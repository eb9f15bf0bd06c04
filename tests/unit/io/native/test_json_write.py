"""The fast indented writer gives the standard library's text, character for character."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carveplan.io.native.encode import encode
from carveplan.io.native.json_write import indented_json
from carveplan.model import Agreement
from tests.helpers.strategies import agreements

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4)
)


def _standard(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@given(_VALUES)
def test_any_json_value_is_written_as_the_standard_library_writes_it(value: Any) -> None:
    assert indented_json(value) == _standard(value)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements())
def test_any_agreement_is_written_as_the_standard_library_writes_it(agreement: Agreement) -> None:
    record = encode(agreement)
    assert indented_json(record) == _standard(record)


def test_keys_that_are_not_strings_are_converted_as_before() -> None:
    value = {1: [True, None], "a": {}}
    assert indented_json(value) == _standard(value)
