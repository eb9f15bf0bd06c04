"""Decide a text file's encoding on evidence, and say which evidence decided it.

In order: a byte-order mark; UTF-8, if every byte decodes strictly; rows that are UTF-8 beside rows
that are not (a file pasted together from two tools); else a detector (``charset-normalizer``) that
weighs the byte patterns of each code page (Shift-JIS, GB18030, Windows-1252 ...). A file that only
decodes with replacement characters is read, with a warning naming the rows that lost characters.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

REPLACEMENT = "\ufffd"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Ministry tools on Windows write this; it is the fallback when the detector has no opinion.
LEGACY = "cp1252"


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read.

    Attributes:
        text: the decoded text.
        encoding: the codec used (``utf-8``, ``shift_jis``, or ``utf-8+cp1252`` for a mixed file).
        evidence: what decided it, for the user (``byte-order mark``, ``strict UTF-8`` ...).
        legacy_rows: rows (1-based) read with the legacy code page in a mixed file.
        replaced_rows: rows (1-based) holding replacement characters: text was lost there.
    """

    text: str
    encoding: str
    evidence: str
    legacy_rows: tuple[int, ...] = field(default=())
    replaced_rows: tuple[int, ...] = field(default=())

    def describe(self) -> str:
        """One line for the user: ``read as shift_jis (detected from the bytes)``."""
        return f"read as {self.encoding} ({self.evidence})"


def decode_text(data: bytes) -> Decoded:
    """The text of ``data``, decided on evidence.

    Args:
        data: the file's bytes.

    Returns:
        The text, the encoding and the evidence, and the rows a user should check.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(data.decode(encoding, errors="replace"), encoding, "byte-order mark")
    if len(data) > 3 and data[1:4:2] == b"\x00\x00" and data[0] != 0:
        return _finish(data.decode("utf-16-le", errors="replace"), "utf-16-le", "zero bytes of UTF-16")
    try:
        return _finish(data.decode("utf-8"), "utf-8", "strict UTF-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed(data)
    if mixed is not None:
        return mixed
    return _detected(data)


def _mixed(data: bytes) -> Decoded | None:
    """Rows of UTF-8 with accented text beside rows that are not: each row read as what it is.

    The other rows are read as Windows-1252, what Excel on Windows writes; a row that is not that
    either was damaged, and is read as UTF-8 with replacement characters.
    """
    lines = data.splitlines(keepends=True)
    utf8_rows, legacy_rows = 0, []
    texts: list[str] = []
    for number, line in enumerate(lines, start=1):
        if _is_utf8(line):
            utf8_rows += not line.isascii()
            texts.append(line.decode("utf-8"))
            continue
        try:
            texts.append(line.decode(LEGACY))
            legacy_rows.append(number)
        except UnicodeDecodeError:
            texts.append(line.decode("utf-8", errors="replace"))
    if not utf8_rows:
        return None  # no row is evidently UTF-8: one code page for the whole file
    evidence = "rows of UTF-8 and rows that are not"
    decoded = _finish("".join(texts), f"utf-8+{LEGACY}" if legacy_rows else "utf-8", evidence)
    return Decoded(decoded.text, decoded.encoding, evidence, tuple(legacy_rows), decoded.replaced_rows)


def _detected(data: bytes) -> Decoded:
    guess = _detector_guess(data)
    if guess is not None:
        try:
            text = data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            text = ""
        # Latin-1 maps every byte, 0x80-0x9F to control characters no text holds: not evidence.
        if text and not any("\x80" <= char <= "\x9f" for char in text):
            return _finish(text, guess, "detected from the bytes")
    try:
        return _finish(data.decode(LEGACY), LEGACY, "no better guess: the Windows code page")
    except UnicodeDecodeError:
        return _finish(data.decode(LEGACY, errors="replace"), LEGACY, "no code page decodes every byte")


def _detector_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best() if data else None
    return None if best is None else str(best.encoding)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _finish(text: str, encoding: str, evidence: str) -> Decoded:
    replaced: tuple[int, ...] = ()
    if REPLACEMENT in text:
        replaced = tuple(n for n, line in enumerate(text.splitlines(), start=1) if REPLACEMENT in line)
    return Decoded(text, encoding, evidence, replaced_rows=replaced)
