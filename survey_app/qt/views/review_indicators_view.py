"""The Indicators view: every unit by name plus the city, cells coloured by the target, charts and the sources.

A cell says "no data" when nothing was measured (never a dash that could be read as 0 %), shows its value on
grey when there are too few samples to judge it, and is green, amber or red against the target otherwise.
"""
from __future__ import annotations

from survey_app.qt._generated.ui_review_indicators_view import Ui_ReviewIndicatorsView
from survey_app.qt.colours import OPERATORS, light_colour
from survey_app.qt.formatting import count, number, percent
from survey_app.qt.qt import QBrush, QColor, Qt, QTableWidgetItem, QWidget, Signal
from survey_app.qt.runner import run_task
from survey_app.qt.table_fill import bulk_fill, fit_columns

NO_DATA_COLOUR = QColor("#777777")


def _share(part, whole):
    return part / whole if part is not None and whole else None


def compute_in_worker(db_path, settings, include_all: bool, filters=None):
    """Compute the table on a worker thread's own connection (`filters`: the sessions' days and team)."""
    from survey_app.review.indicators import compute
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        return compute(db, settings, include_all=include_all, filters=filters)
    finally:
        db.close()


class ReviewIndicatorsView(QWidget):
    """Computes the indicator table in the background and shows it as a table, charts and sources."""

    computed = Signal(object)   # the IndicatorTable

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.result = None
        self._charts = None
        self._filters_text = ""
        self._again = self._computing = False
        self.ui = Ui_ReviewIndicatorsView()
        self.ui.setupUi(self)
        ui = self.ui
        self.all_check, self.refresh_button, self.status = ui.allCheck, ui.refreshButton, ui.status
        self.table, self.breakdown, self.breakdown_title = ui.table, ui.breakdown, ui.breakdownTitle
        self.sources = ui.sources
        self.period = ui.periodFilter
        self.headers = [self.tr("Unit"), *OPERATORS, self.tr("4G/5G"), self.tr("Fibre"), self.tr("Homes with fibre"),
                        self.tr("Internet users"), self.tr("Digital signature"), self.tr("Download"),
                        self.tr("Upload"), self.tr("Speed tests")]
        self.table.setColumnCount(len(self.headers))
        self.table.setHorizontalHeaderLabels(self.headers)
        tips = [self.tr("Ward or commune"), *[self.tr("{op}: share of its readings with usable 4G/5G signal").format(
            op=op) for op in OPERATORS], self.tr("4G/5G coverage: the best operator's share of usable readings"),
            self.tr("Fibre available: share of hamlets where a household has fibre"),
            self.tr("Households with fibre"), self.tr("Residents who used the Internet in the last 3 months"),
            self.tr("Adults with a digital signature"), self.tr("Median download, Mbit/s"),
            self.tr("Median upload, Mbit/s"), self.tr("Speed tests (enough when at least the number in the sources)")]
        for col, tip in enumerate(tips):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        fit_columns(self.table, stretch=(0,))
        fit_columns(self.breakdown, stretch=(0,))
        ui.splitter.setStretchFactor(0, 4)
        ui.splitter.setStretchFactor(1, 1)
        self.all_check.toggled.connect(self._on_all_check_toggled)
        self.period.changed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        ui.views.currentChanged.connect(self._on_views_current_changed)
        ui.legend.setText(self._legend())

    def _legend(self) -> str:
        swatch = "<span style='background:{c}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{t}"
        parts = [swatch.format(c=light_colour(k).name(), t=t) for k, t in (
            ("green", self.tr("target met")), ("amber", self.tr("within 10 points")), ("red", self.tr("below target")),
            ("grey", self.tr("too few samples to judge")))]
        return "&nbsp;&nbsp; ".join(parts) + "&nbsp;&nbsp; " + self.tr(
            "“no data”: nothing measured yet. City row: 4G/5G and fibre are the share of units that meet the "
            "target.")

    def _on_all_check_toggled(self, _on: bool) -> None:
        self.refresh()

    def _on_table_current_cell_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        self.show_breakdown(row)

    def _on_views_current_changed(self, _index: int) -> None:
        if self.ui.views.currentWidget() is self.ui.chartsTab and self.result is not None:
            self._draw_charts(self.result)

    def refresh(self) -> None:
        """Recompute in the background (the table stays usable meanwhile)."""
        from survey_app.storage.export_queries import list_teams

        if self._computing:
            self._again = True       # the choice changed meanwhile: compute again when this one is done
            return
        self._again = False
        self.period.set_teams(list_teams(self.ctx.db))
        problem = self.period.problem()
        if problem:
            self.status.setText(problem)
            return
        self.status.setText(self.tr("Computing indicators…"))
        self.refresh_button.setEnabled(False)
        self._computing = True
        self._filters_text = self.period.describe()
        self.task = run_task(compute_in_worker, self.ctx.db_path, self.ctx.settings, self.all_check.isChecked(),
                             self.period.filters(),
                             on_done=self._on_task_done, on_error=self._on_task_error, parent=self)

    def _on_task_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self.refresh_button.setEnabled(True)
        self._computing = False
        self.status.setText(self.tr("Could not compute the indicators: {error}").format(error=describe_error(exc)))
        if self._again:
            self.refresh()

    def _on_task_done(self, table) -> None:
        self.refresh_button.setEnabled(True)
        self._computing = False
        self.result = table
        scope = self.tr("approved sessions") if table.scope == "approved" else self.tr("all sessions except rejected")
        if self._filters_text:
            scope = self.tr("{scope}, {filters}").format(scope=scope, filters=self._filters_text)
        self.status.setText(self.tr("From {scope}; computed in {seconds} s.").format(
            scope=scope, seconds=number(table.seconds, 2)))
        with bulk_fill(self.table):
            self._fill(table)
        self.show_breakdown(len(table.rows) - 1)
        if self.ui.views.currentWidget() is self.ui.chartsTab:
            self._draw_charts(table)
        self._fill_sources(table.config)
        self.computed.emit(table)
        if self._again:
            self.refresh()

    def _cell(self, share, light: str | None, *, text: str | None = None) -> QTableWidgetItem:
        if share is None and text is None:
            item = QTableWidgetItem(self.tr("no data"))
            item.setForeground(QBrush(NO_DATA_COLOUR))
        else:
            item = QTableWidgetItem(text if text is not None else percent(share))
            if light:
                item.setBackground(QBrush(light_colour(light)))
        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        return item

    def _fill(self, table) -> None:
        from survey_app.review.indicators import light

        cfg = table.config
        self.table.setRowCount(len(table.rows))
        for i, u in enumerate(table.rows):
            ops = [u.coverage.get(op, {}) for op in OPERATORS]
            cells = [QTableWidgetItem(u.name)]
            cells += [self._cell(c.get("share"), light(c.get("share"), cfg.covered_share,
                                                       c.get("readings", 0) >= cfg.min_signal_samples)) for c in ops]
            cells += [self._cell(getattr(u, attr), u.lights[key]) for attr, key in (
                ("coverage_best", "coverage"), ("fibre_available", "fibre_available"),
                ("fibre_households", "fibre_households"), ("internet_users", "internet_users"),
                ("digital_signature", "digital_signature"))]
            speed_light = None if not u.speed_tests else ("green" if u.enough_speed else "grey")
            cells += [self._cell(u.download_median, speed_light, text=None if u.download_median is None
                                 else number(u.download_median)),
                      self._cell(u.upload_median, speed_light, text=None if u.upload_median is None
                                 else number(u.upload_median)),
                      self._cell(None, speed_light, text=count(u.speed_tests))]
            tip = self._tooltip(u)
            for j, item in enumerate(cells):
                if u.code == "city":
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                item.setToolTip(tip)
                self.table.setItem(i, j, item)

    def show_breakdown(self, row: int) -> None:
        """Coverage and speeds of one unit (or the city) per operator and per technology."""
        from survey_app.qt.record_labels import labels

        if self.result is None or not 0 <= row < len(self.result.rows):
            return
        u = self.result.rows[row]

        def pct(x):
            return self.tr("no data") if x is None else percent(x)

        def med(x):
            return "" if x is None else number(x)

        words = labels()
        self.breakdown_title.setText(self.tr("{unit}: by operator (modem tests) and by technology").format(unit=u.name))
        rows = []
        for op in OPERATORS:
            c, sp = u.coverage.get(op, {}), u.speed_by_operator.get(op, {})
            rows.append((op, count(c.get("readings", 0)), pct(_share(c.get("readings"), u.readings)),
                         pct(c.get("share")), pct(c.get("share_5g")), count(sp.get("n", 0)), med(sp.get("download")),
                         med(sp.get("upload"))))
        for tech, t in u.technologies.items():
            sp = u.speed_by_technology.get(tech, {})
            rows.append((words.technology(tech), count(t["readings"]), pct(t["share"]), pct(t["usable_share"]), "",
                         count(sp.get("n", 0)), med(sp.get("download")), med(sp.get("upload"))))
        with bulk_fill(self.breakdown):
            self.breakdown.setRowCount(len(rows))
            for i, cells in enumerate(rows):
                for j, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if j:
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    self.breakdown.setItem(i, j, item)

    def _tooltip(self, u) -> str:
        from survey_app.qt.record_labels import labels

        words = labels()
        lines = [self.tr("{tech}: {share} of readings, {usable} with usable signal").format(
            tech=words.technology(t), share=percent(v["share"]), usable=percent(v["usable_share"]))
            for t, v in u.technologies.items()]
        lines += [self.tr("{tech}: {down} / {up} Mbit/s ({n} tests)").format(
            tech=words.technology(t), down=number(v["download"]), up=number(v["upload"]), n=count(v["n"]))
            for t, v in u.speed_by_technology.items()]
        lines += [self.tr("{op}: {down} / {up} Mbit/s ({n} tests)").format(
            op=o, down=number(v["download"]), up=number(v["upload"]), n=count(v["n"]))
            for o, v in u.speed_by_operator.items()]
        return "\n".join(lines)

    def _fill_sources(self, cfg) -> None:
        from survey_app.review.config import sources

        names = {"usable_rsrp_dbm": self.tr("Usable 4G/5G signal"), "covered_share": self.tr("Unit covered by an operator"),
                 "broadband_down_mbps": self.tr("Broadband speed"), "min_speed_samples": self.tr("Speed tests needed"),
                 "min_signal_samples": self.tr("Signal readings needed"),
                 "target_coverage": self.tr("Target: 4G/5G coverage"),
                 "target_fibre_available": self.tr("Target: fibre available"),
                 "target_internet_users": self.tr("Target: residents using the Internet"),
                 "target_fibre_households": self.tr("Target: households with fibre"),
                 "target_digital_signature": self.tr("Target: adults with a digital signature")}
        values = {"usable_rsrp_dbm": self.tr("{v} dBm").format(v=number(cfg.usable_rsrp_dbm, 0)),
                  "broadband_down_mbps": self.tr("{v} Mbit/s").format(v=number(cfg.broadband_down_mbps, 0)),
                  "min_speed_samples": count(cfg.min_speed_samples),
                  "min_signal_samples": count(cfg.min_signal_samples)}
        items = []
        for key, _default, text in sources():
            value = values.get(key) or percent(getattr(cfg, key))
            items.append(f"<p><b>{names.get(key, key)}: {value}</b><br>{text}</p>")
        self.sources.setText("".join(items))

    def _draw_charts(self, table) -> None:
        from survey_app.qt.widgets.review_indicator_charts import IndicatorCharts

        if self._charts is None:
            self._charts = IndicatorCharts(self.ui.chartBox)
            self.ui.chartBoxLayout.addWidget(self._charts)
            self.ui.chartsLegend.setText(self._charts.legend())
        self._charts.draw(table)
