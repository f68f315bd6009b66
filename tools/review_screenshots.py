#!/usr/bin/env python3
"""Screenshots of the Review page, the Indicators view and the map for the README (real window, offscreen).

  .venv/bin/python tools/review_screenshots.py [--boundaries ../shared/reference/hue_units_2025.geojson] [--lang vi]

Makes a demo survey (fixed seed) in a temporary home, optionally imports boundaries there (nothing is committed
but the PNG files), and saves docs/screenshots/review_page.png, review_indicators.png and review_map.png.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--boundaries")
    ap.add_argument("--lang", default="vi")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="review_shots_"))
    env = dict(os.environ, SURVEY_APP_HOME=str(home))
    run = [sys.executable, "-m", "survey_app", "--lang", args.lang]
    subprocess.run(run + ["demo-data", "--households", "12000", "--readings", "80000", "--speedtests", "4000",
                          "--seed", "2026"], env=env, check=True, capture_output=True)
    if args.boundaries:
        subprocess.run(run + ["boundaries", "import", args.boundaries], env=env, check=True, capture_output=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from survey_app.i18n import set_language
    from survey_app.paths import db_path, settings_path
    from survey_app.qt.app import apply_locale, install_translators
    from survey_app.qt.context import AppContext
    from survey_app.qt.views.review_page import ReviewPage
    from survey_app.settings import Settings
    from survey_app.storage.db import open_db

    settings = Settings.load(settings_path(home))
    settings.language = args.lang
    set_language(args.lang)
    install_translators(app, args.lang)
    apply_locale(args.lang)
    ctx = AppContext(home, open_db(db_path(home)), settings)
    page = ReviewPage(ctx)
    page.resize(1400, 860)
    page.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def settle(cond=lambda: True, timeout=60.0):
        end = time.time() + timeout
        while time.time() < end and not cond():
            app.processEvents()
            time.sleep(0.02)
        for _ in range(5):
            app.processEvents()

    page.flagged_check.setChecked(True)
    page.select_row(0)
    settle()
    page.grab().save(str(out / "review_page.png"))
    page.tabs.setCurrentWidget(page.indicators)
    settle(lambda: page.indicators.result is not None)
    page.grab().save(str(out / "review_indicators.png"))
    page.tabs.setCurrentIndex(2)
    settle(lambda: page.map_task is not None and not page.map_task.is_running())
    page.grab().save(str(out / "review_map.png"))
    page.shutdown()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
