"""Saving a widget's picture for a person to look at, and checking that something was drawn in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPixmap


def saved_picture(pixmap: QPixmap, path: Path, min_colours: int = 8) -> QImage:
    """Save a grabbed widget as PNG, read it back, and check that it shows more than a blank area.

    Args:
        pixmap: what ``QWidget.grab()`` returned.
        path: where to write the PNG (under the test's ``tmp_path``).
        min_colours: the fewest distinct colours a drawn view shows (text, grid, bars, selection).

    Returns:
        The image as read back from the file.
    """
    assert pixmap.save(str(path)), f"could not write {path}"
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (pixmap.width(), pixmap.height())
    step = max(1, min(image.width(), image.height()) // 200)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)
    }
    assert len(colours) >= min_colours, f"{path.name} looks blank: {len(colours)} colours"
    return image


def pixels_near(image: QImage, colour: QColor, step: int = 3, tolerance: int = 12) -> int:
    """The pixels within ``tolerance`` of ``colour``, sampling every ``step``-th across and down."""
    found = 0
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            got = image.pixelColor(x, y)
            near = (got.red() - colour.red(), got.green() - colour.green(), got.blue() - colour.blue())
            found += max(map(abs, near)) <= tolerance
    return found
