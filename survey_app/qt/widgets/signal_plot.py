"""Live signal plots: bounded ring buffers per modem, reduced to min/max per pixel column and drawn on a 5 Hz
display timer only when new data arrived and the plots are visible (pyqtgraph, imported lazily)."""
from __future__ import annotations

import functools
import math
import time
import warnings

import numpy as np
from survey_app.qt.qt import QColor, QPen, Qt, QTimer, QVBoxLayout, QWidget

DASHES = ("solid", "dash", "dot")   # a second modem of the same operator: same colour, another line style
# Each panel shows the best measure a reading has: LTE/NR values, or the 3G/2G ones on older networks.
PANELS = (("power", ("rsrp_dbm", "rscp_dbm", "rssi_dbm")), ("quality", ("rsrq_db", "ecio_db")), ("sinr", ("sinr_db",)))


class RingBuffer:
    """A fixed-size time series (numpy), oldest values dropped; times must not decrease. Values are stored one row
    per panel (v[panel, i]) so that each panel's series is contiguous for the per-column reductions."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.t = np.full(capacity, np.nan)
        self.v = np.full((len(PANELS), capacity), np.nan)
        self.n = 0
        self.head = 0

    def append(self, t: float, values: tuple) -> None:
        """Add one point (NaN where unknown)."""
        self.t[self.head] = t
        self.v[:, self.head] = values
        self.head = (self.head + 1) % self.capacity
        self.n = min(self.n + 1, self.capacity)

    def extend(self, ts, values) -> None:
        """Add many points at once (times in order, values one row of len(PANELS) per time)."""
        ts = np.asarray(ts, dtype=float)[-self.capacity:]
        values = np.asarray(values, dtype=float).reshape(-1, len(PANELS))[-self.capacity:].T
        k = len(ts)
        first = min(k, self.capacity - self.head)  # up to the end of the storage, then wrap round
        self.t[self.head:self.head + first], self.v[:, self.head:self.head + first] = ts[:first], values[:, :first]
        self.t[:k - first], self.v[:, :k - first] = ts[first:], values[:, first:]
        self.head = (self.head + k) % self.capacity
        self.n = min(self.n + k, self.capacity)

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        """(times, values[panel]) in time order (no copy unless the storage has wrapped round)."""
        if self.n < self.capacity or self.head == 0:
            return self.t[: self.n], self.v[:, : self.n]
        return np.roll(self.t, -self.head), np.roll(self.v, -self.head, axis=1)


def panel_values(reading) -> tuple:
    """The three plotted values of a reading (first known measure per panel)."""
    out = []
    for _key, fields in PANELS:
        val = next((getattr(reading, f) for f in fields if getattr(reading, f) is not None), None)
        out.append(np.nan if val is None else float(val))
    return tuple(out)


def decimate(t: np.ndarray, v: np.ndarray, x0: float, x1: float, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """The points of (t, v[panel]) within [x0, x1], reduced to the minimum and maximum of each of `columns` equal time
    columns (so every peak and dip still shows); a column with no finite value stays NaN, i.e. a gap."""
    i0, i1 = np.searchsorted(t, x0, "left"), np.searchsorted(t, x1, "right")
    t, v = t[i0:i1], v[:, i0:i1]
    if len(t) <= 2 * columns or x1 <= x0:
        return t, v
    col = ((t - x0) * (columns / (x1 - x0))).astype(np.int64)
    starts = np.flatnonzero(np.diff(col, prepend=-1))  # first point of every non-empty column
    xs = np.repeat(t[starts], 2)
    vs = np.empty((v.shape[0], 2 * len(starts)))
    vs[:, 0::2] = np.fmin.reduceat(v, starts, axis=1)  # fmin/fmax skip NaN
    vs[:, 1::2] = np.fmax.reduceat(v, starts, axis=1)
    return xs, vs


def nice_range(lo: float, hi: float) -> tuple[float, float]:
    """[lo, hi] widened to multiples of a round step (1, 2 or 5 x 10^k), so small changes keep the same range."""
    span = max(hi - lo, 4.0)  # steps of at least 1 (dB)
    mag = 10 ** math.floor(math.log10(span / 4))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= span / 4)
    a, b = math.floor(lo / step - 0.25) * step, math.ceil(hi / step + 0.25) * step
    return a, b


@functools.cache
def _grid_axis_class(pg):
    """A pyqtgraph AxisItem whose grid lines are drawn in the opaque colour their translucent colour would give on
    the white background: the same picture, but rasterising translucent lines costs several times more."""

    class GridAxis(pg.AxisItem):
        def generateDrawSpecs(self, p):
            specs = super().generateDrawSpecs(p)
            if specs is None:
                return None
            axis, ticks, texts = specs
            return axis, [(_opaque(pen), a, b) for pen, a, b in ticks], texts

    return GridAxis


_OPAQUE: dict[int, QPen] = {}


def _opaque(pen: QPen) -> QPen:
    c = pen.color()
    if c.alpha() == 255:
        return pen
    out = _OPAQUE.get(c.rgba())
    if out is None:
        a = c.alphaF()
        out = QPen(pen)
        out.setColor(QColor(*(round(255 - a * (255 - x)) for x in (c.red(), c.green(), c.blue()))))
        _OPAQUE[c.rgba()] = out
    return out


class SignalPlot(QWidget):
    """Three stacked plots (signal power, quality, SINR) with one curve per modem.

    The x and y ranges follow the data (the newest time at the right) but move in steps, so the axes are not
    laid out again on every frame; panning or zooming by hand stops following until the "A" button is pressed."""

    def __init__(self, parent: QWidget | None = None, *, capacity: int = 30_000, fps: float = 5.0,
                 window_s: float | None = 600.0) -> None:
        super().__init__(parent)
        from survey_app.qt.qt import pg  # imported when the page is first shown, not at start-up

        self._pg = pg
        self.capacity, self.window_s = capacity, window_s
        self.buffers: dict[str, RingBuffer] = {}
        self.curves: dict[str, list] = {}
        self.labels: dict[str, str] = {}
        self.operators: dict[str, str | None] = {}
        self.styles: dict[str, str] = {}
        self._dirty = False
        self._t0 = time.monotonic()
        self.follow = True
        self._xrange: tuple[float, float] | None = None
        self._yranges: list[tuple[float, float] | None] = [None] * len(PANELS)
        self.redraws = 0
        self.last_redraw_s = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = pg.GraphicsLayoutWidget()
        layout.addWidget(self.view)
        titles = (self.tr("Signal power (RSRP, or RSCP/RSSI)"), self.tr("Quality (RSRQ, or Ec/Io)"),
                  self.tr("SINR"))
        units = ("dBm", "dB", "dB")
        self.plots = []
        axis_class = _grid_axis_class(pg)
        for i, (title, unit) in enumerate(zip(titles, units)):
            p = self.view.addPlot(row=i, col=0, title=title,
                                  axisItems={"left": axis_class("left"), "bottom": axis_class("bottom")})
            p.showGrid(x=True, y=True, alpha=0.3)
            p.setMenuEnabled(False)
            for name in ("left", "bottom"):
                p.getAxis(name).setZValue(-200)  # grid behind the curves (the view box is at -100)
                p.getAxis(name).setStyle(maxTickLevel=1)  # no third, barely visible level of grid lines
                p.getAxis(name).enableAutoSIPrefix(False)   # "s" and "dBm", never "(x0.001)"
            p.setLabel("left", unit)
            p.disableAutoRange()  # ranges come from the reduced data in redraw()
            p.vb.sigRangeChangedManually.connect(self._on_range_changed_by_hand)
            p.autoBtn.clicked.connect(self._on_auto_clicked)
            if i:
                p.setXLink(self.plots[0])
            self.plots.append(p)
        self.plots[-1].setLabel("bottom", "s")
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.redraw)
        self.timer.start(int(1000 / max(1.0, min(10.0, fps))))

    # -- data ------------------------------------------------------------------------------------------
    def _series(self, key: str, label: str, operator: str | None = None) -> RingBuffer:
        if key not in self.buffers:
            self.buffers[key] = RingBuffer(self.capacity)
            self.curves[key] = []
            for p in self.plots:
                curve = self._pg.PlotCurveItem(antialias=False, connect="finite", skipFiniteCheck=True)
                p.addItem(curve)
                self.curves[key].append(curve)
            self.operators[key] = None
            self._style(key, operator)
        elif operator and self.operators[key] != operator:   # the operator is known once the modem registers
            self._style(key, operator)
        self.labels[key] = label
        return self.buffers[key]

    def _style(self, key: str, operator: str | None) -> None:
        """The operator's colour; a second modem of the same operator draws dashed, a third dotted."""
        from survey_app.qt.colours import operator_colour

        same = sum(1 for k, op in self.operators.items() if op == operator and k != key)
        self.operators[key], self.styles[key] = operator, DASHES[same % len(DASHES)]
        style = {"solid": Qt.SolidLine, "dash": Qt.DashLine, "dot": Qt.DotLine}[self.styles[key]]
        pen = self._pg.mkPen(operator_colour(operator), width=1, style=style)  # 1 px cosmetic: fastest
        for curve in self.curves[key]:
            curve.setPen(pen)

    def legend_entries(self) -> list[tuple[str, str | None, str]]:
        """(label, operator, line style) of every series, for a legend drawn beside the plots."""
        return [(self.labels[k], self.operators[k], self.styles[k]) for k in self.buffers]

    def add_point(self, key: str, label: str, values: tuple, t: float | None = None,
                  operator: str | None = None) -> None:
        """Append one reading's values to `key`'s series (cheap: the display timer draws later)."""
        self._series(key, label, operator).append((time.monotonic() if t is None else t) - self._t0, values)
        self._dirty = True

    def add_points(self, key: str, label: str, times, values, operator: str | None = None) -> None:
        """Append a batch of readings (monotonic times, rows of panel values) to `key`'s series."""
        if len(times):
            self._series(key, label, operator).extend(np.asarray(times, dtype=float) - self._t0, values)
            self._dirty = True

    # -- drawing ---------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Catch up at once when the page comes back into view (hidden plots are not redrawn)."""
        super().showEvent(event)
        self.redraw()

    def redraw(self, force: bool = False) -> None:
        """Push the reduced buffers to the curves if new data came and the plots are visible (display timer)."""
        if not (self._dirty or force) or not self.buffers or not self.isVisible():
            return
        start = time.perf_counter()
        self._dirty = False
        views = {key: buf.view() for key, buf in self.buffers.items() if buf.n}
        if not views:
            return
        first = min(float(t[0]) for t, _ in views.values())
        last = max(float(t[-1]) for t, _ in views.values())
        x0, x1 = self._follow_x(first, last) if self.follow else self.plots[0].vb.viewRange()[0]
        columns = max(100, int(self.plots[0].vb.width()) or 1000)
        lows, highs = [], []
        for key, (t, v) in views.items():
            xs, vs = decimate(t, v, x0, x1, columns)
            for i, curve in enumerate(self.curves[key]):
                curve.setData(xs, vs[i])
            if len(xs) and self.follow:
                with warnings.catch_warnings():  # "All-NaN slice": a measure this modem never reported
                    warnings.simplefilter("ignore", RuntimeWarning)
                    lows.append(np.nanmin(vs, axis=1))
                    highs.append(np.nanmax(vs, axis=1))
        if self.follow:
            self._apply_ranges(x0, x1, lows, highs)
        self.redraws += 1
        self.last_redraw_s = time.perf_counter() - start

    def _follow_x(self, first: float, last: float) -> tuple[float, float]:
        """The x range, moved on by a step (5 % of the window, 10 % of a shorter series) only when data reaches
        its right edge."""
        cur = self._xrange
        if cur is None or last > cur[1] or first > cur[1] or (not self.window_s and first < cur[0]):
            span = last - first
            full = self.window_s is not None and span >= self.window_s
            x1 = last + max(0.5, (0.05 * self.window_s) if full else 0.1 * span)
            x0 = x1 - self.window_s if full else first
            self._xrange = (x0, x1)
        return self._xrange

    def _apply_ranges(self, x0: float, x1: float, lows: list, highs: list) -> None:
        if self.plots[0].vb.viewRange()[0] != [x0, x1]:  # setting an unchanged range still lays the axes out
            self.plots[0].vb.setXRange(x0, x1, padding=0)
        if not lows:
            return
        lo, hi = np.fmin.reduce(np.array(lows), axis=0), np.fmax.reduce(np.array(highs), axis=0)
        for i, p in enumerate(self.plots):
            if not (math.isfinite(lo[i]) and math.isfinite(hi[i])):
                continue
            cur = self._yranges[i]
            # keep the range while it holds the data and is not more than twice as tall as needed
            if cur and cur[0] <= lo[i] and hi[i] <= cur[1] and cur[1] - cur[0] <= 2 * max(hi[i] - lo[i] + 2, 4):
                continue
            self._yranges[i] = nice_range(float(lo[i]), float(hi[i]))
            if p.vb.viewRange()[1] != list(self._yranges[i]):
                p.vb.setYRange(*self._yranges[i], padding=0)

    def _on_range_changed_by_hand(self, *_args) -> None:
        self.follow = False

    def _on_auto_clicked(self, *_args) -> None:
        # pyqtgraph has just re-enabled its own auto-range (computed on every frame): follow the data instead
        for p in self.plots:
            p.disableAutoRange()
        self.follow = True
        self._reset_ranges()
        self.redraw(force=True)

    def series_count(self) -> int:
        """How many modems are plotted."""
        return len(self.buffers)

    def clear(self) -> None:
        """Forget every series."""
        for p in self.plots:
            p.clear()
        self.buffers.clear()
        self.curves.clear()
        self.labels.clear()
        self.operators.clear()
        self.styles.clear()
        self._reset_ranges()

    def _reset_ranges(self) -> None:
        self._xrange = None
        self._yranges = [None] * len(PANELS)

