"""Slides written apart from the slide library: listed where the deck lists slides, made while zipping."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from pptx import Presentation

from carveplan.io.present.slideparts import InsertedSlides, deck_file, footers, slide_xml


def _library_deck(titles: list[str]) -> Any:
    deck = Presentation()
    for title in titles:
        deck.slides.add_slide(deck.slide_layouts[5]).shapes.title.text = title
    return deck


def test_inserted_slides_follow_the_first_and_are_made_one_by_one_as_the_file_is_zipped() -> None:
    made: list[int] = []

    def slides() -> Iterator[str]:
        for number in range(3):
            made.append(number)
            yield slide_xml(f"chart {number}", (0.4, 0.2, 9, 0.8), 30, [], footers(number + 2, 5, ""), 3)

    deck = _library_deck(["cover", "closing"])
    layout = str(deck.slide_layouts[5].part.partname)
    pieces = deck_file(deck, InsertedSlides(3, slides(), layout, after=1))
    assert made == []  # nothing is made before the file is written
    data = b"".join(pieces)
    assert made == [0, 1, 2]
    opened = Presentation(io.BytesIO(data))
    assert [s.shapes.title.text for s in opened.slides] == [
        "cover",
        "chart 0",
        "chart 1",
        "chart 2",
        "closing",
    ]
    assert opened.slides[1].slide_layout.name == "Title Only"
    footer = [s.text_frame.text for s in opened.slides[2].shapes if s.name == "Footer"]
    assert footer == ["3 / 5"]


def test_a_long_classification_label_shrinks_in_the_footer() -> None:
    (number, label) = footers(7, 9, "RESTRICTED " * 12)
    assert number.size == 11
    assert label.size == 8
    assert label.bold
