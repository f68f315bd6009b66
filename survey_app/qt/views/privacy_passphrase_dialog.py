"""The passphrase of the survey data, asked when the system keyring cannot keep the database key.

`ask_passphrase(kind, folder, problem)` is the prompter installed with storage.dbkey.set_prompter before the
database opens: "new" (first start: typed twice, at least MIN_PASSPHRASE characters) or "enter".
"""
from __future__ import annotations

from pathlib import Path

from survey_app.qt.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from survey_app.storage.dbkey import MIN_PASSPHRASE


class PassphraseDialog(QDialog):
    """One or two password fields, the folder they open and the last problem (wrong passphrase...)."""

    def __init__(self, kind: str, folder: Path, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("Passphrase of the survey data"))
        layout = QVBoxLayout(self)
        if kind == "new":
            text = self.tr("This laptop has no system keyring to keep the key of the survey data. Choose a "
                           "passphrase (at least {n} characters). It is asked once per login; without it the "
                           "data in {folder} cannot be read.").format(n=MIN_PASSPHRASE, folder=folder)
        else:
            text = self.tr("Type the passphrase of the survey data in {folder}.").format(folder=folder)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.Password)
        if kind == "new":
            form.addRow(self.tr("Again:"), self.again)
        layout.addLayout(form)
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _on_buttons_accepted(self) -> None:
        text = self.passphrase.text()
        if self.kind == "new" and len(text) < MIN_PASSPHRASE:
            self._show(self.tr("A passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE))
        elif self.kind == "new" and text != self.again.text():
            self._show(self.tr("The two passphrases differ."))
        elif not text:
            self._show(self.tr("Type the passphrase."))
        else:
            self.accept()

    def _show(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)


def ask_passphrase(kind: str, folder: Path, problem: str) -> str | None:
    """The prompter for storage.dbkey: the typed passphrase, or None when the surveyor cancels."""
    dialog = PassphraseDialog(kind, folder, problem)
    try:
        return dialog.passphrase.text() if dialog.exec() == QDialog.Accepted else None
    finally:
        dialog.deleteLater()
