"""Asks for the reviewer's name and a comment before approving, rejecting or reopening a session.

The reviewer is never filled in with the surveyor's name from the settings: it starts empty (or with the last
reviewer's name), and a reviewer who surveyed the session is told so and must confirm it knowingly.
"""
from __future__ import annotations

from survey_app.qt._generated.ui_review_decision_dialog import Ui_ReviewDecisionDialog
from survey_app.qt.formatting import local_datetime
from survey_app.qt.qt import QDialog, QDialogButtonBox


def _same_person(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


class ReviewDecisionDialog(QDialog):
    """Comment + reviewer; OK stays disabled until what the decision needs is filled in."""

    def __init__(self, action: str, session, reviewer: str = "", parent=None) -> None:
        super().__init__(parent)
        self.action = action
        self.surveyors = list(session.surveyors)
        self.ui = Ui_ReviewDecisionDialog()
        self.ui.setupUi(self)
        self.reviewer_edit, self.comment_edit, self.buttons = self.ui.reviewerEdit, self.ui.commentEdit, self.ui.buttons
        titles = {"approve": self.tr("Approve session"), "reject": self.tr("Reject session"),
                  "reopen": self.tr("Reopen session")}
        self.setWindowTitle(titles[action])
        self.ui.sessionLabel.setText(self.tr("Session of {team} in {unit}, started {start}; surveyed by {names}.")
                                     .format(team=session.team_name, unit=session.unit_name,
                                             start=local_datetime(session.started_at),
                                             names=", ".join(session.surveyors)))
        self.reviewer_edit.setText(reviewer)
        self.comment_edit.setPlaceholderText(
            self.tr("Why? (required)") if action != "approve" else self.tr("Comment (optional)"))
        verbs = {"approve": self.tr("&Approve"), "reject": self.tr("&Reject"), "reopen": self.tr("Re&open")}
        self.buttons.button(QDialogButtonBox.Ok).setText(verbs[action])   # says what pressing it records
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment_edit.textChanged.connect(self._update_ok)
        self.reviewer_edit.textChanged.connect(self._update_ok)
        self.ui.ownWorkCheck.toggled.connect(self._update_ok)
        self._update_ok()

    def reviews_own_work(self) -> bool:
        """Whether the reviewer typed is one of the session's surveyors."""
        name = self.reviewer()
        return bool(name) and any(_same_person(name, s) for s in self.surveyors)

    def _update_ok(self, *_args) -> None:
        own = self.reviews_own_work()
        self.ui.ownWorkWarning.setVisible(own)
        self.ui.ownWorkCheck.setVisible(own)
        if own:
            self.ui.ownWorkWarning.setText(self.tr(
                "{name} surveyed this session. A review is meant to be done by someone else; if you must review "
                "your own work, say so below (the decision records your name).").format(name=self.reviewer()))
        ok = bool(self.reviewer()) and (not own or self.ui.ownWorkCheck.isChecked())
        if self.action != "approve":
            ok = ok and bool(self.comment())
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    def comment(self) -> str:
        """The comment typed."""
        return self.comment_edit.toPlainText().strip()

    def reviewer(self) -> str:
        """The reviewer's name."""
        return self.reviewer_edit.text().strip()
