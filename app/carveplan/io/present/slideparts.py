"""Chart slides written as package parts of their own and put into the deck as it is zipped.

The slide library adds a slide in time that grows with the deck (it searches every relationship
and slide id for the next free one): 1,500 slides cost about 5 s before anything is drawn on them,
and it keeps every slide's XML tree in memory until it saves. The chart slides are written here
instead, one at a time while the file is zipped, each from the "Title Only" layout the library's
own slides use; the deck's other slides (title, milestones, coverage, comparison) stay the library's.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carveplan.io.present.fit import CELL_MARGIN_X, FONT, line_width
from carveplan.io.present.shapes import EMU_PER_INCH, escape

FOOTER_TOP, FOOTER_HEIGHT = 7.05, 0.35  # inches
_SLIDE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    f'xmlns:r="{_RELATIONSHIPS}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/>'
    "<p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
)
_TAIL = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
_SLIDE_ID = re.compile(rb"<p:sldId [^>]*/>")
_SLIDE_PART = re.compile(r"ppt/slides/slide(\d+)\.xml")


@dataclass(frozen=True)
class Footer:
    """One footer box: its text, left edge and width in inches, alignment, weight and size."""

    text: str
    left: float
    width: float
    align: str  # "l" or "r"
    bold: bool
    size: int


def footers(number: int, count: int, classification: str) -> list[Footer]:
    """The slide number at the bottom right and the classification label at the bottom left.

    One line each at most: a long classification label shrinks (11 down to 8 points) rather than
    rising into the slide.
    """
    boxes = [(f"{number} / {count}", 9.9, 3.0, "r", False)]
    if classification:
        boxes.append((classification, 0.4, 9.0, "l", True))
    out = []
    for text, left, width, align, bold in boxes:
        # A tenth over the glyphs' advances: a viewer's hinting widens text (see fit.line_width).
        fits = [s for s in (11, 10, 9, 8) if line_width(text, s, bold) * 1.1 <= width - 2 * CELL_MARGIN_X]
        out.append(Footer(text, left, width, align, bold, fits[0] if fits else 8))
    return out


def slide_xml(title: str, title_box: tuple[float, float, float, float], title_size: int,
              shapes: Iterable[str], feet: list[Footer], first_id: int) -> str:  # fmt: skip
    """A "Title Only" slide: its title placeholder, ``shapes`` (ids from 3 to ``first_id - 1``), footers.

    Args:
        title: the slide's title.
        title_box: the title's left, top, width and height in inches.
        title_size: its size in points.
        shapes: the shapes' XML, ids 3 onwards.
        feet: the footer boxes.
        first_id: the id after the last of ``shapes``.
    """
    left, top, width, height = (round(v * EMU_PER_INCH) for v in title_box)
    parts = [
        _HEAD,
        '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        '<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm></p:spPr><p:txBody>'
        '<a:bodyPr wrap="square"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="l"/><a:r>'
        f'<a:rPr lang="en-US" sz="{title_size * 100}"><a:latin typeface="{FONT}"/></a:rPr>'
        f"<a:t>{escape(title)}</a:t></a:r></a:p></p:txBody></p:sp>",
    ]
    parts.extend(shapes)
    parts.extend(_footer(first_id + i, foot) for i, foot in enumerate(feet))
    parts.append(_TAIL)
    return "".join(parts)


def _footer(number: int, foot: Footer) -> str:
    left, top = round(foot.left * EMU_PER_INCH), round(FOOTER_TOP * EMU_PER_INCH)
    width, height = round(foot.width * EMU_PER_INCH), round(FOOTER_HEIGHT * EMU_PER_INCH)
    bold = ' b="1"' if foot.bold else ""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{number}" name="Footer"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>'
        f'<a:bodyPr wrap="square"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="{foot.align}"/>'
        f'<a:r><a:rPr lang="en-US" sz="{foot.size * 100}"{bold}><a:latin typeface="{FONT}"/></a:rPr>'
        f"<a:t>{escape(foot.text)}</a:t></a:r></a:p></p:txBody></p:sp>"
    )


class InsertedSlides:
    """Slides put into a saved deck's package after one of its slides, written as they are made.

    Args:
        count: how many slides ``slides`` yields.
        slides: each slide's XML, made when it is written (so one is in memory at a time).
        layout: the slide layout's part name (``/ppt/slideLayouts/slideLayout6.xml``).
        after: how many of the deck's own slides come before them.
    """

    def __init__(self, count: int, slides: Iterator[str], layout: str, after: int = 1) -> None:
        self.count = count
        self._slides = slides
        self._layout = "../" + layout.rsplit("/", 2)[-2] + "/" + layout.rsplit("/", 1)[-1]
        self._after = after
        self._first = 1

    def prepare(self, names: Iterable[str]) -> None:
        """Number the new slide parts after the package's own (``names``: its members)."""
        numbers = [int(m.group(1)) for n in names if (m := _SLIDE_PART.fullmatch(n))]
        self._first = max(numbers, default=0) + 1

    def _numbers(self) -> range:
        return range(self._first, self._first + self.count)

    def patch(self, name: str, data: bytes) -> bytes:
        """``data`` of the package member ``name``, listing the new slides where the package lists slides."""
        if name == "[Content_Types].xml":
            overrides = "".join(
                f'<Override PartName="/ppt/slides/slide{n}.xml" ContentType="{_SLIDE_TYPE}"/>'
                for n in self._numbers()
            )
            return data.replace(b"</Types>", overrides.encode() + b"</Types>")
        if name == "ppt/_rels/presentation.xml.rels":
            relations = "".join(
                f'<Relationship Id="rIdChart{n}" Type="{_RELATIONSHIPS}/slide" Target="slides/slide{n}.xml"/>'
                for n in self._numbers()
            )
            return data.replace(b"</Relationships>", relations.encode() + b"</Relationships>")
        if name == "ppt/presentation.xml":
            return self._listed(data)
        return data

    def _listed(self, data: bytes) -> bytes:
        found = list(_SLIDE_ID.finditer(data))
        ids = [int(m) for m in re.findall(rb'<p:sldId id="(\d+)"', data)]
        start = max(ids, default=255) + 1
        entries = "".join(
            f'<p:sldId id="{start + i}" r:id="rIdChart{n}"/>' for i, n in enumerate(self._numbers())
        ).encode()
        if not found:
            return data.replace(b"<p:sldSz", b"<p:sldIdLst>" + entries + b"</p:sldIdLst><p:sldSz", 1)
        at = found[min(self._after, len(found)) - 1].end() if self._after else found[0].start()
        return data[:at] + entries + data[at:]

    def write(self, out: zipfile.ZipFile) -> None:
        """Write every new slide and its relationships to ``out``, one slide at a time."""
        relations = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/slideLayout" Target="{self._layout}"/>'
            "</Relationships>"
        ).encode()
        for number, xml in zip(self._numbers(), self._slides, strict=True):
            # Least effort: slide XML is repetitive and compresses well even so, at a third of the time.
            out.writestr(f"ppt/slides/slide{number}.xml", xml.encode("utf-8"), zipfile.ZIP_DEFLATED, 1)
            out.writestr(f"ppt/slides/_rels/slide{number}.xml.rels", relations, zipfile.ZIP_DEFLATED)


_CHUNK = 1 << 20  # bytes per piece handed to the file writer


def deck_file(deck: Any, inserted: InsertedSlides) -> Iterator[bytes]:
    """The ``.pptx`` file of the slide library's ``deck`` with the ``inserted`` slides, piece by piece.

    The file is zipped into a temporary folder (removed afterwards, also when the slides' maker
    raises or is cancelled) and read back in pieces: the inserted slides are made while zipping,
    one at a time, so neither they nor the whole file are held in memory.
    """
    saved = io.BytesIO()
    deck.save(saved)
    with tempfile.TemporaryDirectory(prefix="carveplan-deck-") as folder:
        whole = Path(folder) / "deck.pptx"
        with zipfile.ZipFile(saved) as source, zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as out:
            inserted.prepare(source.namelist())
            for item in source.infolist():
                out.writestr(item, inserted.patch(item.filename, source.read(item)))
            inserted.write(out)
        del saved
        with whole.open("rb") as stream:
            while piece := stream.read(_CHUNK):
                yield piece
