"""Slide pictures written as PNG without an alpha channel: the same pixels, and the dpi kept."""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from carveplan.io.present.deck import opaque_png
from carveplan.io.present.pictures import rgb_png


def test_rgb_png_keeps_every_pixel_and_the_dpi() -> None:
    rng = np.random.default_rng(7)
    rgba = rng.integers(0, 256, size=(37, 53, 4), dtype=np.uint8)
    picture = Image.open(io.BytesIO(rgb_png(rgba, 200)))
    assert picture.mode == "RGB"
    assert picture.size == (53, 37)
    assert np.array_equal(np.asarray(picture), rgba[:, :, :3])
    assert round(picture.info["dpi"][0]) == 200


def test_opaque_png_matches_the_figure_saved_by_matplotlib() -> None:
    fig = Figure(figsize=(3, 2))
    fig.patch.set_facecolor("#FAFAF0")
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.barh([0, 1], [3, 5], color="#E69F00")
    ax.text(1, 0, "3.3%", va="center")
    expected = io.BytesIO()
    fig.savefig(expected, format="png", dpi=120, facecolor=fig.get_facecolor())
    ours = Image.open(io.BytesIO(opaque_png(fig, 120)))
    theirs = Image.open(expected).convert("RGB")
    assert ours.size == theirs.size == (360, 240)
    assert np.array_equal(np.asarray(ours), np.asarray(theirs))
