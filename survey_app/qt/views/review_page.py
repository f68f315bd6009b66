"""The Review page: sessions with quality flags, a session's detail and decisions, indicators, and a city map."""
from __future__ import annotations

from survey_app.errors import UserError
from survey_app.qt._generated.ui_review_page import Ui_ReviewPage
from survey_app.qt.bridges.storage_bridge import affects
from survey_app.qt.formatting import count, local_datetime, number
from survey_app.qt.qt import Qt, QTimer, QWidget, Signal
from survey_app.qt.runner import run_task
from survey_app.qt.table_fill import fit_columns
from survey_app.qt.views.review_detail import ReviewDetail
from survey_app.qt.views.review_indicators_view import ReviewIndicatorsView
from survey_app.qt.views.review_sessions_model import ReviewSessionsModel

# Tables whose changes can change a session's row, flags or status.
WATCHED = ("sessions", "speed_tests", "signal_readings", "households", "members", "review_decisions")


def refresh_checks_in_worker(db_path, settings):
    """Bring the quality checks up to date on a worker thread's own connection."""
    from survey_app.review.checks import refresh
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        return refresh(db, settings)
    finally:
        db.close()


def map_points_in_worker(db_path, metric: str, unit_code: str | None, filters=None):
    """Points for the city map (under the map bar's date, team and status filters), read on a worker thread."""
    from survey_app.storage import review as store
    from survey_app.storage.db import connect

    db = connect(db_path)
    try:
        return store.map_points(db, metric, unit_code=unit_code)
    finally:
        db.close()


