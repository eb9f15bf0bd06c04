"""Request against offer: per line, how far apart the two sides still are, in years and in value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from carveplan.engine.diff import AgreementDiff, Change, LineDiff
from carveplan.model import Line, Rate
from carveplan.model.duty import level

DAYS_PER_YEAR = Decimal("365.25")


@dataclass(frozen=True)
class LineGap:
    """One line as offered and as requested.

    Attributes:
        line: the offered line (the requested one when the offer does not have it).
        offer_final: when the offered line reaches its final value (``None``: excluded or blocked).
        request_final: when the requested line does.
        offer_value: the value the offer ends at.
        request_value: the value the request ends at.
        years: how much later the offer reaches its final value, in years (``None`` unless both are dated).
        value: offered final value minus requested (a tariff left at 5 against 0 requested: 5); for a
            compound duty, its ad valorem part (the one number the chart draws).
        offer_excluded: the offer carves the line out entirely.
        request_excluded: the request does.
        only_in: ``offer`` or ``request`` when the other side does not list the line.
    """

    line: Line
    offer_final: date | None
    request_final: date | None
    offer_value: Rate | None
    request_value: Rate | None
    years: Decimal | None
    value: Decimal | None
    offer_excluded: bool = False
    request_excluded: bool = False
    only_in: str = ""

    @property
    def size(self) -> tuple[int, Decimal, Decimal]:
        """What the list sorts on, largest gap first: an unmet request, then years, then value."""
        unmet = self.only_in == "request" or (self.offer_excluded and not self.request_excluded)
        return (int(unmet), abs(self.years or Decimal(0)), abs(self.value or Decimal(0)))


def gaps(request_to_offer: AgreementDiff) -> tuple[LineGap, ...]:
    """The gaps between a request and an offer, largest first (lines where both agree are left out).

    Args:
        request_to_offer: the diff from the request (old side) to the offer (new side), so one
            matching serves both the "what moved" report and the gaps.

    Returns:
        One gap per line that differs in final date or final value, or is listed by one side only.
    """
    found = [_gap(entry) for entry in request_to_offer.lines]
    kept = [g for g in found if g.only_in or g.years or g.value or g.offer_excluded != g.request_excluded]
    return tuple(sorted(kept, key=lambda g: g.size, reverse=True))


def _gap(entry: LineDiff) -> LineGap:
    only_in = {Change.ADDED: "offer", Change.WITHDRAWN: "request"}.get(entry.change, "")
    years = None
    if entry.old_final is not None and entry.new_final is not None:
        years = (Decimal((entry.new_final - entry.old_final).days) / DAYS_PER_YEAR).quantize(Decimal("0.1"))
    value = None
    if entry.old_value is not None and entry.new_value is not None:
        value = level(entry.new_value) - level(entry.old_value)
    return LineGap(
        entry.line, entry.new_final, entry.old_final, entry.new_value, entry.old_value, years, value,
        entry.new_excluded, entry.old_excluded, only_in,
    )  # fmt: skip
