"""A slide's XML checked against the ECMA-376 (transitional) schema's sequences for the elements a
chart slide uses: each element's children are ones its type allows, in the order the schema lists
them, required children present, and attribute values within their simple types' ranges.

The tables are transcribed from pml.xsd and dml-main.xsd (CT_Slide, CT_GroupShape, CT_Shape,
CT_Connector, CT_ShapeProperties, CT_LineProperties, CT_TextBody, CT_TextCharacterProperties, ...);
an element not listed here is reported, so a new kind of element must be added with its schema order.
"""

from __future__ import annotations

import re

from lxml import etree

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_FILLS = ["a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill"]
_GEOMETRY = ["a:custGeom", "a:prstGeom"]
_COLOURS = ["a:scrgbClr", "a:srgbClr", "a:hslClr", "a:sysClr", "a:schemeClr", "a:prstClr"]

# element -> its children's groups in schema order: (names allowed at this place, required)
SEQUENCES: dict[str, list[tuple[list[str], bool]]] = {
    "p:sld": [
        (["p:cSld"], True),
        (["p:clrMapOvr"], False),
        (["p:transition"], False),
        (["p:timing"], False),
        (["p:extLst"], False),
    ],
    "p:cSld": [
        (["p:bg"], False),
        (["p:spTree"], True),
        (["p:custDataLst"], False),
        (["p:controls"], False),
        (["p:extLst"], False),
    ],
    "p:clrMapOvr": [(["a:masterClrMapping", "a:overrideClrMapping"], True)],
    "a:masterClrMapping": [],
    "p:spTree": [
        (["p:nvGrpSpPr"], True),
        (["p:grpSpPr"], True),
        (["p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic", "p:contentPart"], False),
        (["p:extLst"], False),
    ],
    "p:nvGrpSpPr": [(["p:cNvPr"], True), (["p:cNvGrpSpPr"], True), (["p:nvPr"], True)],
    "p:cNvGrpSpPr": [(["a:grpSpLocks"], False), (["a:extLst"], False)],
    "p:grpSpPr": [
        (["a:xfrm"], False),
        (_FILLS, False),
        (["a:effectLst", "a:effectDag"], False),
        (["a:scene3d"], False),
        (["a:extLst"], False),
    ],
    "p:sp": [
        (["p:nvSpPr"], True),
        (["p:spPr"], True),
        (["p:style"], False),
        (["p:txBody"], False),
        (["p:extLst"], False),
    ],
    "p:nvSpPr": [(["p:cNvPr"], True), (["p:cNvSpPr"], True), (["p:nvPr"], True)],
    "p:cNvPr": [(["a:hlinkClick"], False), (["a:hlinkHover"], False), (["a:extLst"], False)],
    "p:cNvSpPr": [(["a:spLocks"], False), (["a:extLst"], False)],
    "a:spLocks": [(["a:extLst"], False)],
    "p:nvPr": [
        (["p:ph"], False),
        (["a:audioCd", "a:wavAudioFile", "a:audioFile", "a:videoFile", "a:quickTimeFile"], False),
        (["p:custDataLst"], False),
        (["p:extLst"], False),
    ],
    "p:ph": [(["p:extLst"], False)],
    "p:cxnSp": [(["p:nvCxnSpPr"], True), (["p:spPr"], True), (["p:style"], False), (["p:extLst"], False)],
    "p:nvCxnSpPr": [(["p:cNvPr"], True), (["p:cNvCxnSpPr"], True), (["p:nvPr"], True)],
    "p:cNvCxnSpPr": [
        (["a:cxnSpLocks"], False),
        (["a:stCxn"], False),
        (["a:endCxn"], False),
        (["a:extLst"], False),
    ],
    "p:spPr": [
        (["a:xfrm"], False),
        (_GEOMETRY, False),
        (_FILLS, False),
        (["a:ln"], False),
        (["a:effectLst", "a:effectDag"], False),
        (["a:scene3d"], False),
        (["a:sp3d"], False),
        (["a:extLst"], False),
    ],
    "a:xfrm": [(["a:off"], False), (["a:ext"], False)],
    "a:off": [],
    "a:ext": [],
    "a:prstGeom": [(["a:avLst"], False)],
    "a:avLst": [(["a:gd"], False)],
    "a:gdLst": [(["a:gd"], False)],
    "a:ahLst": [(["a:ahXY", "a:ahPolar"], False)],
    "a:cxnLst": [(["a:cxn"], False)],
    "a:custGeom": [
        (["a:avLst"], False),
        (["a:gdLst"], False),
        (["a:ahLst"], False),
        (["a:cxnLst"], False),
        (["a:rect"], False),
        (["a:pathLst"], True),
    ],
    "a:rect": [],
    "a:pathLst": [(["a:path"], False)],
    "a:path": [(["a:close", "a:moveTo", "a:lnTo", "a:arcTo", "a:quadBezTo", "a:cubicBezTo"], False)],
    "a:moveTo": [(["a:pt"], True)],
    "a:lnTo": [(["a:pt"], True)],
    "a:close": [],
    "a:pt": [],
    "a:noFill": [],
    "a:solidFill": [(_COLOURS, False)],
    "a:pattFill": [(["a:fgClr"], False), (["a:bgClr"], False)],
    "a:fgClr": [(_COLOURS, True)],
    "a:bgClr": [(_COLOURS, True)],
    "a:srgbClr": [(["a:tint", "a:shade", "a:alpha", "a:lumMod", "a:lumOff"], False)],
    "a:alpha": [],
    "a:ln": [
        (["a:noFill", "a:solidFill", "a:gradFill", "a:pattFill"], False),
        (["a:prstDash", "a:custDash"], False),
        (["a:round", "a:bevel", "a:miter"], False),
        (["a:headEnd"], False),
        (["a:tailEnd"], False),
        (["a:extLst"], False),
    ],
    "a:prstDash": [],
    "a:custDash": [(["a:ds"], False)],
    "a:ds": [],
    "p:txBody": [(["a:bodyPr"], True), (["a:lstStyle"], False), (["a:p"], True)],
    "a:bodyPr": [
        (["a:prstTxWarp"], False),
        (["a:noAutofit", "a:normAutofit", "a:spAutoFit"], False),
        (["a:scene3d"], False),
        (["a:sp3d", "a:flatTx"], False),
        (["a:extLst"], False),
    ],
    "a:noAutofit": [],
    "a:spAutoFit": [],
    "a:lstStyle": [(["a:defPPr"], False), (["a:lvl1pPr"], False), (["a:extLst"], False)],
    "a:p": [(["a:pPr"], False), (["a:r", "a:br", "a:fld"], False), (["a:endParaRPr"], False)],
    "a:pPr": [
        (["a:lnSpc"], False),
        (["a:spcBef"], False),
        (["a:spcAft"], False),
        (["a:buClrTx", "a:buClr"], False),
        (["a:buSzTx", "a:buSzPct", "a:buSzPts"], False),
        (["a:buFontTx", "a:buFont"], False),
        (["a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip"], False),
        (["a:tabLst"], False),
        (["a:defRPr"], False),
        (["a:extLst"], False),
    ],
    "a:r": [(["a:rPr"], False), (["a:t"], True)],
    "a:rPr": [
        (["a:ln"], False),
        (_FILLS, False),
        (["a:effectLst", "a:effectDag"], False),
        (["a:highlight"], False),
        (["a:uLnTx", "a:uLn"], False),
        (["a:uFillTx", "a:uFill"], False),
        (["a:latin"], False),
        (["a:ea"], False),
        (["a:cs"], False),
        (["a:sym"], False),
        (["a:hlinkClick"], False),
        (["a:hlinkMouseOver"], False),
        (["a:rtl"], False),
        (["a:extLst"], False),
    ],
    "a:latin": [],
    "a:t": [],
}
_MULTIPLE = {"p:sp", "a:path", "a:gd", "a:ds", "a:r", "a:br", "a:fld", "a:pt"}  # maxOccurs unbounded
_MULTIPLE_IN = {
    ("p:spTree", 2),
    ("a:pathLst", 0),
    ("a:custDash", 0),
    ("a:p", 1),
    ("a:path", 0),
    ("p:txBody", 2),
}
_LIBRARY = {"p:graphicFrame"}  # tables, written by the slide library and not checked here
_INT = re.compile(r"-?\d+\Z")
_PATTERNS = {
    "pct5",
    "pct10",
    "pct20",
    "pct25",
    "pct30",
    "pct40",
    "pct50",
    "pct60",
    "pct70",
    "pct75",
    "pct80",
    "pct90",
    "horz",
    "vert",
    "ltHorz",
    "ltVert",
    "dkHorz",
    "dkVert",
    "narHorz",
    "narVert",
    "dashHorz",
    "dashVert",
    "cross",
    "dnDiag",
    "upDiag",
    "ltDnDiag",
    "ltUpDiag",
    "dkDnDiag",
    "dkUpDiag",
    "wdDnDiag",
    "wdUpDiag",
    "dashDnDiag",
    "dashUpDiag",
    "diagCross",
    "smCheck",
    "lgCheck",
    "smGrid",
    "lgGrid",
    "dotGrid",
    "smConfetti",
    "lgConfetti",
    "horzBrick",
    "diagBrick",
    "solidDmnd",
    "openDmnd",
    "dotDmnd",
    "plaid",
    "sphere",
    "weave",
    "divot",
    "shingle",
    "wave",
    "trellis",
    "zigZag",
}
_GEOMETRIES = {"line", "rect", "ellipse", "diamond", "triangle", "roundRect", "straightConnector1"}
COORDINATE = 27273042316900  # ST_Coordinate's bound (PowerPoint itself keeps to 32-bit values)
INT32 = 2**31 - 1
# (element, attribute) -> (low, high) for integers; a set for enumerations
RANGES: dict[tuple[str, str], tuple[int, int] | set[str]] = {
    ("p:cNvPr", "id"): (0, 2**32 - 1),
    ("a:off", "x"): (-INT32 - 1, INT32),
    ("a:off", "y"): (-INT32 - 1, INT32),
    ("a:ext", "cx"): (0, INT32),
    ("a:ext", "cy"): (0, INT32),
    ("a:xfrm", "rot"): (-21600000 * 100, 21600000 * 100),
    ("a:xfrm", "flipH"): {"0", "1"},
    ("a:xfrm", "flipV"): {"0", "1"},
    ("a:ln", "w"): (0, 20116800),
    ("a:alpha", "val"): (0, 100000),
    ("a:ds", "d"): (0, INT32),
    ("a:ds", "sp"): (0, INT32),
    ("a:rPr", "sz"): (100, 400000),
    ("a:rPr", "b"): {"0", "1"},
    ("a:pPr", "algn"): {"l", "ctr", "r", "just", "justLow", "dist", "thaiDist"},
    ("a:bodyPr", "wrap"): {"none", "square"},
    ("a:bodyPr", "anchor"): {"t", "ctr", "b", "just", "dist"},
    ("a:bodyPr", "lIns"): (0, INT32),
    ("a:bodyPr", "tIns"): (0, INT32),
    ("a:bodyPr", "rIns"): (0, INT32),
    ("a:bodyPr", "bIns"): (0, INT32),
    ("a:bodyPr", "rtlCol"): {"0", "1"},
    ("a:pattFill", "prst"): _PATTERNS,
    ("a:prstGeom", "prst"): _GEOMETRIES,
    ("a:path", "w"): (0, COORDINATE),
    ("a:path", "h"): (0, COORDINATE),
    ("a:pt", "x"): (-COORDINATE, COORDINATE),
    ("a:pt", "y"): (-COORDINATE, COORDINATE),
    ("p:cNvSpPr", "txBox"): {"0", "1"},
    ("a:spLocks", "noGrp"): {"0", "1"},
}


