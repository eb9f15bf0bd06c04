"""Invoked security exceptions: their windows, deadlines, reviews and the lines they hold."""

from __future__ import annotations

from datetime import date, timedelta

from carveplan.engine.dates import add_months
from carveplan.engine.schedule import ExceptionWindow
from carveplan.engine.timings import Anchors, when
from carveplan.model import (
    Agreement,
    ExceptionInvoked,
    LineId,
    Location,
    Problem,
    SecurityException,
    error,
    warning,
)

# Reviews inside one window: a monthly review over a century is already far beyond any treaty.
MAX_REVIEWS = 1200


def open_windows(
    agreement: Agreement, invoked: list[tuple[int, ExceptionInvoked]], anchors: Anchors, scenario: str
) -> tuple[tuple[ExceptionWindow, ...], tuple[Problem, ...]]:
    """The windows of the exceptions a scenario invokes.

    Args:
        agreement: supplies the exceptions and lines.
        invoked: ``(override index, invocation)`` pairs, in the scenario's order.
        anchors: EIF, stage day and resolved milestones.
        scenario: the scenario's name, for locating problems.

    Returns:
        The windows, and problems (unknown exceptions, unresolvable starts, windows beyond the rules).
    """
    by_id = {e.id: e for e in reversed(agreement.exceptions)}
    windows: list[ExceptionWindow] = []
    problems: list[Problem] = []
    for index, invocation in invoked:
        where = Location(kind="scenario", item=scenario, field=f"overrides[{index}]")
        exception = by_id.get(invocation.exception)
        if exception is None:
            problems.append(
                error(where, f"invokes unknown exception {invocation.exception!r}", "unknown-exception")
            )
            continue
        start = when(invocation.start, anchors).day
        if start is None:
            text = f"invocation of {exception.id} hangs off a milestone that has no date in this scenario"
            problems.append(error(where, text, "no-date"))
            continue
        if invocation.duration_months <= 0:
            problems.append(error(where, f"{exception.id} is invoked for no time", "exception-duration"))
            continue
        window = _window(exception, start, invocation.duration_months, agreement, anchors)
        windows.append(window)
        problems.extend(_rule_problems(window, where))
    return tuple(windows), tuple(problems)


def scope(exception: SecurityException, agreement: Agreement) -> tuple[LineId, ...]:
    """The lines an exception covers: its party's lines in its sectors, and its named lines."""
    sectors = set(exception.scope_sectors)
    ids = [ln.id for ln in agreement.lines if ln.party == exception.party and ln.sector in sectors]
    known = {ln.id for ln in agreement.lines}
    ids.extend(line_id for line_id in exception.scope_lines if line_id in known)
    return tuple(dict.fromkeys(ids))


def _window(
    exception: SecurityException, start: date, months: int, agreement: Agreement, anchors: Anchors
) -> ExceptionWindow:
    end = add_months(start, months)
    notify = exception.notification_days
    terminate = exception.termination_notice_days
    return ExceptionWindow(
        exception=exception.id,
        start=start,
        end=end,
        notification_deadline=start + timedelta(days=notify) if notify is not None else None,
        termination_notice=end - timedelta(days=terminate) if terminate is not None else None,
        review_dates=_reviews(start, end, exception.review_interval_months),
        lines=scope(exception, agreement),
        warnings=_warnings(exception, start, months, anchors),
    )


def _reviews(start: date, end: date, interval: int | None) -> tuple[date, ...]:
    if not interval or interval <= 0:
        return ()
    dates = []
    for k in range(1, MAX_REVIEWS + 1):
        day = add_months(start, k * interval)
        if day >= end:
            break
        dates.append(day)
    return tuple(dates)


def _warnings(exception: SecurityException, start: date, months: int, anchors: Anchors) -> tuple[str, ...]:
    found = []
    limit = exception.max_duration_months
    if limit is not None and months > limit:
        extension = exception.extension_months or 0
        if months > limit + extension:
            allowed = f"{limit} months" + (f" plus a {extension}-month extension" if extension else "")
            found.append(f"lasts {months} months, beyond the {allowed} {exception.id} allows")
        else:
            found.append(f"lasts {months} months: beyond {limit} months it needs the extension")
    if exception.sunset is not None:
        sunset = when(exception.sunset, anchors).day
        if sunset is not None and start > sunset:
            found.append(f"invoked on {start.isoformat()}, after the sunset on {sunset.isoformat()}")
    return tuple(found)


def _rule_problems(window: ExceptionWindow, where: Location) -> list[Problem]:
    code = {True: "exception-after-sunset", False: "exception-too-long"}
    return [warning(where, f"{window.exception} {text}", code["sunset" in text]) for text in window.warnings]
