"""A dock whose widget is made the first time the dock is shown, or its widget is asked for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget


class LazyDock(QDockWidget):
    """A dock that makes its widget when it first comes into sight (its tab raised, or it is opened).

    A dock tabbed behind another is not seen at start-up: making its view then (and importing what
    the view needs) would only delay the window. ``make`` puts the widget in the dock's holder, an
    empty widget from the start: giving the dock a new widget later would resize its dock area to
    the widget's preferred size instead of keeping the size the area has (or was restored to).
    """

    def __init__(self, title: str, parent: QWidget, make: Callable[[QDockWidget], None]) -> None:
        super().__init__(title, parent)
        self._make: Callable[[QDockWidget], None] | None = make
        holder = QWidget(self)  # the made widget goes in here: the dock area keeps the size it has
        self._holding = QVBoxLayout(holder)
        self._holding.setContentsMargins(0, 0, 0, 0)
        self.setWidget(holder)
        self.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def made(self) -> bool:
        """Whether the widget has been made."""
        return self._make is None

    def content(self) -> QWidget:
        """The dock's widget (the holder of the made widget), made now if it was not yet."""
        if self._make is not None:
            make, self._make = self._make, None
            make(self)
        return self.widget()

    def put(self, widget: QWidget) -> None:
        """Show ``widget`` in the dock (``make`` calls this)."""
        self._holding.addWidget(widget)

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.content()
