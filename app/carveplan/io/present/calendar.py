"""Deadlines as an iCalendar file (RFC 5545) whose events keep their UIDs from one export to the next."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from carveplan import __version__
from carveplan.engine.deadline_filter import filter_deadlines
from carveplan.engine.deadlines import Deadline, deadlines
from carveplan.io.atomic import write_atomic
from carveplan.io.formats import ExportOptions, schedule_for
from carveplan.io.text import clean_text
from carveplan.model import BASELINE, Agreement

PRODID = f"-//CarvePlan//CarvePlan {__version__}//EN"
UID_DOMAIN = "carveplan.invalid"


def export_ics(agreement: Agreement, path: Path, options: ExportOptions) -> None:
    """Write the deadlines of the agreement under ``options.scenario`` as an iCalendar file.

    Args:
        agreement: the agreement.
        path: the ``.ics`` file to write (replaced atomically).
        options: ``scenario`` picks the scenario; ``today`` is written as each event's DTSTAMP.

    Raises:
        WriteError: when the file cannot be written; an existing file is left untouched.
    """
    write_atomic(path, ics_bytes(agreement, options))


def ics_bytes(agreement: Agreement, options: ExportOptions) -> bytes:
    """The iCalendar text of the agreement's deadlines under ``options.scenario``.

    Args:
        agreement: the agreement.
        options: the scenario, the sectors and parties to keep (reviews are always kept), and the
            date written as DTSTAMP.

    Returns:
        The calendar as UTF-8 bytes with CRLF line ends, as RFC 5545 requires.
    """
    from icalendar import Calendar

    schedule = schedule_for(agreement, options.scenario, options)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = agreement.title if schedule.scenario == BASELINE else f"{agreement.title} ({schedule.scenario})"
    calendar.add("x-wr-calname", name)
    stamp = datetime.combine(options.today, time(), tzinfo=UTC)
    chosen = filter_deadlines(deadlines(schedule), agreement, options.sectors, options.parties)
    for deadline in chosen:
        calendar.add_component(_event(deadline, agreement, schedule.scenario, stamp))
    data: bytes = calendar.to_ical()
    return data


def event_uid(agreement: str, deadline: Deadline) -> str:
    """A UID that stays the same when the event's date moves, so a re-export updates the event.

    It depends on the agreement's identity (not its title, which may be renamed), the record, the kind
    of event and its number, never on a date or the scenario: a scenario's calendar imported over the
    baseline's moves its events instead of adding a second set.

    Args:
        agreement: the agreement's identity (:attr:`Agreement.identity`).
        deadline: the event.

    Returns:
        ``<hex digest>@carveplan.invalid``.
    """
    identity = "\x1f".join((agreement, deadline.record, deadline.kind.value, deadline.key))
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _event(deadline: Deadline, agreement: Agreement, scenario: str, stamp: datetime) -> Any:
    from icalendar import Event

    title = agreement.title
    event = Event()
    event.add("uid", event_uid(agreement.identity, deadline))
    event.add("dtstamp", stamp)
    # All-day event: DTSTART is a DATE and DTEND the (exclusive) next day.
    event.add("dtstart", deadline.day)
    event.add("dtend", deadline.day + timedelta(days=1))
    event.add("summary", clean_text(deadline.summary))
    context = f"{title} — scenario: {scenario}"
    event.add("description", clean_text(f"{deadline.description}\n\n{context}".strip()))
    event.add("categories", [deadline.kind.value])
    event.add("transp", "TRANSPARENT")
    return event
