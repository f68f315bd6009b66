"""Open a survey session: unit, team, surveyors, questionnaire, notes."""
from __future__ import annotations

from survey_app.errors import UserError
from survey_app.qt._generated.ui_session_dialog import Ui_SessionDialog
from survey_app.qt.context import AppContext
from survey_app.qt.qt import QDialog, QDialogButtonBox, QWidget


class SessionDialog(QDialog):
    """Asks for what a session needs and creates it; `session` holds the result after accept."""

    def __init__(self, ctx: AppContext, unit_code: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = None
        self.ui = Ui_SessionDialog()
        self.ui.setupUi(self)
        from survey_app.storage.forms import ensure_builtin
        from survey_app.storage.units import list_units

        for u in list_units(ctx.db):
            self.ui.unitCombo.addItem(u.name, u.code)
        if unit_code:
            self.ui.unitCombo.setCurrentIndex(max(0, self.ui.unitCombo.findData(unit_code)))
        try:
            ensure_builtin(ctx.db, ctx.record_context())
        except UserError:
            pass   # an imported form holds the built-in's version number: the forms installed are offered
        from survey_app.qt.views.household_forms import installed_forms

        for label, form_id, version in installed_forms(ctx.db, ctx.language):
            self.ui.formCombo.addItem(label, [form_id, version])
        self.ui.teamEdit.setText(ctx.settings.team)
        self.ui.surveyorsEdit.setText(ctx.settings.surveyor)
        self.ui.errorLabel.hide()
        self.ui.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Open session"))
        self.ui.buttons.accepted.connect(self._on_buttons_accepted)
        self.ui.buttons.rejected.connect(self.reject)

    def surveyors(self) -> list[str]:
        """Surveyor names typed, split on commas."""
        return [s.strip() for s in self.ui.surveyorsEdit.text().split(",") if s.strip()]

    def _on_buttons_accepted(self) -> None:
        from survey_app.qt.views.household_forms import choose_form
        from survey_app.storage.sessions import new_session

        names = self.surveyors()
        try:
            ctx = self.ctx.record_context()
            if names and not ctx.surveyor:
                ctx = type(ctx)(device_id=ctx.device_id, surveyor=names[0])
            self.session = new_session(self.ctx.db, ctx, unit_code=self.ui.unitCombo.currentData(),
                                       team=self.ui.teamEdit.text(), surveyors=names,
                                       notes=self.ui.notesEdit.toPlainText())
        except UserError as exc:
            self.ui.errorLabel.setText(str(exc))
            self.ui.errorLabel.show()
            return
        settings = self.ctx.settings
        settings.team = self.ui.teamEdit.text().strip()
        if names:
            settings.surveyor = settings.surveyor or names[0]
        form = self.ui.formCombo.currentData()
        if form:
            choose_form(self.ctx, self.session.id, *form)
        self.accept()
