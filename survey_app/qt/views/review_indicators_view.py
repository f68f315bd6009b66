"""The Indicators view: one row per unit plus the city, with traffic lights and charts against the targets."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from survey_app.qt.formatting import number
from survey_app.qt.runner import run_task
from survey_app.qt.table_fill import bulk_fill

LIGHT_COLOURS = {"green": QColor(170, 225, 175), "amber": QColor(255, 220, 140), "red": QColor(245, 170, 165),
                 "grey": QColor(225, 225, 225)}
OPERATORS = ("Viettel", "VinaPhone", "MobiFone")
OPERATOR_BAR_COLOURS = ((220, 40, 40), (30, 110, 200), (40, 150, 70))   # same order as OPERATORS


def _share(part, whole):
    return part / whole if part is not None and whole else None


def compute_in_worker(db_path, settings, include_all: bool):
    """Compute the table on a worker thread's own connection."""
    from survey_app.review.indicators import compute
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        return compute(db, settings, include_all=include_all)
    finally:
        db.close()


class ReviewIndicatorsView(QWidget):
    """Computes the indicator table in the background and shows it as a table and charts."""

    computed = Signal(object)   # the IndicatorTable

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.result = None
        self._charts = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.all_check = QCheckBox(self.tr("Include sessions not yet approved"))
        self.all_check.toggled.connect(lambda _on: self.refresh())
        self.refresh_button = QPushButton(self.tr("Recompute"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        top.addWidget(self.all_check)
        top.addWidget(self.refresh_button)
        top.addWidget(self.status, 1)
        layout.addLayout(top)
        self.headers = [self.tr("Unit"), *OPERATORS, self.tr("4G/5G coverage"), self.tr("Fibre available"),
                        self.tr("Households with fibre"), self.tr("Residents using Internet"),
                        self.tr("Digital signature"), self.tr("Download (median)"), self.tr("Upload (median)"),
                        self.tr("Speed tests"), self.tr("Enough samples")]
        self.table = QTableWidget(0, len(self.headers))
        self.table.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.show_breakdown(row))
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(self.table)
        self.bottom = QTabWidget()
        self.chart_box = QWidget()
        QHBoxLayout(self.chart_box).setContentsMargins(0, 0, 0, 0)
        self.breakdown = QTableWidget(0, 8)
        self.breakdown.setTabKeyNavigation(False)
        self.breakdown.setHorizontalHeaderLabels([
            self.tr("Operator / technology"), self.tr("Readings"), self.tr("Share of readings"),
            self.tr("Usable 4G/5G signal"), self.tr("Usable 5G signal"), self.tr("Speed tests"),
            self.tr("Download (median)"), self.tr("Upload (median)")])
        self.breakdown.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.breakdown.verticalHeader().hide()
        self.breakdown.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.breakdown_title = QLabel()
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.addWidget(self.breakdown_title)
        bl.addWidget(self.breakdown, 1)
        self.bottom.addTab(self.chart_box, self.tr("Charts"))
        self.bottom.addTab(box, self.tr("By operator and technology"))
        self.splitter.addWidget(self.bottom)
        self.splitter.setSizes([420, 260])
        layout.addWidget(self.splitter, 1)
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setStyleSheet("color: #555;")
        layout.addWidget(self.sources)

    def refresh(self) -> None:
        """Recompute in the background (the table stays usable meanwhile)."""
        if self.task is not None and self.task.is_running():
            return
        self.status.setText(self.tr("Computing indicators…"))
        self.refresh_button.setEnabled(False)
        self.task = run_task(compute_in_worker, self.ctx.db_path, self.ctx.settings, self.all_check.isChecked(),
                             on_done=self._on_task_done, on_error=self._on_task_error, parent=self)

    def _on_task_error(self, exc) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("Could not compute the indicators: {error}").format(error=exc))

    def _on_task_done(self, table) -> None:
        self.refresh_button.setEnabled(True)
        self.result = table
        scope = self.tr("approved sessions") if table.scope == "approved" else self.tr("all sessions except rejected")
        self.status.setText(self.tr("From {scope}; computed in {seconds} s.").format(
            scope=scope, seconds=number(table.seconds, 2)))
        with bulk_fill(self.table):
            self._fill(table)
        self.show_breakdown(len(table.rows) - 1)
        self._draw_charts(table)
        from survey_app.review.config import sources

        self.sources.setText("\n".join(f"• {name} = {value}: {text}" for name, value, text in sources()))
        self.computed.emit(table)

    def _fill(self, table) -> None:
        def pct(x):
            return "—" if x is None else f"{number(100 * x, 0)} %"

        self.table.setRowCount(len(table.rows))
        for i, u in enumerate(table.rows):
            cells = [
                (u.name if u.code == "city" else f"{u.name} ({u.code})", None),
                *[(pct(u.coverage.get(op, {}).get("share")), None) for op in OPERATORS],
                (pct(u.coverage_best), u.lights["coverage"]),
                (pct(u.fibre_available), u.lights["fibre_available"]),
                (pct(u.fibre_households), u.lights["fibre_households"]),
                (pct(u.internet_users), u.lights["internet_users"]),
                (pct(u.digital_signature), u.lights["digital_signature"]),
                ("—" if u.download_median is None else number(u.download_median), None),
                ("—" if u.upload_median is None else number(u.upload_median), None),
                (str(u.speed_tests), None),
                (self.tr("yes") if u.enough_speed else self.tr("no"), None if u.enough_speed else "grey"),
            ]
            for j, (text, lamp) in enumerate(cells):
                item = QTableWidgetItem(("● " if lamp and lamp != "grey" else "") + text)
                if lamp:
                    item.setBackground(QBrush(LIGHT_COLOURS[lamp]))
                if j >= 1:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if u.code == "city":
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                item.setToolTip(self._tooltip(u))
                self.table.setItem(i, j, item)

    def show_breakdown(self, row: int) -> None:
        """Coverage and speeds of one unit (or the city) per operator and per technology."""
        if self.result is None or not 0 <= row < len(self.result.rows):
            return
        u = self.result.rows[row]

        def pct(x):
            return "—" if x is None else f"{number(100 * x, 0)} %"

        def med(x):
            return "—" if x is None else number(x)

        self.breakdown_title.setText(self.tr("{unit}: by operator (modem tests) and by technology").format(unit=u.name))
        rows = []
        for op in OPERATORS:
            c, sp = u.coverage.get(op, {}), u.speed_by_operator.get(op, {})
            rows.append((op, str(c.get("readings", 0)), pct(_share(c.get("readings"), u.readings)), pct(c.get("share")),
                         pct(c.get("share_5g")), str(sp.get("n", 0)), med(sp.get("download")), med(sp.get("upload"))))
        for tech, t in u.technologies.items():
            sp = u.speed_by_technology.get(tech, {})
            name = self.tr("no service") if tech == "none" else tech
            rows.append((name, str(t["readings"]), pct(t["share"]), pct(t["usable_share"]), "",
                         str(sp.get("n", 0)), med(sp.get("download")), med(sp.get("upload"))))
        with bulk_fill(self.breakdown):
            self.breakdown.setRowCount(len(rows))
            for i, cells in enumerate(rows):
                for j, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if j:
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    self.breakdown.setItem(i, j, item)

    def _tooltip(self, u) -> str:
        def pct(x):
            return "—" if x is None else f"{number(100 * x, 0)} %"

        lines = [self.tr("{tech}: {share} of readings, {usable} with usable signal").format(
            tech=t, share=pct(v["share"]), usable=pct(v["usable_share"])) for t, v in u.technologies.items()]
        lines += [self.tr("{tech}: {down} / {up} Mbit/s ({n} tests)").format(
            tech=t, down=number(v["download"]), up=number(v["upload"]), n=v["n"]) for t, v in u.speed_by_technology.items()]
        lines += [self.tr("{op}: {down} / {up} Mbit/s ({n} tests)").format(
            op=o, down=number(v["download"]), up=number(v["upload"]), n=v["n"]) for o, v in u.speed_by_operator.items()]
        return "\n".join(lines)

    def _draw_charts(self, table) -> None:
        import pyqtgraph as pg  # heavy: only once the view has data

        units = [u for u in table.rows if u.code != "city"]
        if self._charts is None:
            self._charts = (pg.PlotWidget(), pg.PlotWidget())
            for w, title in zip(self._charts, (self.tr("4G/5G coverage by operator (%)"),
                                               self.tr("Residents using the Internet (%) vs the 95% target"))):
                w.setBackground("w")
                w.setTitle(title, color="#333")
                w.setYRange(0, 100)
                self.chart_box.layout().addWidget(w)
            # which colour is which operator, in the title: a legend box would hide bars of this short chart
            key = "&nbsp;&nbsp;".join(f"<span style='color: rgb{c}'>■</span>&nbsp;{op}"
                                      for op, c in zip(OPERATORS, OPERATOR_BAR_COLOURS))
            self._charts[0].setTitle(self.tr("4G/5G coverage by operator (%)") + "<br>" + key,
                                     color="#333")
        cov, users = self._charts
        cov.clear()
        users.clear()
        ticks = [[(i, u.code) for i, u in enumerate(units) if i % 5 == 0]]
        width = 0.27
        for k, (op, colour) in enumerate(zip(OPERATORS, OPERATOR_BAR_COLOURS)):
            xs = [i + (k - 1) * width for i in range(len(units))]
            hs = [100 * (u.coverage.get(op, {}).get("share") or 0) for u in units]
            cov.addItem(pg.BarGraphItem(x=xs, height=hs, width=width, brush=colour, name=op))
        cov.addItem(pg.InfiniteLine(pos=100 * table.config.covered_share, angle=0, pen=pg.mkPen((0, 0, 0), style=Qt.DashLine)))
        hs = [100 * (u.internet_users or 0) for u in units]
        brushes = [LIGHT_COLOURS[u.lights["internet_users"]].darker(115) for u in units]
        users.addItem(pg.BarGraphItem(x=list(range(len(units))), height=hs, width=0.7, brushes=brushes))
        users.addItem(pg.InfiniteLine(pos=100 * table.config.target_internet_users, angle=0,
                                      pen=pg.mkPen((0, 0, 0), style=Qt.DashLine)))
        for w in (cov, users):
            w.getAxis("bottom").setTicks(ticks)
