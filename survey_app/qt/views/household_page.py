"""The Households page: the session's interviews (drafts, finalized, refused) and the interview form."""
from __future__ import annotations

import logging

from survey_app.qt.qt import QMessageBox, Qt, QTableWidgetItem, QWidget

from survey_app.errors import UserError
from survey_app.qt._generated.ui_household_page import Ui_HouseholdPage
from survey_app.qt.bridges.storage_bridge import affects
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import count, local_datetime
from survey_app.qt.table_fill import bulk_fill, fit_columns, number_item
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
        self.rows: list[dict] = []
        self._stale = False
        self._ensure_form()
        self.ui = Ui_HouseholdPage()
        self.ui.setupUi(self)
        self.stack, self.list_widget, self.table = self.ui.stack, self.ui.listPage, self.ui.table
        self.heading, self.message = self.ui.heading, self.ui.message
        self.new_button, self.open_button, self.delete_button = self.ui.newButton, self.ui.openButton, self.ui.deleteButton
        fit_columns(self.table, stretch=(1, 2, 6))
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_interview)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.ui.formsButton.clicked.connect(self._on_forms_clicked)
        ctx.session_changed.connect(self._on_ctx_session_changed)
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

        self._stale = False
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
        titles = self._form_titles()
        with bulk_fill(self.table):
            self.table.setRowCount(len(self.rows))
            for r, h in enumerate(self.rows):
                cells = [QTableWidgetItem(status_label(h["status"], capital=True)), QTableWidgetItem(h["hamlet"] or ""),
                         QTableWidgetItem(h["respondent_name"] or ""), number_item(count(h["member_count"] or 0)),
                         QTableWidgetItem(local_datetime(h["started_at"])), number_item(count(h["speed_tests"])),
                         QTableWidgetItem(titles.get((h["form_id"], h["form_version"]), h["form_id"]))]
                for c, item in enumerate(cells):
                    item.setData(Qt.UserRole, h["id"])
                    self.table.setItem(r, c, item)
        if self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        selected = self.rows[row] if 0 <= row < len(self.rows) else None
        self.open_button.setEnabled(selected is not None)
        # only drafts can be deleted: a finalized interview changes through Edit, with a reason
        self.delete_button.setEnabled(selected is not None and selected["status"] == "draft")

    def _form_titles(self) -> dict:
        from survey_app.qt.views.household_forms import installed_forms

        return {(form_id, version): label for label, form_id, version in installed_forms(self.ctx.db,
                                                                                          self.ctx.language)}

    def _on_ctx_session_changed(self, _session) -> None:
        self.refresh()

    def _on_ctx_records_changed(self, table: str) -> None:
        if not affects(table, "households", "members", "speed_tests", "sessions", "forms"):
            return
        if self.isVisible() and self.stack.currentWidget() is self.list_widget:
            self.refresh()
        else:
            self._stale = True

    def _on_table_double_clicked(self, _index) -> None:
        self.open_selected()

    def _on_delete_clicked(self) -> None:
        self.delete_selected()

    def _on_forms_clicked(self) -> None:
        from survey_app.qt.views.household_forms_dialog import HouseholdFormsDialog

        HouseholdFormsDialog(self.ctx, self).exec()

    def selected_id(self) -> str | None:
        """The id of the selected interview."""
        row = self.table.currentRow()
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    # --- actions ---------------------------------------------------------------------------------------------
    def new_interview(self) -> HouseholdFormView | None:
        """Start a draft interview under the current form version and open it."""
        from survey_app.households.interviews import start_interview
        from survey_app.qt.views.household_forms import session_form

        session = self.ctx.current_session
        if session is None:
            return None
        try:
            form = session_form(self.ctx, session.id)
            hid = start_interview(self.ctx.db, self.ctx.record_context(), session_id=session.id, form=form,
                                  position=self.ctx.position)
        except UserError as exc:
            self.message.setText(str(exc))
            return None
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
        self.refresh()

    def on_shown(self) -> None:
        """Catch up with changes made while another page was in front."""
        if self._stale and self.stack.currentWidget() is self.list_widget:
            self.refresh()

    def shutdown(self) -> None:
        """Save a pending draft when the window closes."""
        if self.form_view is not None:
            self.form_view.shutdown()
