"""The Session page: this laptop's sessions, with open, switch and close."""
from __future__ import annotations

from survey_app.errors import UserError
from survey_app.qt._generated.ui_session_page import Ui_SessionPage
from survey_app.qt.bridges.storage_bridge import affects
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import count, local_datetime
from survey_app.qt.qt import QMessageBox, Qt, QTableWidgetItem, QTimer, QWidget
from survey_app.qt.table_fill import bulk_fill, fit_columns, number_item

MAX_ROWS = 500
COUNTED = ("speed_tests", "signal_readings", "households")


class SessionPage(QWidget):
    """Lists sessions (newest first) with their record counts; follows every change to the data."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SessionPage()
        self.ui.setupUi(self)
        self.table = self.ui.table
        fit_columns(self.table, stretch=(0, 1, 2))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(self._on_table_item_double_clicked)
        self.ui.newButton.clicked.connect(self._on_new_clicked)
        self.ui.useButton.clicked.connect(self._on_use_clicked)
        self.ui.closeButton.clicked.connect(self._on_close_clicked)
        ctx.session_changed.connect(self._on_ctx_session_changed)
        # Counts change with every reading logged: refreshed at most once a second, and only while visible.
        self._refresh_timer = QTimer(self, singleShot=True, interval=1000)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self._stale = False
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self.refresh()

    @property
    def use_button(self):
        """The "Continue this session" button."""
        return self.ui.useButton

    @property
    def close_button(self):
        """The "Close this session" button."""
        return self.ui.closeButton

    def on_shown(self) -> None:
        """Catch up with changes made while another page was in front."""
        if self._stale:
            self.refresh()

    def _on_ctx_session_changed(self, _session) -> None:
        self.refresh()

    def _on_ctx_records_changed(self, table: str) -> None:
        if not affects(table, "sessions", "teams", *COUNTED):
            return
        if not self.isVisible():
            self._stale = True
        elif table == "sessions":
            self.refresh()
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _on_refresh_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Reload the newest sessions and their counts."""
        from survey_app.storage.sessions import list_sessions

        self._stale = False
        sessions = list_sessions(self.ctx.conn, limit=MAX_ROWS)  # reads need no sqlite-utils
        selected = self.selected_session_id()
        with bulk_fill(self.table):
            self._fill(sessions)
        self.ui.note.setText(self.tr("Showing the {n} newest sessions.").format(n=count(MAX_ROWS))
                             if len(sessions) >= MAX_ROWS else "")
        row = self.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _fill(self, sessions) -> None:
        from survey_app.storage.sessions import count_records

        statuses = {"open": self.tr("open"), "closed": self.tr("closed"), "approved": self.tr("approved"),
                    "rejected": self.tr("rejected")}
        self.table.setRowCount(len(sessions))
        current = self.ctx.current_session.id if self.ctx.current_session else None
        for row, s in enumerate(sessions):
            counts = count_records(self.ctx.conn, s.id)
            texts = [s.unit_name, s.team_name, ", ".join(s.surveyors), local_datetime(s.started_at),
                     local_datetime(s.closed_at), statuses.get(s.status, s.status)]
            items = [QTableWidgetItem(t) for t in texts] + [number_item(count(counts[k])) for k in COUNTED]
            items[0].setToolTip(self.tr("Unit code {code}").format(code=s.unit_code))
            for col, item in enumerate(items):
                item.setData(Qt.UserRole, s.id)
                item.setData(Qt.UserRole + 1, s.status)
                if s.id == current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)

    def row_of(self, session_id: str) -> int:
        """The table row showing a session, or -1."""
        return next((r for r in range(self.table.rowCount())
                     if self.table.item(r, 0).data(Qt.UserRole) == session_id), -1)

    def selected_session_id(self) -> str | None:
        """Id of the selected row's session."""
        items = self.table.selectedItems()
        return items[0].data(Qt.UserRole) if items else None

    def _selected_status(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.UserRole + 1) if items else None

    def _update_buttons(self) -> None:
        is_open = self._selected_status() == "open"
        self.ui.useButton.setEnabled(is_open)
        self.ui.closeButton.setEnabled(is_open)

    def _on_new_clicked(self) -> None:
        window = self.window()
        if hasattr(window, "open_session_dialog"):
            window.open_session_dialog(self)

    def _on_table_item_double_clicked(self, _item) -> None:
        self._on_use_clicked()

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
