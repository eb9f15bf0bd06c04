"""A small realistic agreement for export tests: two parties, three sectors, gates, a delay scenario."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from carveplan.model import (
    Agreement,
    CodeSystem,
    DevelopmentStatus,
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
    Scenario,
    Unit,
    parse_timing,
)

DELAY = "regulator late"
MISSED = "verification missed"


def partnership() -> Agreement:
    """EIF 15 March 2027; Viet Nam's energy line waits for its regulator, its mobile-services equity
    cap rises 25 → 35 → 49 with the second tranche gated on verification; Korea cuts lithium oxide
    on "5 Years" and excludes LNG. One scenario delays the regulator by 12 months, another has the
    verification missed."""
    milestones = (
        Milestone(
            "REG-1",
            "VNM",
            "Energy regulator aligned",
            parse_timing("EIF+6m"),
            MilestoneKind.REGULATORY_ALIGNMENT,
            verifier="Joint Committee",
        ),
        Milestone(
            "VER-1",
            "VNM",
            "Independent verification",
            parse_timing("M:REG-1+3m"),
            MilestoneKind.VERIFICATION,
            depends_on=("REG-1",),
        ),
        Milestone(
            "TR-1",
            "KOR",
            "Licensing procedures published",
            parse_timing("2027-01-15"),
            MilestoneKind.TRANSPARENCY,
            status=MilestoneStatus.VERIFIED,
            actual=date(2027, 1, 10),
            note="Published in the official gazette.",
        ),
    )
    mobile = (
        Phase(parse_timing("EIF"), Decimal(25), "Accession"),
        Phase(parse_timing("EIF+1y"), Decimal(35), "Tranche 2", gates=(Gate("VER-1", Offset(6)),)),
        Phase(parse_timing("Y4"), Decimal(49), "Tranche 3", gates=(Gate("TR-1", Offset(90, Unit.DAYS)),)),
    )
    lines = (
        Line(
            "VNM-1",
            "VNM",
            "energy",
            "270900",
            "Crude petroleum oils",
            base=Decimal(8),
            category="5 Years",
            gates=(Gate("REG-1"),),
            legal_ref="Annex 2-B, para 4",
        ),
        Line(
            "VNM-2",
            "VNM",
            "telecommunications",
            "752",
            "Mobile services",
            code_system=CodeSystem.CPC,
            measure=MeasureKind.EQUITY_CAP,
            base=Decimal(25),
            phases=mobile,
            notes="Foreign share in mobile operators.",
        ),
        Line(
            "KOR-1",
            "KOR",
            "critical_minerals",
            "282520",
            "Lithium oxide",
            base=Decimal("6.8"),
            category="5 Years",
        ),
        Line("KOR-2", "KOR", "energy", "271111", "Liquefied natural gas", base=Decimal(3), category="EXCL"),
    )
    return Agreement(
        title="Trade and Security Partnership",
        eif=date(2027, 3, 15),
        classification="DRAFT – for negotiation",
        parties=(Party("VNM", "Viet Nam", DevelopmentStatus.DEVELOPING), Party("KOR", "Korea")),
        lines=lines,
        milestones=milestones,
        scenarios=(
            Scenario(DELAY, "The regulator is a year late", (MilestoneDelay("REG-1", 12),)),
            Scenario(MISSED, "Verification never happens", (MilestoneMissed("VER-1"),)),
        ),
    )
