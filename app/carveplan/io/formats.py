"""Which module reads or writes which file type, looked up by suffix and imported only when used."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carveplan.io.errors import ReadError, reading
from carveplan.io.text import cleaned
from carveplan.model import BASELINE, Agreement, Location, Problem, Severity

if TYPE_CHECKING:
    from carveplan.engine.schedule import Schedule


@dataclass(frozen=True)
class ExportOptions:
    """What the user asked of an export; each format uses the options that make sense for it.

    Attributes:
        scenario: scenario name, ``None`` for the baseline.
        today: the date written as "generated" and drawn as "today".
        sectors: sector ids to include (empty: all).
        parties: party codes to include (empty: all).
        date_from: start of the time window shown (charts).
        date_to: end of the time window shown (charts).
        style: chart style name (``screen``, ``projector``, ``print``).
        dpi: resolution of raster images.
        page: PDF page format (``a4`` landscape or ``16:9``).
        all_sectors: draw the lines outside the focus sectors too (charts, decks).
        progress: called with (done, total) during long work; returns ``False`` to cancel.
        resolved: schedules already resolved, such as the window's; the export uses one that is of
            the very agreement it writes and the scenario it needs, and resolves the rest itself.
    """

    scenario: str | None = None
    today: date = field(default_factory=date.today)
    sectors: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    style: str = "screen"
    dpi: int = 150
    page: str = "a4"
    all_sectors: bool = False
    progress: Callable[[int, int], bool] | None = None
    resolved: tuple[Schedule, ...] = field(default=(), compare=False, repr=False)


def schedule_for(agreement: Agreement, scenario: str | None, options: ExportOptions) -> Schedule:
    """``agreement`` resolved under ``scenario`` (``None``: the baseline): handed, else resolved.

    A handed schedule counts only when it was resolved from this very agreement (records are
    immutable, so the same object means the same schedule): an agreement the export had to clean
    of control characters is another object and is resolved afresh.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    name = scenario or BASELINE
    for schedule in options.resolved:
        if schedule.agreement is agreement and schedule.scenario == name:
            return schedule
    from carveplan.engine.resolve import resolve

    return resolve(agreement, scenario)


Exporter = Callable[[Agreement, Path, ExportOptions], None]

# suffix -> ("module:function", label); modules load on first use so a PNG export never imports
# openpyxl. Add a line here for each new format.
EXPORTERS: dict[str, tuple[str, str]] = {
    ".xlsx": ("carveplan.io.workbook.export:export_workbook", "Excel workbook"),
    ".png": ("carveplan.io.present.chart:export_png", "Gantt chart image"),
    ".svg": ("carveplan.io.present.chart:export_svg", "Gantt chart, vector image"),
    ".pdf": ("carveplan.io.present.chart:export_pdf", "Gantt chart deck"),
    ".ics": ("carveplan.io.present.calendar:export_ics", "iCalendar"),
    ".xml": ("carveplan.io.mspdi.export:export_mspdi", "MS Project XML"),
    ".pptx": ("carveplan.io.present.deck:export_pptx", "PowerPoint deck"),
}

# suffix -> ("module:function", label) for files that open as an agreement.
READERS: dict[str, tuple[str, str]] = {
    ".carveplan": ("carveplan.io.native:load", "CarvePlan agreement"),
    ".xlsx": ("carveplan.io.workbook.importer:read_workbook", "Excel workbook CarvePlan exported"),
    ".ods": ("carveplan.io.workbook.importer:read_workbook", "The same workbook saved by LibreOffice"),
    ".xml": ("carveplan.io.mspdi.importer:read_mspdi", "MS Project XML"),
}


def exporter_for(path: Path) -> Exporter:
    """The export function for ``path``'s suffix.

    Raises:
        ReadError: when no format writes that suffix (the message lists those that do).
    """
    suffix = path.suffix.lower()
    if suffix not in EXPORTERS:
        known = ", ".join(sorted(EXPORTERS)) or "none yet"
        location = Location(file=path.name)
        message = f"cannot export to {suffix or 'a file without a suffix'}: use one of {known}"
        raise ReadError([Problem(Severity.ERROR, location, message, "unknown-format")])
    target_name = EXPORTERS[suffix][0]

    def export_clean(agreement: Agreement, target: Path, options: ExportOptions) -> None:
        # The module loads here, on the thread that exports: the app's first deck imports the PDF
        # and chart modules on its worker thread, not while the window waits.
        export: Exporter = _load(target_name)
        # One cleaning for every format: a NUL or vertical tab pasted into a description would make
        # the SVG, slides or calendar ill-formed, or be refused by the workbook.
        export(cleaned(agreement), target, options)

    return export_clean


def read_agreement(path: Path) -> Agreement:
    """Open ``path`` as an agreement with the reader its suffix names.

    Raises:
        ReadError: when the suffix is unknown or the file cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        location = Location(file=path.name)
        message = f"cannot open {suffix or 'a file without a suffix'} files: use one of {known}"
        raise ReadError([Problem(Severity.ERROR, location, message, "unknown-format")])
    reader: Callable[[Path], Agreement] = _load(READERS[suffix][0])
    with reading(path.name):
        return reader(path)


def _load(target: str) -> Any:
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)
