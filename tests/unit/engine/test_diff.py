"""Comparing two versions of a schedule: every kind of change, splits, summaries and party scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from carveplan.engine.diff import Change, diff
from carveplan.engine.diff_summary import summarize
from carveplan.model import Gate, ReviewClause, SecurityException, StagingCategory, StagingKind, parse_timing
from carveplan.model.rates import parse_rate
from tests.unit.engine.conftest import agreement, line, milestone

# KORUS "5 Years" from EIF 15 March 2012 is free on 1 January 2016; "10 Years" on 1 January 2021.
OFFER = agreement(
    lines=(
        line("crude", code="270900", base="8", category="5 Years"),
        line("lng", code="271111", base="6.8", category="5 Years"),
        line("fuel", code="2710.12.11", base="20", category="5 Years"),
        line("cable", code="854470", sector="telecommunications", base="5", category="A"),
        line("coal", code="270112", base="3", category="5 Years"),
    ),
    milestones=(milestone("REG-1", "EIF+6m"),),
)


def _line(name: str, **changes: object) -> tuple:
    lines = tuple(replace(x, **changes) if x.id == name else x for x in OFFER.lines)
    return lines


def test_the_same_schedule_has_no_changes() -> None:
    result = diff(OFFER, OFFER)
    assert result.changed == ()
    assert {d.change for d in result.lines} == {Change.UNCHANGED}
    assert result.records == ()
    assert result.eif is None


def test_a_longer_category_moves_the_final_date_later_by_sixty_months() -> None:
    result = diff(OFFER, replace(OFFER, lines=_line("crude", category="10 Years")))
    (entry,) = result.changed
    assert entry.change is Change.CHANGED
    assert entry.field("category").old == "5 Years"
    assert entry.field("category").new == "10 Years"
    assert entry.old_final == date(2016, 1, 1)
    assert entry.new_final == date(2021, 1, 1)
    assert entry.months == 60
    assert entry.field("final date").new == "2021-01-01"


def test_a_changed_base_rate_and_target() -> None:
    new = replace(OFFER, lines=_line("lng", base=Decimal("7.5"), target=Decimal("2")))
    (entry,) = diff(OFFER, new).changed
    assert (entry.field("base").old, entry.field("base").new) == ("6.8", "7.5")
    assert (entry.field("target").old, entry.field("target").new) == ("", "2")
    assert (entry.field("final value").old, entry.field("final value").new) == ("0", "2")
    assert entry.months is None  # still free on 1 January 2016


def test_a_new_gate_is_reported_and_delays_the_line() -> None:
    late = replace(OFFER.milestones[0], due=parse_timing("2017-06-30"))
    new = replace(OFFER, lines=_line("coal", gates=(Gate("REG-1"),)), milestones=(late,))
    result = diff(OFFER, new)
    (entry,) = result.changed
    assert (entry.field("gates").old, entry.field("gates").new) == ("", "REG-1")
    assert entry.new_final == date(2017, 6, 30)
    assert entry.months == 17
    (moved,) = result.records
    assert (moved.kind, moved.key, moved.change) == ("milestone", "REG-1", Change.CHANGED)
    assert moved.fields[0].field == "due"
    assert moved.months == 57  # 15 September 2012 to 30 June 2017: 4 years and 9 months


def test_added_and_withdrawn_lines() -> None:
    new = replace(OFFER, lines=(*OFFER.lines[1:], line("elec", code="271600", category="A")))
    result = diff(OFFER, new)
    kinds = {(d.change, d.code) for d in result.changed}
    assert kinds == {(Change.WITHDRAWN, "270900"), (Change.ADDED, "271600")}
    assert result.lines[-1].change is Change.WITHDRAWN  # withdrawn lines come last


def test_an_hs8_line_split_into_two_hs10_lines() -> None:
    children = (
        line("fuel-a", code="2710121110", base="20", category="5 Years"),
        line("fuel-b", code="2710121190", base="20", category="10 Years"),
    )
    new = replace(OFFER, lines=(*(x for x in OFFER.lines if x.id != "fuel"), *children))
    result = diff(OFFER, new)
    (group,) = result.regroupings
    assert group.old[0].code == "2710.12.11"
    split = [d for d in result.changed if d.change is Change.SPLIT]
    assert [(d.old.id, d.new.id) for d in split] == [("fuel", "fuel-a"), ("fuel", "fuel-b")]
    assert split[0].field("code").new == "2710121110"
    assert split[0].months is None
    assert split[1].months == 60
    energy = next(s for s in summarize(result) if s.sector == "energy")
    assert (energy.split, energy.added, energy.withdrawn) == (1, 0, 0)


def test_newly_excluded_lines_are_counted() -> None:
    new = replace(OFFER, lines=_line("crude", category="EXCL"))
    result = diff(OFFER, new)
    (entry,) = result.changed
    assert entry.newly_excluded
    assert entry.field("final date").new == "excluded"
    energy = next(s for s in summarize(result) if s.sector == "energy")
    assert energy.newly_excluded == 1


def test_summary_per_party_and_sector_counts_earlier_later_and_the_mean() -> None:
    new = replace(
        OFFER,
        lines=tuple(
            replace(x, category={"crude": "10 Years", "lng": "A"}.get(x.id, x.category)) for x in OFFER.lines
        ),
    )
    summaries = {(s.party, s.sector): s for s in summarize(diff(OFFER, new))}
    energy = summaries[("AAA", "energy")]
    assert (energy.lines, energy.changed, energy.earlier, energy.later) == (4, 2, 1, 1)
    # +60 months for crude, 15 March 2012 instead of 1 January 2016 (-45 months) for LNG, 0 for two.
    assert energy.mean_months == round((60 - 45) / 4, 1)
    assert summaries[("AAA", "telecommunications")].changed == 0


def test_changed_exceptions_reviews_categories_and_eif() -> None:
    exception = SecurityException("EX-1", "AAA", max_duration_months=48)
    review = ReviewClause("REV-1", "Joint review", parse_timing("EIF+3y"), interval_months=60)
    old = replace(OFFER, exceptions=(exception,), reviews=(review,))
    new = replace(
        old,
        eif=date(2013, 1, 1),
        exceptions=(replace(exception, max_duration_months=36),),
        reviews=(),
        categories=(StagingCategory("X7", StagingKind.LINEAR, stages=7),),
    )
    result = diff(old, new)
    assert result.eif.old == "2012-03-15"
    found = {(r.kind, r.key, r.change) for r in result.records}
    assert ("exception", "EX-1", Change.CHANGED) in found
    assert ("review", "REV-1", Change.WITHDRAWN) in found
    assert ("category", "X7", Change.ADDED) in found
    changed = next(r for r in result.records if r.kind == "exception")
    assert [(f.field, f.old, f.new) for f in changed.fields] == [("max duration months", "48", "36")]


def test_party_scope_leaves_other_parties_out() -> None:
    other = line("bbb", party="BBB", code="270900", category="5 Years")
    new = replace(OFFER, lines=(*_line("crude", category="10 Years"), replace(other, category="A")))
    old = replace(OFFER, lines=(*OFFER.lines, other))
    result = diff(old, new, party="BBB")
    assert {d.party for d in result.lines} == {"BBB"}
    assert [d.code for d in result.changed] == ["270900"]


def test_a_compound_base_rate_reads_as_published() -> None:
    # KORUS-style compound duty on the line: 3.4¢/kg + 2% becomes 2% ad valorem only.
    compound = parse_rate("3.4¢/kg + 2%")[0]
    old = replace(OFFER, lines=_line("lng", base=compound))
    new = replace(OFFER, lines=_line("lng", base=Decimal(2)))
    (entry,) = diff(old, new).changed
    assert (entry.field("base").old, entry.field("base").new) == ("3.4¢/kg + 2%", "2")