class ReviewPage(QWidget):
    """Supervisor review of every session on this laptop; follows every change to the data."""

    decision_made = Signal(object)      # Decision
    map_loaded = Signal(int)            # number of points drawn

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check_task = None
        self.map_task = None
        self._map_ready = False
        self._map_stale = False
        self._locator = None   # point-in-polygon over the imported boundaries, built on the first map click
        self.ui = Ui_ReviewPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.tabs, self.table, self.count_label = ui.tabs, ui.table, ui.countLabel
        self.unit_combo, self.status_combo, self.flag_combo = ui.unitCombo, ui.statusCombo, ui.flagCombo
        self.flagged_check, self.search_edit = ui.flaggedCheck, ui.searchEdit
        self.clear_button, self.recheck_button = ui.clearButton, ui.recheckButton
        self.metric_combo, self.map_unit_combo, self.map_status = ui.metricCombo, ui.mapUnitCombo, ui.mapStatus
        self.city_map, self.map_record = ui.cityMap, ui.mapRecord
        self._fill_filters()
        self._setup_table()
        self.indicators = ReviewIndicatorsView(ctx)
        ui.indicatorsLayout.addWidget(self.indicators)
        from survey_app.qt.views.review_kpi_view import ReviewKpiView

        self.kpis = ReviewKpiView(ctx)   # computes on first show (its own worker)
        ui.kpisLayout.addWidget(self.kpis)
        self.city_map.point_clicked.connect(self._on_city_map_point_clicked)
        from survey_app.qt.views.coverage_map_bar import CoverageMapBar

        self.coverage_bar = CoverageMapBar(self.ctx, self.city_map)   # hexagons, filters, basemap (issue 18)
        self.coverage_bar.filters_changed.connect(self.load_map)
        ui.mapLayout.insertWidget(1, self.coverage_bar)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self._records_timer = QTimer(self, singleShot=True, interval=2000)
        self._records_timer.timeout.connect(self._on_records_timer_timeout)
        self._update_count()

    # -- layout
    def _fill_filters(self) -> None:
        from survey_app.review.checks import CODES, code_label
        from survey_app.storage.units import list_units

        units = sorted(list_units(self.ctx.db), key=lambda u: (u.kind != "ward", u.name))
        for combo in (self.unit_combo, self.map_unit_combo):
            combo.addItem(self.tr("All units"), "")
            for u in units:
                combo.addItem(u.name, u.code)
        for text, value in ((self.tr("Any status"), ""), (self.tr("Open"), "open"), (self.tr("Closed"), "closed"),
                            (self.tr("Approved"), "approved"), (self.tr("Rejected"), "rejected")):
            self.status_combo.addItem(text, value)
        self.flag_combo.addItem(self.tr("Any flag or none"), "")
        for code in CODES:
            self.flag_combo.addItem(code_label(code), code)
        for text, value in ((self.tr("Signal strength (RSRP)"), "rsrp"), (self.tr("Download speed"), "download"),
                            (self.tr("Household has Internet"), "internet"), (self.tr("Household has fibre"), "fibre")):
            self.metric_combo.addItem(text, value)
        for w in (self.unit_combo, self.status_combo, self.flag_combo):
            w.currentIndexChanged.connect(self.apply_filters)
        self.flagged_check.toggled.connect(self.apply_filters)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.recheck_button.clicked.connect(self.refresh_checks)
        self.metric_combo.currentIndexChanged.connect(self._on_map_choice_changed)
        self.map_unit_combo.currentIndexChanged.connect(self._on_map_choice_changed)

    def _setup_table(self) -> None:
        self.model = ReviewSessionsModel(self.ctx.db, self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(2, Qt.DescendingOrder)
        self.table.setSortingEnabled(True)   # sorts (so loads the first page) once, by start, newest first
        fit_columns(self.table, stretch=(0, 1))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.detail = ReviewDetail(self.ctx)
        self.detail.decision_requested.connect(self._on_detail_decision_requested)
        self.ui.detailHolderLayout.addWidget(self.detail)
        self.ui.split.setStretchFactor(0, 1)
        self.ui.split.setStretchFactor(1, 1)
        self.ui.split.setSizes([640, 540])   # the table's unit and team names readable, the detail beside them

    # -- sessions
    def filters(self) -> dict:
        """The filters as chosen in the bar."""
        return {"unit_code": self.unit_combo.currentData(), "status": self.status_combo.currentData(),
                "flag_code": self.flag_combo.currentData(), "flagged": self.flagged_check.isChecked(),
                "text": self.search_edit.text().strip()}

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def apply_filters(self, *_args) -> None:
        """Filter the table (in SQL)."""
        self.model.set_filters(self.filters())
        self._update_count()

    def clear_filters(self) -> None:
        """Back to every session, in one query (the widgets' own signals are held meanwhile)."""
        widgets = (self.unit_combo, self.status_combo, self.flag_combo, self.flagged_check, self.search_edit)
        for w in widgets:
            w.blockSignals(True)
        for combo in (self.unit_combo, self.status_combo, self.flag_combo):
            combo.setCurrentIndex(0)
        self.flagged_check.setChecked(False)
        self.search_edit.clear()
        for w in widgets:
            w.blockSignals(False)
        self.apply_filters()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} sessions").format(n=count(self.model.total)))

    def _on_table_row_changed(self, current, _previous) -> None:
        self.detail.show_session(self.model.session_id(current.row()))

    def select_row(self, row: int) -> None:
        """Select a row of the table (shows its detail)."""
        self.table.selectRow(row)

    def _on_detail_decision_requested(self, action: str) -> None:
        from survey_app.qt.views.review_decision_dialog import ReviewDecisionDialog
        from survey_app.storage.sessions import get_session

        sid = self.detail.session_id
        if not sid:
            return
        session = get_session(self.ctx.db, sid)
        dialog = ReviewDecisionDialog(action, session, self.ctx.settings.extra.get("reviewer", ""), self)
        if dialog.exec():
            self.ctx.settings.extra["reviewer"] = dialog.reviewer()   # the next decision asks for it again
            self.decide(action, dialog.comment(), dialog.reviewer())

    def decide(self, action: str, comment: str, reviewer: str):
        """Record a decision on the selected session; a refusal is shown with its reason."""
        from survey_app.review.decisions import decide
        from survey_app.storage.records import context_for

        sid = self.detail.session_id
        try:
            d = decide(self.ctx.db, context_for(self.ctx.db, reviewer), sid, action, comment)
        except UserError as exc:
            self.detail.show_message(str(exc), error=True)   # in the panel: nothing modal, nothing lost
            return None
        self.model.refresh_row(sid)
        self.detail.show_session(sid)
        self.detail.show_message(self.decision_text(d))
        self.decision_made.emit(d)
        return d

    def decision_text(self, d) -> str:
        """A recorded decision as one line: the session by unit and date, local date and time of the decision."""
        from survey_app.storage.sessions import get_session

        s = get_session(self.ctx.db, d.session_id)
        words = {"approved": self.tr("approved"), "rejected": self.tr("rejected"), "reopened": self.tr("reopened")}
        return self.tr("Session of {team} in {unit} ({start}) {decision} by {reviewer} on {at}: {comment}").format(
            team=s.team_name, unit=s.unit_name, start=local_datetime(s.started_at, with_time=False),
            decision=words.get(d.decision, d.decision), reviewer=d.reviewer, at=local_datetime(d.decided_at),
            comment=d.comment or "—")

    def refresh_checks(self) -> None:
        """Re-run the quality checks in the background, then reload the table."""
        if self.check_task is not None and self.check_task.is_running():
            return
        self.recheck_button.setEnabled(False)
        self.count_label.setText(self.tr("Checking sessions…"))
        self.check_task = run_task(refresh_checks_in_worker, self.ctx.db_path, self.ctx.settings,
                                   on_done=self._on_checks_done, on_error=self._on_checks_error, parent=self)

    def _on_checks_done(self, result) -> None:
        self.recheck_button.setEnabled(True)
        self.apply_filters()
        sid = self.detail.session_id
        if sid:
            self.detail.show_session(sid)   # its flags and status may have changed too
        if result.sessions:
            self.count_label.setText(self.tr("{n} sessions · checked {checked} in {seconds} s").format(
                n=count(self.model.total), checked=count(result.sessions), seconds=number(result.seconds, 1)))

    def _on_checks_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self.recheck_button.setEnabled(True)
        self.count_label.setText(self.tr("The checks failed: {error}").format(error=describe_error(exc)))

    def _on_ctx_records_changed(self, table: str) -> None:
        if affects(table, *WATCHED):
            self._records_timer.start()
            self._map_stale = True

    def _on_records_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh_checks()
            if self._map_stale and self.tabs.currentWidget() is self.ui.mapTab:
                self.load_map()

    # -- tabs, map
    def on_shown(self) -> None:
        """Bring the checks up to date whenever the page is shown."""
        self.refresh_checks()

    def _on_tabs_current_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.ui.indicatorsTab and self.indicators.result is None:
            self.indicators.refresh()
        elif current is self.ui.mapTab and (not self._map_ready or self._map_stale):
            self.load_map()

    def _on_map_choice_changed(self, _index: int) -> None:
        self.load_map()

    def load_map(self) -> None:
        """Draw the units and load a sample of points for the chosen metric in the background."""
        from survey_app.review.geometry import parse_geometry
        from survey_app.storage import review as store
        from survey_app.storage.units import list_units

        if not self._map_ready:
            self._locator = None
            units = [(u.code, u.name, *u.bbox) for u in list_units(self.ctx.db)]
            self.city_map.set_units(units, {c: parse_geometry(g) for c, g in store.load_boundaries(self.ctx.db).items()})
            self.city_map.fit()
            self._map_ready = True
        self._map_stale = False
        if self.map_task is not None and self.map_task.is_running():
            self.map_task.cancel()
        metric = self.metric_combo.currentData()
        try:
            filters = self.coverage_bar.filters()
        except UserError as exc:
            self.map_status.setText(str(exc))
            return
        self.map_status.setText(self.tr("Loading points…"))
        self.map_task = run_task(map_points_in_worker, self.ctx.db_path, metric, self.map_unit_combo.currentData(),
                                 filters,
                                 on_done=lambda rows, m=metric: self._on_map_points(m, rows),
                                 on_error=self._on_map_error, parent=self)

    def _on_map_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self.map_status.setText(describe_error(exc))

    def _on_map_points(self, metric: str, rows) -> None:
        from survey_app.storage.review import MAP_SOURCES

        self.city_map.set_points(MAP_SOURCES[metric][0], metric, rows)
        if self.map_unit_combo.currentData():
            self.city_map.fit()
        self.map_status.setText(self.tr("{n} points (an even sample when there are more)").format(n=count(len(rows))))
        self.map_loaded.emit(len(rows))

    def _on_city_map_point_clicked(self, table: str, record_id: str) -> None:
        from survey_app.qt.views.review_record_text import record_text
        from survey_app.storage.review import record_summary

        rec = record_summary(self.ctx.db, table, record_id) or {}
        where = ""
        if "lon" in rec and "lat" in rec:
            if self._locator is None:
                from survey_app.review.boundaries import Locator

                self._locator = Locator(self.ctx.db)
            code, _method = self._locator.locate(rec["lon"], rec["lat"])
            if code and code != rec.get("unit_code"):
                where = self.tr("Lies in {unit}, not in the session's unit. ").format(
                    unit=self._locator.units[code][0])
        self.map_record.setText(where + record_text(rec, self.ctx))

    def shutdown(self) -> None:
        """Stop background work and timers when the window closes."""
        self.coverage_bar.shutdown()
        for timer in (self._records_timer, self._search_timer):
            timer.stop()
        for task in (self.check_task, self.map_task, self.indicators.task, self.kpis.task):
            if task is not None and task.is_running():
                task.cancel()
                task.wait(5000)
