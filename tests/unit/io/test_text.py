"""One text cleaning for every export: control characters out, formula-like CSV text made inert."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from carveplan.io.text import clean_text, cleaned, inert_text, is_formula_like
from carveplan.model import MeasureKind
from tests.helpers.plans import partnership


@given(st.text())
def test_cleaned_text_is_always_legal_in_xml(text: str) -> None:
    element = ET.Element("t")
    element.text = clean_text(text)
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    # XML parsers normalize line ends: CR LF and a lone CR both read back as LF.
    assert (parsed.text or "") == element.text.replace("\r\n", "\n").replace("\r", "\n")


def test_control_characters_go_and_layout_stays() -> None:
    assert clean_text("Crude\x00 oil\x01 \x0bfuels\tand\nmore\r\n") == "Crude oil fuels\tand\nmore\r\n"


def test_formula_like_text_gets_an_apostrophe_in_csv() -> None:
    for text in ('=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\t=1"):
        assert is_formula_like(text)
        assert inert_text(text) == f"'{text}"
    assert inert_text("Crude oil") == "Crude oil"
    assert inert_text("\x00=1") == "'=1"  # cleaned first, so a NUL cannot hide a formula


def test_a_clean_agreement_is_returned_as_is() -> None:
    agreement = partnership()
    assert cleaned(agreement) is agreement


def test_a_dirty_agreement_is_cleaned_everywhere_and_keeps_its_enums() -> None:
    agreement = partnership()
    first = replace(agreement.lines[0], description="Crude\x00 oil\x0b", notes="a\x01b")
    dirty = replace(agreement, title="Plan\x01", lines=(first, *agreement.lines[1:]))
    clean = cleaned(dirty)
    assert (clean.title, clean.lines[0].description, clean.lines[0].notes) == ("Plan", "Crude oil", "ab")
    assert clean.lines[1] is dirty.lines[1]
    assert isinstance(clean.lines[0].measure, MeasureKind)
