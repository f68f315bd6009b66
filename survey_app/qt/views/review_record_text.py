"""One map record (signal reading, speed test, household) as a line people read, in the user's language."""
from __future__ import annotations

from PySide6.QtCore import QObject

from survey_app.households.labels import status_label
from survey_app.qt.formatting import local_datetime, number


class ReviewRecordText(QObject):
    """Labels and formats the columns of a record summary (a QObject only so that lupdate finds its tr())."""

    def yes_no(self, value) -> str:
        """'yes' or 'no' in the user's language."""
        return self.tr("yes") if value else self.tr("no")

    def status(self, value: str) -> str:
        """A speed-test or interview status in the user's language."""
        words = {"ok": self.tr("completed"), "failed": self.tr("failed"), "cancelled": self.tr("cancelled")}
        return words[value] if value in words else status_label(value)

    def connection(self, kind: str | None) -> str:
        """A speed test's interface kind in the user's language."""
        words = {"modem": self.tr("USB modem"), "wifi": self.tr("Wi-Fi"), "ethernet": self.tr("Ethernet"),
                 "loopback": self.tr("this computer"), "other": self.tr("other")}
        return words.get(kind, kind) if kind else self.tr("automatic")

    def text(self, rec: dict, lang: str) -> str:
        """Labelled values of `rec` (a row of signal_readings, speed_tests or households) joined by ' · '."""
        parts = []
        when = rec.get("measured_at") or rec.get("started_at")
        if when:
            parts.append(local_datetime(when, lang))
        if rec.get("unit_code"):
            parts.append(self.tr("Unit {code}").format(code=rec["unit_code"]))
        if rec.get("session_id"):
            parts.append(self.tr("Session {id}").format(id=str(rec["session_id"])[:8]))
        if rec.get("operator") or rec.get("technology"):
            parts.append(" ".join(str(rec[k]) for k in ("operator", "technology") if rec.get(k)))
        measures = (("rsrp_dbm", self.tr("RSRP {value} dBm")), ("sinr_db", self.tr("SINR {value} dB")),
                    ("download_mbps", self.tr("Download {value} Mbit/s")),
                    ("upload_mbps", self.tr("Upload {value} Mbit/s")))
        for key, template in measures:
            if rec.get(key) is not None:
                parts.append(template.format(value=number(rec[key], 1)))
        if rec.get("status"):
            parts.append(self.tr("Status: {status}").format(status=self.status(rec["status"])))
        if rec.get("hamlet"):
            parts.append(self.tr("Hamlet: {name}").format(name=rec["hamlet"]))
        if "internet_at_home" in rec:
            parts.append(self.tr("Internet at home: {answer}").format(answer=self.yes_no(rec["internet_at_home"])))
        if "fibre" in rec:
            parts.append(self.tr("Fibre: {answer}").format(answer=self.yes_no(rec["fibre"])))
        if rec.get("lat") is not None and rec.get("lon") is not None:
            parts.append(self.tr("{lat}° N, {lon}° E").format(lat=number(rec["lat"], 6), lon=number(rec["lon"], 6)))
        if rec.get("position_accuracy_m") is not None:
            parts.append(self.tr("accuracy ±{metres} m").format(metres=number(rec["position_accuracy_m"], 0)))
        return " · ".join(parts)


def record_text(rec: dict, lang: str) -> str:
    """`rec` as one translated line (see ReviewRecordText.text)."""
    return ReviewRecordText().text(rec, lang)
