"""Dates, times and numbers as the window shows them: dd/MM/yyyy, 24 h in Huế time, the language's separators.

Times are stored in UTC; they are shown in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) whatever the laptop's
clock zone is, so a record reads the same on every laptop and in every export. Numbers use the default QLocale
the window sets for its language (vi: 1.234,5; en: 1,234.5).
"""
from __future__ import annotations

from datetime import datetime

from survey_app.qt.qt import QByteArray, QDateTime, QLocale, QTimeZone

DATE = "dd/MM/yyyy"
DATE_TIME = "dd/MM/yyyy HH:mm"
_ZONE: list = []


def hue_zone() -> QTimeZone:
    """Asia/Ho_Chi_Minh, or a fixed UTC+7 where the system has no time-zone database."""
    if not _ZONE:
        zone = QTimeZone(QByteArray(b"Asia/Ho_Chi_Minh"))
        _ZONE.append(zone if zone.isValid() else QTimeZone(7 * 3600))
    return _ZONE[0]


def parse_utc(iso: str | None) -> QDateTime | None:
    """A stored UTC ISO 8601 time ('...Z' or with an offset) as a QDateTime, or None."""
    if not iso:
        return None
    # Python reads the ISO text: QDateTime.fromString wants a Qt.DateFormat, and making the `Qt` namespace
    # (93 enums, ~30 ms) would be work for the window's first frame, whose session bar shows a time.
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000), QTimeZone.utc())


def local_datetime(iso: str | None, with_time: bool = True) -> str:
    """A stored UTC time shown in Huế time ('' when missing; the text as stored when it is not a time)."""
    dt = parse_utc(iso)
    if dt is None:
        return iso or ""
    return dt.toTimeZone(hue_zone()).toString(DATE_TIME if with_time else DATE)


def now_time() -> str:
    """The current time of day in Huế, HH:mm:ss."""
    return QDateTime.currentDateTimeUtc().toTimeZone(hue_zone()).toString("HH:mm:ss")


def number(value: float | None, decimals: int = 1) -> str:
    """A number with the language's decimal and group separators ('' when missing)."""
    if value is None:
        return ""
    return QLocale().toString(float(value), "f", decimals)


def count(value: int | None) -> str:
    """A whole number with the language's group separator (vi: 19.450)."""
    return "" if value is None else QLocale().toString(int(value))


def percent(share: float | None, decimals: int = 0) -> str:
    """A share 0..1 as a percentage in the language's format ('' when missing)."""
    return "" if share is None else QLocale().toString(100 * float(share), "f", decimals) + " %"
