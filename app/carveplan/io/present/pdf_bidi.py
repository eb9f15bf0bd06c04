"""Right-to-left text for PDF pages, which set glyphs in the order they are given: Arabic letters take
their joined forms (Arabic Presentation Forms, which DejaVu Sans draws) and Arabic and Hebrew runs are
put in display order by the Unicode bidi algorithm, numbers and Latin words inside them kept as read.

Copying and searching: the ToUnicode map gives each joined form its plain letter, so readers that put
right-to-left text back in reading order (poppler, pdf.js, pypdf reverse it character by character)
give the words as typed. A lam-alef ligature maps to its two letters in display order for that reason.
An /ActualText with the original is not written: poppler reverses it too, which spells it backwards.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended and the presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")  # Arabic Presentation Forms A and B


def visual(text: str) -> str:
    """``text`` as a PDF page sets it: shaped and in display order (itself when all left-to-right)."""
    return _visual(text) if _RTL.search(text) is not None else text


@lru_cache(maxsize=8192)
def _visual(text: str) -> str:
    # The library's Python algorithm: its Rust one leaves brackets unmirrored, "(UAE)" showing ")UAE(".
    from bidi.algorithm import get_display

    return str(get_display(_reshaper().reshape(text)))


@lru_cache(maxsize=1)
def _reshaper() -> Any:
    import arabic_reshaper

    # The default ligatures less "Allah" (U+FDF2), which DejaVu Sans lacks; the lam-alef ones stay,
    # as Arabic script requires. Vowel marks are dropped: without the font's positioning table they
    # would stand beside their letters instead of above or below them.
    return arabic_reshaper.ArabicReshaper({"delete_harakat": True, "ARABIC LIGATURE ALLAH": False})


def logical(char: str) -> str:
    """What a reader copies for a glyph set as ``char``: a joined form's plain letter(s), in display order."""
    return unicodedata.normalize("NFKC", char)[::-1] if _FORMS.match(char) else char
