"""The interview form's member roster: adding, removing and moving members (a part of HouseholdFormView)."""
from __future__ import annotations

import os

from survey_app.qt.qt import QCoreApplication, QMessageBox

# Translated in the form view's context, where these strings always were (lupdate sees the literal context).


class RosterActions:
    """Roster operations of HouseholdFormView (its state, widgets and rosters are the view's)."""

    def add_member(self) -> int:
        """Add a roster member and put the cursor on its first question."""
        k = self.state.add_instance("members")
        self.rosters["members"].expanded.add(self.state.instances["members"][k]["_id"])
        self._after_roster_change()
        first = next((w for (n, i), w in self.widgets.items() if i == k and w.isVisibleTo(self)), None)
        if first is not None:
            first.focus_widget().setFocus()
            self.scroll.ensureWidgetVisible(first)
        return k

    def remove_member(self, k: int) -> None:
        """Remove a member (asks first when it has answers)."""
        answered = any(v for n, v in self.state.instances["members"][k].items() if n not in ("_id", "member_no"))
        if answered and not os.environ.get("SURVEY_APP_NO_DIALOGS"):
            title = QCoreApplication.translate("HouseholdFormView", "Remove member")
            text = QCoreApplication.translate("HouseholdFormView", "Remove member {n} and their answers?")
            if QMessageBox.question(self, title, text.format(n=k + 1)) != QMessageBox.Yes:
                return
        self.state.remove_instance("members", k)
        self._after_roster_change()

    def move_member(self, k: int, to: int) -> None:
        """Move a member up or down the roster."""
        if 0 <= to < self.state.count("members"):
            self.state.move_instance("members", k, to)
            self._after_roster_change()

    def _after_roster_change(self) -> None:
        for key in [key for key in self.widgets if key[1] is not None]:
            del self.widgets[key]
        for key in [key for key in self.headers if key[1] is not None]:
            del self.headers[key]
        for roster in self.rosters.values():
            roster.rebuild()
        self.refresh()
        self.dirty = True
        if self.status == "draft":
            self.save_now()

    def _on_add_member_shortcut(self) -> None:
        if self.editing and self.rosters and self.state.relevant("members"):
            self.add_member()
