"""Pairing lines of two rounds by party and code, with codes split and merged."""

from __future__ import annotations

from carveplan.engine.matching import Regroup, code_key, match_lines
from tests.unit.engine.conftest import line


def test_dotted_and_plain_codes_are_one_code() -> None:
    assert code_key("2710.12.11") == code_key("27101211") == "27101211"


def test_a_national_line_padded_with_zeros_is_its_subheading() -> None:
    assert code_key("27090000") == code_key("2709.00") == "270900"
    assert code_key("2710121100") == "27101211"
    assert code_key("2710121110") == "2710121110"


def test_lines_pair_by_party_and_code_not_by_id() -> None:
    old = [line("a", code="270900"), line("b", code="270900", party="BBB")]
    new = [line("x", code="2709.00", party="BBB"), line("y", code="270900")]
    result = match_lines(old, new)
    assert [(o.id, n.id) for o, n in result.pairs] == [("b", "x"), ("a", "y")]
    assert result.added == result.withdrawn == ()


def test_a_code_listed_twice_pairs_in_order() -> None:
    # The in-quota and over-quota rows of a tariff-rate quota share one code.
    old = [line("in", code="100630"), line("over", code="100630")]
    new = [line("in2", code="100630"), line("over2", code="100630")]
    assert [(o.id, n.id) for o, n in match_lines(old, new).pairs] == [("in", "in2"), ("over", "over2")]


def test_added_and_withdrawn() -> None:
    result = match_lines([line("a", code="270900")], [line("b", code="271111")])
    assert [x.id for x in result.withdrawn] == ["a"]
    assert [x.id for x in result.added] == ["b"]
    assert result.regroupings == ()


def test_an_hs8_line_split_into_two_hs10_lines_under_it() -> None:
    old = [line("old", code="2710.12.11"), line("keep", code="271111")]
    new = [line("n1", code="2710121110"), line("keep2", code="271111"), line("n2", code="2710121190")]
    result = match_lines(old, new)
    (group,) = result.regroupings
    assert group.kind is Regroup.SPLIT
    assert [x.id for x in group.old] == ["old"]
    assert [x.id for x in group.new] == ["n1", "n2"]
    assert result.added == result.withdrawn == ()


def test_two_lines_merged_into_the_code_over_them() -> None:
    old = [line("a", code="2710121110"), line("b", code="2710121190")]
    result = match_lines(old, [line("m", code="27101211")])
    (group,) = result.regroupings
    assert group.kind is Regroup.MERGED
    assert [x.id for x in group.old] == ["a", "b"]
    assert [x.id for x in group.new] == ["m"]


def test_a_split_stays_within_its_party() -> None:
    result = match_lines([line("a", code="27101211")], [line("b", code="2710121110", party="BBB")])
    assert result.regroupings == ()
    assert len(result.added) == len(result.withdrawn) == 1


def test_a_chapter_is_not_a_parent() -> None:
    # "27" over every energy line would swallow unrelated additions.
    result = match_lines([line("a", code="27")], [line("b", code="270900")])
    assert result.regroupings == ()


def test_the_subheading_takes_its_lines_before_the_heading() -> None:
    old = [line("heading", code="2710"), line("sub", code="271012")]
    new = [line("n1", code="27101211"), line("n2", code="27101900")]
    groups = {g.old[0].id: [x.id for x in g.new] for g in match_lines(old, new).regroupings}
    assert groups == {"sub": ["n1"], "heading": ["n2"]}
