"""The indicator charts: one horizontal bar per unit, named on the axis, against the target line.

Units are read down the left axis by name (40 names do not fit under a horizontal axis), operators keep their
colours from colours.py, and the legend sits above the charts instead of over the bars.
"""
from __future__ import annotations

from survey_app.qt.colours import OPERATORS, legend_html, light_colour, operator_colour
from survey_app.qt.qt import QHBoxLayout, Qt, QWidget, pg

ROW_PX = 22      # height given to each unit, so names stay readable
BAR = 0.26       # thickness of one operator's bar (three fit in a unit's row)


def _percent_axis():
    from survey_app.qt.widgets.plot_axes import locale_axis

    return locale_axis("bottom")


class IndicatorCharts(QWidget):
    """4G/5G coverage by operator, and residents using the Internet, for every unit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.coverage = self._plot(self.tr("4G/5G coverage by operator (%)"))
        self.users = self._plot(self.tr("Residents using the Internet (%)"))
        self.users.setYLink(self.coverage)
        self.users.getAxis("left").setStyle(showValues=False)   # the names are on the first chart
        layout.addWidget(self.coverage, 3)
        layout.addWidget(self.users, 2)

    def _plot(self, title: str):
        w = pg.PlotWidget(axisItems={"bottom": _percent_axis()})
        w.setMenuEnabled(False)
        w.setMouseEnabled(x=False, y=False)
        w.hideButtons()
        w.getAxis("left").enableAutoSIPrefix(False)
        w.setTitle(title, color="#333")
        w.invertY(True)   # the first unit at the top, as in the table
        w.setXRange(0, 100, padding=0.02)
        w.showGrid(x=True, y=False, alpha=0.3)
        return w

    def legend(self) -> str:
        """Which colour is which operator, and what the dashed lines are."""
        return self.tr("Operators: {legend}. Dashed line: the target. Residents: bar colour = how the unit stands "
                       "against the target.").format(legend=legend_html(OPERATORS))

    def draw(self, table) -> None:
        """Redraw both charts for an IndicatorTable (units and the city, by name)."""
        rows = table.rows
        self.setMinimumHeight(ROW_PX * len(rows) + 80)
        ticks = [[(i, u.name) for i, u in enumerate(rows)]]
        cov, users = self.coverage, self.users
        cov.clear()
        users.clear()
        for k, op in enumerate(OPERATORS):
            ys = [i + (k - 1) * BAR for i in range(len(rows))]
            widths = [100 * (u.coverage.get(op, {}).get("share") or 0) for u in rows]
            cov.addItem(pg.BarGraphItem(x0=0, y=ys, height=BAR, width=widths, brush=operator_colour(op),
                                        pen=pg.mkPen(None)))
        target = pg.mkPen((0, 0, 0), style=Qt.DashLine)
        cov.addItem(pg.InfiniteLine(pos=100 * table.config.covered_share, angle=90, pen=target))
        widths = [100 * (u.internet_users or 0) for u in rows]
        brushes = [light_colour(u.lights["internet_users"]).darker(115) for u in rows]
        users.addItem(pg.BarGraphItem(x0=0, y=list(range(len(rows))), height=0.7, width=widths, brushes=brushes,
                                      pen=pg.mkPen(None)))
        users.addItem(pg.InfiniteLine(pos=100 * table.config.target_internet_users, angle=90, pen=target))
        for w in (cov, users):
            w.getAxis("left").setTicks(ticks)
            w.setYRange(-0.6, len(rows) - 0.4, padding=0)
