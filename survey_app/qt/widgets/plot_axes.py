"""Plot axes that read like the rest of the window: the language's number format, plain units, no SI prefix.

pyqtgraph rescales an axis whose label has a unit ("s" becomes "ms", a word label gains "(x0.001)"); the window's
axes say their unit once, in the label, and keep it.
"""
from __future__ import annotations

import math

from survey_app.qt.qt import QLocale, pg


def locale_axis(orientation: str):
    """A pyqtgraph axis whose tick labels use the locale's number format (vi: 0,5 and 25.000)."""

    class LocaleAxis(pg.AxisItem):
        def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph name)
            places = max(0, math.ceil(-math.log10(spacing * scale))) if spacing > 0 else 0
            return [QLocale().toString(float(v * scale), "f", places) for v in values]

    axis = LocaleAxis(orientation)
    axis.enableAutoSIPrefix(False)
    return axis


def plain_plot(widget, left: str, bottom: str) -> None:
    """Label a PlotWidget's axes with their units, without SI prefixes, menus or the auto-range button."""
    widget.setMenuEnabled(False)
    widget.hideButtons()
    for name, text in (("left", left), ("bottom", bottom)):
        axis = widget.getAxis(name)
        axis.enableAutoSIPrefix(False)
        widget.setLabel(name, text)
