"""One map record (signal reading, speed test, household) as a line people read, in the user's language."""
from __future__ import annotations

from survey_app.errors import UserError
from survey_app.households.labels import status_label
from survey_app.qt.formatting import local_datetime, number
from survey_app.qt.qt import QObject
from survey_app.qt.record_labels import labels


class ReviewRecordText(QObject):
    """Labels and formats the columns of a record summary (a QObject only so that lupdate finds its tr())."""

    def text(self, rec: dict, db=None) -> str:
        """Labelled values of `rec` (a row of signal_readings, speed_tests or households) joined by ' · '."""
        words = labels()
        parts = []
        when = rec.get("measured_at") or rec.get("started_at")
        if when:
            parts.append(local_datetime(when))
        where = self._session(db, rec.get("session_id")) or self._unit(db, rec.get("unit_code"))
        if where:
            parts.append(where)
        if rec.get("operator") or rec.get("technology"):
            parts.append(" ".join(filter(None, (rec.get("operator"), words.technology(rec.get("technology"))
                                                if rec.get("technology") else ""))))
        measures = (("rsrp_dbm", self.tr("RSRP {value} dBm")), ("sinr_db", self.tr("SINR {value} dB")),
                    ("download_mbps", self.tr("Download {value} Mbit/s")),
                    ("upload_mbps", self.tr("Upload {value} Mbit/s")))
        for key, template in measures:
            if rec.get(key) is not None:
                parts.append(template.format(value=number(rec[key], 1)))
        if rec.get("status"):
            status = rec["status"]
            shown = words.test_status(status) if status in ("ok", "failed", "cancelled") else status_label(status)
            parts.append(self.tr("Status: {status}").format(status=shown))
        if rec.get("hamlet"):
            parts.append(self.tr("Hamlet: {name}").format(name=rec["hamlet"]))
        if "internet_at_home" in rec:
            parts.append(self.tr("Internet at home: {answer}").format(answer=words.yes_no(rec["internet_at_home"])))
        if "fibre" in rec:
            parts.append(self.tr("Fibre: {answer}").format(answer=words.yes_no(rec["fibre"])))
        if rec.get("lat") is not None and rec.get("lon") is not None:
            parts.append(self.tr("{lat}° N, {lon}° E").format(lat=number(rec["lat"], 6), lon=number(rec["lon"], 6)))
        if rec.get("position_accuracy_m") is not None:
            parts.append(self.tr("accuracy ±{metres} m").format(metres=number(rec["position_accuracy_m"], 0)))
        return " · ".join(parts)

    def _session(self, db, session_id: str | None) -> str:
        """The record's session by team, unit and day (never by its id)."""
        if db is None or not session_id:
            return ""
        from survey_app.storage.sessions import get_session

        try:
            s = get_session(db, session_id)
        except UserError:
            return ""
        return self.tr("Session of {team} in {unit}, {day}").format(
            team=s.team_name, unit=s.unit_name, day=local_datetime(s.started_at, with_time=False))

    def _unit(self, db, code: str | None) -> str:
        if db is None or not code:
            return ""
        from survey_app.storage.units import get_unit

        try:
            return get_unit(db, code).name
        except UserError:
            return ""


def record_text(rec: dict, ctx=None) -> str:
    """`rec` as one translated line (see ReviewRecordText.text); with `ctx`, its session and unit by name."""
    return ReviewRecordText().text(rec, ctx.db if ctx is not None else None)
