"""One session in detail: flags, decisions, signal timeline, speed tests, households and a map of its points."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListView, QListWidget,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from survey_app.qt.formatting import local_datetime, number
from survey_app.qt.table_fill import bulk_fill
from survey_app.qt.views.review_record_text import ReviewRecordText
from survey_app.qt.widgets.review_map import ReviewMap
from survey_app.storage import review as store
from survey_app.storage.units import get_unit

OP_COLOURS = {"Viettel": (220, 40, 40), "VinaPhone": (30, 110, 200), "MobiFone": (40, 150, 70)}


class ReviewDetail(QWidget):
    """Shows a session; its buttons ask the page to approve, reject or reopen it."""

    decision_requested = Signal(str)   # 'approve' | 'reject' | 'reopen'

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id: str | None = None
        self._plot = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Choose a session in the table."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        for b, action in ((self.approve_button, "approve"), (self.reject_button, "reject"),
                          (self.reopen_button, "reopen")):
            b.clicked.connect(lambda _=False, a=action: self.decision_requested.emit(a))
            b.setEnabled(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.flags = QListWidget()
        self.flags.setMaximumHeight(110)
        # a flag's reason is a sentence: wrap it rather than hide its end behind a horizontal scroll bar
        self.flags.setWordWrap(True)
        self.flags.setResizeMode(QListView.Adjust)
        self.flags.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout.addWidget(self.flags)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.history)
        self.tabs = QTabWidget()
        self.timeline_box = QWidget()
        QVBoxLayout(self.timeline_box)
        self.timeline_empty = QLabel(self.tr("No signal readings in this session."))
        self.timeline_empty.setAlignment(Qt.AlignCenter)
        self.timeline_empty.hide()
        self.timeline_box.layout().addWidget(self.timeline_empty)
        self.tests = self._table([self.tr("Time"), self.tr("Status"), self.tr("Connection"), self.tr("Operator"),
                                  self.tr("Technology"), self.tr("Down Mbit/s"), self.tr("Up Mbit/s"),
                                  self.tr("Ping ms")])
        self.households = self._table([self.tr("Time"), self.tr("Status"), self.tr("Consent"), self.tr("Hamlet"),
                                       self.tr("Minutes"), self.tr("Members"), self.tr("Internet"), self.tr("Fibre")])
        self.map = ReviewMap()
        self.map.point_clicked.connect(self._on_map_point_clicked)
        self.map_info = QLabel()
        self.map_info.setWordWrap(True)
        map_box = QWidget()
        mb = QVBoxLayout(map_box)
        mb.addWidget(self.map, 1)
        mb.addWidget(self.map_info)
        self.tabs.addTab(self.timeline_box, self.tr("Signal timeline"))
        self.tabs.addTab(self.tests, self.tr("Speed tests"))
        self.tabs.addTab(self.households, self.tr("Households"))
        self.tabs.addTab(map_box, self.tr("Map"))
        layout.addWidget(self.tabs, 1)

    def show_message(self, text: str, error: bool = False) -> None:
        """A line under the buttons: the result of a decision, or why it was refused."""
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.show()

    def _table(self, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        t.setHorizontalHeaderLabels(headers)
        t.setEditTriggers(QAbstractItemView.NoEditTriggers)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        t.verticalHeader().hide()
        return t

    def show_session(self, session_id: str | None) -> None:
        """Load one session (None clears the panel)."""
        from survey_app.review.checks import flag_list
        from survey_app.review.decisions import history
        from survey_app.storage.sessions import get_session, status_label

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
        lang = self.ctx.language
        self.title.setText(self.tr("{unit} ({code}) · {team} · {start} · {status}").format(
            unit=s.unit_name, code=s.unit_code, team=s.team_name, start=local_datetime(s.started_at, lang),
            status=status_label(s.status)))
        self.approve_button.setEnabled(s.status in ("closed", "rejected"))
        self.reject_button.setEnabled(s.status in ("closed", "approved"))
        self.reopen_button.setEnabled(s.status in ("approved", "rejected"))
        flags = flag_list(db, session_id=session_id)
        for f in flags:
            self.flags.addItem(f"⚠ {f.label}: {f.reason}")
        if not flags:
            self.flags.addItem(self.tr("No quality flags."))
        decisions = history(db, session_id)
        words = {"approved": self.tr("Approved"), "rejected": self.tr("Rejected"), "reopened": self.tr("Reopened")}
        self.history.setText("\n".join(self.tr("{decision} by {reviewer}, {at}: {comment}").format(
            decision=words.get(d.decision, d.decision), reviewer=d.reviewer, at=local_datetime(d.decided_at, lang),
            comment=d.comment or "—") for d in decisions) if decisions else self.tr("No decision yet."))
        self._fill_timeline(store.session_timeline(db, session_id))
        words = ReviewRecordText(self)   # statuses, answers and connections in the user's language, not raw codes
        self._fill(self.tests, [(local_datetime(r[0], lang), words.status(r[1]), words.connection(r[2]), r[3] or "",
                                 r[4] or "", number(r[5]), number(r[6]), number(r[7], 0))
                                for r in store.session_speed_tests(db, session_id)])
        yes_no = {1: self.tr("yes"), 0: self.tr("no"), None: ""}
        consent = {"yes": self.tr("yes"), "no": self.tr("no")}
        self._fill(self.households, [(local_datetime(r[0], lang), words.status(r[1]), consent.get(r[2], r[2] or ""),
                                      r[3] or "",
                                      number((r[4] or 0) / 60, 0), r[5] if r[5] is not None else "",
                                      yes_no.get(r[6], ""), yes_no.get(r[7], ""))
                                     for r in store.session_households(db, session_id)])
        self._fill_map(session_id, s.unit_code)

    def _fill(self, table: QTableWidget, rows: list[tuple]) -> None:
        with bulk_fill(table):   # up to 1,000 rows: columns measured once, not after every item
            table.setRowCount(len(rows))
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    table.setItem(i, j, QTableWidgetItem(str(v)))

    def _fill_timeline(self, rows: list[tuple]) -> None:
        import pyqtgraph as pg  # heavy: only when a session is opened

        if self._plot is None:
            self._plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
            self._plot.setBackground("w")
            self._plot.showGrid(x=True, y=True, alpha=0.3)
            self._plot.setLabel("left", self.tr("RSRP (dBm)"))
            # an opaque box with dark text: the operators stay readable over a dense cloud of points
            self._plot.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 230), pen=pg.mkPen("#999"),
                                 labelTextColor="#222")
            self.timeline_box.layout().addWidget(self._plot)
        self._plot.clear()
        from PySide6.QtCore import QDateTime

        by_op: dict[str, tuple[list, list]] = {}
        for at, op, _tech, rsrp, nr, _sinr in rows:
            value = rsrp if rsrp is not None else nr
            if value is None:
                continue
            t = QDateTime.fromString(at.replace("Z", "+00:00"), Qt.ISODateWithMs).toSecsSinceEpoch()
            xs, ys = by_op.setdefault(op or "?", ([], []))
            xs.append(t)
            ys.append(value)
        for op, (xs, ys) in sorted(by_op.items()):
            colour = OP_COLOURS.get(op, (120, 120, 120))
            self._plot.plot(xs, ys, pen=None, symbol="o", symbolSize=5, symbolBrush=colour, symbolPen=None, name=op)
        self._plot.getPlotItem().legend.setVisible(bool(by_op))   # no empty box when the session has no readings
        # an empty time axis shows meaningless ticks: say there is nothing instead
        self._plot.setVisible(bool(by_op))
        self.timeline_empty.setVisible(not by_op)

    def _fill_map(self, session_id: str, unit_code: str) -> None:
        from survey_app.review.geometry import parse_geometry

        db = self.ctx.db
        unit = get_unit(db, unit_code)
        u = [(unit.code, unit.name, *unit.bbox)]
        b = {c: parse_geometry(g) for c, g in store.load_boundaries(db).items() if c == unit_code}
        self.map.set_units(u, b)
        self.map.set_points("signal_readings", "rsrp", store.map_points(db, "rsrp", session_id=session_id))
        self.map.fit()
        self.map_info.setText(self.tr("{n} readings with a position; click a point to see it.").format(
            n=number(self.map.point_count(), 0)))

    def _on_map_point_clicked(self, table: str, record_id: str) -> None:
        rec = store.record_summary(self.ctx.db, table, record_id) or {}
        from survey_app.qt.views.review_record_text import record_text

        self.map_info.setText(record_text(rec, self.ctx.language))
