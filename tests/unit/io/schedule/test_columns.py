"""Column recognition is a pure function of header texts: tolerant of case, spaces and synonyms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.io.schedule.columns import field_of, find_header_row, recognize, year_of


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("HTS8", "code"),
        ("  tl ", "code"),
        ("HS Code", "code"),
        ("Sector (CPC)", "code"),
        ("Brief Description", "description"),
        ("Base Rate (%)", "base"),
        ("MFN applied", "base"),
        ("Staging Category", "category"),
        ("STAGING", "category"),
        ("Remarks", "note"),
        ("Sector", "sector"),
        ("Quantity", None),
        # Viet Nam's FTA tariff portal, and a French annex: accents do not hide a header.
        ("Mã", "code"),
        ("Thuế suất cơ sở", "base"),
        ("Lộ trình", "category"),
        ("Hiệp định", None),
        ("Thuế suất ưu đãi vào cuối lộ trình", None),
        ("Désignation", "description"),
        ("HS–Code", "code"),
    ],
)
def test_headers_name_fields(header: str, field: str | None) -> None:
    assert field_of(header) == field


def _respell(text: str, data: st.DataObject) -> str:
    letters = [c.upper() if data.draw(st.booleans()) else c.lower() for c in text]
    pad = " " * data.draw(st.integers(0, 3))
    return pad + "".join(letters).replace(" ", " " * data.draw(st.integers(1, 3))) + pad


@given(data=st.data())
def test_case_and_spaces_do_not_matter(data: st.DataObject) -> None:
    headers = ["HTS8", "Brief Description", "Base Rate", "Staging Category"]
    respelled = [_respell(h, data) for h in headers]
    assert recognize(respelled).fields == {"code": 0, "description": 1, "base": 2, "category": 3}


def test_year_columns_are_recognized_with_their_years() -> None:
    headers = ["HS Code", "Description", "Base Rate", 2009.0, "2010", "2011", "2022 and subsequent years"]
    found = recognize(headers)
    assert found.years == ((2009, 3), (2010, 4), (2011, 5), (2022, 6))
    assert year_of("2022 and subsequent years") == 2022
    assert year_of("1990s tariff") is None


def test_overrides_win_by_header_or_letter() -> None:
    headers = ["Line", "Text", "Rate", "Cat."]
    found = recognize(headers, {"description": "Text", "category": "D"})
    assert found.fields["description"] == 1
    assert found.fields["category"] == 3
    assert found.problems == ()


def test_bad_overrides_and_missing_code_are_problems() -> None:
    found = recognize(["Product", "Rate"], {"category": "Nope", "colour": "A"})
    assert any("Nope" in p for p in found.problems)
    assert any("unknown field" in p for p in found.problems)
    assert any("no code column" in p for p in found.problems)


def test_header_row_is_found_below_titles_and_blank_rows() -> None:
    rows = [
        ["Schedule of Viet Nam", "", ""],
        ["", "", ""],
        ["Annex 2-A, tariff elimination", "", ""],
        ["tl", "description", "staging"],
        ["0101", "Horses", "A"],
    ]
    assert find_header_row(rows) == 3
    assert find_header_row([["just", "text"], ["0101", "x"]]) is None
