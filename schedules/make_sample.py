"""Build the sample agreements with the model and save them as .carveplan files.

Run from the repository root: ``python schedules/make_sample.py``. The files are regenerated whole, so
edit this script, not the .carveplan files.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "app"))  # run from a checkout without installing

from carveplan.io.native import save  # noqa: E402
from carveplan.model import (  # noqa: E402
    DEFAULT_SECTORS,
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
    MonthDay,
    Offset,
    Party,
    Phase,
    ReviewClause,
    RoundingRule,
    Scenario,
    SecurityException,
    StagingCategory,
    StagingKind,
    Timing,
    parse_timing,
)

# Official HS 2022 six-digit descriptions, shortened where the nomenclature runs on.
HS = {
    "270111": "Coal; anthracite, whether or not pulverised, but not agglomerated",
    "270900": "Oils; petroleum oils and oils obtained from bituminous minerals, crude",
    "271012": "Petroleum oils, not crude, not containing biodiesel; light oils and preparations",
    "271111": "Petroleum gases and other gaseous hydrocarbons; liquefied, natural gas",
    "271121": "Petroleum gases and other gaseous hydrocarbons; in gaseous state, natural gas",
    "271600": "Electrical energy",
    "284410": "Uranium; natural uranium and its compounds, alloys, dispersions and mixtures",
    "850231": "Electric generating sets; wind-powered",
    "850440": "Electrical static converters",
    "850760": "Electric accumulators; lithium-ion",
    "854142": "Photovoltaic cells not assembled in modules or made up into panels",
    "854143": "Photovoltaic cells assembled in modules or made up into panels",
    "851713": "Telephone sets; smartphones for cellular or other wireless networks",
    "851761": "Base stations",
    "851762": "Machines for the reception, conversion and transmission of voice, images or data, "
    "including switching and routing apparatus",
    "851771": "Communication apparatus; parts, aerials and aerial reflectors",
    "852560": "Transmission apparatus incorporating reception apparatus",
    "852910": "Reception and transmission apparatus; aerials and aerial reflectors and parts",
    "854470": "Insulated electric conductors; optical fibre cables",
    "900110": "Optical fibres, optical fibre bundles and cables (excluding heading 8544)",
    "253090": "Mineral substances; n.e.c. in chapter 25 (including lithium-bearing spodumene)",
    "282520": "Lithium oxide and hydroxide",
    "283691": "Carbonates; lithium carbonate",
    "260500": "Cobalt ores and concentrates",
    "810520": "Cobalt; mattes and intermediate products, unwrought cobalt, powders",
    "280530": "Earth-metals, rare; scandium and yttrium",
    "284690": "Compounds of rare-earth metals, of yttrium or scandium (excluding cerium)",
    "850511": "Permanent magnets of metal",
    "260400": "Nickel ores and concentrates",
    "750210": "Nickel; unwrought, not alloyed",
    "250410": "Graphite; natural, in powder or in flakes",
    "380110": "Graphite; artificial",
    "811292": "Gallium, germanium, indium, niobium and vanadium; unwrought, waste and scrap, powders",
    "282560": "Germanium oxides and zirconium dioxide",
    "260200": "Manganese ores and concentrates",
    "261100": "Tungsten ores and concentrates",
    "260300": "Copper ores and concentrates",
}

ENERGY, TELECOM, MINERALS = (s.id for s in DEFAULT_SECTORS)
JOINT_COMMITTEE = "Joint Committee"
PANEL = "Independent Verification Panel"
MINERALS_COMMITTEE = "Sub-Committee on Critical Minerals"


def t(text: str) -> Timing:
    """A timing written the way the schedule writes it."""
    return parse_timing(text)


def gate(milestone: str, lag_months: int | None = None) -> Gate:
    """A gate on a milestone, optionally lagged by some months."""
    return Gate(milestone, Offset(lag_months) if lag_months is not None else None)


def goods(
    ident: str, code: str, base: str, category: str, gates: tuple[Gate, ...] = (), notes: str = ""
) -> Line:
    """A tariff line of the party and sector its id names (``VNM-E01``: Viet Nam, energy)."""
    party, sector = ident[:3], {"E": ENERGY, "T": TELECOM, "C": MINERALS}[ident[4]]
    return Line(
        ident, party, sector, code, HS[code], base=Decimal(base), category=category, gates=gates, notes=notes
    )


CATEGORIES = (
    StagingCategory("A", StagingKind.IMMEDIATE, description="Duties eliminated on entry into force"),
    StagingCategory(
        "B5", StagingKind.LINEAR, stages=5, description="Five equal annual cuts; duty-free in year 5"
    ),
    StagingCategory(
        "B10", StagingKind.LINEAR, stages=10, description="Ten equal annual cuts; duty-free in year 10"
    ),
    StagingCategory(
        "E",
        StagingKind.BACK_LOADED,
        stages=4,
        hold=6,
        description="Base rate held through year 6, then four equal annual cuts; duty-free in year 10",
    ),
    StagingCategory(
        "PR-1",
        StagingKind.PARTIAL,
        stages=5,
        final=Decimal("2.5"),
        description="Reduced to 2.5 per cent in five equal annual cuts and bound there",
    ),
    StagingCategory(
        "CM-NL",
        StagingKind.NON_LINEAR,
        shares=tuple(Decimal(s) for s in ("0.5", "0", "0", "0.25", "0", "0.25")),
        description="Half the cut on entry into force, a quarter in year 4, duty-free in year 6",
    ),
    StagingCategory("EXCL", StagingKind.EXCLUDED, description="No commitment: carved out of this Agreement"),
)

PARTIES = (
    Party("AUS", "Australia"),
    Party("CAN", "Canada"),
    Party("JPN", "Japan"),
    Party("VNM", "Viet Nam", DevelopmentStatus.DEVELOPING),
)


def milestones() -> tuple[Milestone, ...]:
    """Confidence-building first (transparency, capacity building), deeper commitments later."""
    done, achieved = MilestoneStatus.VERIFIED, MilestoneStatus.ACHIEVED
    kind = MilestoneKind
    return (
        Milestone(
            "VNM-TR-1",
            "VNM",
            "Publish licensing procedures for energy and telecommunications imports "
            "at least 20 days before they take effect",
            t("2026-10-01"),
            kind.TRANSPARENCY,
            JOINT_COMMITTEE,
            done,
            date(2026, 9, 18),
        ),
        Milestone(
            "VNM-CB-1",
            "VNM",
            "Complete the customs risk-management and end-use verification capacity-building programme",
            t("EIF+6m"),
            kind.CAPACITY_BUILDING,
            JOINT_COMMITTEE,
            note="Technical assistance funded by Australia and Japan",
        ),
        Milestone(
            "VNM-LIC-1",
            "VNM",
            "Issue non-discriminatory licensing rules for facilities-based telecommunications operators",
            t("EIF+12m"),
            kind.LICENSING,
            JOINT_COMMITTEE,
            depends_on=("VNM-TR-1", "VNM-CB-1"),
        ),
        Milestone(
            "VNM-REG-1",
            "VNM",
            "Align fuel-quality technical regulations with international standards",
            t("EIF+18m"),
            kind.REGULATORY_ALIGNMENT,
            JOINT_COMMITTEE,
            depends_on=("VNM-TR-1",),
        ),
        Milestone(
            "VNM-DS-1",
            "VNM",
            "Share customs end-use data on rare-earth and tungsten shipments",
            t("EIF+24m"),
            kind.DATA_SHARING,
            MINERALS_COMMITTEE,
            depends_on=("VNM-CB-1",),
        ),
        Milestone(
            "VNM-VER-1",
            "VNM",
            "Independent verification of end-use controls on rare-earth compounds and permanent magnets",
            t("M:VNM-DS-1+12m"),
            kind.VERIFICATION,
            PANEL,
            depends_on=("VNM-DS-1",),
        ),
        Milestone(
            "VNM-VER-2",
            "VNM",
            "Independent verification that telecommunications licensing operates without discrimination",
            t("M:VNM-LIC-1+18m"),
            kind.VERIFICATION,
            PANEL,
            depends_on=("VNM-LIC-1",),
        ),
        Milestone(
            "JPN-TR-1",
            "JPN",
            "Publish the investment-screening list for critical-minerals processing",
            t("2026-12-01"),
            kind.TRANSPARENCY,
            JOINT_COMMITTEE,
            achieved,
            date(2026, 11, 10),
        ),
        Milestone(
            "JPN-DS-1",
            "JPN",
            "Share stockpile and supply-disruption data on gallium and germanium",
            t("EIF+12m"),
            kind.DATA_SHARING,
            MINERALS_COMMITTEE,
            depends_on=("JPN-TR-1",),
        ),
        Milestone(
            "JPN-PR-1",
            "JPN",
            "Peer review of export-control implementation for dual-use items",
            t("Y3"),
            kind.PEER_REVIEW,
            JOINT_COMMITTEE,
        ),
        Milestone(
            "AUS-REG-1",
            "AUS",
            "Mutual recognition of conformity assessment for grid-connected inverters and batteries",
            t("EIF+12m"),
            kind.REGULATORY_ALIGNMENT,
            JOINT_COMMITTEE,
        ),
        Milestone(
            "AUS-VER-1",
            "AUS",
            "Independent audit of the critical-minerals traceability scheme",
            t("Y3"),
            kind.VERIFICATION,
            PANEL,
        ),
        Milestone(
            "CAN-TR-1",
            "CAN",
            "Publish national-security review guidelines for telecommunications investment",
            t("2026-10-15"),
            kind.TRANSPARENCY,
            JOINT_COMMITTEE,
            done,
            date(2026, 10, 6),
        ),
        Milestone(
            "CAN-LIC-1",
            "CAN",
            "Open network-equipment certification and spectrum-licence transfers to operators of the Parties",
            t("EIF+18m"),
            kind.LICENSING,
            JOINT_COMMITTEE,
            depends_on=("CAN-TR-1",),
        ),
        Milestone(
            "CAN-DS-1",
            "CAN",
            "Join the critical-minerals traceability data exchange",
            t("EIF+12m"),
            kind.DATA_SHARING,
            MINERALS_COMMITTEE,
        ),
    )


def goods_lines() -> tuple[Line, ...]:
    """Tariff lines: the developing party stages longest and carves out most."""
    return (
        goods(
            "VNM-E01",
            "271012",
            "20",
            "B10",
            (gate("VNM-REG-1"),),
            "Cuts start only once fuel-quality regulations are aligned",
        ),
        goods("VNM-E02", "271111", "5", "B5"),
        goods("VNM-E03", "271600", "3", "EXCL", notes="Single-buyer electricity market stays outside"),
        goods("VNM-E04", "850231", "10", "B5", (gate("VNM-TR-1"),)),
        goods("VNM-E05", "854143", "10", "E", notes="Protects new domestic module assembly"),
        goods("VNM-E06", "850760", "15", "CM-NL"),
        goods("VNM-T01", "854470", "15", "B10", (gate("VNM-LIC-1"),)),
        goods("VNM-T02", "900110", "3", "B5"),
        goods("VNM-T03", "851761", "5", "PR-1", notes="Vendor security screening continues"),
        goods("VNM-C01", "280530", "10", "EXCL"),
        goods("VNM-C02", "284690", "5", "E"),
        goods("VNM-C03", "261100", "2", "EXCL", notes="Tungsten: strategic reserve"),
        goods("VNM-C04", "850511", "10", "B10", (gate("VNM-VER-1", 6),)),
        goods("VNM-C05", "810520", "5", "B5"),
        goods("VNM-C06", "260200", "3", "A"),
        goods("JPN-E01", "271012", "3.9", "B5"),
        goods("JPN-E02", "284410", "2.5", "EXCL", notes="Nuclear fuel cycle: essential security"),
        goods("JPN-E03", "850440", "3", "A"),
        goods("JPN-T01", "852910", "2.2", "A"),
        goods("JPN-C01", "282520", "3.3", "B5"),
        goods("JPN-C02", "811292", "3", "B5", (gate("JPN-DS-1"),)),
        goods("JPN-C03", "380110", "3.3", "A"),
        goods("AUS-E01", "271121", "5", "B5"),
        goods("AUS-E02", "854143", "5", "A"),
        goods("AUS-E03", "850760", "5", "B5", (gate("AUS-REG-1"),)),
        goods("AUS-T01", "851771", "5", "A"),
        goods("AUS-C01", "283691", "5", "A"),
        goods("AUS-C02", "750210", "5", "B5", (gate("AUS-VER-1"),)),
        goods("CAN-E01", "271012", "5", "B5"),
        goods("CAN-E02", "850231", "6", "A"),
        goods("CAN-T01", "854470", "6", "B5", (gate("CAN-LIC-1"),)),
        goods("CAN-C01", "284690", "5", "B5", (gate("CAN-DS-1", 6),)),
        goods("CAN-C02", "810520", "6", "PR-1"),
        goods("CAN-C03", "282560", "5", "B10"),
        goods("CAN-C04", "250410", "3", "A"),
    )


def explicit_lines() -> tuple[Line, ...]:
    """Lines whose phases are written out: equity caps that rise in gated steps, and one goods line."""
    cap, cpc = MeasureKind.EQUITY_CAP, CodeSystem.CPC
    return (
        Line(
            "VNM-S01",
            "VNM",
            TELECOM,
            "752",
            "Telecommunication services, facilities-based: mobile and fixed (mode 3, commercial presence)",
            cpc,
            cap,
            "%",
            Decimal(25),
            phases=(
                Phase(t("EIF"), Decimal(25), "At entry into force"),
                Phase(t("EIF+1y"), Decimal(35), "One year after EIF", (gate("VNM-LIC-1", 6),)),
                Phase(t("EIF+3y"), Decimal(49), "Three years after EIF", (gate("VNM-VER-2"),)),
            ),
            notes="Foreign equity at most 25% on entry into force, 35% after one year and 49% after "
            "three years, on the pattern of China's WTO schedule for mobile services",
            legal_ref="Annex II, Schedule of Viet Nam, entry 7",
        ),
        Line(
            "VNM-S02",
            "VNM",
            TELECOM,
            "7523",
            "Data and message transmission services, non-facilities-based (mode 3)",
            cpc,
            cap,
            "%",
            Decimal(49),
            phases=(
                Phase(t("EIF"), Decimal(49), "At entry into force"),
                Phase(t("Y3"), Decimal(65), "Year 3", (gate("VNM-VER-2"),)),
            ),
            legal_ref="Annex II, Schedule of Viet Nam, entry 8",
        ),
        Line(
            "CAN-S01",
            "CAN",
            TELECOM,
            "752",
            "Facilities-based telecommunications carriers: foreign voting interest (mode 3)",
            cpc,
            cap,
            "%",
            Decimal("46.7"),
            phases=(
                Phase(t("EIF"), Decimal("46.7"), "At entry into force"),
                Phase(t("EIF+2y"), Decimal(49), "Two years after EIF", (gate("CAN-LIC-1", 6),)),
            ),
            legal_ref="Annex I, Schedule of Canada, reservation I-C-12",
        ),
        Line(
            "AUS-T02",
            "AUS",
            TELECOM,
            "852560",
            HS["852560"],
            base=Decimal(5),
            phases=(
                Phase(t("EIF"), Decimal(5), "Standstill"),
                Phase(t("Y3"), Decimal("2.5"), "Halved in year 3"),
                Phase(t("prev+2y"), Decimal(0), "Duty-free two years later"),
            ),
            legal_ref="Annex 2-D, Schedule of Australia, note 4",
        ),
    )


def exceptions() -> tuple[SecurityException, ...]:
    """Essential security (self-judging), a transitional safeguard and a services security exception."""
    return (
        SecurityException(
            "XXI-JPN",
            "JPN",
            "Essential security — energy",
            scope_sectors=(ENERGY,),
            legal_basis="Art. 29.2 (cf. GATT 1994 Art. XXI(b)(iii))",
            trigger="Action the Party considers necessary for the protection of its essential security "
            "interests in time of war or other emergency in international relations",
            notification_days=30,
            termination_notice_days=30,
            review_interval_months=12,
            note="Self-judging; the article sets no deadline or duration, so notification, review and "
            "termination follow the Agreement's procedural chapter",
        ),
        SecurityException(
            "SG-VNM",
            "VNM",
            "Transitional safeguard — critical minerals",
            scope_lines=("VNM-C02", "VNM-C04", "VNM-C05"),
            legal_basis="Art. 7.5 (cf. RCEP Art. 7.5)",
            trigger="Imports of an originating good increase, in absolute terms or relative to domestic "
            "production, so as to cause or threaten serious injury to a domestic industry",
            threshold=Decimal(25),
            notification_days=30,
            max_duration_months=36,
            extension_months=12,
            review_interval_months=12,
            sunset=t("Y11"),
            note="Not in the first year after the first tariff cut; not beyond the transition period",
        ),
        SecurityException(
            "XIVB-CAN",
            "CAN",
            "Security exception — telecommunications services",
            scope_lines=("CAN-S01",),
            legal_basis="GATS Art. XIV bis",
            trigger="Action necessary for the protection of essential security interests in time of war "
            "or other emergency in international relations",
            notification_days=30,
            termination_notice_days=30,
            review_interval_months=12,
            note="Inform the Joint Committee to the fullest extent possible of the measures taken and of "
            "their termination: two notifications",
        ),
    )


REVIEWS = (
    ReviewClause(
        "REV-GEN",
        "General review of the Agreement",
        t("EIF+3y"),
        interval_months=60,
        count=3,  # within 3 years, then every 5: three reviews fall inside the 16-year term
        legal_ref="Art. 30.2 (cf. CPTPP Art. 27.2)",
    ),
    ReviewClause(
        "TERM",
        "Joint review (16-year term)",
        t("EIF+6y"),
        term_end=t("EIF+16y"),
        legal_ref="Art. 30.7 (cf. USMCA Art. 34.7)",
    ),
)

SCENARIOS = (
    Scenario("baseline", "The schedule as negotiated: every milestone met on time"),
    Scenario(
        "sanctions persist",
        "Secondary sanctions stay in place: data-sharing and licensing milestones slip 18–24 months, "
        "independent verification of rare-earth end-use controls fails, and Japan invokes the energy "
        "security exception for 24 months from 1 March 2029",
        (
            MilestoneDelay("VNM-DS-1", 24),
            MilestoneDelay("VNM-LIC-1", 18),
            MilestoneDelay("JPN-DS-1", 18),
            MilestoneDelay("CAN-LIC-1", 24),
            MilestoneMissed("VNM-VER-1"),
            ExceptionInvoked("XXI-JPN", Timing.on(date(2029, 3, 1)), 24),
        ),
    ),
    Scenario("late ratification", "Entry into force slips a year", (EifMoved(date(2028, 1, 1)),)),
)


def sample() -> Agreement:
    """The main sample: four parties, three sectors, goods and services lines, gated phases."""
    return Agreement(
        title="Indo-Pacific Critical Supply Chains Agreement",
        eif=date(2027, 1, 1),
        eif_tentative=True,
        stage_day=MonthDay(1, 1),
        rounding=RoundingRule(Decimal("0.1")),
        classification="DRAFT – for negotiation",
        parties=PARTIES,
        sectors=DEFAULT_SECTORS,
        categories=CATEGORIES,
        lines=goods_lines() + explicit_lines(),
        milestones=milestones(),
        exceptions=exceptions(),
        reviews=REVIEWS,
        scenarios=SCENARIOS,
        notes="Negotiating draft after the third round. Entry into force assumes ratification by all "
        "four Parties during 2026.",
    )


def fiscal_year() -> Agreement:
    """A small agreement staged on 1 April, the start of Japan's fiscal year."""
    categories = tuple(c for c in CATEGORIES if c.code in ("A", "B5", "B10"))
    return Agreement(
        title="Japan–Viet Nam Energy Transition Partnership: Tariff Annex",
        eif=date(2027, 10, 1),
        eif_tentative=True,
        stage_day=MonthDay(4, 1),
        classification="DRAFT – for negotiation",
        parties=(PARTIES[2], PARTIES[3]),
        sectors=(DEFAULT_SECTORS[0], DEFAULT_SECTORS[2]),
        categories=categories,
        lines=(
            goods("JPN-E01", "271012", "3.9", "B5"),
            goods("JPN-E02", "850760", "3", "A"),
            goods("JPN-C01", "282520", "3.3", "B5"),
            goods("VNM-E01", "850760", "15", "B10"),
            goods("VNM-E02", "854143", "10", "B5", (gate("VNM-TR-1"),)),
            goods("VNM-C01", "284690", "5", "B5"),
        ),
        milestones=(
            Milestone(
                "VNM-TR-1",
                "VNM",
                "Publish licensing procedures for solar modules",
                t("EIF+6m"),
                MilestoneKind.TRANSPARENCY,
                JOINT_COMMITTEE,
            ),
        ),
        notes="Stages fall on 1 April, the start of Japan's fiscal year: year 1 runs from entry into "
        "force to 31 March 2028, year 2 begins on 1 April 2028.",
    )


def main() -> None:
    """Write every sample next to this script."""
    save(sample(), HERE / "sample.carveplan")
    save(fiscal_year(), HERE / "fiscal-year.carveplan")


if __name__ == "__main__":
    main()
