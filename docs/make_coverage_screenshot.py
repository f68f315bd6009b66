"""The review map at 1366x768 with the generated test basemap and hexagons: docs/screenshots/coverage_review_map.png.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_coverage_screenshot.py  (about a minute; uses a temporary home)
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
BOUNDARIES = ROOT.parent / "shared" / "reference" / "hue_units_2025.geojson"
OUT = ROOT / "docs" / "screenshots" / "coverage_review_map.png"


def main(lang: str = "vi") -> None:
    from PySide6.QtWidgets import QApplication

    from survey_app.coverage.basemap import import_file
    from survey_app.coverage.demo_tiles import make
    from survey_app.paths import db_path
    from survey_app.qt.app import apply_locale, install_translators
    from survey_app.qt.context import AppContext
    from survey_app.qt.views.review_page import ReviewPage
    from survey_app.qt.widgets.review_map import project
    from survey_app.review.boundaries import import_geojson
    from survey_app.demo.survey import DemoSpec, generate
    from survey_app.settings import Settings
    from survey_app.storage.db import open_db
    from survey_app.storage.records import context_for

    home = Path(tempfile.mkdtemp())
    db = open_db(db_path(home))
    if BOUNDARIES.exists():
        import_geojson(db, BOUNDARIES)
    for _p in generate(db, DemoSpec(households=600, readings=40_000, speedtests=800, seed=3), context_for(db)):
        pass
    make(home / "hue.mbtiles", zooms=(10, 15), box=(107.53, 16.42, 107.65, 16.51))
    import_file(home, home / "hue.mbtiles")
    app = QApplication.instance() or QApplication([])
    install_translators(app, lang)
    apply_locale(lang)
    page = ReviewPage(AppContext(home, db, Settings(language=lang)))
    page.resize(1366, 768)
    page.show()
    page.tabs.setCurrentIndex(2)
    done = []
    page.coverage_bar.hexagons_loaded.connect(done.append)
    page.coverage_bar.hex_check.setChecked(True)
    while not done:
        app.processEvents()
    view = page.city_map
    view.resetTransform()
    view.scale(0.35, 0.35)
    view.centerOn(*project(107.585, 16.462))
    app.processEvents()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(OUT))
    page.shutdown()
    print(OUT)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
