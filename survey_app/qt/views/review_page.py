"""The Review page: sessions with quality flags, a session's detail and decisions, indicators, and a city map."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from survey_app.errors import UserError
from survey_app.qt.formatting import number
from survey_app.qt.runner import run_task
from survey_app.qt.views.review_detail import ReviewDetail
from survey_app.qt.views.review_indicators_view import ReviewIndicatorsView
from survey_app.qt.views.review_sessions_model import ReviewSessionsModel
from survey_app.qt.widgets.review_map import ReviewMap
from survey_app.storage.units import list_units



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
    """Supervisor review of every session on this laptop."""

    checks_refreshed = Signal(object)   # CheckResult
    decision_made = Signal(object)      # Decision
    map_loaded = Signal(int)            # number of points drawn

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check_task = None
        self.map_task = None
        self._map_ready = False
        self._locator = None   # point-in-polygon over the imported boundaries, built on the first map click
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self._build_sessions_tab()
        self.indicators = ReviewIndicatorsView(ctx)
        self.tabs.addTab(self.indicators, self.tr("Indicators"))
        self._build_map_tab()
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self._records_timer = QTimer(self, singleShot=True, interval=2000)
        self._records_timer.timeout.connect(self.refresh_checks)
        self._update_count()

    # -- layout
    def _build_sessions_tab(self) -> None:
        from survey_app.review.checks import CODES, code_label

        box = QWidget()
        v = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(self.tr("All units"), "")
        for u in list_units(self.ctx.db):
            self.unit_combo.addItem(f"{u.name} ({u.code})", u.code)
        self.status_combo = QComboBox()
        for text, value in ((self.tr("Any status"), ""), (self.tr("Open"), "open"), (self.tr("Closed"), "closed"),
                            (self.tr("Approved"), "approved"), (self.tr("Rejected"), "rejected")):
            self.status_combo.addItem(text, value)
        self.flag_combo = QComboBox()
        self.flag_combo.addItem(self.tr("Any flag or none"), "")
        for code in CODES:
            self.flag_combo.addItem(code_label(code), code)
        self.flagged_check = QCheckBox(self.tr("Flagged only"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Team, surveyor or session id"))
        self.recheck_button = QPushButton(self.tr("Run checks"))
        self.recheck_button.clicked.connect(self.refresh_checks)
        for w in (self.unit_combo, self.status_combo, self.flag_combo):
            w.currentIndexChanged.connect(self.apply_filters)
            bar.addWidget(w)
        self.flagged_check.toggled.connect(self.apply_filters)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.flagged_check)
        bar.addStretch(1)
        # Search and buttons on a row of their own: on one row with the long unit and flag names the window
        # had to grow past a small laptop screen, or the search box shrank to a few letters.
        bar2 = QHBoxLayout()
        bar2.addWidget(self.search_edit, 1)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        bar2.addWidget(self.clear_button)
        bar2.addWidget(self.recheck_button)
        v.addLayout(bar)
        v.addLayout(bar2)
        self.count_label = QLabel()
        v.addWidget(self.count_label)
        split = QSplitter(Qt.Horizontal)
        self.model = ReviewSessionsModel(self.ctx.db, self.ctx.language, self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(3, Qt.DescendingOrder)
        self.table.setSortingEnabled(True)   # sorts (so loads the first page) once, by start, newest first
        for col, width in enumerate((130, 190, 95, 125, 85, 80, 70, 80, 60)):
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        split.addWidget(self.table)
        self.detail = ReviewDetail(self.ctx)
        self.detail.decision_requested.connect(self._on_detail_decision_requested)
        split.addWidget(self.detail)
        split.setSizes([620, 560])
        v.addWidget(split, 1)
        self.tabs.addTab(box, self.tr("Sessions"))

    def _build_map_tab(self) -> None:
        box = QWidget()
        v = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.metric_combo = QComboBox()
        for text, value in ((self.tr("Signal strength (RSRP)"), "rsrp"), (self.tr("Download speed"), "download"),
                            (self.tr("Household has Internet"), "internet"), (self.tr("Household has fibre"), "fibre")):
            self.metric_combo.addItem(text, value)
        self.map_unit_combo = QComboBox()
        for i in range(self.unit_combo.count()):
            self.map_unit_combo.addItem(self.unit_combo.itemText(i), self.unit_combo.itemData(i))
        self.metric_combo.currentIndexChanged.connect(lambda _i: self.load_map())
        self.map_unit_combo.currentIndexChanged.connect(lambda _i: self.load_map())
        self.map_status = QLabel()
        bar.addWidget(QLabel(self.tr("Colour by:")))
        bar.addWidget(self.metric_combo)
        bar.addWidget(self.map_unit_combo)
        bar.addWidget(self.map_status, 1)
        v.addLayout(bar)
        self.city_map = ReviewMap()
        self.city_map.point_clicked.connect(self._on_city_map_point_clicked)
        from survey_app.qt.views.coverage_map_bar import CoverageMapBar

        self.coverage_bar = CoverageMapBar(self.ctx, self.city_map)   # hexagons, filters, basemap
        self.coverage_bar.filters_changed.connect(self.load_map)
        v.addWidget(self.coverage_bar)
        v.addWidget(self.city_map, 1)
        self.map_record = QLabel(self.tr("Red = weak or slow, green = strong or fast, grey = no value. "
                                         "Scroll to zoom, drag to pan, click a point to see its record."))
        self.map_record.setWordWrap(True)
        v.addWidget(self.map_record)
        self.tabs.addTab(box, self.tr("Map"))

    # -- sessions
    def filters(self) -> dict:
        """The filters as chosen in the bar."""
        return {"unit_code": self.unit_combo.currentData(), "status": self.status_combo.currentData(),
                "flag_code": self.flag_combo.currentData(), "flagged": self.flagged_check.isChecked(),
                "text": self.search_edit.text().strip()}

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
        self.count_label.setText(self.tr("{n} sessions").format(n=number(self.model.total, 0)))

    def _on_table_row_changed(self, current, _previous) -> None:
        self.detail.show_session(self.model.session_id(current.row()))

    def select_row(self, row: int) -> None:
        """Select a row of the table (shows its detail)."""
        self.table.selectRow(row)

    def _on_detail_decision_requested(self, action: str) -> None:
        from survey_app.qt.views.review_decision_dialog import ReviewDecisionDialog

        sid = self.detail.session_id
        if not sid:
            return
        dialog = ReviewDecisionDialog(action, sid[:8], self.ctx.settings.surveyor, self)
        if dialog.exec():
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
        self.ctx.records_changed.emit("review_decisions")
        self.decision_made.emit(d)
        return d

    def decision_text(self, d) -> str:
        """A recorded decision as one line: local date and time, in the user's language."""
        from survey_app.qt.formatting import local_datetime

        words = {"approved": self.tr("approved"), "rejected": self.tr("rejected"), "reopened": self.tr("reopened")}
        return self.tr("Session {id} {decision} by {reviewer} on {at}: {comment}").format(
            id=d.session_id[:8], decision=words.get(d.decision, d.decision), reviewer=d.reviewer,
            at=local_datetime(d.decided_at, self.ctx.language), comment=d.comment or "—")

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
        if result.sessions:
            self.count_label.setText(self.tr("{n} sessions · checked {checked} in {seconds} s").format(
                n=number(self.model.total, 0), checked=number(result.sessions, 0), seconds=number(result.seconds, 1)))
        self.checks_refreshed.emit(result)

    def _on_checks_error(self, exc) -> None:
        self.recheck_button.setEnabled(True)
        self.count_label.setText(self.tr("The checks failed: {error}").format(error=exc))

    def _on_ctx_records_changed(self, table: str) -> None:
        if table != "review_decisions":
            self._records_timer.start()

    # -- tabs, map
    def on_shown(self) -> None:
        """Bring the checks up to date whenever the page is shown."""
        self.refresh_checks()

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.indicators and self.indicators.result is None:
            self.indicators.refresh()
        elif index == 2 and not self._map_ready:
            self.load_map()

    def load_map(self) -> None:
        """Draw the units and load a sample of points for the chosen metric in the background."""
        from survey_app.review.geometry import parse_geometry
        from survey_app.storage import review as store

        if not self._map_ready:
            self._locator = None
            units = [(u.code, u.name, *u.bbox) for u in list_units(self.ctx.db)]
            self.city_map.set_units(units, {c: parse_geometry(g) for c, g in store.load_boundaries(self.ctx.db).items()})
            self.city_map.fit()
            self._map_ready = True
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
                                 on_error=lambda exc: self.map_status.setText(str(exc)), parent=self)

    def _on_map_points(self, metric: str, rows) -> None:
        from survey_app.storage.review import MAP_SOURCES

        self.city_map.set_points(MAP_SOURCES[metric][0], metric, rows)
        if self.map_unit_combo.currentData():
            self.city_map.fit()
        self.map_status.setText(self.tr("{n} points (an even sample when there are more)").format(n=number(len(rows), 0)))
        self.map_loaded.emit(len(rows))

    def _on_city_map_point_clicked(self, table: str, record_id: str) -> None:
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
        from survey_app.qt.views.review_record_text import record_text

        self.map_record.setText(where + record_text(rec, self.ctx.language))

    def shutdown(self) -> None:
        """Stop background work when the window closes."""
        self.coverage_bar.shutdown()
        for task in (self.check_task, self.map_task, self.indicators.task):
            if task is not None and task.is_running():
                task.cancel()
                task.wait(5000)
