"""Chart slides hold to the ECMA-376 schema's element order and value ranges, which PowerPoint
enforces (it offers to "repair" a file that breaks them), and the package lists every slide."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from carveplan.chart.vector import Anchor, Baseline, Box, Mark, Page, Polyline, Rule, Shape, Text
from carveplan.io.formats import ExportOptions
from carveplan.io.present.deck import deck_bytes
from carveplan.io.present.shapes import page_shapes
from carveplan.io.present.slideparts import InsertedSlides, deck_file, footers, slide_xml
from tests.helpers.drawingml import A, P, problems
from tests.helpers.plans import partnership

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _every_kind() -> Page:
    """A page with every item kind, the awkward cases among them."""
    items = (
        Box(10, 10, 50, 20, "#1F77B4", alpha=0.4, stroke="#000000", stroke_width=0.5),
        Box(70, 30, -20, -10, None, hatch=True),
        Box(10, 40, 30, 10, "#abc", alpha=0.0, hatch=True, stroke="#FF000080", stroke_width=1),
        Rule(0, 0, 100, 50, "#333333", 0.75, dash=(3, 2, 1)),
        Rule(0, 50, 100, 0, "#333333", 0.0),
        Mark(20, 20, 6, Shape.DIAMOND, "#FF0000", stroke="#000000", stroke_width=0.5),
        Mark(30, 20, 6, Shape.TRIANGLE, "#00FF00"),
        Text(5, 5, 'Rotated <&> "quoted"\ttab\nline', 9, "#000000", True, Anchor.END,
             Baseline.TOP, rotation=90),
        Text(5, 5, "Turned back", 9, "#000000", rotation=-450.5),
        Text(5, 5, "bell\x07 vt\x0b nul\x00 fffe\ufffe lone\ud800 ok", 9, "#000000"),
        Text(-1e9, 5, "x" * 200_000, 400, "#000000", anchor=Anchor.MIDDLE),
        Polyline(((0, 0), (10, 5), (20, 0)), "#123456", 1.0, dash=(1, 1), fill="#654321"),
        Polyline(((0, 0),), "#123456"),
        Polyline((), None),
    )  # fmt: skip
    return Page(200, 100, "#FFFFFF", items)


def _slide(page: Page) -> bytes:
    shapes = page_shapes(page, (0.5, 1.2, 12.3, 5.8), first_id=3)
    count = 3 + len(page.items) + 1
    feet = footers(2, 9, "RESTRICTED\r\n")
    return slide_xml("Title <x>\x01", (0.4, 0.2, 12, 0.8), 30, shapes, feet, count).encode("utf-8")


def test_the_checker_finds_what_powerpoint_would_repair() -> None:
    """The schema check is not vacuous: out-of-order children and out-of-range values are found."""
    good = _slide(_every_kind())
    assert problems(good) == []
    run = rb'(<a:solidFill><a:srgbClr val="000000"/></a:solidFill>)(<a:latin [^>]*/>)'
    swapped = re.sub(run, rb"\2\1", good)  # the font before the colour
    assert swapped != good
    assert any("out of order" in p for p in problems(swapped))
    assert any(
        "alpha" in p for p in problems(good.replace(b'<a:alpha val="40000"', b'<a:alpha val="140000"'))
    )
    assert any("repeated" in p for p in problems(good.replace(b'id="4"', b'id="3"')))
    assert any("lacks" in p for p in problems(re.sub(rb"<a:bodyPr.*?</a:bodyPr>", b"", good, count=1)))


def test_a_chart_slide_with_every_kind_of_shape_is_schema_valid() -> None:
    xml = _slide(_every_kind())
    assert problems(xml) == []
    root = etree.fromstring(xml)
    ids = [int(e.get("id")) for e in root.iter(P + "cNvPr")]
    assert ids == list(range(1, len(ids) + 1))  # the tree is 1, the title 2, shapes from 3
    names = [e.get("name") for e in root.iter(P + "cNvPr")][1:]
    assert all(names)
    assert len(set(names)) == len(names)
    texts = "".join(t.text or "" for t in root.iter(A + "t"))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\t\n\r]", texts)
    assert "bell vt nul fffe lone ok" in texts


def test_rotation_offsets_and_extents_stay_in_range() -> None:
    root = etree.fromstring(_slide(_every_kind()))
    turns = [int(x.get("rot")) for x in root.iter(A + "xfrm") if x.get("rot")]
    assert turns == [16200000, 5430000]  # 90 degrees anticlockwise is 270 clockwise; -450.5 is 90.5
    for off in root.iter(A + "off"):
        assert -(2**31) <= int(off.get("x")) < 2**31
    widest = max(int(e.get("cx")) for e in root.iter(A + "ext"))
    assert widest == 2**31 - 1  # the 200,000-character label is kept within 32 bits


def test_shape_properties_and_runs_keep_the_schema_order() -> None:
    root = etree.fromstring(_slide(_every_kind()))
    order = {
        P + "spPr": [A + "xfrm", A + "custGeom", A + "prstGeom", A + "noFill", A + "solidFill",
                     A + "pattFill", A + "ln"],
        A + "ln": [A + "noFill", A + "solidFill", A + "prstDash", A + "custDash"],
        A + "rPr": [A + "ln", A + "solidFill", A + "latin"],
        A + "p": [A + "pPr", A + "r", A + "endParaRPr"],
    }  # fmt: skip
    for parent, sequence in order.items():
        for element in root.iter(parent):
            places = [sequence.index(child.tag) for child in element]
            assert places == sorted(places), etree.tostring(element)
    assert {d.get("d") for d in root.iter(A + "ds")} <= {str(n) for n in range(1, 10**7)}
    colours = {c.get("val") for c in root.iter(A + "srgbClr")}
    assert all(re.fullmatch("[0-9A-F]{6}", c) for c in colours)
    assert "AABBCC" in colours
    assert "FF0000" in colours


@pytest.fixture(scope="module")
def package() -> zipfile.ZipFile:
    options = ExportOptions(today=date(2026, 11, 25), style="projector")
    return zipfile.ZipFile(io.BytesIO(deck_bytes(partnership(), options)))


def test_every_slide_of_a_deck_is_schema_valid(package: zipfile.ZipFile) -> None:
    slides = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert len(slides) >= 4
    for name in slides:
        assert problems(package.read(name)) == [], name


def test_the_package_lists_every_slide_once_and_in_order(package: zipfile.ZipFile) -> None:
    types = etree.fromstring(package.read("[Content_Types].xml"))
    overrides = [o.get("PartName") for o in types.iter(_TYPES + "Override")]
    slides = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert sorted(overrides) == sorted(set(overrides))
    assert {"/" + n for n in slides} <= set(overrides)
    presentation = etree.fromstring(package.read("ppt/presentation.xml"))
    tags = [child.tag for child in presentation]
    assert tags.index(P + "sldMasterIdLst") < tags.index(P + "sldIdLst") < tags.index(P + "sldSz")
    assert tags.count(P + "sldIdLst") == 1
    assert presentation.find(P + "sldSz").get("type") == "custom"  # 16:9, not the template's 4:3
    entries = list(presentation.iter(P + "sldId"))
    ids = [int(e.get("id")) for e in entries]
    assert len(set(ids)) == len(ids) == len(slides)
    assert all(256 <= i < 2**31 for i in ids)
    relations = etree.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    targets = {r.get("Id"): r.get("Target") for r in relations.iter(_RELS + "Relationship")}
    assert sorted("ppt/" + targets[e.get(rid)] for e in entries) == sorted(slides)
    for name in slides:
        rels = etree.fromstring(package.read(name.replace("slides/", "slides/_rels/") + ".rels"))
        (layout,) = [r.get("Target") for r in rels.iter(_RELS + "Relationship")]
        assert "ppt/slideLayouts/" + layout.rsplit("/", 1)[-1] in package.namelist()


def test_slides_go_into_an_empty_slide_list_without_a_second_list() -> None:
    deck = Presentation()
    deck.slides._sldIdLst.getparent().remove(deck.slides._sldIdLst)
    deck.part._element.insert(1, etree.Element(P + "sldIdLst"))  # the library's "<p:sldIdLst/>"
    layout = str(deck.slide_layouts[5].part.partname)
    made = iter([slide_xml("chart", (0.4, 0.2, 9, 0.8), 30, [], footers(1, 1, ""), 3)])
    data = b"".join(deck_file(deck, InsertedSlides(1, made, layout, after=0)))
    presentation = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("ppt/presentation.xml"))
    assert [e.tag for e in presentation].count(P + "sldIdLst") == 1
    assert [s.shapes.title.text for s in Presentation(io.BytesIO(data)).slides] == ["chart"]


def test_the_open_xml_sdk_schemas_find_nothing_to_repair(tmp_path: Path) -> None:
    """The whole package, awkward chart slides included, against the Open XML SDK's schemas and
    semantic checks (a pure-Python port): what PowerPoint would offer to repair is reported."""
    validator_module = pytest.importorskip("openxml_audit.validator")
    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "cover"
    layout = str(deck.slide_layouts[5].part.partname)
    xml = _slide(_every_kind()).decode("utf-8")
    awkward = tmp_path / "awkward.pptx"
    awkward.write_bytes(b"".join(deck_file(deck, InsertedSlides(2, iter([xml, xml]), layout, after=1))))
    whole = tmp_path / "deck.pptx"
    whole.write_bytes(deck_bytes(partnership(), ExportOptions(today=date(2026, 11, 25), style="projector")))
    validator = validator_module.OpenXmlValidator(max_errors=0)
    for path in (awkward, whole):
        result = validator.validate(path)
        assert [e.description for e in result.errors] == [], path.name
    broken = awkward.read_bytes()  # the check is not vacuous: a font before its colour is reported
    assert not validator.validate(_reordered(broken, tmp_path / "broken.pptx")).is_valid


def _reordered(data: bytes, path: Path) -> Path:
    run = rb'(<a:solidFill><a:srgbClr val="000000"/></a:solidFill>)(<a:latin [^>]*/>)'
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            content = source.read(item)
            out.writestr(item, re.sub(run, rb"\2\1", content) if "slides/slide" in item.filename else content)
    return path


def test_a_deck_whose_labels_hold_control_characters_is_written_and_valid() -> None:
    agreement = dataclasses.replace(
        partnership(), title="Trade\tand\x07 Security\nPartnership", classification="RESTRICTED\r\n\x00"
    )
    data = deck_bytes(agreement, ExportOptions(today=date(2026, 11, 25), style="projector"))
    package = zipfile.ZipFile(io.BytesIO(data))
    slides = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    for name in slides:
        assert problems(package.read(name)) == [], name
    texts = [s.text_frame.text for s in Presentation(io.BytesIO(data)).slides[1].shapes if s.has_text_frame]
    assert "RESTRICTED" in texts
