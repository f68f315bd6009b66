"""Live signal plots: bounded ring buffers per modem, redrawn on a 5-10 Hz display timer (pyqtgraph, lazily)."""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]
# Each panel shows the best measure a reading has: LTE/NR values, or the 3G/2G ones on older networks.
PANELS = (("power", ("rsrp_dbm", "rscp_dbm", "rssi_dbm")), ("quality", ("rsrq_db", "ecio_db")), ("sinr", ("sinr_db",)))


class RingBuffer:
    """A fixed-size time series (numpy), oldest values dropped; view() gives the values in order without copying
    more than once."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.t = np.full(capacity, np.nan)
        self.v = np.full((capacity, len(PANELS)), np.nan)
        self.n = 0
        self.head = 0

    def append(self, t: float, values: tuple) -> None:
        """Add one point (NaN where unknown)."""
        self.t[self.head] = t
        self.v[self.head] = values
        self.head = (self.head + 1) % self.capacity
        self.n = min(self.n + 1, self.capacity)

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) in time order."""
        if self.n < self.capacity:
            return self.t[: self.n], self.v[: self.n]
        return np.roll(self.t, -self.head), np.roll(self.v, -self.head, axis=0)


def panel_values(reading) -> tuple:
    """The three plotted values of a reading (first known measure per panel)."""
    out = []
    for _key, fields in PANELS:
        val = next((getattr(reading, f) for f in fields if getattr(reading, f) is not None), None)
        out.append(np.nan if val is None else float(val))
    return tuple(out)


class SignalPlot(QWidget):
    """Three stacked plots (signal power, quality, SINR) with one curve per modem."""

    def __init__(self, parent: QWidget | None = None, *, capacity: int = 30_000, fps: float = 8.0,
                 window_s: float | None = 600.0) -> None:
        super().__init__(parent)
        import pyqtgraph as pg  # imported when the page is first shown, not at start-up

        pg.setConfigOptions(antialias=False, background="w", foreground="#333")
        self._pg = pg
        self.capacity, self.window_s = capacity, window_s
        self.buffers: dict[str, RingBuffer] = {}
        self.curves: dict[str, list] = {}
        self.labels: dict[str, str] = {}
        self._dirty = False
        self._t0 = time.monotonic()
        self.redraws = 0
        self.last_redraw_s = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = pg.GraphicsLayoutWidget()
        layout.addWidget(self.view)
        titles = (self.tr("Signal power (RSRP, or RSCP/RSSI), dBm"), self.tr("Quality (RSRQ, or Ec/Io), dB"),
                  self.tr("SINR, dB"))
        self.plots = []
        for i, title in enumerate(titles):
            p = self.view.addPlot(row=i, col=0, title=title)
            p.showGrid(x=True, y=True, alpha=0.3)
            p.setClipToView(True)
            p.setDownsampling(auto=True, mode="peak")
            if i:
                p.setXLink(self.plots[0])
            if i == 0:
                p.addLegend(offset=(10, 5))
            self.plots.append(p)
        self.plots[-1].setLabel("bottom", self.tr("seconds"))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.redraw)
        self.timer.start(int(1000 / max(5.0, min(10.0, fps))))

    def add_point(self, key: str, label: str, values: tuple, t: float | None = None) -> None:
        """Append one reading's values to `key`'s series (cheap: the display timer draws later)."""
        if key not in self.buffers:
            self.buffers[key] = RingBuffer(self.capacity)
            colour = COLOURS[len(self.curves) % len(COLOURS)]
            pen = self._pg.mkPen(colour, width=2)
            self.curves[key] = [p.plot([], [], pen=pen, name=label if i == 0 else None) for i, p in
                                enumerate(self.plots)]
            self.labels[key] = label
        self.buffers[key].append((time.monotonic() if t is None else t) - self._t0, values)
        self._dirty = True

    def redraw(self) -> None:
        """Push the buffers to the curves if anything changed (called by the display timer)."""
        if not self._dirty:
            return
        start = time.perf_counter()
        self._dirty = False
        for key, buf in self.buffers.items():
            t, v = buf.view()
            if self.window_s and len(t):
                keep = t >= t[-1] - self.window_s
                t, v = t[keep], v[keep]
            for i, curve in enumerate(self.curves[key]):
                curve.setData(t, v[:, i], connect="finite")
        self.redraws += 1
        self.last_redraw_s = time.perf_counter() - start

    def series_count(self) -> int:
        """How many modems are plotted."""
        return len(self.buffers)

    def clear(self) -> None:
        """Forget every series."""
        for curves in self.curves.values():
            for c in curves:
                c.getViewBox().removeItem(c) if c.getViewBox() else None
        for p in self.plots:
            p.clear()
        self.buffers.clear()
        self.curves.clear()
        self.labels.clear()
