"""One session in detail: flags, decisions, signal timeline, speed tests, households and a map of its points."""
from __future__ import annotations

from survey_app.qt._generated.ui_review_detail import Ui_ReviewDetail
from survey_app.qt.colours import legend_html, operator_colour
from survey_app.qt.formatting import count, hue_zone, local_datetime, number, parse_utc
from survey_app.qt.qt import QTableWidget, QTableWidgetItem, QWidget, Signal
from survey_app.qt.record_labels import labels
from survey_app.qt.table_fill import bulk_fill, fit_columns
from survey_app.storage import review as store
from survey_app.storage.units import get_unit


class ReviewDetail(QWidget):
    """Shows a session; its buttons ask the page to approve, reject or reopen it."""

    decision_requested = Signal(str)   # 'approve' | 'reject' | 'reopen'

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id: str | None = None
        self._plot = None
        self.ui = Ui_ReviewDetail()
        self.ui.setupUi(self)
        ui = self.ui
        self.title, self.message, self.flags, self.history = ui.title, ui.message, ui.flags, ui.history
        self.approve_button, self.reject_button, self.reopen_button = ui.approveButton, ui.rejectButton, ui.reopenButton
        self.tests, self.households, self.map, self.map_info = ui.tests, ui.households, ui.map, ui.mapInfo
        self.timeline_empty = ui.timelineEmpty
        fit_columns(self.tests, stretch=(2,))
        fit_columns(self.households, stretch=(3,))
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        self.map.point_clicked.connect(self._on_map_point_clicked)
        ui.enlargeButton.clicked.connect(self._on_enlarge_clicked)

    def _on_approve_clicked(self) -> None:
        self.decision_requested.emit("approve")

    def _on_reject_clicked(self) -> None:
        self.decision_requested.emit("reject")

    def _on_reopen_clicked(self) -> None:
        self.decision_requested.emit("reopen")

    def show_message(self, text: str, error: bool = False) -> None:
        """A line under the buttons: the result of a decision, or why it was refused."""
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.show()

    def show_session(self, session_id: str | None) -> None:
        """Load one session (None clears the panel)."""
        from survey_app.review.checks import flag_list
        from survey_app.review.decisions import history
        from survey_app.storage.sessions import get_session

        if session_id != self.session_id:
            self.message.hide()
        self.session_id = session_id
        db = self.ctx.db
        self.flags.clear()
        if not session_id:
            self.title.setText(self.tr("Choose a session in the table."))
            for b in (self.approve_button, self.reject_button, self.reopen_button):
                b.setEnabled(False)
            return
        s = get_session(db, session_id)
        words = labels()
        self.title.setText(self.tr("{unit} · {team} · {start} · {status}").format(
            unit=s.unit_name, team=s.team_name, start=local_datetime(s.started_at),
            status=words.session_status(s.status)))
        self.title.setToolTip(self.tr("Surveyors: {names}").format(names=", ".join(s.surveyors)))
        self.approve_button.setEnabled(s.status in ("closed", "rejected"))
        self.reject_button.setEnabled(s.status in ("closed", "approved"))
        self.reopen_button.setEnabled(s.status in ("approved", "rejected"))
        flags = flag_list(db, session_id=session_id)
        for f in flags:
            self.flags.addItem(f"⚠ {f.label}: {f.reason}")
        if not flags:
            self.flags.addItem(self.tr("No quality flags."))
        self._show_history(history(db, session_id))
        self._fill_timeline(store.session_timeline(db, session_id))
        self._fill_tests(store.session_speed_tests(db, session_id), words)
        self._fill_households(store.session_households(db, session_id), words)
        self._fill_map(session_id, s.unit_code)

    def _show_history(self, decisions) -> None:
        words = {"approved": self.tr("Approved"), "rejected": self.tr("Rejected"), "reopened": self.tr("Reopened")}
        self.history.setText("\n".join(self.tr("{decision} by {reviewer}, {at}: {comment}").format(
            decision=words.get(d.decision, d.decision), reviewer=d.reviewer, at=local_datetime(d.decided_at),
            comment=d.comment or "—") for d in decisions) if decisions else self.tr("No decision yet."))

    def _fill_tests(self, rows, words) -> None:
        self._fill(self.tests, [(local_datetime(r[0]), words.test_status(r[1]), words.connection(r[2]), r[3] or "",
                                 words.technology(r[4]) if r[4] else "", number(r[5]), number(r[6]), number(r[7], 0))
                                for r in rows])

    def _fill_households(self, rows, words) -> None:
        from survey_app.households.labels import status_label

        yes_no = {1: words.yes_no(True), 0: words.yes_no(False), None: ""}
        consent = {"yes": words.yes_no(True), "no": words.yes_no(False)}
        self._fill(self.households, [(local_datetime(r[0]), status_label(r[1]), consent.get(r[2], r[2] or ""),
                                      r[3] or "", number((r[4] or 0) / 60, 0), "" if r[5] is None else count(r[5]),
                                      yes_no.get(r[6], ""), yes_no.get(r[7], ""))
                                     for r in rows])

    def _fill(self, table: QTableWidget, rows: list[tuple]) -> None:
        with bulk_fill(table):   # up to 1,000 rows: columns measured once, not after every item
            table.setRowCount(len(rows))
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    table.setItem(i, j, QTableWidgetItem(str(v)))

    def _fill_timeline(self, rows: list[tuple]) -> None:
        from survey_app.qt.qt import pg  # heavy: only when a session is opened

        if self._plot is None:
            offset = -hue_zone().offsetFromUtc(parse_utc("2026-01-01T00:00:00Z"))   # pyqtgraph: seconds west
            self._plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(utcOffset=offset)})
            self._plot.setMenuEnabled(False)
            self._plot.showGrid(x=True, y=True, alpha=0.3)
            self._plot.setLabel("left", "dBm")
            self._plot.getAxis("left").enableAutoSIPrefix(False)
            self._plot.setMinimumHeight(160)
            self.ui.timelineLayout.addWidget(self._plot, 1)
        self._plot.clear()
        by_op: dict[str, tuple[list, list]] = {}
        for at, op, _tech, rsrp, nr, _sinr in rows:
            value = rsrp if rsrp is not None else nr
            when = parse_utc(at)
            if value is None or when is None:
                continue
            xs, ys = by_op.setdefault(op or "?", ([], []))
            xs.append(when.toSecsSinceEpoch())
            ys.append(value)
        for op, (xs, ys) in sorted(by_op.items()):
            self._plot.plot(xs, ys, pen=None, symbol="o", symbolSize=5, symbolBrush=operator_colour(op),
                            symbolPen=None)
        # the legend sits above the plot, never over the points; an empty session says so instead of empty axes
        self.ui.timelineLegend.setText(self.tr("RSRP of each reading, by operator: {legend}").format(
            legend=legend_html(sorted(by_op))) if by_op else "")
        self._plot.setVisible(bool(by_op))
        self.timeline_empty.setVisible(not by_op)

    def _fill_map(self, session_id: str, unit_code: str) -> None:
        from survey_app.review.geometry import parse_geometry

        db = self.ctx.db
        unit = get_unit(db, unit_code)
        b = {c: parse_geometry(g) for c, g in store.load_boundaries(db).items() if c == unit_code}
        self.map.set_units([(unit.code, unit.name, *unit.bbox)], b)
        self.map.set_points("signal_readings", "rsrp", store.map_points(db, "rsrp", session_id=session_id))
        self.map.fit()
        self.map_info.setText(self.tr("{n} readings with a position; click a point to see it.").format(
            n=count(self.map.point_count())))

    def _on_map_point_clicked(self, table: str, record_id: str) -> None:
        from survey_app.qt.views.review_record_text import record_text

        self.map_info.setText(record_text(store.record_summary(self.ctx.db, table, record_id) or {}, self.ctx))

    def _on_enlarge_clicked(self) -> None:
        from survey_app.qt.views.review_map_dialog import ReviewMapDialog

        ReviewMapDialog(self.ctx, self.map, self.title.text(), self).exec()
