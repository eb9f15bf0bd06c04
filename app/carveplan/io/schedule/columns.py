"""Recognize the columns of another delegation's tariff schedule from its header texts alone."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from carveplan.io.workbook.table import column_letter

FIELDS = ("code", "description", "base", "category", "sector", "note", "party")
REQUIRED = ("code",)

# Normalized header -> field. Exact matches first; then the word rules in _CONTAINS.
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(
        (
            "hts8",
            "hts",
            "hsk",
            "hs 2012",
            "hs 2017",
            "ahtn",
            "ahtn code",
            "tariff item number",
            "hts10",
            "hs",
            "hs code",
            "hs2022",
            "hs 2022",
            "hscode",
            "hs6",
            "code",
            "tariff line",
            "tl",
            "ntl",
            "national tariff line",
            "tariff item",
            "tariff code",
            "cn code",
            "subheading",
            "heading",
            "commodity code",
            "product code",
            "line",
            "sector cpc",
            "cpc",
            "ma",  # Viet Nam's FTA portal: "Mã"
            "ma hs",
        ),
        "code",
    ),
    **dict.fromkeys(
        (
            "description",
            "tl desc",
            "brief description",
            "desc",
            "product description",
            "description of goods",
            "article description",
            "product",
            "goods",
            "designation",
        ),
        "description",
    ),
    **dict.fromkeys(
        (
            "base rate",
            "base",
            "base rate of duty",
            "mfn",
            "mfn rate",
            "mfn applied",
            "applied rate",
            "bound rate",
            "base tariff",
            "basic rate",
            "rate",
            "base duty",
            "thue suat co so",  # "Thuế suất cơ sở"
        ),
        "base",
    ),
    **dict.fromkeys(
        (
            "staging category",
            "staging",
            "category",
            "cat",
            "staging cat",
            "reduction category",
            "tariff elimination category",
            "elimination category",
            "phase out",
            "phasing",
            "lo trinh",  # "Lộ trình"
        ),
        "category",
    ),
    **dict.fromkeys(("sector", "industry"), "sector"),
    **dict.fromkeys(
        (
            "party",
            "reporter",
            "reporter name",
            "reportername",  # the US FTA Tariff Tool's export: ReporterName (PartnerName is the other side)
            "reporting party",
            "reporteriso",
            "reporter iso",
            "country",
            "member",
            "partner",
        ),
        "party",
    ),
    **dict.fromkeys(("note", "notes", "remarks", "remark", "comment", "comments", "footnote"), "note"),
}
_CONTAINS = (
    ("staging", "category"),
    ("basket", "category"),
    ("categor", "category"),
    ("descri", "description"),
    ("base", "base"),
    ("mfn", "base"),
    ("note", "note"),
    ("remark", "note"),
)
_CODE_PREFIX = re.compile(r"^(hts|hs|cn|tariff|cpc)\b")
_YEAR = re.compile(r"^y?((?:19|20)\d\d)(?:\.0)?(?:\b.*)?$", re.IGNORECASE)
# Agreement years: "EIF", "YEAR1", "Year 21 and subsequent years" (year 1 is the year of EIF).
_STAGE = re.compile(r"^(?:year|yr)\s*(\d{1,2})(?:\b.*)?$", re.IGNORECASE)
# A tool export's specific duties beside the ad valorem ones: Base_Rate_Alt, and Alt_2004 after Y2004.
_ALT_YEAR = re.compile(r"^alt[\s_]*y?((?:19|20)\d\d)$", re.IGNORECASE)
_ALT_BASE = frozenset(
    {"base rate alt", "base alt", "alt base rate", "alternative base rate", "base rate specific"}
)


def normalize(header: Any) -> str:
    """A header as compared: lower case, punctuation and units dropped, spaces collapsed."""
    text = str(header).strip().lower().replace("%", " ").replace("đ", "d")
    # Accents dropped, so a Vietnamese "Mã" or a French "Désignation" reads as its letters.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def year_of(header: Any) -> int | None:
    """The calendar year a header names (``2009``, ``2022 and subsequent years``), if any."""
    if isinstance(header, float) and header.is_integer():
        header = int(header)
    match = _YEAR.match(str(header).strip())
    return int(match.group(1)) if match else None


def stage_of(header: Any) -> int | None:
    """The agreement year a header names (``EIF`` is 1, ``YEAR3`` 3), if any."""
    text = str(header).strip()
    if text.upper() in ("EIF", "AT EIF", "ENTRY INTO FORCE"):
        return 1
    match = _STAGE.match(text)
    return int(match.group(1)) if match and int(match.group(1)) >= 1 else None


def alt_year_of(header: Any) -> int | None:
    """The calendar year of a specific-duty year column (``Alt_2013``), if it is one."""
    match = _ALT_YEAR.match(str(header).strip())
    return int(match.group(1)) if match else None


def field_of(header: Any) -> str | None:
    """The field a header names, if it is recognized."""
    key = normalize(header)
    if not key:
        return None
    if key in SYNONYMS:
        return SYNONYMS[key]
    for word, name in _CONTAINS:
        if word in key:
            return name
    return "code" if _CODE_PREFIX.match(key) else None


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds which field.

    Attributes:
        fields: field -> 0-based column index.
        years: (calendar year, column index) for year columns, in year order.
        stages: (agreement year, column index) for ``EIF`` and ``YEAR1…YEARn`` columns.
        alternates: field -> further columns whose header names it too (a tool export's numeric
            ``Staging_Basket`` beside its text ``StagingBasket``), for the rows to decide.
        alt_base: the column of the specific base rate printed beside the ad valorem one
            (``Base_Rate_Alt``), if any.
        alt_years: (calendar year, column index) for that duty's year columns (``Alt_2013``).
        unrecognized: header texts no field took.
        problems: messages for overrides that name no column and for missing required fields.
    """

    fields: dict[str, int]
    years: tuple[tuple[int, int], ...] = ()
    stages: tuple[tuple[int, int], ...] = ()
    alternates: dict[str, tuple[int, ...]] = field(default_factory=dict)
    unrecognized: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=())
    alt_base: int | None = None
    alt_years: tuple[tuple[int, int], ...] = ()

    def describe(self, headers: Sequence[Any]) -> list[str]:
        """One line per recognized column: ``code ← A (HTS8)``."""
        lines = [
            f"{name} ← {column_letter(i)} ({str(headers[i]).strip()})" for name, i in self.fields.items()
        ]
        if self.years:
            first, last = self.years[0], self.years[-1]
            lines.append(f"years {first[0]}–{last[0]} ← {column_letter(first[1])}..{column_letter(last[1])}")
        if self.stages:
            first, last = self.stages[0], self.stages[-1]
            span = f"{column_letter(first[1])}..{column_letter(last[1])}"
            lines.append(f"agreement years {first[0]}–{last[0]} ← {span}")
        if self.alt_base is not None:
            header = str(headers[self.alt_base]).strip()
            lines.append(f"specific base ← {column_letter(self.alt_base)} ({header})")
        if self.alt_years:
            first, last = self.alt_years[0], self.alt_years[-1]
            span = f"{column_letter(first[1])}..{column_letter(last[1])}"
            lines.append(f"specific years {first[0]}–{last[0]} ← {span}")
        return lines


