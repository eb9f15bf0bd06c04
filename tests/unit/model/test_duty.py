"""Duties as published: every spelling of DOMAIN.md reads and writes back, impossible ones are refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.model import Amount, Duty
from carveplan.model.duty import format_duty, format_rate, is_zero, level
from carveplan.model.grammar import CellError
from carveplan.model.rates import format_rate_cell, parse_rate
from tests.helpers.strategies import SPECIFIC_UNITS, decimals, duties

D = Decimal


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Free", D(0), None),
        ("5", D(5), None),
        ("5%", D(5), "%"),
        ("4.4¢/kg", D("4.4"), "¢/kg"),
        ("$1.67/kg", D("1.67"), "$/kg"),
        ("5.25¢/bbl", D("5.25"), "¢/bbl"),
        ("€2.5/100 kg", D("2.5"), "€/100 kg"),
        ("US$30/t", D(30), "US$/t"),
        ("EUR 2,5/100kg", D("2.5"), "€/100 kg"),  # EU tables: a currency word and a decimal comma
        ("4.4 cents/kg", D("4.4"), "¢/kg"),
        ("1 cents/kg", D(1), "¢/kg"),  # the US FTA Tariff Tool's spellings
        ("68 cents/head", D(68), "¢/head"),
        ("0.9 cents each", D("0.9"), "¢/each"),
        ("0.9¢ each", D("0.9"), "¢/each"),
    ],
)
def test_plain_and_specific_rates(text: str, value: Decimal, unit: str | None) -> None:
    assert parse_rate(text) == (value, unit)


@pytest.mark.parametrize(
    ("text", "duty"),
    [
        ("3.4¢/kg + 2%", Duty((Amount(D("3.4"), "¢/kg"), Amount(D(2))))),
        ("238% but not less than $1.67/kg", Duty((Amount(D(238)),), minimum=Amount(D("1.67"), "$/kg"))),
        ("20% max €5/kg", Duty((Amount(D(20)),), maximum=Amount(D(5), "€/kg"))),
        ("9% min €1/kg max €2/kg", Duty((Amount(D(9)),), Amount(D(1), "€/kg"), Amount(D(2), "€/kg"))),
    ],
)
def test_compound_duties_read_and_write_as_published(text: str, duty: Duty) -> None:
    assert parse_rate(text) == (duty, None)
    assert format_rate(duty) == text.replace(" min ", " but not less than ")


@given(duties())
def test_every_compound_reads_back_as_written(duty: Duty) -> None:
    text = format_duty(duty, exact=True)
    assert parse_rate(text) == (duty, None)
    assert format_duty(parse_rate(text)[0], exact=True) == text  # type: ignore[arg-type]


@given(decimals(0, 500), st.sampled_from(SPECIFIC_UNITS))
def test_every_specific_amount_reads_back(value: Decimal, unit: str) -> None:
    text = format_rate_cell(value, unit)
    back, named = parse_rate(text)
    assert back == value
    assert named in (unit, None)  # Free names no unit: the line keeps its own


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-5", "a value of 0 or more"),
        ("-4.4¢/kg", "a value of 0 or more"),
        ("1500%", "a rate of at most 1000%"),
        ("3.4¢/kg + 1500%", "a rate of at most 1000%"),
        ("4.4/kg", "a currency"),
        ("abc", "a rate such as Free"),
        ("20% max €5/kg max €6/kg", "two maximum amounts"),
    ],
)
def test_rates_that_cannot_be_true_are_refused(text: str, expected: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_rate(text)
    assert expected in caught.value.expected


def test_views_write_free_and_leave_out_parts_at_zero() -> None:
    entry_price = Duty((Amount(D(0)), Amount(D("2.5"), "€/100 kg")))
    assert format_rate(entry_price) == "€2.5/100 kg"
    assert format_duty(entry_price, exact=True) == "0% + €2.5/100 kg"
    assert format_rate(Duty((Amount(D(0)), Amount(D(0), "¢/kg")))) == "Free"
    assert format_rate(D(0), "¢/kg") == "Free"
    assert format_rate(D("6.4")) == "6.4%"
    assert format_rate(D("27.000"), "US$/t") == "US$27/t"
    assert is_zero(Duty((Amount(D(0)),), maximum=Amount(D(5), "€/kg")))
    assert level(entry_price) == 0
    assert level(Duty((Amount(D("3.4"), "¢/kg"), Amount(D(2))))) == 2


@pytest.mark.parametrize(
    ("value", "text"), [("15", "15.0"), ("16.0", "16.0"), ("6.85", "6.85"), ("0", "0.0"), ("1E+1", "10.0")]
)
def test_a_percentage_reads_alike_typed_or_staged(value: str, text: str) -> None:
    # A phase typed as 15 and one staged to 16.0 by the rounding rule: one form in the table cell
    # and on the chart, and the cell reads back as the same number.
    from carveplan.chart.text import format_value
    from carveplan.model import Line

    assert format_rate_cell(Decimal(value), "%") == text
    assert format_value(Line("L-1", "VNM", "energy", "1", "x", base=Decimal(5)), Decimal(value)) == f"{text}%"
    assert parse_rate(text)[0] == Decimal(value)
