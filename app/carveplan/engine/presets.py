"""Ready-made security exceptions and review clauses from real treaty texts, for a user to adjust."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from carveplan.model import (
    ExceptionId,
    Offset,
    PartyCode,
    ReviewClause,
    ReviewId,
    SecurityException,
    Timing,
    Unit,
)

# WTO Agreement on Safeguards, Art. 7: 4 years, extendable to 8 in all (10 for developing
# countries, Art. 9.2); a measure over 3 years is reviewed at mid-term (Art. 7.4).
SAFEGUARD_MONTHS = 48
SAFEGUARD_EXTENSION_MONTHS = 48
SAFEGUARD_DEVELOPING_EXTENSION_MONTHS = 72
SAFEGUARD_REVIEW_MONTHS = 36
SAFEGUARD_CONSULTATION_DAYS = 30


def wto_safeguard(ident: ExceptionId, party: PartyCode, *, developing: bool = False) -> SecurityException:
    """A WTO safeguard: 48 months, 96 with extension (120 for a developing country).

    Args:
        ident: the new exception's id.
        party: the party that may invoke it.
        developing: whether the party is a developing country (two more years of extension).

    Returns:
        The exception, with no scope yet: the user picks sectors or lines.
    """
    extension = SAFEGUARD_DEVELOPING_EXTENSION_MONTHS if developing else SAFEGUARD_EXTENSION_MONTHS
    return SecurityException(
        id=ident,
        party=party,
        title="Safeguard measure",
        legal_basis="WTO Agreement on Safeguards, Art. 7" + (" and 9.2" if developing else ""),
        trigger="Increased imports cause or threaten serious injury to the domestic industry",
        notification_days=SAFEGUARD_CONSULTATION_DAYS,
        max_duration_months=SAFEGUARD_MONTHS,
        extension_months=extension,
        review_interval_months=SAFEGUARD_REVIEW_MONTHS,
        note=(
            "Progressive liberalization if over one year; mid-term review if over three years; "
            "no reuse for a period equal to the last one, at least two years; 30 days of consultations."
        ),
    )


def rcep_transitional_safeguard(
    ident: ExceptionId, party: PartyCode, *, transition_end: Timing | None = None
) -> SecurityException:
    """An RCEP Art. 7.5 transitional safeguard: at most 3 years plus one extension of 1 year.

    Args:
        ident: the new exception's id.
        party: the party that may invoke it.
        transition_end: the end of the transition period, after which it cannot be invoked.

    Returns:
        The exception, with no scope yet.
    """
    return SecurityException(
        id=ident,
        party=party,
        title="Transitional safeguard",
        legal_basis="RCEP Art. 7.5",
        trigger="Increased imports resulting from the tariff reduction cause or threaten serious injury",
        max_duration_months=36,
        extension_months=12,
        sunset=transition_end,
        note="Not in the first year after the first tariff cut; not beyond the transition period.",
    )


def gats_xiv_bis(ident: ExceptionId, party: PartyCode) -> SecurityException:
    """A GATS Art. XIV bis security exception: two notifications, of the measure and of its end.

    The text says "to the fullest extent possible" and gives no number of days, so both deadlines
    start at zero (on the day of invocation and on the day of termination) for the user to set.

    Args:
        ident: the new exception's id.
        party: the party that may invoke it.

    Returns:
        The exception, with no scope yet.
    """
    return SecurityException(
        id=ident,
        party=party,
        title="Essential security (services)",
        legal_basis="GATS Art. XIV bis",
        trigger="Action necessary for the protection of essential security interests",
        notification_days=0,
        termination_notice_days=0,
        note="Inform the Council for Trade in Services of the measure and of its termination.",
    )


def self_judging(
    ident: ExceptionId, party: PartyCode, *, legal_basis: str = "GATT Art. XXI"
) -> SecurityException:
    """A self-judging essential-security exception (GATT Art. XXI, CPTPP Art. 29.2).

    The text sets no deadline or duration; the agreement's own procedural rules supply them.

    Args:
        ident: the new exception's id.
        party: the party that may invoke it.
        legal_basis: the article, e.g. ``CPTPP Art. 29.2``.

    Returns:
        The exception, with no scope and no time limits.
    """
    return SecurityException(
        id=ident,
        party=party,
        title="Essential security",
        legal_basis=legal_basis,
        trigger="Action the party considers necessary for the protection of its essential security interests",
        note="Self-judging: no deadline or duration in the text; set them from the agreement's procedures.",
    )


def usmca_joint_review(ident: ReviewId, *, annual: bool = False) -> ReviewClause:
    """USMCA Art. 34.7: a 16-year term with a joint review at the sixth anniversary.

    Args:
        ident: the new review clause's id.
        annual: reviews every year from the sixth anniversary, the case where not all parties
            confirm the extension of the term.

    Returns:
        The review clause, ending at the term.
    """
    return ReviewClause(
        id=ident,
        title="Joint review" + (" (annual, term not extended)" if annual else ""),
        first=Timing.eif(Offset(6, Unit.YEARS)),
        interval_months=12 if annual else None,
        count=None if annual else 1,
        term_end=Timing.eif(Offset(16, Unit.YEARS)),
        legal_ref="USMCA Art. 34.7",
    )


def cptpp_review(ident: ReviewId) -> ReviewClause:
    """CPTPP Art. 27.2: a review within 3 years of entry into force, then at least every 5 years.

    Args:
        ident: the new review clause's id.

    Returns:
        The review clause, with no end.
    """
    return ReviewClause(
        id=ident,
        title="Commission review",
        first=Timing.eif(Offset(3, Unit.YEARS)),
        interval_months=60,
        legal_ref="CPTPP Art. 27.2",
    )


@dataclass(frozen=True)
class ExceptionPreset:
    """An exception preset a user can pick from a list.

    Attributes:
        key: a stable key (``wto_safeguard``).
        label: what the list shows.
        build: makes the exception from an id and a party.
    """

    key: str
    label: str
    build: Callable[[ExceptionId, PartyCode], SecurityException]


@dataclass(frozen=True)
class ReviewPreset:
    """A review clause preset a user can pick from a list.

    Attributes:
        key: a stable key (``usmca_34_7``).
        label: what the list shows.
        build: makes the review clause from an id.
    """

    key: str
    label: str
    build: Callable[[ReviewId], ReviewClause]


EXCEPTION_PRESETS: tuple[ExceptionPreset, ...] = (
    ExceptionPreset("wto_safeguard", "WTO safeguard (4 + 4 years)", wto_safeguard),
    ExceptionPreset(
        "wto_safeguard_developing",
        "WTO safeguard, developing country (4 + 6 years)",
        lambda ident, party: wto_safeguard(ident, party, developing=True),
    ),
    ExceptionPreset(
        "rcep_7_5", "RCEP Art. 7.5 transitional safeguard (3 + 1 years)", rcep_transitional_safeguard
    ),
    ExceptionPreset("gats_xiv_bis", "GATS Art. XIV bis (two notifications)", gats_xiv_bis),
    ExceptionPreset("gatt_xxi", "GATT Art. XXI (self-judging)", self_judging),
    ExceptionPreset(
        "cptpp_29_2",
        "CPTPP Art. 29.2 (self-judging)",
        lambda ident, party: self_judging(ident, party, legal_basis="CPTPP Art. 29.2"),
    ),
)

REVIEW_PRESETS: tuple[ReviewPreset, ...] = (
    ReviewPreset("usmca_34_7", "USMCA Art. 34.7 (16-year term, joint review in year 6)", usmca_joint_review),
    ReviewPreset(
        "usmca_34_7_annual",
        "USMCA Art. 34.7, term not extended (annual reviews)",
        lambda ident: usmca_joint_review(ident, annual=True),
    ),
    ReviewPreset("cptpp_27_2", "CPTPP Art. 27.2 (within 3 years, then every 5)", cptpp_review),
)
