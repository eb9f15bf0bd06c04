"""The exceptions register: every security exception, its scope, its rules and its invocations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from carveplan.engine.resolve import resolve_windows
from carveplan.engine.schedule import ExceptionWindow, Schedule
from carveplan.engine.windows import scope
from carveplan.model import Agreement, LineId, SecurityException, format_timing


@dataclass(frozen=True)
class Invocation:
    """One invocation of an exception in one scenario.

    Attributes:
        scenario: the scenario name.
        window: the resolved window with its deadlines, reviews and warnings.
    """

    scenario: str
    window: ExceptionWindow


@dataclass(frozen=True)
class RegisterRow:
    """One security exception in the register.

    Attributes:
        exception: the exception record.
        scope: ids of the lines it covers, in agreement order.
        rules: its procedural rules in words (notification, duration, reviews, sunset).
        invocations: its invocations in every scenario, in scenario order.
    """

    exception: SecurityException
    scope: tuple[LineId, ...]
    rules: str
    invocations: tuple[Invocation, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every invocation's warnings, prefixed with the scenario."""
        return tuple(f"{i.scenario}: {text}" for i in self.invocations for text in i.window.warnings)


def exception_register(
    agreement: Agreement, schedules: Sequence[Schedule] | None = None
) -> tuple[RegisterRow, ...]:
    """The register of the agreement's security exceptions.

    Args:
        agreement: the agreement.
        schedules: the resolved scenarios to look for invocations in; ``None`` resolves the
            exception windows of every scenario of the agreement (the baseline invokes nothing).

    Returns:
        One row per exception, in agreement order.
    """
    if schedules is None:
        # Windows only: resolving every line of every scenario costs seconds on a large agreement.
        windows = [(s.name, resolve_windows(agreement, s.name)) for s in agreement.scenarios]
    else:
        windows = [(s.scenario, s.windows) for s in schedules]
    return tuple(
        RegisterRow(
            exception=exception,
            scope=scope(exception, agreement),
            rules=rules_text(exception),
            invocations=tuple(
                Invocation(name, w) for name, found in windows for w in found if w.exception == exception.id
            ),
        )
        for exception in agreement.exceptions
    )


def rules_text(exception: SecurityException) -> str:
    """An exception's procedural rules in words, e.g. ``notify within 30 days; at most 48 months``.

    Args:
        exception: the exception.

    Returns:
        The rules, separated by semicolons; ``no time limits (self-judging)`` when it has none.
    """
    rules: list[str] = []
    if exception.notification_days is not None:
        rules.append(f"notify within {exception.notification_days} days")
    if exception.termination_notice_days is not None:
        rules.append(f"notify termination {exception.termination_notice_days} days before the end")
    if exception.max_duration_months is not None:
        extension = exception.extension_months
        more = f" (+{extension} extension)" if extension else ""
        rules.append(f"at most {exception.max_duration_months} months{more}")
    if exception.review_interval_months is not None:
        rules.append(f"review every {exception.review_interval_months} months")
    if exception.threshold is not None:
        rules.append(f"threshold {exception.threshold}")
    if exception.sunset is not None:
        rules.append(f"sunset {format_timing(exception.sunset)}")
    return "; ".join(rules) or "no time limits (self-judging)"
