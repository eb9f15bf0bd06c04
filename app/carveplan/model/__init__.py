"""The agreement model: frozen, typed records with no Qt and no I/O."""

from carveplan.model.agreement import Agreement, MonthDay, RoundingDirection, RoundingRule, new_uid
from carveplan.model.collection import RecordKind
from carveplan.model.duty import Amount, Duty, Rate
from carveplan.model.exception import ExceptionId, ReviewClause, ReviewId, SecurityException
from carveplan.model.line import CodeSystem, Direction, Gate, Line, LineId, MeasureKind, Phase
from carveplan.model.milestone import Milestone, MilestoneKind, MilestoneStatus
from carveplan.model.party import DEFAULT_SECTORS, DevelopmentStatus, Party, PartyCode, Sector, SectorId
from carveplan.model.problem import Location, Problem, Severity, error, has_errors, warning
from carveplan.model.round import Round, RoundName, Stance
from carveplan.model.rules import PartyStageDay, StagingRules, for_party, rules_of, with_rules
from carveplan.model.scenario import (
    BASELINE,
    EifMoved,
    ExceptionInvoked,
    MilestoneDelay,
    MilestoneMissed,
    Override,
    Scenario,
)
from carveplan.model.staging import CategoryCode, Cuts, FirstCut, StagingCategory, StagingKind, Step, TableRow
from carveplan.model.timing import (
    Anchor,
    MilestoneId,
    Offset,
    Timing,
    TimingError,
    Unit,
    format_timing,
    in_calendar,
    parse_timing,
)
from carveplan.model.trade import CoverageTest, TradeFlow, TradeSplit, TradeTable

__all__ = [
    "BASELINE",
    "DEFAULT_SECTORS",
    "Agreement",
    "Amount",
    "Anchor",
    "CategoryCode",
    "CodeSystem",
    "CoverageTest",
    "Cuts",
    "DevelopmentStatus",
    "Direction",
    "Duty",
    "EifMoved",
    "ExceptionId",
    "ExceptionInvoked",
    "FirstCut",
    "Gate",
    "Line",
    "LineId",
    "Location",
    "MeasureKind",
    "Milestone",
    "MilestoneDelay",
    "MilestoneId",
    "MilestoneKind",
    "MilestoneMissed",
    "MilestoneStatus",
    "MonthDay",
    "Offset",
    "Override",
    "Party",
    "PartyCode",
    "PartyStageDay",
    "Phase",
    "Problem",
    "Rate",
    "RecordKind",
    "ReviewClause",
    "ReviewId",
    "Round",
    "RoundName",
    "RoundingDirection",
    "RoundingRule",
    "Scenario",
    "Sector",
    "SectorId",
    "SecurityException",
    "Severity",
    "StagingCategory",
    "StagingKind",
    "StagingRules",
    "Stance",
    "Step",
    "TableRow",
    "Timing",
    "TimingError",
    "TradeFlow",
    "TradeSplit",
    "TradeTable",
    "Unit",
    "error",
    "for_party",
    "format_timing",
    "has_errors",
    "in_calendar",
    "new_uid",
    "parse_timing",
    "rules_of",
    "warning",
    "with_rules",
]
