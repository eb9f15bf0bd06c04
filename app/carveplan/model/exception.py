"""Security exceptions and review clauses."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from carveplan.model.line import LineId
from carveplan.model.party import PartyCode, SectorId
from carveplan.model.timing import Timing

ExceptionId = str
ReviewId = str


@dataclass(frozen=True)
class SecurityException:
    """A clause that lets a party suspend commitments in its scope.

    Attributes:
        id: unique key.
        party: the party that may invoke it.
        title: a short name (``Essential security — energy``).
        scope_sectors: sectors whose lines of ``party`` it covers.
        scope_lines: individual lines it covers.
        legal_basis: the article invoked (``GATT Art. XXI``).
        trigger: the condition in the treaty's words.
        threshold: an optional numeric trigger (e.g. import surge in percent).
        notification_days: days after invocation by which others must be notified.
        termination_notice_days: days before the end by which termination must be notified.
        max_duration_months: the longest a single invocation may last.
        extension_months: the longest extension allowed beyond the maximum.
        review_interval_months: reviews fall this often during an invocation.
        sunset: after this the exception can no longer be invoked.
        note: free text.
    """

    id: ExceptionId
    party: PartyCode
    title: str = ""
    scope_sectors: tuple[SectorId, ...] = ()
    scope_lines: tuple[LineId, ...] = ()
    legal_basis: str = ""
    trigger: str = ""
    threshold: Decimal | None = None
    notification_days: int | None = None
    termination_notice_days: int | None = None
    max_duration_months: int | None = None
    extension_months: int | None = None
    review_interval_months: int | None = None
    sunset: Timing | None = None
    note: str = ""


@dataclass(frozen=True)
class ReviewClause:
    """Periodic joint reviews, or a term that ends the agreement's commitments.

    Attributes:
        id: unique key.
        title: what is reviewed (``Joint review``).
        first: the first review.
        interval_months: months between reviews; ``None`` for a single event.
        count: how many reviews in all, if bounded.
        term_end: the end of the term (a sunset), if any; reviews stop there.
        legal_ref: the article (``USMCA Art. 34.7``).
    """

    id: ReviewId
    title: str
    first: Timing
    interval_months: int | None = None
    count: int | None = None
    term_end: Timing | None = None
    legal_ref: str = ""
