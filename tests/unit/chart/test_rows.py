"""Rows: grouping by sector then party, collapsing, filters, windows and pages."""

from __future__ import annotations

from carveplan.chart.rows import (
    RowKind,
    RowSelection,
    build_rows,
    group_key,
    layout_rows,
    page_windows,
    paginate,
    row_at,
    window,
)
from carveplan.engine.schedule import Schedule


def test_rows_group_sector_then_party_then_line(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    assert [r.key for r in rows[:6]] == ["energy", "energy/KOR", "L1", "energy/VNM", "L2", "L3"]
    assert [r.kind for r in rows[:3]] == [RowKind.SECTOR, RowKind.PARTY, RowKind.LINE]
    assert [r.y for r in rows] == list(range(len(rows)))
    assert rows[0].label == "Energy (3 lines)"
    assert rows[0].lines == ("L1", "L2", "L3")
    assert rows[3].label == "VNM – Viet Nam"


def test_collapsed_group_hides_its_lines(schedule: Schedule) -> None:
    rows = build_rows(
        schedule, RowSelection(collapsed=frozenset({"energy", group_key("critical_minerals", "EU")}))
    )
    keys = [r.key for r in rows]
    assert "L1" not in keys
    assert "energy/KOR" not in keys
    assert rows[0].collapsed
    assert rows[0].lines == ("L1", "L2", "L3")
    assert "critical_minerals/EU" in keys
    assert "L7" not in keys


def test_filters_and_hidden_party_rows(schedule: Schedule) -> None:
    rows = build_rows(schedule, RowSelection(sectors=("energy",), parties=("VNM",), party_rows=False))
    assert [r.key for r in rows] == ["energy", "L2", "L3"]


def test_window_repeats_the_headers_of_the_group_it_starts_in(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    cut = window(rows, 4, 2)  # starts at L2 inside energy/VNM
    assert [r.key for r in cut] == ["energy", "energy/VNM", "L2", "L3"]
    assert [r.continued for r in cut] == [True, True, False, False]
    assert [r.y for r in cut] == [0, 1, 2, 3]
    assert layout_rows(schedule, RowSelection(first=4, count=2)) == cut


def test_pages_cover_every_row_once_with_headers(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    pages = paginate(rows, 5)
    own = [r.key for page in pages for r in page if not r.continued]
    assert own == [r.key for r in rows]
    assert all(len(page) <= 5 for page in pages)
    assert all(page[0].kind is RowKind.SECTOR for page in pages)
    assert sum(count for _, count in page_windows(rows, 5)) == len(rows)


def test_no_page_ends_on_a_header_whose_rows_are_on_the_next(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    for per_page in range(3, len(rows) + 1):
        pages = paginate(rows, per_page)
        for page in pages[:-1]:
            assert not page[-1].is_group, (per_page, [r.key for r in page])
        own = [r.key for page in pages for r in page if not r.continued]
        assert own == [r.key for r in rows]


def test_row_at_finds_the_band_around_a_row(schedule: Schedule) -> None:
    rows = build_rows(schedule)
    assert row_at(rows, 2.4) is rows[2]
    assert row_at(rows, 2.6) is rows[3]
    assert row_at(rows, -0.7) is None
    assert row_at(rows, len(rows) + 1) is None


def test_lines_outside_the_focus_sectors_are_hidden_unless_asked_for(schedule: Schedule) -> None:
    from dataclasses import replace

    from carveplan.engine import resolve

    agreement = schedule.agreement
    horses = replace(agreement.lines[0], id="H1", sector="other", code="010121")
    whole = resolve(replace(agreement, lines=(*agreement.lines, horses)))
    assert "H1" not in [r.key for r in build_rows(whole)]
    assert "H1" in [r.key for r in build_rows(whole, RowSelection(focus_only=False))]
    assert [r.key for r in build_rows(whole, RowSelection(sectors=("other",)))][-1] == "H1"


def test_a_line_whose_category_is_not_defined_says_so(schedule: Schedule) -> None:
    from dataclasses import replace

    from carveplan.engine import resolve

    agreement = schedule.agreement
    broken = replace(agreement.lines[0], category="Q-17", phases=())
    rows = build_rows(resolve(replace(agreement, lines=(broken, *agreement.lines[1:]))))
    (row,) = [r for r in rows if r.key == broken.id]
    assert row.label.endswith("[category 'Q-17' not defined]")
