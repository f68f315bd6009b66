"""What the window calls stored things: table names, statuses, technologies and connections in the user's words.

One home, so a table is never shown by its SQL name (`signal_readings`) and a status never by its code.
"""
from __future__ import annotations

from survey_app.qt.qt import QObject


class RecordLabels(QObject):
    """Translated names of stored codes (a QObject only so that lupdate finds its tr())."""

    def table(self, name: str) -> str:
        """A synced table by what it holds."""
        return {"sessions": self.tr("Survey sessions"), "teams": self.tr("Teams"),
                "speed_tests": self.tr("Speed tests"), "signal_readings": self.tr("Signal readings"),
                "modems": self.tr("Modems"), "households": self.tr("Household interviews"),
                "members": self.tr("Household members"), "review_decisions": self.tr("Review decisions"),
                "forms": self.tr("Questionnaires"), "record_history": self.tr("Earlier versions"),
                "tombstones": self.tr("Deleted records"), "assignments": self.tr("Revisit assignments"),
                "assignment_progress": self.tr("Revisits done"), "consents": self.tr("Consents"),
                "cell_changes": self.tr("Cell changes")}.get(
            name, self.tr("Other records ({name})").format(name=name))

    def session_status(self, status: str) -> str:
        """A session status, lower case."""
        return {"open": self.tr("open"), "closed": self.tr("closed"), "approved": self.tr("approved"),
                "rejected": self.tr("rejected")}.get(status, status)

    def test_status(self, status: str) -> str:
        """A speed-test status, lower case."""
        return {"ok": self.tr("completed"), "failed": self.tr("failed"),
                "cancelled": self.tr("cancelled")}.get(status, status)

    def technology(self, tech: str | None) -> str:
        """'LTE' -> '4G LTE', 'NR-NSA' -> '5G NSA', ..."""
        return {"GSM": self.tr("2G GSM"), "UMTS": self.tr("3G UMTS"), "LTE": self.tr("4G LTE"),
                "NR-NSA": self.tr("5G NSA"), "NR-SA": self.tr("5G SA"), "none": self.tr("no service"),
                "": self.tr("none")}.get(tech or "", tech or "")

    def connection(self, kind: str | None) -> str:
        """A network interface kind."""
        words = {"modem": self.tr("USB modem"), "wifi": self.tr("Wi-Fi"), "ethernet": self.tr("Ethernet"),
                 "loopback": self.tr("this computer"), "other": self.tr("other")}
        return words.get(kind, kind) if kind else self.tr("automatic")

    def yes_no(self, value) -> str:
        """'yes' or 'no'."""
        return self.tr("yes") if value else self.tr("no")


def labels() -> RecordLabels:
    """A RecordLabels in the current language."""
    return RecordLabels()
