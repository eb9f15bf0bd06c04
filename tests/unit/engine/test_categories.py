"""Built-in staging categories: the spellings real schedules use, ignoring case and spacing."""

from __future__ import annotations

import pytest

from carveplan.engine.categories import builtin_category
from carveplan.model import StagingKind


@pytest.mark.parametrize("code", ["A", "a", " EIF ", "Immediate", "0"])
def test_immediate_spellings(code: str) -> None:
    category = builtin_category(code)
    assert category is not None
    assert category.kind is StagingKind.IMMEDIATE


@pytest.mark.parametrize(
    ("code", "stages"),
    [
        ("B", 5),
        ("C", 10),
        ("b10", 10),
        ("B2", 2),
        ("B30", 30),
        ("5 Years", 5),
        ("10  years", 10),
        ("Y-5", 5),
        ("Y5", 5),
        ("5", 5),
        ("15-year", 15),
    ],
)
def test_linear_spellings(code: str, stages: int) -> None:
    category = builtin_category(code)
    assert category is not None
    assert (category.kind, category.stages) == (StagingKind.LINEAR, stages)


@pytest.mark.parametrize("code", ["U", "EXCL", "Ex", "h", "Excluded"])
def test_excluded_spellings(code: str) -> None:
    category = builtin_category(code)
    assert category is not None
    assert category.kind is StagingKind.EXCLUDED


def test_back_loaded_and_non_linear_spellings() -> None:
    chile = builtin_category("E")
    assert chile is not None
    assert (chile.kind, chile.hold, chile.stages) == (StagingKind.BACK_LOADED, 6, 4)
    twenty = builtin_category("20-a")
    assert twenty is not None
    assert (twenty.hold, twenty.stages) == (10, 10)
    b_plus = builtin_category("B+")
    assert b_plus is not None
    assert b_plus.kind is StagingKind.NON_LINEAR
    assert sum(b_plus.shares) == 1


@pytest.mark.parametrize("code", ["", "PR-1", "TRQ-BEEF", "Z", "1990", "B99"])
def test_unknown_spellings(code: str) -> None:
    assert builtin_category(code) is None
