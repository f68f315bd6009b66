"""Dates, times and numbers as the window writes them: dd/MM/yyyy, Huế time whatever the laptop's zone, the
language's separators."""
from __future__ import annotations

import os
import subprocess
import sys


def test_times_are_shown_in_hue_time_whatever_the_laptops_clock_zone():
    code = ("from survey_app.qt.formatting import local_datetime\n"
            "print(local_datetime('2026-05-29T23:30:00.000Z'), local_datetime('2026-05-29T23:30:00Z', False))")
    for zone in ("UTC", "America/New_York", "Asia/Tokyo"):
        out = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, TZ=zone), capture_output=True,
                             text=True, timeout=60)
        assert out.stdout.split() == ["30/05/2026", "06:30", "30/05/2026"], (zone, out.stdout, out.stderr)


def test_numbers_follow_the_language(qtbot):
    from PySide6.QtCore import QLocale

    from survey_app.qt.app import apply_locale
    from survey_app.qt.formatting import count, local_datetime, number, percent

    old = QLocale()
    try:
        apply_locale("vi")
        assert (number(1234.5), count(19450), percent(0.953)) == ("1.234,5", "19.450", "95 %")
        apply_locale("en")
        assert (number(1234.5), count(19450)) == ("1,234.5", "19,450")
        assert local_datetime("2026-01-02T03:04:05Z") == "02/01/2026 10:04"    # dd/MM/yyyy in English too
        assert local_datetime("not a time") == "not a time" and local_datetime(None) == ""
    finally:
        QLocale.setDefault(old)