def recognize(headers: Sequence[Any], overrides: Mapping[str, str] | None = None) -> ColumnMap:
    """Map header texts to fields; ``overrides`` (field -> header text or column letter) win.

    Args:
        headers: the header row's cells.
        overrides: e.g. ``{"category": "Staging Category"}`` or ``{"code": "B"}``.

    Returns:
        The column map, with problems for overrides that match no column and a missing code column.
    """
    fields: dict[str, int] = {}
    years: list[tuple[int, int]] = []
    taken: set[int] = set()
    problems: list[str] = []
    for name, wanted in (overrides or {}).items():
        index = _find(headers, wanted)
        if name not in FIELDS:
            problems.append(f"--map {name}=…: unknown field; fields are {', '.join(FIELDS)}")
        elif index is None:
            problems.append(f"--map {name}={wanted}: no column has that header or letter")
        else:
            fields[name] = index
            taken.add(index)
    unrecognized: list[str] = []
    stages: list[tuple[int, int]] = []
    alternates: dict[str, list[int]] = {}
    alt_base, alt_years = None, []
    for index, header in enumerate(headers):
        if index in taken or not str(header).strip():
            continue
        if alt_year_of(header) is not None:
            alt_years.append((alt_year_of(header) or 0, index))
            continue
        if alt_base is None and normalize(header) in _ALT_BASE:
            alt_base = index
            continue
        year, stage = year_of(header), stage_of(header)
        recognized = field_of(header) if year is None and stage is None else None
        if year is not None:
            years.append((year, index))
        elif stage is not None:
            stages.append((stage, index))
        elif recognized is not None and recognized not in fields:
            fields[recognized] = index
        elif recognized is not None and recognized not in (overrides or {}):
            alternates.setdefault(recognized, []).append(index)
        else:
            unrecognized.append(str(header).strip())
    problems += [
        f"no {name} column: name it with --map {name}=HEADER" for name in REQUIRED if name not in fields
    ]
    return ColumnMap(
        fields,
        tuple(sorted(years)),
        tuple(sorted(stages)),
        {name: tuple(found) for name, found in alternates.items()},
        tuple(unrecognized),
        tuple(problems),
        alt_base,
        tuple(sorted(alt_years)),
    )


def find_header_row(rows: Sequence[Sequence[Any]], scan: int = 40) -> int | None:
    """The index of the header row: the first of the top rows naming a code column and one more field."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:scan]):
        read = [_header_cell(cell) for cell in row]
        names = {name for name, _ in read}
        years = sum(year for _, year in read)
        score = len(names - {None}) + (1 if years >= 2 else 0)
        if "code" in names and score > best_score:
            best, best_score = index, score
    return best


@lru_cache(maxsize=4096, typed=True)  # typed: True, 1 and 1.0 are different cells
def _header_cell(cell: Any) -> tuple[str | None, bool]:
    """What a top row's cell could head: its field, and whether it names a year.

    The top rows of a schedule repeat a few dozen values (rates, categories) and the importer looks
    for the header row twice (choosing the sheet, then reading it).
    """
    if not str(cell).strip():
        return None, year_of(cell) is not None or stage_of(cell) is not None
    return field_of(cell), year_of(cell) is not None or stage_of(cell) is not None


def _find(headers: Sequence[Any], wanted: str) -> int | None:
    key = normalize(wanted)
    for index, header in enumerate(headers):
        if normalize(header) == key:
            return index
    letters = wanted.strip().upper()
    if re.fullmatch(r"[A-Z]{1,3}", letters):
        index = 0
        for ch in letters:
            index = index * 26 + ord(ch) - 64
        return index - 1 if index - 1 < len(headers) else None
    return None
