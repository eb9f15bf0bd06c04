"""What a user says about a foreign schedule, and what a first look at it found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from carveplan.io.schedule.columns import ColumnMap
from carveplan.model import Agreement, Problem, StagingRules


@dataclass(frozen=True)
class ScheduleImportOptions:
    """What the user says about a foreign schedule.

    Attributes:
        party: the party whose schedule it is (``VNM``).
        sector: the sector of every line; ``None`` to take it from a sector column or the HS map.
        eif: entry into force; default: the existing agreement's, else 1 January of the first year column.
        mapping: field -> header text or column letter, overriding recognition.
        existing: an agreement to add the lines to; ``None`` for a new one.
        sheet: the sheet to read; ``None`` for the first with a header row.
        title: the new agreement's title.
        rules: the agreement's staging rules (``--categories``); ``None`` for the generic spellings.
    """

    party: str
    sector: str | None = None
    eif: date | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)
    existing: Agreement | None = None
    sheet: str | None = None
    title: str = ""
    rules: StagingRules | None = None


@dataclass(frozen=True)
class ScheduleSniff:
    """What a look at a schedule found, for the preview dialog and the command line.

    Attributes:
        file: the file name.
        sheet: the sheet read (the file's stem for CSV).
        sheets: every sheet of the file.
        header_row: the header row as the spreadsheet numbers it; ``None`` when none was found.
        headers: the header row's texts.
        columns: which column holds which field.
        preview: the first data rows as text.
        problems: what keeps the schedule from importing, and warnings.
    """

    file: str
    sheet: str
    sheets: tuple[str, ...]
    header_row: int | None
    headers: tuple[str, ...]
    columns: ColumnMap
    preview: tuple[tuple[str, ...], ...]
    problems: tuple[Problem, ...] = ()

    def recognized(self) -> list[str]:
        """One line per recognized column, e.g. ``category <- D (Staging Category)``."""
        return self.columns.describe(self.headers)
