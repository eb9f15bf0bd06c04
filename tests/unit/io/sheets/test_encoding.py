"""Encodings decided on evidence: the mark, strict UTF-8, rows of each kind, then the detector."""

from __future__ import annotations

import codecs

import pytest

from carveplan.io.sheets.encoding import decode_text

TEXT = "HS Code;Description\r\n270900;Pétrole brut\r\n271111;Gaz naturel liquéfié\r\n"


@pytest.mark.parametrize(
    ("data", "encoding", "evidence"),
    [
        (codecs.BOM_UTF8 + TEXT.encode(), "utf-8-sig", "byte-order mark"),
        (TEXT.encode("utf-16"), "utf-16", "byte-order mark"),
        (TEXT.encode(), "utf-8", "strict UTF-8"),
    ],
)
def test_marked_and_utf8_text_is_read_as_such(data: bytes, encoding: str, evidence: str) -> None:
    decoded = decode_text(data)
    assert decoded.text.lstrip("\ufeff") == TEXT
    assert (decoded.encoding, decoded.evidence) == (encoding, evidence)
    assert not decoded.replaced_rows
    assert not decoded.legacy_rows


def test_a_windows_file_is_read_with_its_code_page() -> None:
    decoded = decode_text(TEXT.encode("cp1252"))
    assert decoded.text == TEXT
    assert decoded.describe().startswith("read as ")


def test_shift_jis_is_detected() -> None:
    text = "HS Code,Description\r\n270900,原油（石油）\r\n271111,液化天然ガス\r\n"
    decoded = decode_text(text.encode("shift_jis"))
    assert decoded.text == text
    assert decoded.encoding in ("shift_jis", "cp932")
    assert decoded.evidence == "detected from the bytes"


def test_rows_of_two_encodings_are_each_read_as_what_they_are() -> None:
    data = "a;Pétrole\r\n".encode() + "b;Gaz liquéfié\r\n".encode("cp1252") + "c;Énergie\r\n".encode()
    decoded = decode_text(data)
    assert decoded.text == "a;Pétrole\r\nb;Gaz liquéfié\r\nc;Énergie\r\n"
    assert decoded.legacy_rows == (2,)
    assert decoded.encoding == "utf-8+cp1252"


def test_a_damaged_row_is_named() -> None:
    data = "a;Pétrole\r\n".encode() + b"b;Gaz \xc3\x81\x9d\r\n" + b"c;plain\r\n"
    decoded = decode_text(data)
    assert decoded.replaced_rows == (2,)
    assert "\ufffd" in decoded.text.splitlines()[1]
