"""The Session page: this laptop's sessions, with open, switch and close."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.errors import UserError
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import local_datetime
from survey_app.qt.table_fill import bulk_fill

MAX_ROWS = 500


class SessionPage(QWidget):
    """Lists sessions (newest first) with their record counts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Survey sessions on this laptop"))
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 8)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        self.table.setHorizontalHeaderLabels([
            self.tr("Unit"), self.tr("Team"), self.tr("Surveyors"), self.tr("Started"), self.tr("Closed"),
            self.tr("Status"), self.tr("Records"), self.tr("Id")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._on_use_clicked())
        layout.addWidget(self.table)
        self.note = QLabel()
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New session…"))
        self.use_button = QPushButton(self.tr("&Continue this session"))
        self.close_button = QPushButton(self.tr("C&lose this session"))
        for b in (self.new_button, self.use_button, self.close_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.use_button.clicked.connect(self._on_use_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        ctx.session_changed.connect(lambda _s: self.refresh())
        # Counts change with every reading logged: refresh at most once a second while visible.
        self._refresh_timer = QTimer(self, singleShot=True, interval=1000)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self.refresh()

    def on_shown(self) -> None:
        """Refresh when the page comes to the front."""
        self.refresh()

    def _on_ctx_records_changed(self, table: str) -> None:
        if table == "sessions" and self.isVisible():
            self.refresh()
        elif self.isVisible() and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _on_refresh_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload the newest sessions."""
        from survey_app.storage.sessions import count_records, list_sessions, status_label

        sessions = list_sessions(self.ctx.conn, limit=MAX_ROWS)  # reads need no sqlite-utils
        with bulk_fill(self.table):
            self._fill(sessions, count_records, status_label)
        self.note.setText(self.tr("Showing the {n} newest sessions.").format(n=MAX_ROWS)
                          if len(sessions) >= MAX_ROWS else "")
        self._update_buttons()

    def _fill(self, sessions, count_records, status_label) -> None:
        self.table.setRowCount(len(sessions))
        current = self.ctx.current_session.id if self.ctx.current_session else None
        for row, s in enumerate(sessions):
            counts = count_records(self.ctx.conn, s.id)
            records = self.tr("speed tests: {tests} · signal readings: {readings} · households: {households}").format(
                tests=counts["speed_tests"], readings=counts["signal_readings"], households=counts["households"])
            values = [f"{s.unit_name} ({s.unit_code})", s.team_name, ", ".join(s.surveyors),
                      local_datetime(s.started_at, self.ctx.language), local_datetime(s.closed_at, self.ctx.language),
                      status_label(s.status), records, s.id]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, s.id)
                if s.id == current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)

    def selected_session_id(self) -> str | None:
        """Id of the selected row's session."""
        items = self.table.selectedItems()
        return items[0].data(Qt.UserRole) if items else None

    def _update_buttons(self) -> None:
        sid = self.selected_session_id()
        status = None
        if sid:
            row = self.table.currentRow()
            status = self.table.item(row, 5).text() if row >= 0 else None
        from survey_app.storage.sessions import status_label

        is_open = status == status_label("open")
        self.use_button.setEnabled(bool(sid) and is_open)
        self.close_button.setEnabled(bool(sid) and is_open)

    def _on_new_clicked(self) -> None:
        from survey_app.qt.views.session_dialog import SessionDialog

        window = self.window()
        unit = window.selected_unit_code() if hasattr(window, "selected_unit_code") else None
        dialog = SessionDialog(self.ctx, unit, self)
        if dialog.exec() and dialog.session is not None:
            self.ctx.set_session(dialog.session)
            self.ctx.records_changed.emit("sessions")

    def _on_use_clicked(self) -> None:
        from survey_app.storage.sessions import get_session

        sid = self.selected_session_id()
        if not sid:
            return
        session = get_session(self.ctx.db, sid)
        if session.is_open:
            self.ctx.set_session(session)

    def _on_close_clicked(self) -> None:
        from survey_app.storage.sessions import close_session

        sid = self.selected_session_id()
        if not sid:
            return
        if QMessageBox.question(self, self.tr("Close session"), self.tr(
                "Close this session? No more records can be added to it."),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:   # Enter must not close it
            return
        try:
            close_session(self.ctx.db, self.ctx.record_context(), sid)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Close session"), str(exc))
        if self.ctx.current_session and self.ctx.current_session.id == sid:
            self.ctx.set_session(None)
        self.ctx.records_changed.emit("sessions")
        self.refresh()
