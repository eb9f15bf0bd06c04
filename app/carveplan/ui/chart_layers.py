"""The chart on the canvas in two layers: what rows sit on, rendered once, and the rows' bars over it.

A full render of the chart spends most of its time on text: date and agreement-year ticks, row
labels. An edit changes the bars and labels of a few rows only, so the canvas keeps the picture of
everything but the rows' artists (the axes, ticks, row labels, grid, title and legend) and, after
an edit, paints back that picture in the bands of the changed rows and draws the artists there
again, clipped to those bands (matplotlib's blitting). The rest of the canvas is not touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import methodcaller
from typing import Any

from matplotlib.artist import Artist
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from carveplan.chart.gantt import GanttArtists

# Texts of the rows next to a band are drawn again too: a descender may reach into it.
TEXT_REACH = 1.0


class ChartLayers:
    """The rows' artists drawn over a kept picture of the rest (see the module's docstring).

    Attributes:
        band_updates: rows painted again by :meth:`update_rows` (tests check an edit off screen
            paints none).
    """

    def __init__(self, canvas: Any, on_rendered: Callable[[], None]) -> None:
        self._canvas = canvas
        self._on_rendered = on_rendered
        self._art: GanttArtists | None = None
        self._background: Any = None
        self._size: tuple[float, ...] = ()
        self.band_updates = 0
        canvas.mpl_connect("draw_event", self._on_draw)

    def set_artists(self, art: GanttArtists, fresh_background: bool) -> None:
        """Draw ``art``'s rows over the kept picture; ``fresh_background`` when the rest changed too."""
        self._art = art
        for artist in _row_artists(art):
            artist.set_animated(True)
        if fresh_background:
            self._background = None

    def update_rows(self, rows: Iterable[tuple[float, float]]) -> bool:
        """Paint the bands between each ``(top, bottom)`` pair of row coordinates again.

        Returns:
            False when there is no kept picture yet (the caller then renders the whole canvas).
        """
        art, background = self._art, self._background
        if art is None or background is None or self._canvas.figure is not art.figure:
            return False
        if self._size != tuple(art.figure.bbox.size):
            return False  # resized: the next full render keeps a new picture
        renderer = self._canvas.get_renderer()
        frame = art.ax.bbox
        for top, bottom in rows:
            (_, y0), (_, y1) = art.ax.transData.transform([(0.0, bottom), (0.0, top)])
            wide = Bbox.from_extents(
                int(frame.x0) - 1, int(min(y0, y1)) - 1, int(frame.x1) + 2, int(max(y0, y1)) + 2
            )
            band = Bbox.intersection(wide, art.figure.bbox)
            if band is None:
                continue
            # The kept picture is addressed from its top edge, the figure from its bottom edge; the
            # region copied back takes in its last pixel, a clip box stops before it.
            height = art.figure.bbox.height
            region = (band.x0, height - band.y1, band.x1 - 1, height - band.y0 - 1)
            self._canvas.restore_region(background, bbox=region, xy=(0, 0))
            self._draw(art, renderer, band, (top - TEXT_REACH, bottom + TEXT_REACH))
            self._canvas.blit(band)
            self.band_updates += 1
        self._on_rendered()
        return True

    def _on_draw(self, _event: object) -> None:
        """After a full render (without the rows' artists): keep the picture, then draw them over it."""
        art = self._art
        if art is None or self._canvas.is_saving() or self._canvas.figure is not art.figure:
            return
        self._background = self._canvas.copy_from_bbox(art.figure.bbox)
        self._size = tuple(art.figure.bbox.size)
        renderer = self._canvas.get_renderer()
        for artist in _in_draw_order(art):
            artist.draw(renderer)
        self._on_rendered()

    def _draw(self, art: GanttArtists, renderer: Any, band: Bbox, reach: tuple[float, float]) -> None:
        """Draw the rows' artists that may touch ``band``, clipped to it (a text sits on one row)."""
        for artist in _in_draw_order(art):
            if isinstance(artist, Text) and not reach[0] <= artist.get_position()[1] <= reach[1]:
                continue
            clip = artist.get_clip_box()
            box = band if clip is None else Bbox.intersection(band, clip)
            if box is None:
                continue
            artist.set_clip_box(box)
            try:
                artist.draw(renderer)
            finally:
                artist.set_clip_box(clip)
            artist.stale = False


def _row_artists(art: GanttArtists) -> list[Artist]:
    markers = [a for group in art.markers.values() for a in group]
    return [*art.collections.values(), *art.labels, *markers]


def _in_draw_order(art: GanttArtists) -> list[Artist]:
    """The rows' artists in the order the axes draws its children (by z-order, then as added)."""
    animated = [a for a in art.ax.get_children() if a.get_animated() and a.get_visible()]
    return sorted(animated, key=methodcaller("get_zorder"))
