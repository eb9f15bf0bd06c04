"""Hand-built resolved schedules for chart tests and benchmarks (no engine needed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carveplan.engine.dates import add_months, stage_date
from carveplan.engine.schedule import (
    ExceptionWindow,
    ResolvedLine,
    ResolvedMilestone,
    ResolvedPhase,
    ReviewEvent,
    Schedule,
)
from carveplan.model import (
    Agreement,
    CodeSystem,
    MeasureKind,
    Milestone,
    MilestoneStatus,
    MonthDay,
    Party,
    ReviewClause,
    SecurityException,
    Timing,
)
from carveplan.model.line import Line

EIF = date(2027, 3, 15)


def _year(n: int) -> date:
    return stage_date(EIF, MonthDay(), n)


def resolved_line(
    line: Line,
    steps: list[tuple[date | None, str]],
    *,
    gates: tuple[str, ...] = (),
    blocked_by: tuple[str, ...] = (),
    nominal: list[date] | None = None,
    excluded: bool = False,
    suspended: tuple[tuple[str, date, date], ...] = (),
) -> ResolvedLine:
    """A resolved line from ``(start, value)`` steps; a ``None`` start is a blocked phase."""
    phases: list[ResolvedPhase] = []
    for i, (start, value) in enumerate(steps):
        following = steps[i + 1][0] if i + 1 < len(steps) else None
        nominal_start = nominal[i] if nominal else start
        phases.append(
            ResolvedPhase(
                line.id,
                i,
                f"Tranche {i + 1}",
                Decimal(value),
                nominal_start,
                start,
                end=following if start else None,
                gates=gates if i > 0 else (),
                blocked_by=blocked_by if start is None else (),
            )
        )
    final_value = Decimal(steps[-1][1]) if steps else line.base
    final_date = None if excluded or any(s is None for s, _ in steps) else (steps[-1][0] if steps else None)
    return ResolvedLine(line, tuple(phases), excluded, final_value, final_date, suspended)


def _lines() -> list[ResolvedLine]:
    tariff = MeasureKind.TARIFF
    lng = Line(
        "L1", "KOR", "energy", "271111", "Liquefied natural gas", base=Decimal("8.0"), category="5 Years"
    )
    li = Line("L2", "VNM", "energy", "850760", "Lithium-ion batteries", base=Decimal("10"), category="E")
    elec = Line("L3", "VNM", "energy", "271600", "Electrical energy", base=Decimal("5"), category="EXCL")
    mobile = Line(
        "L4",
        "VNM",
        "telecommunications",
        "752",
        "Mobile telecommunication services",
        code_system=CodeSystem.CPC,
        measure=MeasureKind.EQUITY_CAP,
        base=Decimal(25),
    )
    bts = Line("L5", "KOR", "telecommunications", "851761", "Base stations", base=Decimal("5"), category="A")
    lith = Line(
        "L6",
        "VNM",
        "critical_minerals",
        "282520",
        "Lithium oxide and hydroxide",
        base=Decimal("5"),
        measure=tariff,
    )
    cobalt = Line("L7", "EU", "critical_minerals", "810520", "Cobalt mattes", base=Decimal("3.5"))
    window = ("EXC-1", date(2030, 1, 1), date(2031, 7, 1))
    return [
        resolved_line(
            lng, [(EIF, "6.4"), (_year(2), "4.8"), (_year(3), "3.2"), (_year(4), "1.6"), (_year(5), "0")]
        ),
        resolved_line(
            li,
            [(_year(4), "7.5"), (_year(5), "5"), (date(2031, 7, 1), "2.5"), (date(2032, 7, 1), "0")],
            gates=("REG-1",),
            nominal=[_year(4), _year(5), _year(6), _year(7)],
            suspended=(window,),
        ),
        resolved_line(elec, [], excluded=True, suspended=(window,)),
        resolved_line(mobile, [(EIF, "25"), (_year(2), "35"), (_year(4), "49")], gates=("TRN-1",)),
        resolved_line(bts, [(EIF, "0")]),
        resolved_line(
            lith,
            [(EIF, "4"), (_year(3), "3"), (None, "1.5"), (None, "0")],
            gates=("VER-2",),
            blocked_by=("VER-2",),
            nominal=[EIF, _year(3), _year(5), _year(6)],
        ),
        resolved_line(
            cobalt,
            [(EIF, "2.8"), (_year(2), "2.1"), (_year(3), "1.4"), (_year(4), "0.7"), (_year(5), "0")],
            gates=("DAT-1",),
        ),
    ]


def _milestones() -> list[ResolvedMilestone]:
    def ms(ident: str, party: str, title: str, due: date, status: MilestoneStatus, when: date | None):
        record = Milestone(ident, party, title, Timing.on(due), status=status)
        return ResolvedMilestone(record, due, when, blocked_by=(ident,) if when is None else ())

    return [
        ms(
            "REG-1",
            "VNM",
            "Battery standards aligned",
            date(2029, 6, 30),
            MilestoneStatus.VERIFIED,
            date(2029, 9, 1),
        ),
        ms(
            "TRN-1",
            "VNM",
            "Licensing procedures published",
            date(2027, 12, 1),
            MilestoneStatus.ACHIEVED,
            date(2027, 12, 1),
        ),
        ms(
            "VER-2",
            "VNM",
            "Independent verification of export data",
            date(2029, 3, 1),
            MilestoneStatus.MISSED,
            None,
        ),
        ms(
            "DAT-1", "EU", "Customs data sharing", date(2027, 9, 1), MilestoneStatus.PLANNED, date(2027, 9, 1)
        ),
    ]


def sample_schedule(scenario: str = "baseline", classification: str = "DRAFT – for negotiation") -> Schedule:
    """A small agreement touching every element the chart draws."""
    parties = (Party("KOR", "Korea"), Party("VNM", "Viet Nam"), Party("EU", "European Union"))
    exception = SecurityException(
        "EXC-1",
        "VNM",
        "Essential security — energy",
        scope_sectors=("energy",),
        sunset=Timing.agreement_year(12),
    )
    review = ReviewClause("R1", "Joint review", Timing.eif(), interval_months=60)
    lines = _lines()
    agreement = Agreement(
        "Indo-Pacific Critical Supply Chains Agreement",
        EIF,
        classification=classification,
        parties=parties,
        lines=tuple(r.line for r in lines),
        exceptions=(exception,),
        reviews=(review,),
    )
    window = ExceptionWindow(
        "EXC-1",
        date(2030, 1, 1),
        date(2031, 7, 1),
        date(2030, 1, 31),
        date(2031, 4, 2),
        (date(2030, 7, 1), date(2031, 1, 1)),
        ("L2", "L3"),
    )
    reviews = (
        ReviewEvent("R1", add_months(EIF, 36), 1, "Joint review #1"),
        ReviewEvent("R1", add_months(EIF, 96), 2, "Joint review #2"),
        ReviewEvent("R1", add_months(EIF, 16 * 12), 0, "Term ends"),
    )
    return Schedule(agreement, scenario, EIF, tuple(lines), tuple(_milestones()), (window,), reviews)


def big_schedule(count: int) -> Schedule:
    """``count`` linear five-stage tariff lines spread over sectors and parties (for speed tests)."""
    sectors = ("energy", "telecommunications", "critical_minerals")
    parties = tuple(Party(code, code) for code in ("KOR", "VNM", "EU", "AUS", "JPN", "IDN", "CHL", "MEX"))
    lines: list[ResolvedLine] = []
    for i in range(count):
        line = Line(
            f"L{i}",
            parties[i % len(parties)].code,
            sectors[i % 3],
            f"{270000 + i:06d}",
            f"Generated line {i}",
            base=Decimal("8.0"),
        )
        stages = 3 + i % 8
        lines.append(
            resolved_line(
                line, [(_year(n), str(Decimal(8) * (stages - n) / stages)) for n in range(1, stages + 1)]
            )
        )
    agreement = Agreement("Generated agreement", EIF, parties=parties, lines=tuple(r.line for r in lines))
    return Schedule(agreement, "baseline", EIF, tuple(lines), (), (), ())
