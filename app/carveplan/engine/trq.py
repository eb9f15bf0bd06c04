"""Staging codes marking a tariff-rate quota: ``10 Years, TRQ``, ``Immediate,TRQ-CA15``, ``B10-in quota``."""

from __future__ import annotations

import re

# A TRQ marker after the staging code (USMCA "TRQ-CA15", KORUS "10 Years, TRQ"), or the in-quota part
# of an EU-Viet Nam code ("B10-in quota"): what is left is the code that stages the rate.
_MARKER = re.compile(
    r"\s*(?:[,;/]\s*|\s+|-)?(?:TRQ\b.*|in[\s-]quota\b.*|\(?in[\s-]quota\)?.*)$", re.IGNORECASE
)
_ANY = re.compile(r"\bTRQ\b|\bin[\s-]quota\b", re.IGNORECASE)
_NO_CUT = re.compile(r"no\s*cut\b.*", re.IGNORECASE)


def staging_of(code: str) -> str | None:
    """The staging code inside a quota category, or ``None`` when the code marks no quota.

    Args:
        code: e.g. ``10 Years, TRQ``, ``Immediate,TRQ-CA15``, ``No Cut, TRQ-US1``, ``B10-in quota``.

    Returns:
        ``10 Years``, ``Immediate``, ``EXCL`` (no cut: the rate stays), ``B10``; ``None`` for ``B10``
        and for a bare ``TRQ-CA15``, whose appendix stages the rate.
    """
    written = " ".join(code.split())
    stripped = _MARKER.sub("", written)
    if stripped == written or not stripped:
        return None  # no marker, or only one (TRQ-CA15: its appendix stages it; define the category)
    return "EXCL" if _NO_CUT.fullmatch(stripped) else stripped


def is_quota_code(code: str) -> bool:
    """Whether a staging code marks a tariff-rate quota (``TRQ-CA15``, ``B10-in quota``, ``Q``)."""
    return _ANY.search(code) is not None or code.strip().upper() == "Q"
