"""Problems as values: a severity, a location a person can find, and a message they can act on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is; errors stop an export or import, warnings do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    """Where a problem is: a record and field of the agreement, or a place in a file.

    Attributes:
        kind: record kind (``line``, ``milestone``, ``phase`` ...), empty for file locations.
        item: the record's id.
        field: the field name, or ``phases[2].start`` style paths.
        file: the file name, for problems found while reading a file.
        sheet: the worksheet name.
        row: the row number as the spreadsheet numbers it (1-based).
        column: the column letter and header, e.g. ``C (Base Rate)``.
    """

    kind: str = ""
    item: str = ""
    field: str = ""
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        if self.kind:
            parts.append(f"{self.kind} {self.item}".strip())
        if self.field:
            parts.append(self.field)
        return " ".join(parts) or "agreement"


@dataclass(frozen=True)
class Problem:
    """One finding of validation or import.

    Attributes:
        severity: error, warning or info.
        location: where it is.
        message: what is wrong and what was expected.
        code: a short stable identifier (``phase-before-eif``) for filtering and tests.
    """

    severity: Severity
    location: Location
    message: str
    code: str = ""

    def __str__(self) -> str:
        return f"{self.severity.value.upper()} {self.location}: {self.message}"


def error(location: Location, message: str, code: str = "") -> Problem:
    """An error problem."""
    return Problem(Severity.ERROR, location, message, code)


def warning(location: Location, message: str, code: str = "") -> Problem:
    """A warning problem."""
    return Problem(Severity.WARNING, location, message, code)


def has_errors(problems: tuple[Problem, ...] | list[Problem]) -> bool:
    """Whether any problem is an error."""
    return any(p.severity is Severity.ERROR for p in problems)
