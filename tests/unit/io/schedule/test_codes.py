"""The digit count of a schedule's codes: from text codes, else from codes a sheet stored as numbers."""

from __future__ import annotations

from carveplan.io.schedule.codes import code_width


def test_text_codes_give_their_most_common_width() -> None:
    assert code_width(["27090010", "27101211", "2709"]) == 8


def test_numeric_codes_alone_give_the_width_with_the_lost_zero_counted() -> None:
    # Stored as numbers, 0102.90.40 lost its leading zero: seven digits, an even width of eight.
    assert code_width(row for row in (27090010, 27101211, 1029040)) == 8


def test_a_number_without_digits_is_not_counted() -> None:
    assert code_width([float("inf"), float("nan"), 1e400, 27090010]) == 8
    assert code_width([float("inf")]) == 0
