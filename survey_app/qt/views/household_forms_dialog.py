"""Import, check and choose questionnaires (XLSForm) in the window; problems listed by sheet, row and column."""
from __future__ import annotations

import hashlib
from pathlib import Path

from survey_app.errors import UserError
from survey_app.qt._generated.ui_household_forms_dialog import Ui_HouseholdFormsDialog
from survey_app.qt.formatting import local_datetime
from survey_app.qt.qt import QDialog, Qt, QTableWidgetItem, QWidget, Signal
from survey_app.qt.runner import run_task
from survey_app.qt.table_fill import fit_columns, number_item
from survey_app.qt.views.household_forms import choose_form, chosen_form, form_title

MAX_FORM_BYTES = 20 * 1024 * 1024   # an XLSForm is a few hundred KB; anything larger is not one


def check_form_file(path: str, cancel=None) -> tuple[dict | None, list, str]:
    """(compiled form or None, problems, sha256) of an XLSForm file, on a worker thread."""
    from survey_app.forms.compiler import check_file
    from survey_app.i18n import _

    file = Path(path)
    if file.stat().st_size > MAX_FORM_BYTES:
        raise UserError(_("{path} is too large to be a questionnaire ({mb} MB).").format(
            path=file.name, mb=round(file.stat().st_size / 1e6)))
    form, problems = check_file(file)
    return form, problems, hashlib.sha256(file.read_bytes()).hexdigest()


class HouseholdFormsDialog(QDialog):
    """Installed forms; "Import an XLSForm…" checks then installs one; "Use for the current session" picks one."""

    checked = Signal(object)   # the problems of the last file checked (empty when it was imported)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.ui = Ui_HouseholdFormsDialog()
        self.ui.setupUi(self)
        fit_columns(self.ui.formsTable, stretch=(0,))
        fit_columns(self.ui.problemsTable, stretch=(3,))
        self.ui.problemsTable.hide()
        self.ui.importButton.clicked.connect(self._on_import_clicked)
        self.ui.useButton.clicked.connect(self._on_use_clicked)
        self.ui.formsTable.itemSelectionChanged.connect(self._update_buttons)
        self.ui.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        """The installed form versions, newest first."""
        from survey_app.storage.forms import get_form_row, list_forms

        session = self.ctx.current_session
        used = chosen_form(self.ctx, session.id) if session else None
        rows = list_forms(self.ctx.db)
        table = self.ui.formsTable
        table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            definition = get_form_row(self.ctx.db, f["form_id"], f["version"])["definition"]
            names = definition.get("language_names") or {}
            langs = ", ".join(self._language_name(code, names.get(code, code)) for code in definition["languages"])
            mark = self.tr("yes") if used == (f["form_id"], f["version"]) else ""
            cells = [QTableWidgetItem(form_title(definition, self.ctx.language)), QTableWidgetItem(f["version"]),
                     QTableWidgetItem(local_datetime(f["imported_at"])), QTableWidgetItem(langs),
                     QTableWidgetItem(mark)]
            for c, item in enumerate(cells):
                item.setData(Qt.UserRole, [f["form_id"], f["version"]])
                table.setItem(r, c, item)
        self._update_buttons()

    def _language_name(self, code: str, name: str) -> str:
        return {"vi": self.tr("Vietnamese"), "en": self.tr("English")}.get(code, name)

    def _update_buttons(self) -> None:
        session = self.ctx.current_session
        self.ui.useButton.setEnabled(bool(self.ui.formsTable.selectedItems()) and session is not None
                                     and session.is_open)

    def _on_use_clicked(self) -> None:
        items = self.ui.formsTable.selectedItems()
        session = self.ctx.current_session
        if not items or session is None:
            return
        form_id, version = items[0].data(Qt.UserRole)
        choose_form(self.ctx, session.id, form_id, version)
        self.ui.resultLabel.setText(self.tr("New interviews of this session use “{title}”, version {version}.")
                                    .format(title=items[0].text(), version=version))
        self.refresh()

    def _on_import_clicked(self) -> None:
        from survey_app.qt.file_dialogs import open_file

        path = open_file(self, self.tr("Import an XLSForm"), self.tr("XLSForm workbooks (*.xlsx)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Check a file in the background; install it when it has no problems."""
        if self.task is not None and self.task.is_running():
            return
        self.ui.importButton.setEnabled(False)
        self.ui.resultLabel.setText(self.tr("Checking {file}…").format(file=Path(path).name))
        self.task = run_task(check_form_file, path, parent=self,
                             on_done=lambda result: self._on_checked(path, result), on_error=self._on_check_error)

    def _on_check_error(self, exc) -> None:
        from survey_app.qt.app import describe_error

        self.ui.importButton.setEnabled(True)
        self._show_problems([])
        self.ui.resultLabel.setStyleSheet("color: #b00020;")
        self.ui.resultLabel.setText(describe_error(exc))
        self.checked.emit([exc])

    def _on_checked(self, path: str, result) -> None:
        from survey_app.storage.forms import import_form

        self.ui.importButton.setEnabled(True)
        form, problems, sha = result
        self._show_problems(problems)
        if problems:
            self.ui.resultLabel.setStyleSheet("color: #b00020;")
            self.ui.resultLabel.setText(self.tr("{file} cannot be used: {n} problems, listed below. Nothing was "
                                                "installed.").format(file=Path(path).name, n=len(problems)))
            self.checked.emit(problems)
            return
        try:
            row = import_form(self.ctx.db, self.ctx.record_context(), form, source_sha256=sha)
        except UserError as exc:
            self.ui.resultLabel.setStyleSheet("color: #b00020;")
            self.ui.resultLabel.setText(str(exc))
            self.checked.emit([exc])
            return
        self.ui.resultLabel.setStyleSheet("color: #1b5e20;")
        self.ui.resultLabel.setText(self.tr("Installed “{title}”, version {version}: {n} questions.").format(
            title=form_title(form, self.ctx.language), version=row["version"],
            n=sum(1 for f in form["fields"] if f["type"] not in ("group", "repeat"))))
        self.refresh()
        self.checked.emit([])

    def _show_problems(self, problems: list) -> None:
        table = self.ui.problemsTable
        table.setVisible(bool(problems))
        table.setRowCount(len(problems))
        for r, p in enumerate(problems):
            cells = [QTableWidgetItem(p.sheet), number_item(str(p.row) if p.row else ""),
                     QTableWidgetItem(p.column or ""), QTableWidgetItem(p.message)]
            for c, item in enumerate(cells):
                table.setItem(r, c, item)
        table.resizeRowsToContents()
