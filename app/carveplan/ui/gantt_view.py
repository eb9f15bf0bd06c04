"""The Gantt chart in the window: the chart module on a Qt canvas, with zoom, pan, scroll and selection."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollBar, QStackedLayout, QToolTip, QWidget

from carveplan.chart import view
from carveplan.chart.view import RowCache, ViewState
from carveplan.engine.schedule import Schedule
from carveplan.model import BASELINE, RecordKind
from carveplan.model.change import AgreementChange
from carveplan.ui.chart_tips import hit_tooltip
from carveplan.ui.document import PHASES, Document

if TYPE_CHECKING:
    from collections.abc import Callable

    from carveplan.chart.extents import LineExtents
    from carveplan.chart.gantt import GanttArtists
    from carveplan.chart.hit import Hit
    from carveplan.chart.rows import Row
    from carveplan.chart.style import ChartStyle
    from carveplan.model import Agreement
    from carveplan.ui.chart_layers import ChartLayers
    from carveplan.ui.first_screen import FirstScreenPane
    from carveplan.ui.scroll_overlay import ScrollOverlay

AXES_INCHES = 1.0  # the year and date axes alone, when the title block and legend are folded away
REDRAW_MS = 40  # edits arriving together cause one redraw
SCROLL_SETTLE_MS = 180  # while the rows scroll, the canvas renders once the wheel rests this long
APP_ROW_INCHES = 0.19  # rows in the window: 12 lines show at 1280x720; exports keep the style's
GETTING_STARTED = (
    "No lines yet. To start:\n"
    "File → Agreement Properties (Alt+Return): title, entry into force, rounding\n"
    "Tables → Lines → Add row (Insert): a carved-out line, its base and category\n"
    "File → Import Tariff Schedule (Ctrl+I): another delegation's schedule"
)


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
        rendered: the chart's pixels are on the canvas (after a full render, or after the rows an
            edit changed were painted again; the edit benchmark waits on it).
        on_screen: the view has been painted for the first time (the window is showing).
        first_screen_shown: the first screen of a file being opened is painted (before the chart's
            canvas; see :meth:`first_screen_job`).
        phase_activated(str, int): a phase bar was double-clicked (line id, phase position).
    """

    drawn = Signal()
    rendered = Signal()
    on_screen = Signal()
    first_screen_shown = Signal()
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
        self._state = ViewState()
        self._rows = RowCache()
        # What the last redraw showed, to skip a redraw after an edit that changed nothing on screen.
        self._drawn: _Drawn | None = None
        self._must_draw = True
        self._axes_key: tuple[object, ...] = ()  # what the axes of the last full draw depend on
        self.artists: GanttArtists | None = None
        self.layers: ChartLayers | None = None
        self._extents: LineExtents | None = None
        self.ghost: tuple[str, Schedule] | None = None
        self.canvas: Any = None
        self.figure: Any = None
        self._press: tuple[float, float, tuple[date, date], int] | None = None
        # While a file opens, its first screen shows in place of the canvas, which draws nothing
        # until the opening is over (the document still holds the file before).
        self._awaiting_first = False
        self._first_pane: FirstScreenPane | None = None
        self._first_shown = threading.Event()  # the worker waits on it to resolve the rest
        self._overlay: ScrollOverlay | None = None
        self._holder: QWidget | None = None
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
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        document.agreement_changed.connect(self._on_document_agreement_changed)
        document.scenario_changed.connect(self.schedule_redraw)
        document.selection_changed.connect(self._on_document_selection_changed)

    # --- drawing ------------------------------------------------------------
    def _on_placeholder_painted(self) -> None:
        # Work waiting for the window to show (reading the start file) goes before the first draw,
        # so that draw is already the agreement's chart.
        self.on_screen.emit()
        if not self._awaiting_first:  # else the plotting library loads once the first screen shows
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
        from carveplan.ui.chart_layers import ChartLayers

        self.layers = ChartLayers(self.canvas, self.rendered.emit)
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.canvas, 1)
        row.addWidget(self.scrollbar)
        self._holder = holder
        self._layout.addWidget(holder)
        if not self._awaiting_first:
            self._layout.setCurrentWidget(holder)
        self.redraw()

    # --- the first screen of a file being opened ----------------------------------------------------
    def first_screen_job(self) -> Callable[[Agreement, Callable[[object], None]], None]:
        """A job for the worker opening a file: the first screen of what it reads, at this view's size.

        From now until :meth:`release_first_screen` the canvas draws nothing: the document still
        holds the agreement before, and the first screen (:meth:`show_first_screen`) stands in.
        """
        from carveplan.ui.first_screen import screen_job

        self._awaiting_first = True
        self._first_shown.set()  # a job before this one waits no longer
        self._first_shown = threading.Event()
        style = self._style()
        # No canvas yet: the view's own height, at the canvas's 100 pixels to the inch.
        fit = self.rows_that_fit(self.row_inches(style.row_inches), self.height() / 100)
        state = self._state
        width = self.scrollbar.sizeHint().width()
        size = (self.width(), self.height())
        return screen_job(
            size, style, state.rows(), state.first, state.count or fit, width, self._first_shown
        )

    def show_first_screen(self, screen: object) -> None:
        """Paint a first screen from :meth:`first_screen_job` until the chart is drawn."""
        from carveplan.chart.first_screen import FirstScreen
        from carveplan.ui.first_screen import FirstScreenPane

        if not self._awaiting_first or not isinstance(screen, FirstScreen):
            self._first_shown.set()
            return
        if self._first_pane is None:
            self._first_pane = FirstScreenPane(self)
            self._first_pane.painted.connect(self._on_first_screen_painted)
            self._layout.addWidget(self._first_pane)
        self._first_pane.show_screen(screen, self._state.first)
        self._layout.setCurrentWidget(self._first_pane)

    def release_first_screen(self) -> None:
        """The file is open (or its opening is over): draw the chart in place of the first screen."""
        self._first_shown.set()
        if not self._awaiting_first:
            return
        self._awaiting_first = False
        if self.canvas is None:
            self._build_canvas()
            return
        self._must_draw = True
        if self._holder is not None:
            self._layout.setCurrentWidget(self._holder)
        self.redraw()

    def _on_first_screen_painted(self) -> None:
        self._first_shown.set()  # the worker goes on resolving the rest
        self.first_screen_shown.emit()
        # Load the plotting library while the worker resolves the rest.
        QTimer.singleShot(0, self, self._build_canvas)

    def _style(self) -> ChartStyle:
        from carveplan.chart.style import style_named

        style = style_named(self.style_name)
        return replace(style, phase_labels=True) if self.values_on_bars else style

    def set_ghost(self, label: str, schedule: Schedule | None) -> None:
        """Draw ``schedule`` (a negotiating round) as ghost bars behind every scenario, named ``label``.

        ``None`` goes back to the baseline behind a scenario.
        """
        self.ghost = (label, schedule) if schedule is not None else None
        self.schedule_redraw()

    def schedule_redraw(self) -> None:
        """Redraw soon (edits arriving together cause one redraw)."""
        self._must_draw = True
        self._timer.start(REDRAW_MS)

    # --- the view state: each setter redraws ------------------------------------------------------
    @property
    def state(self) -> ViewState:
        """What the user has done to the view (read only: change it with the setters)."""
        return self._state

    def set_state(self, state: ViewState) -> None:
        """Show ``state``; redraw when it differs from the one shown.

        A scroll paints the rows now in view at once over the canvas (:class:`ScrollOverlay`),
        which renders them when the scrolling rests.
        """
        if state != self._state:
            scrolled = (
                state.first != self._state.first and view.with_state(self._state, first=state.first) == state
            )
            self._state = state
            if scrolled and self._paint_scrolled():
                self._must_draw = True
                self._timer.start(SCROLL_SETTLE_MS)
            else:
                self.schedule_redraw()

    def _paint_scrolled(self) -> bool:
        """Paint the rows in view over the canvas, as it will draw them; whether it could."""
        if (
            self.canvas is None
            or self._awaiting_first
            or self.artists is None
            or self._state.count is not None
        ):
            return False
        if self.title_block or self.legend or self.full_pages or self.ghost is not None:
            return False  # what the rows show is counted there too: the canvas draws it
        from carveplan.ui.scroll_overlay import ScrollOverlay

        if self._overlay is None:
            self._overlay = ScrollOverlay(self.canvas)
            self.rendered.connect(self._overlay.drop)
        style = self._style()
        rows = self._in_view(style)[3]
        self._overlay.show_rows(self._document.schedule(), rows, style=style, window=self.current_window(),
                                today=date.today(), baseline=self._behind()[1])  # fmt: skip
        return True

    def _behind(self) -> tuple[str, Schedule | None]:
        """The ghost bars' name and schedule: a round's, else the baseline's behind a scenario."""
        if self.ghost is not None:
            return self.ghost
        document = self._document
        if document.scenario != BASELINE and self._state.show_baseline:
            return "Baseline", document.schedule(BASELINE)
        return "Baseline", None

    def _in_view(self, style: ChartStyle) -> tuple[tuple[Row, ...], int, int, tuple[Row, ...]]:
        """Every row, the rows that fit, the rows shown, and those shown from the first in view."""
        rows = self.all_rows()
        fit = self.rows_that_fit(self.row_inches(style.row_inches))
        count = self._state.count or fit
        return rows, fit, count, view.shown_rows(rows, self._state.first, count)

    def update_view(self, **changes: object) -> None:
        """Change some fields of the view state (``window=…``, ``first=…``) and redraw."""
        self.set_state(view.with_state(self._state, **changes))

    def set_window(self, window: tuple[date, date] | None) -> None:
        """Show these days (``None``: fit the whole schedule)."""
        self.update_view(window=window)

    def redraw(self) -> None:
        """Draw the chart now (only the rows in view; nothing when an edit changed none of them)."""
        if self.canvas is None or self._awaiting_first:
            return
        from carveplan.chart.extents import LineExtents
        from carveplan.chart.frame import default_window
        from carveplan.chart.gantt import draw_gantt, redraw_rows

        if self._extents is None:
            self._extents = LineExtents()
        extents = self._extents

        style = self._style()
        state = self._state
        schedule = self._document.schedule()
        ghost_label, baseline = self._behind()
        rows, fit, count, visible = self._in_view(style)
        seen = extents.lines
        replaced = extents.refresh(schedule)
        window = state.window or default_window(schedule, baseline, extents)
        drawn = _Drawn(schedule, baseline, visible, window)
        before, self._drawn = self._drawn, drawn
        if before is None or seen is not before.schedule.lines:
            replaced = None  # the lines last drawn are not those the replaced ones are known against
        if not self._must_draw and before is not None and self._redraw_changed(before, drawn, replaced):
            self.drawn.emit()
            return
        self._must_draw = False
        legend = self.legend or self.ghost is not None  # a round behind the chart is named only there
        size = tuple(self.figure.get_size_inches())
        layout = (window, style, size, schedule.eif, schedule.agreement.stage_day, self.title_block, legend,
                  self.full_pages)  # fmt: skip
        options: dict[str, Any] = {
            "baseline": baseline,
            "today": date.today(),
            "highlight": state.highlight,
            "ghost_label": ghost_label,
            "empty_hint": GETTING_STARTED,
            "title_block": self.title_block,
            "legend": legend,
            "wide_labels": True,
            "page_rows": fit if self.full_pages else 0,
            "extents": extents,
        }
        artists = None
        if self.artists is not None and layout == self._axes_key:
            # Same window, style and size: keep the axes and date ticks, replace only the rows.
            artists = redraw_rows(self.artists, schedule, visible, **options)
        if artists is None:
            artists = draw_gantt(
                self.figure, schedule, style=style, visible=visible, window=window, **options
            )
        self.artists, self._axes_key = artists, layout
        assert self.layers is not None
        self.layers.set_artists(artists, fresh_background=True)
        self.canvas.draw_idle()
        self._update_scrollbar(count, len(rows))
        self.drawn.emit()

    def _redraw_changed(self, before: _Drawn, now: _Drawn, replaced: frozenset[str] | None) -> bool:
        """Draw again only the rows an edit changed, when nothing else did; whether that sufficed.

        Nothing is drawn when no row in view changed (an edit of a line off screen).
        """
        changed = before.changed_rows(now, replaced)
        if changed is None or self.artists is None or self.layers is None:
            return False
        if not changed:
            return True
        if self.title_block or self.legend or self.ghost is not None:
            return False  # the legend and title count what the rows show: draw everything
        from carveplan.chart.gantt import redraw_content

        marks = self.artists.milestones
        ys = [row.y for row in changed]
        art = redraw_content(
            self.artists,
            now.schedule,
            baseline=now.baseline,
            highlight=self._state.highlight,
            extents=self._extents,
            changed=ys,
        )
        if art is None:
            return False
        self.layers.set_artists(art, fresh_background=False)
        # A milestone's connectors run across rows: when one moved, paint every row again.
        bands = _bands(ys)
        if art.milestones != marks:
            bands = [(-0.5 - art.frame.header_rows, len(art.rows) - 0.5)]
        if not self.layers.update_rows(bands):
            self.canvas.draw_idle()
        return True

    def _update_scrollbar(self, page: int, total: int) -> None:
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, max(0, total - page))
        self.scrollbar.setPageStep(max(1, page))
        self.scrollbar.setValue(self._state.first)
        # A presentation page shows its own rows: the next ones are the next page, not a scroll.
        self.scrollbar.setVisible(total > page and self._state.count is None)
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

    def rows_that_fit(self, row_inches: float, height: float | None = None) -> int:
        """How many rows the canvas has room for at ``row_inches`` a row (or ``height`` inches has)."""
        if height is None:
            if self.figure is None:
                return 40
            height = float(self.figure.get_figheight())
        return max(3, int((height - self.chrome_inches()) / row_inches))

    def _page_rows(self) -> int:
        from carveplan.chart.style import style_named

        # Repeated group headers take a few rows at the top of the window.
        return max(1, self.rows_that_fit(self.row_inches(style_named(self.style_name).row_inches)) - 3)

    def all_rows(self) -> tuple[Row, ...]:
        """Every row the current filters and collapsed groups give, before scrolling (kept between
        redraws while no row changes)."""
        return self._rows.rows(self._document.schedule(), self._state.rows())

    # --- zoom, pan, scroll ----------------------------------------------------
    def current_window(self) -> tuple[date, date]:
        """The days shown now."""
        if self._state.window is not None:
            return self._state.window
        if self.artists is not None:
            return self.artists.window
        eif = self._document.schedule().eif
        return eif, eif + timedelta(days=365 * 10)

    def zoom(self, factor: float, centre: date | None = None) -> None:
        """Show ``factor`` times the current span, around ``centre`` (default: the middle)."""
        self.set_window(view.zoomed(self.current_window(), factor, centre))

    def zoom_in(self) -> None:
        """Halve the span (years → quarters → months) around the selected line, or EIF."""
        self.zoom(0.5, self.zoom_centre())

    def zoom_out(self) -> None:
        """Double the span around the selected line, or EIF."""
        self.zoom(2.0, self.zoom_centre())

    def zoom_centre(self) -> date | None:
        """Where +/- zoom around: the selected line's first change, else EIF, if on screen."""
        start, end = self.current_window()
        day = self._line_day(self._state.selected) if self._state.selected else None
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
        self.update_view(window=None, first=0)

    def pan_days(self, days: int) -> None:
        """Move the window ``days`` later (negative: earlier)."""
        self.set_window(view.panned(self.current_window(), days))

    def scroll_rows(self, rows: int) -> None:
        """Scroll ``rows`` rows down (negative: up)."""
        self.update_view(first=view.scrolled(self._state.first, rows, len(self.all_rows())))

    def toggle_group(self, key: str) -> None:
        """Collapse or expand a sector or party row."""
        self.update_view(collapsed=view.toggled(self._state.collapsed, key))

    def set_highlight(self, milestones: frozenset[str]) -> None:
        """Draw a halo on these milestones' diamonds (empty: none)."""
        self.update_view(highlight=milestones)

    # --- slots --------------------------------------------------------------
    def _on_scrollbar_value_changed(self, value: int) -> None:
        self.update_view(first=value)

    def _on_document_agreement_changed(self, change: AgreementChange) -> None:
        # Settings (title, entry into force) and exceptions (their sunsets) show outside the rows.
        if change.settings or change.touches(RecordKind.EXCEPTIONS):
            self._must_draw = True
        self._timer.start(REDRAW_MS)

    def _on_document_selection_changed(self, kind: str, key: str) -> None:
        line = key.split("#")[0] if kind in (RecordKind.LINES, PHASES) else None
        if line is None or line == self._state.selected:
            return
        state = view.with_state(self._state, selected=line)
        rows = self._rows.rows(self._document.schedule(), state.rows())
        index = next((i for i, row in enumerate(rows) if row.key == line), None)
        first = state.first if index is None else view.first_showing(index, state.first, self._page_rows())
        window = view.into_view(state.window, self._line_day(line))
        self.set_state(view.with_state(state, first=first, window=window))

    def _on_canvas_press(self, event: Any) -> None:
        if event.button == 1 and event.dblclick and event.xdata is not None and self.artists is not None:
            hit = self.artists.hit(event.xdata, event.ydata)
            if hit is not None and hit.line and hit.phase is not None:
                self._select_hit(hit)
                self.phase_activated.emit(hit.line, hit.phase)
            return
        if event.button == 1 and event.xdata is not None:
            self._press = (event.x, event.y, self.current_window(), self._state.first)

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
            window, first = view.dragged((start, end), first, days, rows)
            self.update_view(window=window, first=first)

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


