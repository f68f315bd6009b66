"""Sizes that fit the laptop's screen: a window or dialog never opens taller or wider than the room it has."""
from __future__ import annotations

from survey_app.qt.qt import QGuiApplication, QWidget

# Left for the window's frame and title bar and for a taskbar below it (Windows 10 at 100 %: 31 + 40 px).
FRAME_MARGIN = (24, 80)


def room(widget: QWidget | None = None):
    """The available geometry of the widget's screen (else the primary screen)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width x height, or to what the screen has room for when it is smaller."""
    area = room(widget.parentWidget() or widget)
    if area is None:
        widget.resize(width, height)
        return
    widget.resize(min(width, area.width() - FRAME_MARGIN[0]), min(height, area.height() - FRAME_MARGIN[1]))
