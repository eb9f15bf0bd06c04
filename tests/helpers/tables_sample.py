"""A realistic agreement for table tests and screenshots: four parties, the three sectors, every kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carveplan.model import (
    Agreement,
    CodeSystem,
    DevelopmentStatus,
    EifMoved,
    ExceptionInvoked,
    Gate,
    Line,
    MeasureKind,
    Milestone,
    MilestoneDelay,
    MilestoneKind,
    MilestoneMissed,
    MilestoneStatus,
    Offset,
    Party,
    Phase,
    ReviewClause,
    Scenario,
    SecurityException,
    StagingCategory,
    StagingKind,
    parse_timing,
)

_GOODS = (
    # id, code, description, base, category, gates
    ("VNM-E01", "271111", "Natural gas, liquefied", "5", "B5", ""),
    ("VNM-E02", "270900", "Petroleum oils, crude", "8", "B10", "REG-1"),
    ("VNM-E03", "854143", "Photovoltaic cells assembled in modules", "6.8", "B5", ""),
    ("VNM-C01", "282520", "Lithium oxide and hydroxide", "10", "E", "REG-1"),
    ("VNM-C02", "850511", "Permanent magnets of metal", "12.5", "CM-NL", "DATA-1"),
    ("VNM-T01", "851761", "Base stations", "15", "B10", "LIC-1"),
    ("AUS-E01", "271600", "Electrical energy", "2.5", "A", ""),
    ("AUS-E02", "850760", "Lithium-ion accumulators", "5", "B5", ""),
    ("AUS-C01", "260500", "Cobalt ores and concentrates", "4", "EXCL", ""),
    ("AUS-T01", "854470", "Optical fibre cables", "5", "B5", ""),
    ("CAN-E01", "284410", "Natural uranium and its compounds", "6.5", "E", "VER-1"),
    ("CAN-C01", "280530", "Rare-earth metals, scandium and yttrium", "8", "B10", "DATA-1"),
    ("CAN-C02", "811292", "Gallium, germanium, indium; unwrought", "7", "PR-1", ""),
    ("JPN-E01", "850231", "Electric generating sets, wind-powered", "3.9", "B5", ""),
    ("JPN-T01", "851762", "Switching and routing apparatus", "4.4", "B10", ""),
)
_SECTORS = {"E": "energy", "T": "telecommunications", "C": "critical_minerals"}


def _goods() -> tuple[Line, ...]:
    return tuple(
        Line(
            ident,
            ident[:3],
            _SECTORS[ident[4]],
            code,
            text,
            base=Decimal(base),
            category=category,
            gates=(Gate(gates, Offset(6)),) if gates else (),
            legal_ref=f"Annex 2-B, Schedule of {ident[:3]}",
        )
        for ident, code, text, base, category, gates in _GOODS
    )


def _telecom_equity() -> Line:
    # China-style phase-in of a foreign-equity cap: 25 % at EIF, 35 % after a year, 49 % after three.
    phases = (
        Phase(parse_timing("EIF"), Decimal(25), "At entry into force"),
        Phase(parse_timing("EIF+1y"), Decimal(35), "Tranche 2", (Gate("LIC-1"),)),
        Phase(parse_timing("EIF+3y"), Decimal(49), "Tranche 3", (Gate("VER-1", Offset(6)),), "after review"),
    )
    return Line(
        "VNM-T02",
        "VNM",
        "telecommunications",
        "752",
        "Mobile telecommunication services (mode 3)",
        CodeSystem.CPC,
        MeasureKind.EQUITY_CAP,
        "%",
        Decimal(0),
        phases=phases,
        legal_ref="Annex 8-A",
    )


def tables_sample() -> Agreement:
    """The agreement: goods lines on staging categories, a services line with its own phases."""
    m = parse_timing
    return Agreement(
        title="Indo-Pacific Critical Sectors Agreement",
        eif=date(2027, 1, 1),
        eif_tentative=True,
        classification="DRAFT – for negotiation",
        parties=(
            Party("AUS", "Australia"),
            Party("CAN", "Canada"),
            Party("JPN", "Japan"),
            Party("VNM", "Viet Nam", DevelopmentStatus.DEVELOPING),
        ),
        categories=(
            StagingCategory("A", StagingKind.IMMEDIATE, description="Eliminated on entry into force"),
            StagingCategory("B5", StagingKind.LINEAR, stages=5, description="Five equal annual cuts"),
            StagingCategory("B10", StagingKind.LINEAR, stages=10, description="Ten equal annual cuts"),
            StagingCategory(
                "E", StagingKind.BACK_LOADED, stages=4, hold=6, description="Held 6 years, 4 cuts"
            ),
            StagingCategory(
                "PR-1", StagingKind.PARTIAL, stages=5, final=Decimal("2.5"), description="To 2.5 %"
            ),
            StagingCategory(
                "CM-NL",
                StagingKind.NON_LINEAR,
                shares=tuple(Decimal(s) for s in ("0.5", "0", "0", "0.25", "0", "0.25")),
                description="Half at EIF, a quarter in years 4 and 6",
            ),
            StagingCategory("EXCL", StagingKind.EXCLUDED, description="No commitment"),
        ),
        lines=(*_goods(), _telecom_equity()),
        milestones=(
            Milestone(
                "REG-1",
                "VNM",
                "Energy regulator aligned with Annex 2-C",
                m("EIF+12m"),
                MilestoneKind.REGULATORY_ALIGNMENT,
                "Joint Committee",
                MilestoneStatus.ACHIEVED,
                date(2028, 2, 14),
            ),
            Milestone(
                "TRN-1",
                "VNM",
                "Licensing procedures published",
                m("EIF+6m"),
                MilestoneKind.TRANSPARENCY,
                "Joint Committee",
                MilestoneStatus.VERIFIED,
                date(2027, 6, 30),
            ),
            Milestone(
                "LIC-1",
                "VNM",
                "Telecom licensing by objective criteria",
                m("Y3"),
                MilestoneKind.LICENSING,
                "Joint Committee",
                depends_on=("TRN-1",),
            ),
            Milestone(
                "DATA-1",
                "CAN",
                "Minerals trade data shared quarterly",
                m("EIF+18m"),
                MilestoneKind.DATA_SHARING,
                "Sub-Committee on Critical Minerals",
            ),
            Milestone(
                "VER-1",
                "VNM",
                "Independent verification of licensing",
                m("M:LIC-1+12m"),
                MilestoneKind.VERIFICATION,
                "Independent Verification Panel",
                depends_on=("LIC-1",),
            ),
        ),
        exceptions=(
            SecurityException(
                "EXC-1",
                "VNM",
                "Essential security — energy",
                ("energy",),
                (),
                "GATT Art. XXI",
                "Emergency in international relations",
                None,
                30,
                30,
                24,
                12,
                6,
                m("Y10"),
            ),
            SecurityException(
                "EXC-2",
                "CAN",
                "Critical minerals supply",
                ("critical_minerals",),
                ("CAN-C01",),
                "CPTPP Art. 29.2",
                "Import surge",
                Decimal(30),
                30,
                30,
                48,
                48,
                12,
            ),
        ),
        reviews=(
            ReviewClause("REV-1", "General review", m("EIF+3y"), 60, None, None, "CPTPP Art. 27.2"),
            ReviewClause("REV-2", "Joint review", m("EIF+6y"), 12, None, m("EIF+16y"), "USMCA Art. 34.7"),
        ),
        scenarios=(
            Scenario(
                "regulator late", "Viet Nam's regulator aligns 18 months late", (MilestoneDelay("REG-1", 18),)
            ),
            Scenario(
                "sanctions persist",
                "Licensing stalls and the energy exception is invoked",
                (MilestoneMissed("LIC-1"), ExceptionInvoked("EXC-1", m("2029-03-01"), 24)),
            ),
            Scenario("late ratification", "Entry into force a year later", (EifMoved(date(2028, 1, 1)),)),
        ),
    )
