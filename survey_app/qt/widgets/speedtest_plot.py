"""Live throughput plot of a speed test: bounded buffers, redrawn on a display timer (pyqtgraph, lazily)."""
from __future__ import annotations

import math
from collections import deque

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

COLOURS = {"download": "#1f77b4", "upload": "#d62728"}
LEGEND_HEADROOM = 1.3  # the y range goes this far above the highest rate: room for the legend row
MAX_POINTS = 4000  # 250 ms samples: over 16 minutes per phase, far more than any test


def locale_axis(pg, orientation: str):
    """A pyqtgraph axis whose tick labels use the locale's number format (vi: 0,5 and 25.000)."""

    class LocaleAxis(pg.AxisItem):
        def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph name)
            places = max(0, math.ceil(-math.log10(spacing * scale))) if spacing > 0 else 0
            return [QLocale().toString(float(v * scale), "f", places) for v in values]

    return LocaleAxis(orientation)


class SpeedTestPlot(QWidget):
    """Download and upload throughput (Mbit/s) against seconds into each phase."""

    def __init__(self, parent: QWidget | None = None, *, fps: float = 8.0) -> None:
        super().__init__(parent)
        import pyqtgraph as pg  # imported when the page is first built, not at start-up

        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.plot = pg.PlotWidget(axisItems={"left": locale_axis(pg, "left"), "bottom": locale_axis(pg, "bottom")})
        self.plot.setMinimumHeight(180)
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setLabel("left", "Mbit/s")
        self.plot.setLabel("bottom", "s")
        # one row at the top right, above the curves (the y range leaves headroom for it)
        self.plot.addLegend(offset=(-10, 5), brush=pg.mkBrush(255, 255, 255, 220), colCount=2)
        self.plot.setYRange(0, 1)
        self.buffers: dict[str, tuple[deque, deque]] = {}
        self.curves = {}
        for phase, colour in COLOURS.items():
            self.buffers[phase] = (deque(maxlen=MAX_POINTS), deque(maxlen=MAX_POINTS))
            self.curves[phase] = self.plot.plot([], [], pen=pg.mkPen(colour, width=2), name=phase)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._dirty = False
        self.redraws = 0
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / fps))
        self.timer.timeout.connect(self._redraw)
        self.timer.start()

    def set_names(self, download: str, upload: str) -> None:
        """Legend texts in the user's language."""
        legend = self.plot.plotItem.legend
        for phase, text in (("download", download), ("upload", upload)):
            legend.removeItem(self.curves[phase])
            legend.addItem(self.curves[phase], text)

    def add(self, phase: str, t: float, mbps: float) -> None:
        """Buffer one sample; it is drawn at the next timer tick."""
        if phase in self.buffers:
            xs, ys = self.buffers[phase]
            xs.append(t)
            ys.append(mbps)
            self._dirty = True

    def clear(self) -> None:
        """Forget every sample."""
        for xs, ys in self.buffers.values():
            xs.clear()
            ys.clear()
        self._dirty = True

    def points(self, phase: str) -> int:
        """How many samples a phase has buffered."""
        return len(self.buffers[phase][0])

    def _redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.redraws += 1
        top = 0.0
        for phase, (xs, ys) in self.buffers.items():
            self.curves[phase].setData(list(xs), list(ys))
            top = max(top, max(ys, default=0.0))
        self.plot.setYRange(0, max(1.0, top * LEGEND_HEADROOM), padding=0)  # rates read from zero, never a zoomed band

    def stop(self) -> None:
        """Stop the display timer."""
        self.timer.stop()
