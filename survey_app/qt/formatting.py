"""Dates and numbers as the user's language writes them (vi: dd/MM/yyyy, 24 h, decimal comma)."""
from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt

_FORMATS = {"vi": ("dd/MM/yyyy HH:mm", "dd/MM/yyyy"), "en": ("dd MMM yyyy HH:mm", "dd MMM yyyy")}


def local_datetime(iso: str | None, lang: str, with_time: bool = True) -> str:
    """A stored UTC ISO time shown in local time, or '' when missing."""
    if not iso:
        return ""
    dt = QDateTime.fromString(iso.replace("Z", "+00:00"), Qt.ISODateWithMs)
    if not dt.isValid():
        dt = QDateTime.fromString(iso.replace("Z", "+00:00"), Qt.ISODate)
    if not dt.isValid():
        return iso
    fmt = _FORMATS.get(lang, _FORMATS["vi"])[0 if with_time else 1]
    return QLocale().toString(dt.toLocalTime(), fmt)


def number(value: float | None, decimals: int = 1) -> str:
    """A number with the locale's decimal separator ('' when missing)."""
    if value is None:
        return ""
    return QLocale().toString(float(value), "f", decimals)


def vnd(value: float | None) -> str:
    """Vietnamese đồng: grouped, no decimals, symbol after (1.234.567 ₫)."""
    if value is None:
        return ""
    return QLocale(QLocale.Vietnamese, QLocale.Vietnam).toString(int(round(value))) + " ₫"
