"""A dock whose widget is made the first time the dock is shown, or its widget is asked for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    """A dock that makes its widget when it first comes into sight (its tab raised, or it is opened).

    A dock tabbed behind another is not seen at start-up: making its view then (and importing what
    the view needs) would only delay the window. ``make`` puts the widget in the dock.
    """

    def __init__(self, title: str, parent: QWidget, make: Callable[[QDockWidget], None]) -> None:
        super().__init__(title, parent)
        self._make: Callable[[QDockWidget], None] | None = make
        self.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def made(self) -> bool:
        """Whether the widget has been made."""
        return self._make is None

    def content(self) -> QWidget:
        """The dock's widget, made now if it was not yet."""
        if self._make is not None:
            make, self._make = self._make, None
            make(self)
        return self.widget()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.content()
