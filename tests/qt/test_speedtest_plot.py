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


def test_no_legend_over_the_curves_and_axes_in_plain_units(qtbot):
    """The legend is a row of the page above the plot; the axes say Mbit/s and s, never "(x0.001)" or "ms"."""
    from survey_app.qt.widgets.speedtest_plot import SpeedTestPlot

    plot = SpeedTestPlot()
    qtbot.addWidget(plot)
    for i in range(8):
        plot.add("download", 0.25 * i, 0.004)    # small values made pyqtgraph rescale the axis label
    plot._redraw()
    assert plot.plot.plotItem.legend is None
    for name, unit in (("left", "Mbit/s"), ("bottom", "s")):
        axis = plot.plot.getAxis(name)
        assert axis.labelText == unit and not axis.autoSIPrefix
        assert "x0.001" not in axis.labelString() and "(m" not in axis.labelString()
    plot.stop()