def _name(element: etree._Element) -> str:
    tag = str(element.tag)
    return tag.replace(P, "p:").replace(A, "a:")


def problems(xml: bytes) -> list[str]:
    """What in the slide ``xml`` breaks the schema's order, required children or value ranges."""
    found: list[str] = []
    root = etree.fromstring(xml)
    skipped = {e for f in root.iter(P + "graphicFrame") for e in f.iter()}
    for element in root.iter():
        name = _name(element)
        if element in skipped:
            continue
        if name not in SEQUENCES:
            found.append(f"{name}: not in the checked subset")
            continue
        found += _order(name, element) + _values(name, element)
    found += _ids(root)
    return found


def _order(name: str, element: etree._Element) -> list[str]:
    groups = SEQUENCES[name]
    place, counts, out = 0, [0] * len(groups), []
    for child in element:
        child_name = _name(child)
        at = next((i for i in range(place, len(groups)) if child_name in groups[i][0]), None)
        if at is None:
            out.append(f"{name}: {child_name} out of order or not allowed")
            continue
        counts[at] += 1
        if counts[at] > 1 and (name, at) not in _MULTIPLE_IN and child_name not in _MULTIPLE:
            out.append(f"{name}: {child_name} repeated")
        place = at
    out += [f"{name}: lacks {g[0]}" for g, n in zip(groups, counts, strict=True) if g[1] and not n]
    return out