def _bands(ys: list[float]) -> list[tuple[float, float]]:
    """The rows ``ys`` as bands of rows (top and bottom edges), next rows joined into one."""
    out: list[tuple[float, float]] = []
    for y in sorted(ys):
        if out and out[-1][1] >= y - 0.5:
            out[-1] = (out[-1][0], y + 0.5)
        else:
            out.append((y - 0.5, y + 0.5))
    return out


class _Drawn:
    """What one redraw showed: enough to tell which rows on screen an edit changed."""

    def __init__(
        self,
        schedule: Schedule,
        baseline: Schedule | None,
        rows: tuple[Row, ...],
        window: tuple[date, date],
    ) -> None:
        self.schedule, self.baseline, self.rows, self.window = schedule, baseline, rows, window

    def changed_rows(self, other: _Drawn, replaced: frozenset[str] | None = None) -> list[Row] | None:
        """The rows in view whose bars ``other`` draws otherwise: line rows whose line resolved
        otherwise (by identity: an incremental resolve keeps the lines an edit did not touch),
        group rows with such a member. ``None`` when more than rows changed: other rows or window,
        milestones, exception windows, reviews or entry into force.

        ``replaced`` names the lines of ``other``'s schedule resolved again since this one, when
        known (the lines are then not compared one by one).
        """
        if self.rows != other.rows or self.window != other.window:
            return None
        changed: dict[float, Row] = {}
        for mine, theirs in ((self.schedule, other.schedule), (self.baseline, other.baseline)):
            if mine is theirs:
                continue
            if mine is None or theirs is None or not _same_marks(mine, theirs):
                return None
            if mine is self.schedule and replaced is not None:
                changed.update((row.y, row) for row in self.rows if _touches(row, replaced))
                continue
            for row in self.rows:
                members = (row.line,) if row.line else row.lines
                if any(not _same_line(mine, theirs, line) for line in members):
                    changed[row.y] = row
        return list(changed.values())


def _touches(row: Row, replaced: frozenset[str]) -> bool:
    """Whether ``row`` shows one of the ``replaced`` lines (its own, or a member of its group)."""
    if row.line:
        return row.line in replaced
    return bool(replaced) and not replaced.isdisjoint(row.lines)


def _same_marks(a: Schedule, b: Schedule) -> bool:
    return (a.eif, a.milestones, a.windows, a.reviews) == (b.eif, b.milestones, b.windows, b.reviews)


def _same_line(a: Schedule, b: Schedule, line_id: str) -> bool:
    return a.line_index.get(line_id) is b.line_index.get(line_id)
