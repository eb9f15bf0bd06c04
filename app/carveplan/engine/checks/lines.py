"""Line checks: codes, values against the measure's direction, phase dates, and gates."""

from __future__ import annotations

from collections.abc import Iterator

from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.model import (
    Amount,
    Anchor,
    CodeSystem,
    Direction,
    Duty,
    Line,
    Location,
    MeasureKind,
    Problem,
    Rate,
    Severity,
    error,
    warning,
)
from carveplan.model.duty import format_rate, level
from carveplan.model.grammar import MAX_PERCENT

HS_LENGTHS = (2, 4, 6, 8, 10)


def line_problems(schedule: Schedule) -> list[Problem]:
    """Problems of every line, dated by the baseline schedule.

    Args:
        schedule: the baseline schedule of the agreement.

    Returns:
        The problems, located on the line and field at fault.
    """
    problems: list[Problem] = []
    for resolved in schedule.lines:
        line = resolved.line
        problems.extend(_code(line))
        problems.extend(_values(line))
        problems.extend(_dates(resolved, schedule))
        problems.extend(_gates(resolved, schedule))
        problems.extend(_shape(line))
    return problems


def _at(line: Line, field: str) -> Location:
    return Location(kind="line", item=line.id, field=field)


def _code(line: Line) -> Iterator[Problem]:
    code = line.code.strip()
    # Schedules print codes dotted (2710.12.11): the printed form is kept, the digits are checked.
    digits = code.replace(".", "")
    if not code:
        yield error(_at(line, "code"), "the line has no code", "code-missing")
    elif line.code_system in (CodeSystem.HS, CodeSystem.CPC) and not digits.isdigit():
        text = f"{line.code_system.value} code {line.code!r} must be digits (dots allowed), written as text"
        yield error(_at(line, "code"), text, "code-not-digits")
    elif line.code_system is CodeSystem.HS and len(digits) not in HS_LENGTHS:
        text = (
            f"HS code {code!r} has {len(digits)} digits; HS codes have 2, 4, 6, 8 or 10 "
            "(a lost leading zero?)"
        )
        yield warning(_at(line, "code"), text, "code-length")


def _values(line: Line) -> Iterator[Problem]:
    """Values that move the wrong way for the measure, or leave its range."""
    sign = 1 if line.measure.direction is Direction.DOWN else -1
    against = "up" if sign == 1 else "down"
    rule = f"a {line.measure.value} goes {line.measure.direction.value}"
    named = [("target", line.target)] if line.target is not None else []
    named += [(f"phases[{i}].value", p.value) for i, p in enumerate(line.phases)]
    for field, value in [("base", line.base), *named]:
        yield from _range(line, field, value)
    if line.quota is not None:
        yield from _range(line, "quota.over", line.quota.over)
        volumes = [line.quota.volume, *(s.value for s in line.quota.volumes)]
        if any(v < 0 for v in volumes) or line.quota.growth < 0:
            yield error(_at(line, "quota"), "a quota volume or its growth is below zero", "negative-quota")
    for field, value in named:
        if sign * (level(value) - level(line.base)) > 0:
            text = f"{format_rate(value, line.unit)} is {against} from the base "
            text += f"{format_rate(line.base, line.unit)}: {rule}"
            yield error(_at(line, field), text, "beyond-base")
    for i in range(1, len(line.phases)):
        before, after = line.phases[i - 1].value, line.phases[i].value
        if sign * (level(after) - level(before)) > 0:
            written = f"{format_rate(before, line.unit)} to {format_rate(after, line.unit)}"
            text = f"goes {against} from {written}; {rule}"
            yield warning(_at(line, f"phases[{i}].value"), text, "against-direction")


def _range(line: Line, field: str, value: Rate) -> Iterator[Problem]:
    amounts = value.components if isinstance(value, Duty) else (Amount(value, line.unit),)
    for amount in amounts:
        if amount.value < 0:
            yield error(_at(line, field), f"{amount} is negative", "negative-value")
        elif line.measure is MeasureKind.EQUITY_CAP and amount.value > 100:
            yield error(_at(line, field), f"an equity cap of {amount.value}% is over 100%", "cap-over-100")
        elif line.measure is MeasureKind.TARIFF and amount.ad_valorem and amount.value > MAX_PERCENT:
            text = f"a rate of {amount} is over {MAX_PERCENT}%: a typing slip?"
            yield error(_at(line, field), text, "rate-over-limit")


def _dates(resolved: ResolvedLine, schedule: Schedule) -> Iterator[Problem]:
    line = resolved.line
    nominal = {p.index: p.nominal_start for p in resolved.phases}
    for i in range(len(line.phases)):
        day = nominal.get(i)
        if day is not None and day < schedule.eif:
            text = f"starts on {day.isoformat()}, before entry into force on {schedule.eif.isoformat()}"
            yield error(_at(line, f"phases[{i}].start"), text, "phase-before-eif")
        before = nominal.get(i - 1)
        if i and day is not None and before is not None and day < before:
            text = "is due before the phase above it; tranches open in order, so it waits for that one"
            yield warning(_at(line, f"phases[{i}].start"), text, "phase-order")
    if line.phases and line.phases[0].start.anchor is Anchor.PREV:
        text = "the first phase follows no previous phase; 'prev' counts from entry into force"
        yield warning(_at(line, "phases[0].start"), text, "prev-first")


def _gates(resolved: ResolvedLine, schedule: Schedule) -> Iterator[Problem]:
    """Gates on another party's milestone, and milestones due after the phase they gate."""
    line = resolved.line
    milestones = schedule.milestone_index  # built once per schedule: per line it was lines × milestones
    prefix = "phases[{}].gates" if line.phases else "gates"
    seen: set[tuple[str, str]] = set()  # line gates repeat on every generated phase: report once
    for phase in sorted(resolved.phases, key=lambda p: p.index):
        field = prefix.format(phase.index)
        for gate in phase.gates:
            ms = milestones.get(gate)
            if ms is None or (field, gate) in seen:
                continue
            seen.add((field, gate))
            if ms.milestone.party != line.party:
                text = f"waits for {gate}, a milestone of {ms.milestone.party}, not of {line.party}"
                yield warning(_at(line, field), text, "foreign-gate")
            if ms.due and phase.nominal_start and ms.due > phase.nominal_start:
                text = (
                    f"waits for {gate}, due {ms.due.isoformat()}, after the phase is due "
                    f"({phase.nominal_start.isoformat()})"
                )
                # Stages generated from a category are expected to wait for the line's gates;
                # an explicit phase dated before its own gate is more likely a slip.
                level = Severity.WARNING if line.phases else Severity.INFO
                yield Problem(level, _at(line, field), text, "gate-after-phase")


def _shape(line: Line) -> Iterator[Problem]:
    if line.phases and line.gates:
        text = "line gates apply to phases generated from a category; put them on the explicit phases"
        yield warning(_at(line, "gates"), text, "line-gates-ignored")
    if not line.phases and not line.category.strip():
        text = "no phases and no staging category: the line is treated as excluded"
        yield Problem(Severity.INFO, _at(line, "category"), text, "no-commitment")
