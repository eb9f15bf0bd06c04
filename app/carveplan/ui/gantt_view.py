"""The Gantt chart in the window: the chart module on a Qt canvas, with zoom, pan, scroll and selection."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollBar, QStackedLayout, QToolTip, QWidget

from carveplan.engine.schedule import Schedule
from carveplan.model import BASELINE, RecordKind
from carveplan.ui.chart_tips import hit_tooltip
from carveplan.ui.document import PHASES, Document

if TYPE_CHECKING:
    from carveplan.chart.gantt import GanttArtists
    from carveplan.chart.hit import Hit

MIN_SPAN_DAYS = 90
MAX_SPAN_DAYS = 365 * 60
AXES_INCHES = 1.0  # the year and date axes alone, when the title block and legend are folded away
APP_ROW_INCHES = 0.19  # rows in the window: 12 lines show at 1280x720; exports keep the style's
GETTING_STARTED = (
    "No lines yet. To start:\n"
    "File → Agreement Properties (Alt+Return): title, entry into force, rounding\n"
    "Tables → Lines → Add row (Insert): a carved-out line, its base and category\n"
    "File → Import Tariff Schedule (Ctrl+I): another delegation's schedule"
)


@dataclass
class ViewState:
    """What the user has done to the view: zoom window, scroll, collapsed groups, filters, selection.

    Attributes:
        window: first and last day shown (``None``: fit everything).
        first: index of the first row shown.
        collapsed: keys of collapsed sector/party rows.
        selected: key of the selected row (a line id).
        sectors: only these sectors (empty: all).
        parties: only these parties (empty: all).
        show_baseline: draw the baseline as ghost bars under a scenario.
        all_sectors: show the lines outside the focus sectors (sector ``other``) too.
        highlight: milestone ids drawn with a halo (the gating chain of a line being examined).
        count: rows shown from ``first`` (``None``: as many as fit; presentation pages set it).
    """

    window: tuple[date, date] | None = None
    first: int = 0
    collapsed: set[str] = field(default_factory=set)
    selected: str | None = None
    sectors: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    show_baseline: bool = True
    all_sectors: bool = False
    highlight: frozenset[str] = frozenset()
    count: int | None = None


class _Placeholder(QLabel):
    """The label shown until the canvas exists.

    Signals:
        painted: the label has been painted once (emitted from the event loop, after the paint):
            the window is on screen, so the plotting library may load now.
    """

    painted = Signal()

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._was_painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._was_painted:
            self._was_painted = True
            QTimer.singleShot(0, self, self.painted.emit)  # bound to self: never runs after deletion


class GanttView(QWidget):
    """Draws the document's schedule for the current scenario; clicks select records everywhere.

    The canvas (and matplotlib) is created once its placeholder has been painted, so the window is
    on screen before the plotting library loads.

    Signals:
        drawn: a redraw finished (tests and the start-up benchmark wait on it).
        on_screen: the view has been painted for the first time (the window is showing).
        phase_activated(str, int): a phase bar was double-clicked (line id, phase position).
    """

    drawn = Signal()
    on_screen = Signal()
    phase_activated = Signal(str, int)

    def __init__(self, document: Document, parent: QWidget | None = None, style: str = "screen") -> None:
        super().__init__(parent)
        self._document = document
        self.style_name = style
        # The window shows rows, not a page: the title is in the title bar, the legend in the tooltips.
        self.title_block = False
        self.legend = False
        self.values_on_bars = False  # presentation mode: the projector style writes none by default
        self.full_pages = False  # presentation mode: a short last page keeps the row height
        self.state = ViewState()
        self.artists: GanttArtists | None = None
        self.ghost: tuple[str, Schedule] | None = None
        self.canvas: Any = None
        self.figure: Any = None
        self._press: tuple[float, float, tuple[date, date], int] | None = None
        self._layout = QStackedLayout(self)
        placeholder = _Placeholder("Drawing the chart…", self)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.painted.connect(self._on_placeholder_painted)
        self._layout.addWidget(placeholder)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Rows are drawn a window at a time; the scroll bar shows where the window is.
        self.scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.scrollbar.setToolTip("Scroll the rows (mouse wheel, Up/Down, PageUp/PageDown)")
        self.scrollbar.valueChanged.connect(self._on_scrollbar_value_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self.redraw)
        document.agreement_changed.connect(self.schedule_redraw)
        document.scenario_changed.connect(self.schedule_redraw)
        document.selection_changed.connect(self._on_document_selection_changed)

    # --- drawing ------------------------------------------------------------
    def _on_placeholder_painted(self) -> None:
        # Work waiting for the window to show (reading the start file) goes before the first draw,
        # so that draw is already the agreement's chart.
        self.on_screen.emit()
        self._build_canvas()

    def _build_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.mpl_connect("button_press_event", self._on_canvas_press)
        self.canvas.mpl_connect("button_release_event", self._on_canvas_release)
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_motion)
        self.canvas.mpl_connect("scroll_event", self._on_canvas_scroll)
        self.canvas.mpl_connect("resize_event", lambda _event: self.schedule_redraw())
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.canvas, 1)
        row.addWidget(self.scrollbar)
        self._layout.addWidget(holder)
        self._layout.setCurrentWidget(holder)
        self.redraw()

    def set_ghost(self, label: str, schedule: Schedule | None) -> None:
        """Draw ``schedule`` (a negotiating round) as ghost bars behind every scenario, named ``label``.

        ``None`` goes back to the baseline behind a scenario.
        """
        self.ghost = (label, schedule) if schedule is not None else None
        self.schedule_redraw()

    def schedule_redraw(self) -> None:
        """Redraw soon (edits arriving together cause one redraw)."""
        self._timer.start()

    def redraw(self) -> None:
        """Draw the chart now."""
        if self.canvas is None:
            return
        from carveplan.chart.gantt import draw_gantt
        from carveplan.chart.rows import RowSelection
        from carveplan.chart.style import style_named

        style = style_named(self.style_name)
        if self.values_on_bars:
            style = replace(style, phase_labels=True)
        document, state = self._document, self.state
        schedule = document.schedule()
        baseline, ghost_label = None, "Baseline"
        if self.ghost is not None:
            ghost_label, baseline = self.ghost
        elif document.scenario != BASELINE and state.show_baseline:
            baseline = document.schedule(BASELINE)
        rows = RowSelection(
            sectors=state.sectors,
            parties=state.parties,
            collapsed=frozenset(state.collapsed),
            selected=frozenset({state.selected} if state.selected else ()),
            focus_only=not state.all_sectors,
            first=state.first,
            count=state.count or self.rows_that_fit(self.row_inches(style.row_inches)),
        )
        self.artists = draw_gantt(
            self.figure,
            schedule,
            style=style,
            rows=rows,
            baseline=baseline,
            window=state.window,
            today=date.today(),
            highlight=state.highlight,
            ghost_label=ghost_label,
            empty_hint=GETTING_STARTED,
            title_block=self.title_block,
            # A round drawn behind the chart is named only in the legend: show it then.
            legend=self.legend or self.ghost is not None,
            wide_labels=True,
            page_rows=self.rows_that_fit(self.row_inches(style.row_inches)) if self.full_pages else 0,
        )
        self.canvas.draw_idle()
        self._update_scrollbar(rows.count or 0)
        self.drawn.emit()

    def _update_scrollbar(self, page: int) -> None:
        total = len(self.all_rows())
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, max(0, total - page))
        self.scrollbar.setPageStep(max(1, page))
        self.scrollbar.setValue(self.state.first)
        # A presentation page shows its own rows: the next ones are the next page, not a scroll.
        self.scrollbar.setVisible(total > page and self.state.count is None)
        self.scrollbar.blockSignals(False)

    def set_chrome(self, shown: bool) -> None:
        """Show or fold away the title block and legend (View → Chart Title and Legend)."""
        self.title_block = self.legend = shown
        self.schedule_redraw()

    def row_inches(self, style_inches: float) -> float:
        """The row height drawn: the screen style's is for pages, the window packs rows tighter."""
        return min(style_inches, APP_ROW_INCHES) if self.style_name == "screen" else style_inches

    def chrome_inches(self) -> float:
        """The height taken by what is not rows: axes, and the title block and legend when shown."""
        from carveplan.chart.style import style_named

        style = style_named(self.style_name)
        axes = style.small_font_size * 2.0 + style.font_size * 3.0 + 26  # as the chart's frame lays out
        title = style.title_size * 1.5 + style.font_size * 1.6 + 12 if self.title_block else 0.0
        legend = style.small_font_size * 4.5 + 6 if self.legend else 0.0  # two lines of entries
        return max(AXES_INCHES, (axes + title + legend) / 72)

    def rows_that_fit(self, row_inches: float) -> int:
        """How many rows the canvas has room for at ``row_inches`` a row."""
        if self.figure is None:
            return 40
        height = float(self.figure.get_figheight())
        return max(3, int((height - self.chrome_inches()) / row_inches))

    def _page_rows(self) -> int:
        from carveplan.chart.style import style_named

        # Repeated group headers take a few rows at the top of the window.
        return max(1, self.rows_that_fit(self.row_inches(style_named(self.style_name).row_inches)) - 3)

    def all_rows(self) -> tuple[Any, ...]:
        """Every row the current filters and collapsed groups give, before scrolling."""
        from carveplan.chart.rows import RowSelection, build_rows

        state = self.state
        selection = RowSelection(
            sectors=state.sectors,
            parties=state.parties,
            collapsed=frozenset(state.collapsed),
            focus_only=not state.all_sectors,
        )
        return build_rows(self._document.schedule(), selection)

    # --- zoom, pan, scroll ----------------------------------------------------
    def current_window(self) -> tuple[date, date]:
        """The days shown now."""
        if self.state.window is not None:
            return self.state.window
        if self.artists is not None:
            return self.artists.window
        eif = self._document.schedule().eif
        return eif, eif + timedelta(days=365 * 10)

    def zoom(self, factor: float, centre: date | None = None) -> None:
        """Show ``factor`` times the current span, around ``centre`` (default: the middle)."""
        start, end = self.current_window()
        span = (end - start).days
        new_span = int(min(MAX_SPAN_DAYS, max(MIN_SPAN_DAYS, span * factor)))
        middle = centre or start + timedelta(days=span // 2)
        share = (middle - start).days / span if span else 0.5
        new_start = middle - timedelta(days=int(new_span * share))
        self.state.window = (new_start, new_start + timedelta(days=new_span))
        self.schedule_redraw()

    def zoom_in(self) -> None:
        """Halve the span (years → quarters → months) around the selected line, or EIF."""
        self.zoom(0.5, self.zoom_centre())

    def zoom_out(self) -> None:
        """Double the span around the selected line, or EIF."""
        self.zoom(2.0, self.zoom_centre())

    def zoom_centre(self) -> date | None:
        """Where +/- zoom around: the selected line's first change, else EIF, if on screen."""
        start, end = self.current_window()
        day = self._line_day(self.state.selected) if self.state.selected else None
        day = day or self._document.schedule().eif
        return day if start <= day <= end else None

    def _line_day(self, line_id: str) -> date | None:
        try:
            resolved = self._document.schedule().line(line_id)
        except KeyError:
            return None
        days = [p.start for p in resolved.phases if p.start is not None]
        return min(days) if days else None

    def fit_all(self) -> None:
        """Show the whole schedule from the top."""
        self.state.window = None
        self.state.first = 0
        self.schedule_redraw()

    def pan_days(self, days: int) -> None:
        """Move the window ``days`` later (negative: earlier)."""
        start, end = self.current_window()
        self.state.window = (start + timedelta(days=days), end + timedelta(days=days))
        self.schedule_redraw()

    def scroll_rows(self, rows: int) -> None:
        """Scroll ``rows`` rows down (negative: up)."""
        total = len(self.all_rows())
        self.state.first = max(0, min(self.state.first + rows, max(0, total - 3)))
        self.schedule_redraw()

    def toggle_group(self, key: str) -> None:
        """Collapse or expand a sector or party row."""
        self.state.collapsed ^= {key}
        self.schedule_redraw()

    def set_highlight(self, milestones: frozenset[str]) -> None:
        """Draw a halo on these milestones' diamonds (empty: none)."""
        if milestones != self.state.highlight:
            self.state.highlight = milestones
            self.schedule_redraw()

    # --- slots --------------------------------------------------------------
    def _on_scrollbar_value_changed(self, value: int) -> None:
        if value != self.state.first:
            self.state.first = value
            self.schedule_redraw()

    def _on_document_selection_changed(self, kind: str, key: str) -> None:
        line = key.split("#")[0] if kind in (RecordKind.LINES, PHASES) else None
        if line is None or line == self.state.selected:
            return
        self.state.selected = line
        keys = [row.key for row in self.all_rows()]
        if line in keys:
            index = keys.index(line)
            if not self.state.first <= index < self.state.first + self._page_rows():
                self.state.first = max(0, index - 3)
        self._bring_into_view(self._line_day(line))
        self.schedule_redraw()

    def _bring_into_view(self, day: date | None) -> None:
        """Pan a zoomed timeline so ``day`` shows, a tenth of the span in from the left."""
        if day is None or self.state.window is None:
            return
        start, end = self.state.window
        if not start <= day <= end:
            span = end - start
            new_start = day - span / 10
            self.state.window = (new_start, new_start + span)

    def _on_canvas_press(self, event: Any) -> None:
        if event.button == 1 and event.dblclick and event.xdata is not None and self.artists is not None:
            hit = self.artists.hit(event.xdata, event.ydata)
            if hit is not None and hit.line and hit.phase is not None:
                self._select_hit(hit)
                self.phase_activated.emit(hit.line, hit.phase)
            return
        if event.button == 1 and event.xdata is not None:
            self._press = (event.x, event.y, self.current_window(), self.state.first)

    def _on_canvas_release(self, event: Any) -> None:
        press, self._press = self._press, None
        if press is None or self.artists is None:
            return
        if abs(event.x - press[0]) < 4 and abs(event.y - press[1]) < 4 and event.xdata is not None:
            hit = self.artists.hit(event.xdata, event.ydata)
            if hit is not None:
                self._select_hit(hit)

    def _on_canvas_motion(self, event: Any) -> None:
        if self._press is not None and self.artists is not None:
            self._drag(event)
            return
        if self.artists is None or event.xdata is None:
            QToolTip.hideText()
            return
        hit = self.artists.hit(event.xdata, event.ydata)
        text = hit_tooltip(self._document.schedule(), hit) if hit else ""
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    def _drag(self, event: Any) -> None:
        assert self._press is not None
        assert self.artists is not None
        x0, y0, (start, end), first = self._press
        frame = self.artists.frame
        days = int((x0 - event.x) / max(frame.points_per_day * self.figure.dpi / 72, 1e-9))
        rows = int((event.y - y0) / max(frame.row_points * self.figure.dpi / 72, 1e-9))
        if days or rows:
            self.state.window = (start + timedelta(days=days), end + timedelta(days=days))
            self.state.first = max(0, first + rows)
            self.schedule_redraw()

    def _on_canvas_scroll(self, event: Any) -> None:
        modifiers = (
            event.guiEvent.modifiers() if event.guiEvent is not None else Qt.KeyboardModifier.NoModifier
        )
        steps = int(event.step) or (1 if event.button == "up" else -1)
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            from carveplan.chart.axes import num_day

            centre = num_day(event.xdata) if event.xdata is not None else None
            self.zoom(0.8**steps, centre)
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            start, end = self.current_window()
            self.pan_days(-steps * max(1, (end - start).days // 10))
        else:
            self.scroll_rows(-3 * steps)

    def _select_hit(self, hit: Hit) -> None:
        from carveplan.chart.hit import HitKind

        if hit.kind is HitKind.GROUP:
            self.toggle_group(hit.row)
        elif hit.kind is HitKind.MILESTONE and hit.milestone:
            self._document.select(RecordKind.MILESTONES, hit.milestone)
        elif hit.kind is HitKind.EXCEPTION and hit.exception:
            self._document.select(RecordKind.EXCEPTIONS, hit.exception)
        elif hit.line:
            self._document.select(RecordKind.LINES, hit.line)
            if hit.phase is not None:
                self._document.select(PHASES, f"{hit.line}#{hit.phase}")

    # --- Qt overrides -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = self._page_rows()
        moves = {
            Qt.Key.Key_Down: lambda: self.scroll_rows(1),
            Qt.Key.Key_Up: lambda: self.scroll_rows(-1),
            Qt.Key.Key_PageDown: lambda: self.scroll_rows(page),
            Qt.Key.Key_PageUp: lambda: self.scroll_rows(-page),
            Qt.Key.Key_Home: self.fit_all,
            Qt.Key.Key_Left: lambda: self.pan_days(-90),
            Qt.Key.Key_Right: lambda: self.pan_days(90),
        }
        action = moves.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
