"""The interview form: questions built from the compiled form, live validation, roster, autosave, finalize, edit."""
from __future__ import annotations


from survey_app.errors import UserError
from survey_app.qt._generated.ui_household_form_view import Ui_HouseholdFormView
from survey_app.qt.context import AppContext
from survey_app.qt.formatting import count, now_time, number
from survey_app.qt.qt import QInputDialog, QKeySequence, QLabel, QMessageBox, QShortcut, QTimer, QVBoxLayout, QWidget, Signal
from survey_app.qt.widgets.household_fields import ERROR_STYLE, HouseholdField
from survey_app.qt.views.household_form_roster import RosterActions
from survey_app.qt.widgets.household_roster import HouseholdRoster
from survey_app.households import interviews
from survey_app.households.labels import status_label
from survey_app.households.rules import missing_answers_message
from survey_app.storage import households as store

HIDDEN_TYPES = {"start", "end", "today", "deviceid", "username", "calculate"}
AUTOSAVE_MS = 1000


class HouseholdFormView(RosterActions, QWidget):
    """One household interview; drafts autosave, finalized ones are locked until edited with a reason."""

    closed = Signal()

    def __init__(self, ctx: AppContext, household_id: str, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        row = store.get_interview(ctx.db, household_id)
        self.status = row["status"]
        # where the location answer came from; kept across reopening so a GPS fix is not relabelled as typed
        self.location_source, self.location_at = row["position_source"], row["position_at"]
        lang = lang or ctx.language
        self.state = interviews.state_for(ctx.db, household_id, lang=lang,
                                        meta={"deviceid": ctx.record_context().device_id,
                                              "username": ctx.settings.surveyor})
        self.editing = self.status == "draft"
        self.edit_reason: str | None = None
        self.dirty = False
        self.save_count = 0
        self.show_all_errors = False
        self._summary_follows_errors = False
        self.widgets: dict[tuple[str, int | None], HouseholdField] = {}
        self.headers: dict[tuple[str, int | None], QLabel] = {}
        self.rosters: dict[str, HouseholdRoster] = {}
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self._build()
        self._build_fields()
        self._update_header()
        self._update_speed_label()

    # --- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.ui = Ui_HouseholdFormView()
        self.ui.setupUi(self)
        ui = self.ui
        self.back_button, self.title, self.status_label = ui.backButton, ui.title, ui.statusLabel
        self.lang_combo, self.speed_button, self.history_button = ui.langCombo, ui.speedButton, ui.historyButton
        self.scroll, self.summary, self.saved_label = ui.scroll, ui.summary, ui.savedLabel
        self.save_button, self.finalize_button = ui.saveButton, ui.finalizeButton
        self.edit_button, self.save_changes_button = ui.editButton, ui.saveChangesButton
        for code in self.state.form.get("languages", []):
            self.lang_combo.addItem({"vi": "Tiếng Việt", "en": "English"}.get(code, code), code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(self.state.lang)))
        self.lang_combo.currentIndexChanged.connect(self._on_lang_combo_changed)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.speed_button.clicked.connect(self.run_speed_test)
        self.history_button.clicked.connect(self.show_history)
        self.save_button.clicked.connect(self.save_now)
        self.finalize_button.clicked.connect(self.finalize)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.save_changes_button.clicked.connect(self.save_changes)
        self._update_title()
        QShortcut(QKeySequence.Save, self, activated=self._on_save_shortcut)
        QShortcut(QKeySequence("Ctrl+Shift+M"), self, activated=self._on_add_member_shortcut)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.finalize)

    def _update_title(self) -> None:
        from survey_app.qt.views.household_forms import form_title

        self.title.setText(form_title(self.state.form, self.state.lang))

    def _on_lang_combo_changed(self, _index: int) -> None:
        self.set_form_language(self.lang_combo.currentData())

    def _on_edit_clicked(self) -> None:
        self.start_edit()

    def _build_fields(self) -> None:
        self.widgets.clear()
        self.headers.clear()
        self.rosters.clear()
        body = QWidget()
        layout = QVBoxLayout(body)
        for f in self.state.fields:
            if f.get("repeat") is not None:
                continue
            if f["type"] == "repeat":
                roster = HouseholdRoster(self.state, f, lambda lay, k, rep=f["name"]: self._populate_instance(
                    rep, lay, k))
                roster.add_requested.connect(self.add_member)
                roster.remove_requested.connect(self.remove_member)
                roster.move_requested.connect(self.move_member)
                self.rosters[f["name"]] = roster
                layout.addWidget(roster)
            else:
                self._add_item(layout, f, None)
        layout.addStretch(1)
        self.scroll.setWidget(body)
        self._apply_editable()

    def _populate_instance(self, repeat: str, layout: QVBoxLayout, k: int) -> None:
        for f in self.state.fields:
            if f.get("repeat") == repeat:
                self._add_item(layout, f, k)

    def _add_item(self, layout: QVBoxLayout, f: dict, inst: int | None) -> None:
        if f["type"] in HIDDEN_TYPES:
            return
        if f["type"] == "group":
            header = QLabel(layout.parentWidget())
            header.setStyleSheet("font-weight: bold; font-size: 12pt; margin-top: 10px; color: #1a4d80;")
            self.headers[(f["name"], inst)] = header
            layout.addWidget(header)
            self._refresh_header(f["name"], inst)
            return
        w = HouseholdField(self.state, f, inst, layout.parentWidget())
        w.answered.connect(self._on_field_answered)
        w.left.connect(self._on_field_left)
        w.position_requested.connect(self._on_position_requested)
        w.set_editable(self.editing)
        if self.show_all_errors:
            w.show_required = True
            w.refresh()
        self.widgets[(f["name"], inst)] = w
        layout.addWidget(w)

    def _refresh_header(self, name: str, inst: int | None) -> None:
        header = self.headers[(name, inst)]
        header.setText(self.state.label(name, inst))
        header.setVisible(self.state.relevant(name, inst))

    # --- state changes ---------------------------------------------------------------------------------------
    def _on_field_answered(self, name: str, inst, value) -> None:
        if not self.editing:
            return
        if self.state.fields[self.state.index[name]]["type"] == "geopoint":
            from survey_app.clock import utc_now

            self.location_source, self.location_at = "manual", utc_now()
        changed = self.state.set(name, value, inst)
        self.refresh(changed)
        self.dirty = True
        if self.status == "draft":
            self.autosave_timer.start()

    def _on_field_left(self) -> None:
        if self.dirty and self.status == "draft":
            self.save_now()

    def refresh(self, changed=None) -> None:
        """Update the widgets whose cells changed (all when None)."""
        keys = self.widgets.keys() if changed is None else [c for c in changed if c in self.widgets]
        for key in list(keys):
            self.widgets[key].refresh()
        for name, inst in list(self.headers):
            self._refresh_header(name, inst)
        for roster in self.rosters.values():
            roster.refresh()
        self._update_header()

    def set_form_language(self, lang: str) -> None:
        """Show the questionnaire in another language (answers are kept)."""
        if lang and lang != self.state.lang:
            self.state.set_language(lang)
            bar = self.scroll.verticalScrollBar().value()
            self._build_fields()
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
            QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(bar))
            self._update_title()
            self._update_header()

    def _on_position_requested(self, name: str, inst) -> None:
        pos = self.ctx.position
        w = self.widgets[(name, inst)]
        if pos is None:
            self._show_problem(self.tr("No position yet: connect the GPS (Signal page) or type the latitude "
                                       "and longitude."))
            return
        w.set_answer(f"{pos.lat:.6f} {pos.lon:.6f} 0 {pos.accuracy_m or 0:g}")
        self.location_source, self.location_at = pos.source, pos.at   # after set_answer, which marks it typed
        if self.status == "draft":
            self.save_now()

    # --- saving ----------------------------------------------------------------------------------------------
    def _on_save_shortcut(self) -> None:
        if self.status == "draft":
            self.save_now()
        elif self.edit_reason:
            self.save_changes()

    def save_now(self) -> None:
        """Write the draft now (autosave and Ctrl+S)."""
        self.autosave_timer.stop()
        if self.status != "draft":
            return
        try:
            interviews.save_draft(self.ctx.db, self.ctx.record_context(), self.household_id, self.state.to_data(),
                                location_source=self.location_source, location_at=self.location_at)
        except UserError as exc:
            self._show_problem(str(exc))
            return
        self.dirty = False
        self.save_count += 1
        self.saved_label.setText(self.tr("Draft saved at {time}").format(time=now_time()))

    def finalize(self) -> bool:
        """Finalize the draft (refused when consent is no); shows what is missing instead when answers fail."""
        if self.status != "draft":
            return False
        errors = self.state.errors()
        if errors:
            self._show_errors(errors)
            return False
        try:
            self.status = interviews.finalize_interview(
                self.ctx.db, self.ctx.record_context(), self.household_id, self.state.to_data(),
                location_source=self.location_source, location_at=self.location_at)
        except UserError as exc:
            self._show_problem(str(exc))
            return False
        self.editing = False
        self.dirty = False
        self.saved_label.clear()   # "Draft saved at …" no longer describes a finalized interview
        self._apply_editable()
        self.summary.setStyleSheet("color: #1b5e20;")
        self.summary.setText(self.tr("The household refused; the refusal is recorded.") if self.status == "refused"
                             else self.tr("The interview is finalized."))
        return True

    def start_edit(self, reason: str | None = None) -> bool:
        """Unlock a finalized interview after the surveyor says why it changes."""
        if self.status == "draft":
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Edit a finalized interview"),
                                              self.tr("Why does this interview need to change?"))
            if not ok:
                return False
        if not reason.strip():
            self._show_problem(self.tr("Say why the interview changes; the reason is kept in its history."))
            return False
        self.edit_reason = reason.strip()
        self.editing = True
        self._apply_editable()
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Editing. Reason: {reason}").format(reason=self.edit_reason))
        return True

    def save_changes(self) -> bool:
        """Store the edit of a finalized interview (the previous version goes to its history)."""
        if not self.edit_reason:
            return False
        errors = self.state.errors()
        if errors:
            self._show_errors(errors)
            return False
        try:
            interviews.revise_interview(self.ctx.db, self.ctx.record_context(), self.household_id,
                                      self.state.to_data(), reason=self.edit_reason,
                                      location_source=self.location_source, location_at=self.location_at)
        except UserError as exc:
            self._show_problem(str(exc))
            return False
        self.status = store.get_interview(self.ctx.db, self.household_id)["status"]
        self.edit_reason = None
        self.editing = False
        self._apply_editable()
        self.summary.setStyleSheet("color: #1b5e20;")
        self.summary.setText(self.tr("Changes saved; the previous version is kept in the history."))
        return True

    def _show_errors(self, errors) -> None:
        self.show_all_errors = True
        for w in self.widgets.values():
            w.show_required = True
            w.refresh()
        name, inst, _message = errors[0]
        self._show_problem(self._errors_text(errors))
        self._summary_follows_errors = True
        if inst is not None and (name, inst) not in self.widgets:
            roster = next((r for r in self.rosters.values() if r.name == self.state.fields[
                self.state.index[name]].get("repeat")), None)
            if roster is not None:
                roster.set_expanded(inst, True)
        w = self.widgets.get((name, inst))
        if w is not None:
            self.scroll.ensureWidgetVisible(w)
            w.focus_widget().setFocus()

    def _errors_text(self, errors) -> str:
        return missing_answers_message(self.state, errors)

    def _show_problem(self, text: str) -> None:
        self._summary_follows_errors = False
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(text)

    def _follow_errors(self, errors) -> None:
        """The list of what is missing, shown after Finalize, follows every answer (never an old count)."""
        if not self._summary_follows_errors:
            return
        if errors:
            self.summary.setText(self._errors_text(errors))
        else:
            self._summary_follows_errors = False
            self.summary.setStyleSheet("color: #1b5e20;")
            self.summary.setText(self.tr("Everything needed is answered."))

    def _apply_editable(self) -> None:
        for w in self.widgets.values():
            w.set_editable(self.editing)
        for r in self.rosters.values():
            if r.editable != self.editing:
                r.set_editable(self.editing)   # rebuilds its boxes with the current editability
        draft = self.status == "draft"
        self.save_button.setVisible(draft)
        self.finalize_button.setVisible(draft)
        self.edit_button.setVisible(not draft and not self.edit_reason)
        self.save_changes_button.setVisible(bool(self.edit_reason))
        self._update_header()

    def _update_header(self) -> None:
        self.status_label.setText(self.status_text(self.status))
        refused = self.state.value("consent") == "no"
        self.finalize_button.setText(self.tr("End interview (&refused)") if refused else self.tr("&Finalize"))
        errors = self.state.errors()
        self._follow_errors(errors)
        n = len(errors)
        self.finalize_button.setToolTip(self.tr("{n} answers still missing or not allowed").format(n=count(n)) if n
                                        else self.tr("Everything needed is answered (Ctrl+Enter)"))

    # --- other actions ---------------------------------------------------------------------------------------
    def run_speed_test(self) -> None:
        """Open the speed test dialog for this household; its results are linked to the interview."""
        from survey_app.qt.views.speedtest_dialog import SpeedTestDialog

        dialog = SpeedTestDialog(self.ctx, household_id=self.household_id, parent=self)
        dialog.exec()
        self._update_speed_label()

    def _update_speed_label(self) -> None:
        tests = store.linked_speed_tests(self.ctx.db, self.household_id)
        ok = [t for t in tests if t["download_mbps"] is not None]
        if ok:
            self.speed_button.setText(self.tr("Speed test ({n}; last {mbps} Mbit/s)…").format(
                n=len(tests), mbps=number(ok[-1]["download_mbps"], 0)))

    def show_history(self) -> None:
        """The earlier versions of this interview, with who changed them, when and why."""
        from survey_app.qt.views.household_history_dialog import HouseholdHistoryDialog

        HouseholdHistoryDialog(self.ctx, self.household_id, self).exec()

    def _on_back_clicked(self) -> None:
        self.shutdown()
        self.closed.emit()

    def shutdown(self) -> None:
        """Save a pending draft before the view goes away."""
        if self.dirty and self.status == "draft":
            self.save_now()

    def status_text(self, status: str) -> str:
        """An interview status in the user's language."""
        return status_label(status, capital=True)
