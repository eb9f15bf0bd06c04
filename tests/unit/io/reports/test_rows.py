"""Analysis tables as plain rows: headers, values a sheet can hold, and the order of the engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from carveplan.engine.compare import compare
from carveplan.engine.divergence import divergence
from carveplan.engine.presets import wto_safeguard
from carveplan.engine.register import exception_register
from carveplan.io.reports.rows import (
    comparison_rows,
    comparison_sector_rows,
    divergence_detail_rows,
    divergence_rows,
    register_rows,
)
from tests.helpers.analysis import analysis_agreement

PLAIN = (str, int, float, date, type(None))


def assert_plain(rows: list[list[object]]) -> None:
    width = len(rows[0])
    assert all(len(row) == width for row in rows)
    assert all(isinstance(value, PLAIN) for row in rows for value in row)


def test_comparison_rows_name_the_scenarios_and_follow_the_engine_order() -> None:
    rows = comparison_rows(compare(analysis_agreement(), "late"))
    assert_plain(rows)
    assert rows[0][5:7] == ["Final (late)", "Final (baseline)"]
    assert [row[2] for row in rows[1:]] == ["L6", "L1", "L2", "L3", "L5"]
    assert rows[1][:3] == ["Energy", "AAA", "L6"]
    assert rows[1][5:] == [date(2028, 7, 1), date(2026, 7, 1), 731, 24, "delayed", "M1", "M1"]
    assert rows[4][5:10] == [None, date(2026, 1, 1), None, None, "newly blocked"]


def test_comparison_sector_rows_sum_up_each_sector() -> None:
    rows = comparison_sector_rows(compare(analysis_agreement(), "late"))
    assert_plain(rows)
    assert rows[1] == ["Energy", 3, 2, 0, 731, 456.0, 0, 0, 0, 0]
    assert rows[2] == ["Telecommunications", 1, 0, 0, 0, 0.0, 1, 0, 1, 0]


def test_divergence_rows_are_the_year_matrix_with_the_spread() -> None:
    rows = divergence_rows(divergence(analysis_agreement(), "late"))
    assert_plain(rows)
    assert rows[0] == ["Sector", "AAA", "BBB", "Fastest", "Slowest", "Spread (years)", "Never (blocked)"]
    assert rows[1] == ["Energy", 2029, None, "AAA", "AAA", 0, ""]
    assert rows[2] == ["Telecommunications", None, "blocked", "", "", None, "BBB"]
    assert rows[3] == ["Critical minerals", 2026, None, "AAA", "AAA", 0, ""]


def test_a_sector_whose_lines_are_all_excluded_shows_excluded() -> None:
    agreement = analysis_agreement()
    only_excluded = tuple(line for line in agreement.lines if line.id in ("L4", "L3"))
    rows = divergence_rows(divergence(replace(agreement, lines=only_excluded)))
    assert rows[1][1] == "excluded"


def test_divergence_detail_rows_list_cells_with_lines() -> None:
    rows = divergence_detail_rows(divergence(analysis_agreement(), "sanctions"))
    assert_plain(rows)
    assert [row[:2] for row in rows[1:]] == [
        ["Energy", "AAA"],
        ["Telecommunications", "BBB"],
        ["Critical minerals", "AAA"],
    ]
    assert rows[1][2:8] == [4, 1, 0, 0, date(2029, 1, 1), 2029]
    assert rows[3][8:] == ["EX1", "EX1"]


def test_register_rows_repeat_the_exception_for_each_invocation() -> None:
    agreement = analysis_agreement()
    extra = replace(wto_safeguard("SG", "BBB"), scope_sectors=("telecommunications",))
    agreement = replace(agreement, exceptions=(*agreement.exceptions, extra))
    rows = register_rows(exception_register(agreement))
    assert_plain(rows)
    assert rows[0][:3] == ["Exception", "Party", "Title"]
    ex1, sg = rows[1], rows[2]
    assert ex1[:2] == ["EX1", "AAA"]
    assert ex1[5:7] == ["critical_minerals", 1]
    assert ex1[8:14] == [
        "sanctions",
        date(2025, 6, 1),
        date(2026, 6, 1),
        date(2025, 7, 1),
        date(2026, 4, 2),
        "2025-10-01, 2026-02-01",
    ]
    assert "beyond the 6 months" in str(ex1[14])
    assert sg[0] == "SG"
    assert sg[8:] == ["", None, None, None, None, "", ""]
