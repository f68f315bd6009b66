"""The Households page: the session's interviews (drafts, finalized, refused) and the interview form."""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from survey_app.errors import UserError
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import local_datetime
from survey_app.qt.views.household_form_view import HouseholdFormView
from survey_app.households.labels import status_label
from survey_app.storage import households as store

log = logging.getLogger(__name__)


_TYPED = ("integer", "decimal", "text", "select_one", "select_multiple", "date", "geopoint")


def answered_anything(state) -> bool:
    """Whether the surveyor answered any question (metadata and calculations do not count)."""
    types = {f["name"]: f["type"] for f in state.fields}
    data = state.to_data()
    if any(rows for rows in data["repeats"].values()):
        return True
    return any(types.get(name) in _TYPED and value not in (None, "", []) for name, value in data["answers"].items())


class HouseholdPage(QWidget):
    """List of the current session's household interviews; opens one in the form view."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form_view: HouseholdFormView | None = None
        self.form_error = ""
        self._ensure_form()
        self.stack = QStackedWidget()
        QVBoxLayout(self).addWidget(self.stack)
        self.list_widget = QWidget()
        layout = QVBoxLayout(self.list_widget)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 6)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table; arrows move inside it
        self.table.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Hamlet"), self.tr("Respondent"),
                                              self.tr("Members"), self.tr("Started"), self.tr("Speed tests")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New interview"))
        self.new_button.clicked.connect(self.new_interview)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(self.tr("Delete draft"))
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.message = QLabel()
        self.message.setWordWrap(True)
        for b in (self.new_button, self.open_button, self.delete_button):
            row.addWidget(b)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        self.stack.addWidget(self.list_widget)
        ctx.session_changed.connect(lambda _s: self.refresh())
        ctx.records_changed.connect(self._on_ctx_records_changed)
        self.refresh()

    def _ensure_form(self) -> None:
        from survey_app.storage.forms import ensure_builtin

        try:
            ensure_builtin(self.ctx.db, self.ctx.record_context())
        except UserError as exc:  # an imported form took the built-in version number: keep using what is there
            log.warning("built-in form not installed: %s", exc)

    # --- list ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list for the current session."""
        from survey_app.storage.households import list_households

        session = self.ctx.current_session
        self.rows = list_households(self.ctx.db, session.id) if session else []
        if session:
            self.heading.setText(self.tr("Households of the session in {unit} ({team})").format(
                unit=session.unit_name or session.unit_code, team=session.team_name))
        else:
            self.heading.setText(self.tr("Open a session to record household interviews."))
        can_start = bool(session and session.is_open)
        self.new_button.setEnabled(can_start)
        self.new_button.setToolTip("" if can_start else self.tr("Open a session first (Session page)."))
        self.table.setRowCount(len(self.rows))
        for r, h in enumerate(self.rows):
            values = [status_label(h["status"], capital=True), h["hamlet"] or "", h["respondent_name"] or "",
                      str(h["member_count"] or 0), local_datetime(h["started_at"], self.ctx.language),
                      str(h["speed_tests"])]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.UserRole, h["id"])
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        if self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        selected = self.rows[row] if 0 <= row < len(self.rows) else None
        self.open_button.setEnabled(selected is not None)
        # only drafts can be deleted: a finalized interview changes through Edit, with a reason
        self.delete_button.setEnabled(selected is not None and selected["status"] == "draft")

    def _on_ctx_records_changed(self, table: str) -> None:
        if table in ("households", "speed_tests") and self.stack.currentWidget() is self.list_widget:
            self.refresh()

    def selected_id(self) -> str | None:
        """The id of the selected interview."""
        row = self.table.currentRow()
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    # --- actions ---------------------------------------------------------------------------------------------
    def new_interview(self) -> HouseholdFormView | None:
        """Start a draft interview under the current form version and open it."""
        from survey_app.storage.forms import current_form
        from survey_app.households.interviews import start_interview

        session = self.ctx.current_session
        if session is None:
            return None
        try:
            form = current_form(self.ctx.db)["definition"]
            hid = start_interview(self.ctx.db, self.ctx.record_context(), session_id=session.id, form=form,
                                  position=self.ctx.position)
        except UserError as exc:
            self.message.setText(str(exc))
            return None
        self.ctx.records_changed.emit("households")
        return self.open_interview(hid)

    def open_selected(self) -> HouseholdFormView | None:
        """Open the selected interview."""
        hid = self.selected_id()
        return self.open_interview(hid) if hid else None

    def open_interview(self, household_id: str) -> HouseholdFormView | None:
        """Show one interview in the form view."""
        self.close_form()
        try:
            self.form_view = HouseholdFormView(self.ctx, household_id)
        except UserError as exc:   # e.g. its form version is not installed on this laptop
            self.message.setText(str(exc))
            return None
        self.form_view.closed.connect(self.close_form)
        self.stack.addWidget(self.form_view)
        self.stack.setCurrentWidget(self.form_view)
        return self.form_view

    def close_form(self) -> None:
        """Back to the list (a pending draft is saved first; one with nothing answered is dropped)."""
        if self.form_view is not None:
            self.form_view.shutdown()
            if (self.form_view.status == "draft" and not answered_anything(self.form_view.state)
                    and not store.linked_speed_tests(self.ctx.db, self.form_view.household_id)):
                # "New interview" pressed by mistake, or no one at home: an empty draft would only clutter the
                # list and show up in review as "consent missing".
                from survey_app.households.interviews import discard_draft

                try:
                    discard_draft(self.ctx.db, self.form_view.household_id, who=self.ctx.settings.surveyor,
                                  reason=self.tr("empty draft closed"))
                    self.ctx.records_changed.emit("households")
                except UserError as exc:
                    log.warning("empty draft kept: %s", exc)
            self.stack.removeWidget(self.form_view)
            self.form_view.deleteLater()
            self.form_view = None
        self.stack.setCurrentWidget(self.list_widget)
        self.refresh()

    def delete_selected(self, confirm: bool = True) -> None:
        """Delete the selected draft after asking (finalized interviews cannot be deleted)."""
        from survey_app.households.interviews import discard_draft

        hid = self.selected_id()
        if not hid:
            return
        # A draft holds answers typed at someone's door: one stray click must not lose them.
        if confirm and QMessageBox.question(self, self.tr("Delete draft"), self.tr(
                "Delete this draft interview and its answers? This cannot be undone."),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return
        try:
            discard_draft(self.ctx.db, hid, who=self.ctx.settings.surveyor, reason=self.tr("draft deleted"))
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.ctx.records_changed.emit("households")
        self.refresh()

    def on_shown(self) -> None:
        """Refresh when the page becomes visible."""
        if self.stack.currentWidget() is self.list_widget:
            self.refresh()

    def shutdown(self) -> None:
        """Save a pending draft when the window closes."""
        if self.form_view is not None:
            self.form_view.shutdown()
