"""Asks for the comment (and the reviewer's name) before approving, rejecting or reopening a session."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout)


class ReviewDecisionDialog(QDialog):
    """Comment + reviewer; OK stays disabled until what the decision needs is filled in."""

    def __init__(self, action: str, session_label: str, reviewer: str, parent=None) -> None:
        super().__init__(parent)
        self.action = action
        titles = {"approve": self.tr("Approve session"), "reject": self.tr("Reject session"),
                  "reopen": self.tr("Reopen session")}
        self.setWindowTitle(titles[action])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Session: {session}").format(session=session_label)))
        form = QFormLayout()
        self.reviewer_edit = QLineEdit(reviewer)
        form.addRow(self.tr("Reviewer:"), self.reviewer_edit)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(
            self.tr("Why? (required)") if action != "approve" else self.tr("Comment (optional)"))
        form.addRow(self.tr("Comment:"), self.comment_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        verbs = {"approve": self.tr("&Approve"), "reject": self.tr("&Reject"), "reopen": self.tr("Re&open")}
        self.buttons.button(QDialogButtonBox.Ok).setText(verbs[action])   # says what pressing it records
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.comment_edit.textChanged.connect(self._update_ok)
        self.reviewer_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(460, 260)

    def _update_ok(self) -> None:
        ok = bool(self.reviewer_edit.text().strip())
        if self.action != "approve":
            ok = ok and bool(self.comment_edit.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    def comment(self) -> str:
        """The comment typed."""
        return self.comment_edit.toPlainText().strip()

    def reviewer(self) -> str:
        """The reviewer's name."""
        return self.reviewer_edit.text().strip()
