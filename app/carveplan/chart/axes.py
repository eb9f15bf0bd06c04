"""The date axis (years, quarters or months by zoom) and the agreement-year axis (Y1, Y2, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from carveplan.chart.style import ChartStyle
from carveplan.engine.dates import add_months, stage_date
from carveplan.model import MonthDay

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axes._secondary_axes import SecondaryAxis

# matplotlib counts days from its default epoch, 1970-01-01 (a test holds the two together); the
# vector pages and the window's first screen use these numbers without loading matplotlib.
_EPOCH_ORDINAL = float(date(1970, 1, 1).toordinal())


@lru_cache(maxsize=8192)
def day_num(day: date) -> float:
    """``day`` as a matplotlib date number (as ``mdates.date2num`` gives, but fast)."""
    return day.toordinal() - _EPOCH_ORDINAL


def num_day(value: float) -> date:
    """The date a matplotlib date number falls on."""
    return date.fromordinal(int(value + _EPOCH_ORDINAL))


class ZoomLevel(StrEnum):
    """The finest calendar unit labelled on the date axis."""

    YEARS = "years"
    QUARTERS = "quarters"
    MONTHS = "months"


@dataclass(frozen=True)
class TickPlan:
    """Where the date axis puts its ticks.

    Attributes:
        level: the unit labelled.
        major: labelled tick dates.
        labels: the labels, one per major tick.
        minor: unlabelled tick dates.
    """

    level: ZoomLevel
    major: tuple[date, ...]
    labels: tuple[str, ...]
    minor: tuple[date, ...]


def zoom_level(start: date, end: date) -> ZoomLevel:
    """The unit to label for a window: months under 18 months, quarters under 4 years, else years."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months < 18:
        return ZoomLevel.MONTHS
    if months < 48:
        return ZoomLevel.QUARTERS
    return ZoomLevel.YEARS


@lru_cache(maxsize=64)  # a deck asks it the same for each of its pages
def zoom_levels(start: date, end: date, max_labels: int = 16) -> TickPlan:
    """Ticks for a window, thinned so at most about ``max_labels`` labels show.

    Args:
        start: first day shown.
        end: last day shown.
        max_labels: most labels the axis has room for (fewer on narrow or large-type charts).

    Returns:
        The tick plan; a 30-year horizon labels every 2nd or 5th year, so it stays readable.
    """
    level = zoom_level(start, end)
    step = {ZoomLevel.YEARS: 12, ZoomLevel.QUARTERS: 3, ZoomLevel.MONTHS: 1}[level]
    minor = _month_starts(start, end, 3 if level is ZoomLevel.YEARS else 1)
    ticks = _month_starts(start, end, step)
    every = next((n for n in (1, 2, 5, 10, 20, 50) if len(ticks) / n <= max_labels), 100)
    ticks = [d for d in ticks if d.year % every == 0] if level is ZoomLevel.YEARS else ticks[::every]
    labels = tuple(_label(d, level) for d in ticks)
    return TickPlan(level, tuple(ticks), labels, tuple(d for d in minor if d not in ticks))


def apply_date_axis(ax: Axes, start: date, end: date, style: ChartStyle, max_labels: int) -> TickPlan:
    """Put the date ticks of ``zoom_levels`` on ``ax``'s bottom axis.

    Returns:
        The plan used.
    """
    from matplotlib.markers import TICKDOWN

    plan = zoom_levels(start, end, max_labels)
    ax.set_xticks([day_num(d) for d in plan.major], list(plan.labels))
    ax.tick_params(axis="x", which="major", labelsize=style.font_size, colors=style.foreground)
    # Unlabelled month or quarter marks as one line of tick-shaped markers: a hundred minor Tick
    # objects (each with two lines, two texts and a grid line) cost more to draw than the bars.
    minor = [day_num(d) for d in plan.minor]
    ax.plot(minor, [0.0] * len(minor), linestyle="none", marker=TICKDOWN, markersize=2,
            markeredgewidth=0.6, color=style.muted, transform=ax.get_xaxis_transform(),
            clip_on=False, scalex=False, scaley=False, gid="minor-ticks")  # fmt: skip
    return plan


def agreement_years(eif: date, stage_day: MonthDay, start: date, end: date) -> list[tuple[int, date, date]]:
    """The agreement years overlapping ``start``-``end`` as ``(number, first day, next year's first day)``."""
    years: list[tuple[int, date, date]] = []
    year = 1
    begin = stage_date(eif, stage_day, 1)
    while begin <= end and year < 500:
        following = stage_date(eif, stage_day, year + 1)
        if following > start:
            years.append((year, begin, following))
        year, begin = year + 1, following
    return years


def apply_year_axis(
    ax: Axes, eif: date, stage_day: MonthDay, start: date, end: date, style: ChartStyle, max_labels: int
) -> SecondaryAxis:
    """Add the agreement-year axis on top: a tick at each stage day, ``Y1``, ``Y2``... between them.

    Returns:
        The secondary axis.
    """
    top = ax.secondary_xaxis("top")
    years = agreement_years(eif, stage_day, start, end)
    every = next((n for n in (1, 2, 5, 10, 20) if len(years) / n <= max_labels), 50)
    lo, hi = day_num(start), day_num(end)
    bounds = [day_num(b) for _, b, _ in years if lo <= day_num(b) <= hi]
    # Every other year counts from Y1 (Y1, Y3, ...); coarser steps keep round numbers (Y1, Y5, Y10).
    shown = [(n, b, f) for n, b, f in years if _year_shown(n, every)]
    mids = [min(max((day_num(b) + day_num(f)) / 2, lo), hi) for _, b, f in shown]
    top.set_xticks(bounds, [""] * len(bounds))
    top.set_xticks(mids, [f"Y{n}" for n, _, _ in shown], minor=True)
    top.tick_params(axis="x", which="minor", length=0, labelsize=style.small_font_size, colors=style.muted)
    top.tick_params(axis="x", which="major", length=4, colors=style.muted)
    top.spines["top"].set_visible(False)
    return top


def _year_shown(year: int, every: int) -> bool:
    if every <= 2:
        return (year - 1) % every == 0
    return year == 1 or year % every == 0


def _month_starts(start: date, end: date, step: int) -> list[date]:
    first = date(start.year, start.month, 1)
    if first < start:
        first = add_months(first, 1)
    # Align to the step (quarters start in Jan/Apr/Jul/Oct, years in January).
    while (first.month - 1) % step:
        first = add_months(first, 1)
    days: list[date] = []
    while first <= end:
        days.append(first)
        first = add_months(first, step)
    return days


def _label(day: date, level: ZoomLevel) -> str:
    if level is ZoomLevel.YEARS:
        return str(day.year)
    if level is ZoomLevel.QUARTERS:
        quarter = (day.month - 1) // 3 + 1
        return f"Q{quarter}\n{day.year}" if quarter == 1 else f"Q{quarter}"
    return day.strftime("%b\n%Y") if day.month == 1 else day.strftime("%b")
