"""Chart styles: screen, projector and print share the drawing code and differ only here."""

from __future__ import annotations

from dataclasses import dataclass, replace

from carveplan.model import MilestoneStatus

# Okabe & Ito (2008): eight colours told apart with every common colour-vision deficiency.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#D55E00",  # vermillion
    "#000000",  # black
)


@dataclass(frozen=True)
class ChartStyle:
    """How a Gantt chart looks; sizes are in points unless named otherwise.

    Attributes:
        name: ``screen``, ``projector`` or ``print``.
        background: figure and axes face colour.
        foreground: text, axes and outline colour.
        muted: secondary text and grid colour.
        font_size: tick and row label size.
        small_font_size: labels inside bars and on markers.
        title_size: the title block's first line.
        bar_height: bar thickness as a share of a row (0-1).
        row_inches: preferred row height in exports.
        sector_colours: bar colours, one per sector in agreement order (cycled).
        phase_shading: alternate phases are lightened by this share so divisions show.
        divider_width: width of the line between phases.
        milestone_colours: diamond face colours by status (planned, achieved, verified, missed).
        milestone_size: diamond marker size.
        excluded_hatch: hatch of carve-out (excluded) lines.
        blocked_hatch: hatch of blocked phases.
        blocked_colour: face colour of blocked phases.
        exception_colour: colour of security exception bands.
        exception_alpha: opacity of the bands.
        exception_hatch: hatch of the bands (print uses one so they survive greyscale).
        ghost_colour: outline of baseline ghost bars.
        today_colour: colour of the "today" line.
        review_colour: colour of review and sunset markers.
        line_width: width of marker lines (EIF, today, reviews).
        phase_labels: whether phases carry their value inside the bar when it fits.
        label_min_points: minimum row height (points) before line rows get labels.
        label_chars: longest row label before it is cut with an ellipsis.
        label_share: of a wide page's width, what row labels may fill before they are cut (a
            projector's big type needs more of it to show as much of a description).
    """

    name: str
    background: str
    foreground: str
    muted: str
    font_size: float
    small_font_size: float
    title_size: float
    bar_height: float
    row_inches: float
    sector_colours: tuple[str, ...]
    phase_shading: float
    divider_width: float
    milestone_colours: tuple[str, str, str, str]
    milestone_size: float
    excluded_hatch: str
    blocked_hatch: str
    blocked_colour: str
    exception_colour: str
    exception_alpha: float
    exception_hatch: str
    ghost_colour: str
    today_colour: str
    review_colour: str
    line_width: float
    phase_labels: bool
    label_min_points: float
    label_chars: int
    label_share: float = 0.3

    def sector_colour(self, index: int) -> str:
        """The colour of the ``index``-th sector (cycled)."""
        return self.sector_colours[index % len(self.sector_colours)]

    def milestone_colour(self, status: MilestoneStatus) -> str:
        """The diamond face colour for a milestone status."""
        order = (
            MilestoneStatus.PLANNED,
            MilestoneStatus.ACHIEVED,
            MilestoneStatus.VERIFIED,
            MilestoneStatus.MISSED,
        )
        return self.milestone_colours[order.index(status)]


SCREEN = ChartStyle(
    name="screen",
    background="#FFFFFF",
    foreground="#1A1A1A",
    muted="#8C8C8C",
    font_size=9.0,
    small_font_size=7.5,
    title_size=14.0,
    bar_height=0.62,
    row_inches=0.26,
    sector_colours=OKABE_ITO[:5],
    phase_shading=0.28,
    divider_width=1.0,
    # planned hollow, achieved sky blue, verified green, missed vermillion.
    milestone_colours=("#FFFFFF", "#56B4E9", "#009E73", "#D55E00"),
    milestone_size=7.0,
    excluded_hatch="////",
    blocked_hatch="xxx",
    blocked_colour="#D9D9D9",
    exception_colour="#D55E00",
    exception_alpha=0.16,
    exception_hatch="",
    ghost_colour="#7F7F7F",
    today_colour="#CC79A7",
    review_colour="#555555",
    line_width=1.2,
    phase_labels=True,
    label_min_points=9.5,
    label_chars=34,
)

# Projectors wash colours out and rooms sit far from the screen: big type, thick bars, fewer labels.
PROJECTOR = replace(
    SCREEN,
    name="projector",
    foreground="#000000",
    muted="#595959",
    font_size=15.0,
    small_font_size=12.0,
    title_size=24.0,
    bar_height=0.78,
    row_inches=0.42,
    phase_shading=0.32,
    divider_width=2.0,
    milestone_size=13.0,
    excluded_hatch="///",
    blocked_hatch="xx",
    blocked_colour="#BFBFBF",
    exception_alpha=0.22,
    ghost_colour="#404040",
    review_colour="#262626",
    line_width=2.5,
    phase_labels=False,
    label_min_points=16.0,
    label_chars=26,
    label_share=0.38,
)

# Print: white paper, black text, and hatching so blocked and exceptions survive a greyscale copier.
PRINT = replace(
    SCREEN,
    name="print",
    foreground="#000000",
    muted="#6E6E6E",
    font_size=8.5,
    small_font_size=7.0,
    title_size=13.0,
    row_inches=0.24,
    # Okabe-Ito colours whose greys still differ: blue (dark), orange (light), green, purple, sky.
    sector_colours=("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"),
    phase_shading=0.35,
    milestone_colours=("#FFFFFF", "#C8C8C8", "#000000", "#7F7F7F"),
    blocked_colour="#FFFFFF",
    exception_colour="#000000",
    exception_alpha=0.10,
    exception_hatch="\\\\\\",
    ghost_colour="#000000",
    today_colour="#000000",
    review_colour="#000000",
    line_width=1.0,
)

STYLES: dict[str, ChartStyle] = {s.name: s for s in (SCREEN, PROJECTOR, PRINT)}


def style_named(name: str) -> ChartStyle:
    """The style called ``name``.

    Args:
        name: ``screen``, ``projector`` or ``print``.

    Returns:
        The style.

    Raises:
        KeyError: for an unknown name (the message lists the known ones).
    """
    try:
        return STYLES[name]
    except KeyError:
        raise KeyError(f"unknown chart style {name!r}; use one of {', '.join(STYLES)}") from None
