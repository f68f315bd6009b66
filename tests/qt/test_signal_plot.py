"""The live signal plot: ring buffers, min/max reduction per pixel column, drawing only what is new and visible."""
from __future__ import annotations

import numpy as np
import pytest

from survey_app.qt.widgets.signal_plot import PANELS, RingBuffer, decimate, nice_range


def test_ring_buffer_extend_wraps_and_keeps_order():
    buf = RingBuffer(5)
    buf.append(0.0, (1.0, 2.0, 3.0))
    buf.extend([1.0, 2.0, 3.0], [(i, i, i) for i in (10.0, 20.0, 30.0)])
    buf.extend([4.0, 5.0, 6.0], [(i, i, i) for i in (40.0, 50.0, 60.0)])  # wraps round the end of the storage
    t, v = buf.view()
    assert list(t) == [2.0, 3.0, 4.0, 5.0, 6.0] and list(v[0]) == [20.0, 30.0, 40.0, 50.0, 60.0]
    buf.extend(np.arange(7, 20, dtype=float), np.ones((13, len(PANELS))))  # more than the capacity at once
    t, _ = buf.view()
    assert list(t) == [15.0, 16.0, 17.0, 18.0, 19.0] and buf.n == 5


def test_decimate_keeps_every_extreme_and_gaps():
    rng = np.random.default_rng(3)
    n = 28_800
    t = np.arange(n, dtype=float)
    v = np.vstack([rng.normal(-90, 3, n), rng.normal(-10, 1, n), rng.normal(12, 3, n)])
    v[0, 5000], v[2, 20_000] = -140.0, 45.0  # single-sample dip and peak must survive the reduction
    v[:, 10_000:11_000] = np.nan  # a modem unplugged for a while
    xs, vs = decimate(t, v, 0.0, float(n), 1000)
    assert len(xs) <= 2 * 1000 and vs.shape[0] == 3
    assert np.nanmin(vs[0]) == -140.0 and np.nanmax(vs[2]) == 45.0
    assert np.nanmax(vs[0]) == np.nanmax(v[0]) and np.nanmin(vs[1]) == np.nanmin(v[1])
    gap = (xs > 10_100) & (xs < 10_900)
    assert gap.any() and np.isnan(vs[:, gap]).all()  # still drawn as a gap
    assert np.all(np.diff(xs) >= 0)
    # a range inside the data: only the points within it, short series unchanged
    xs2, vs2 = decimate(t, v, 100.0, 300.0, 1000)
    assert xs2[0] == 100.0 and xs2[-1] == 300.0 and len(xs2) == 201


def test_nice_range_holds_the_data_on_round_steps():
    for lo, hi in [(-97.3, -84.1), (-11.0, -9.0), (3.0, 3.0), (-130.0, -45.0)]:
        a, b = nice_range(lo, hi)
        assert a < lo and b > hi and a == round(a) and b == round(b)


@pytest.fixture
def plot(qtbot):
    from survey_app.qt.widgets.signal_plot import SignalPlot

    p = SignalPlot(window_s=60.0, capacity=5000)
    p.timer.stop()  # frames are drawn by hand in these tests
    qtbot.addWidget(p)
    p.resize(900, 500)
    p.show()
    qtbot.waitExposed(p)
    return p


def _feed(plot, key, t_from, count, base=-90.0, step=0.1):
    ts = plot._t0 + t_from + np.arange(count) * step
    vals = np.column_stack([base + np.sin(np.arange(count)), np.full(count, -10.0), np.full(count, 12.0)])
    plot.add_points(key, key, ts, vals)


def test_redraws_only_new_data_and_only_when_visible(qtbot, plot):
    _feed(plot, "a", 0.0, 3000)
    plot.redraw()
    assert plot.redraws == 1
    curve = plot.curves["a"][0]
    assert 3 <= len(curve.xData) <= 2 * plot.plots[0].vb.width() + 2  # reduced to the pixel width
    plot.redraw()
    assert plot.redraws == 1  # nothing new: no work
    plot.hide()
    _feed(plot, "a", 300.0, 10)
    plot.redraw()
    assert plot.redraws == 1  # hidden: no work
    plot.show()
    qtbot.waitUntil(lambda: plot.redraws == 2, timeout=3000)  # caught up when shown again


def test_ranges_follow_the_newest_data_in_steps_and_stop_when_panned(qtbot, plot):
    _feed(plot, "a", 0.0, 1200)  # 120 s at 10 Hz, more than the 60 s window
    plot.redraw()
    x0, x1 = plot.plots[0].vb.viewRange()[0]
    assert x1 - x0 == pytest.approx(60.0) and x1 >= 119.9
    lo, hi = plot.plots[0].vb.viewRange()[1]
    assert lo < -91 and hi > -89
    _feed(plot, "a", 120.0, 5)  # half a second more: still inside the range, axes untouched
    plot.redraw()
    assert plot.plots[0].vb.viewRange()[0] == pytest.approx([x0, x1])
    _feed(plot, "a", 120.5, 100)  # past the right edge: the range moves on
    plot.redraw()
    assert plot.plots[0].vb.viewRange()[0][1] > x1
    plot.plots[0].vb.sigRangeChangedManually.emit([True, True])  # what a drag or wheel on the plot emits
    plot.plots[0].vb.setXRange(10.0, 20.0, padding=0)
    _feed(plot, "a", 131.0, 100)
    plot.redraw()
    assert plot.plots[0].vb.viewRange()[0] == pytest.approx([10.0, 20.0])  # the user's view is kept
    plot.plots[0].autoBtn.mode = "auto"
    plot.plots[0].autoBtn.clicked.emit(plot.plots[0].autoBtn)  # the "A" button: follow the data again
    assert plot.follow and plot.plots[0].vb.viewRange()[0][1] >= 141.0
    assert not any(plot.plots[0].vb.autoRangeEnabled())
