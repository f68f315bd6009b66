"""Live throughput plot of a speed test: bounded buffers, redrawn on a display timer (pyqtgraph, lazily)."""
from __future__ import annotations

from collections import deque

from survey_app.qt.colours import DOWNLOAD, UPLOAD
from survey_app.qt.qt import QTimer, QVBoxLayout, QWidget

MAX_POINTS = 4000  # 250 ms samples: over 16 minutes per phase, far more than any test


class SpeedTestPlot(QWidget):
    """Download and upload throughput (Mbit/s) against seconds into each phase."""

    def __init__(self, parent: QWidget | None = None, *, fps: float = 8.0) -> None:
        super().__init__(parent)
        from survey_app.qt.qt import pg  # imported when the page is first built, not at start-up
        from survey_app.qt.widgets.plot_axes import locale_axis, plain_plot

        self.plot = pg.PlotWidget(axisItems={"left": locale_axis("left"), "bottom": locale_axis("bottom")})
        self.plot.setMinimumHeight(160)
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        plain_plot(self.plot, "Mbit/s", "s")   # the legend is a row above the plot (the page draws it)
        self.plot.setYRange(0, 1)
        self.buffers: dict[str, tuple[deque, deque]] = {}
        self.curves = {}
        for phase, colour in (("download", DOWNLOAD), ("upload", UPLOAD)):
            self.buffers[phase] = (deque(maxlen=MAX_POINTS), deque(maxlen=MAX_POINTS))
            self.curves[phase] = self.plot.plot([], [], pen=pg.mkPen(colour, width=2), antialias=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._dirty = False
        self.redraws = 0
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / fps))
        self.timer.timeout.connect(self._redraw)
        self.timer.start()

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
        self.plot.setYRange(0, max(1.0, top * 1.1), padding=0)  # rates read from zero, never a zoomed band

    def stop(self) -> None:
        """Stop the display timer."""
        self.timer.stop()
