"""Values as negotiators write them."""

from __future__ import annotations

from decimal import Decimal

from carveplan.chart.text import format_value, shorten, transition
from carveplan.model import Line, MeasureKind


def test_values_by_measure() -> None:
    tariff = Line("a", "KOR", "energy", "271111")
    cap = Line("b", "VNM", "telecommunications", "752", measure=MeasureKind.EQUITY_CAP)
    quota = Line("c", "VNM", "energy", "2709", measure=MeasureKind.QUOTA, unit="t")
    licence = Line("d", "VNM", "energy", "2709", measure=MeasureKind.LICENSING, unit="required")
    assert transition(tariff, Decimal(8), Decimal("6.4")) == "8.0% → 6.4%"
    assert format_value(tariff, Decimal("5.45")) == "5.45%"
    assert format_value(cap, Decimal(49)) == "cap 49.0%"  # as its table cell: 49.0
    assert format_value(quota, Decimal(12000)) == "12,000 t"
    assert format_value(licence, Decimal(0)) == "removed"


def test_shorten_cuts_with_an_ellipsis() -> None:
    assert shorten("Lithium   oxide", 20) == "Lithium oxide"
    assert shorten("Lithium oxide and hydroxide", 10) == "Lithium o…"


def test_equal_rates_keep_the_digits_each_was_written_with() -> None:
    """Rates are worded once and then looked up: 15, 15.0 and 15.00 are equal numbers, read apart."""
    tariff = Line("a", "KOR", "energy", "271111")
    quota = Line("c", "VNM", "energy", "2709", measure=MeasureKind.QUOTA, unit="t")
    assert [format_value(tariff, Decimal(v)) for v in ("15", "15.00", "15.0", "15")] == [
        "15.0%",
        "15.00%",
        "15.0%",
        "15.0%",
    ]
    assert format_value(quota, Decimal("15.00")) == "15 t"  # the same value, another measure