def _values(name: str, element: etree._Element) -> list[str]:
    out = []
    for attribute, value in element.attrib.items():
        allowed = RANGES.get((name, str(attribute)))
        if isinstance(allowed, set) and value not in allowed:
            out.append(f"{name} {attribute}={value!r} not one of the schema's values")
        elif isinstance(allowed, tuple) and not (
            _INT.match(value) and allowed[0] <= int(value) <= allowed[1]
        ):
            out.append(f"{name} {attribute}={value!r} not an integer in {allowed}")
    if name == "a:srgbClr" and not re.fullmatch(r"[0-9A-Fa-f]{6}", element.get("val", "")):
        out.append(f"a:srgbClr val={element.get('val')!r} not six hex digits")
    if name == "p:cNvPr" and not element.get("name") and element.getparent().tag != P + "nvGrpSpPr":
        out.append("p:cNvPr without a name")
    return out


def _ids(root: etree._Element) -> list[str]:
    ids = [e.get("id") for e in root.iter(P + "cNvPr")]
    names = [e.get("name") for e in root.iter(P + "cNvPr")][1:]  # the tree's own may be empty
    out = [f"shape id {i} repeated" for i in sorted(set(ids)) if ids.count(i) > 1]
    return out + [f"shape name {n!r} repeated" for n in sorted(set(names)) if names.count(n) > 1]
