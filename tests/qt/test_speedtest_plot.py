"""The speed-test plot's axes write numbers as the user's language does (vi: 0,5 and 25.000)."""
from __future__ import annotations

from PySide6.QtCore import QLocale


def test_axis_ticks_follow_the_locale(qtbot):
    from survey_app.qt.widgets.speedtest_plot import SpeedTestPlot

    old = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
        plot = SpeedTestPlot()
        qtbot.addWidget(plot)
        assert plot.plot.getAxis("bottom").tickStrings([0.5, 1.0, 1.5], 1, 0.5) == ["0,5", "1,0", "1,5"]
        assert plot.plot.getAxis("left").tickStrings([5000, 25000], 1, 5000) == ["5.000", "25.000"]
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedKingdom))
        assert plot.plot.getAxis("bottom").tickStrings([0.5, 2.0], 1, 0.5) == ["0.5", "2.0"]
        plot.stop()
    finally:
        QLocale.setDefault(old)


def test_legend_row_sits_above_the_curves(qtbot):
    from survey_app.qt.widgets.speedtest_plot import LEGEND_HEADROOM, SpeedTestPlot

    plot = SpeedTestPlot()
    qtbot.addWidget(plot)
    for i in range(8):
        plot.add("download", 0.25 * i, 100.0)
    plot._redraw()
    top = plot.plot.getViewBox().viewRange()[1][1]
    assert abs(top - 100.0 * LEGEND_HEADROOM) < 1e-6 and LEGEND_HEADROOM >= 1.25
    assert plot.plot.plotItem.legend.columnCount == 2
    plot.stop()
