#!/usr/bin/env python3
"""Supervisor review at census scale (issue 6), against the issue's anchors, in one run.

  .venv/bin/python bench/bench_review.py [--scale 1.0] [--home DIR] [--reuse]

1. `survey-app demo-data` makes 300,000 households (~1.1 M members), 2,000,000 signal readings and 50,000 speed
   tests (times --scale) in a fresh home, then runs the quality checks: anchor < 3 min.
2. A separate process opens the Review page offscreen on that database and measures: first rows (< 1 s),
   filters and sorts (< 200 ms each), the indicator table (< 2 s), the city map sample, and its peak memory
   (< 1 GB).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANCHORS = {"demo_data_s": 180.0, "first_rows_s": 1.0, "filter_sort_s": 0.2, "indicators_s": 2.0, "peak_mb": 1024.0}


def gui_phase(home: str) -> dict:
    """Runs in a child process: the Review page on the census database."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from survey_app.paths import db_path, settings_path
    from survey_app.qt.app import apply_locale, install_translators
    from survey_app.qt.context import AppContext
    from survey_app.settings import Settings
    from survey_app.storage.db import open_db

    out: dict = {}
    settings = Settings.load(settings_path(Path(home)))
    install_translators(app, settings.language)
    apply_locale(settings.language)
    db = open_db(db_path(Path(home)))
    ctx = AppContext(Path(home), db, settings)
    from PySide6.QtCore import Qt

    from survey_app.qt.views.review_page import ReviewPage

    t = time.perf_counter()
    page = ReviewPage(ctx)
    page.resize(1300, 800)
    page.show()
    app.processEvents()
    out["first_rows_s"] = time.perf_counter() - t
    out["rows_loaded"] = page.model.rowCount()
    out["sessions"] = page.model.total

    def timed(name, action):
        t0 = time.perf_counter()
        action()
        app.processEvents()
        out.setdefault("filter_sort", {})[name] = round(time.perf_counter() - t0, 4)

    timed("unit filter", lambda: page.unit_combo.setCurrentIndex(page.unit_combo.findData("19753")))
    timed("status filter", lambda: page.status_combo.setCurrentIndex(page.status_combo.findData("approved")))
    timed("flagged only", lambda: page.flagged_check.setChecked(True))
    timed("flag kind", lambda: page.flag_combo.setCurrentIndex(page.flag_combo.findData("speedtest_failed")))
    timed("clear filters", page.clear_button.click)
    timed("sort by flags", lambda: page.table.sortByColumn(8, Qt.DescendingOrder))
    timed("sort by households", lambda: page.table.sortByColumn(5, Qt.AscendingOrder))
    timed("sort by unit", lambda: page.table.sortByColumn(1, Qt.AscendingOrder))
    timed("text search", lambda: (page.search_edit.setText("Đội 2005"), page.apply_filters()))
    page.clear_filters()
    timed("scroll: next page", lambda: page.model.fetchMore())
    t = time.perf_counter()
    page.select_row(0)   # detail: flags, timeline (first use imports pyqtgraph), tests, households, map
    app.processEvents()
    out["open_session_s"] = time.perf_counter() - t
    from survey_app.review.indicators import compute

    t = time.perf_counter()
    table = compute(db, settings)
    out["indicators_s"] = time.perf_counter() - t
    t = time.perf_counter()
    compute(db, settings, include_all=True)
    out["indicators_all_s"] = time.perf_counter() - t
    out["city_residents"] = table.city.residents
    from survey_app.qt.views.review_page import map_points_in_worker

    t = time.perf_counter()
    rows = map_points_in_worker(ctx.db_path, "rsrp", None)
    page.city_map.set_points("signal_readings", "rsrp", rows)
    app.processEvents()
    out["map_points"] = len(rows)
    out["map_s"] = time.perf_counter() - t
    page.shutdown()
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--home")
    ap.add_argument("--reuse", action="store_true", help="skip demo-data, reuse --home")
    ap.add_argument("--gui-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.gui_child:
        print(json.dumps(gui_phase(args.gui_child)))
        return 0
    home = args.home or tempfile.mkdtemp(prefix="bench_review_")
    hh, rd, st = (int(x * args.scale) for x in (300_000, 2_000_000, 50_000))
    env = dict(os.environ, SURVEY_APP_HOME=home, PYTHONIOENCODING="utf-8")
    result: dict = {"home": home, "households": hh, "readings": rd, "speed_tests": st}
    if not args.reuse:
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "survey_app", "--lang", "en", "demo-data", "--households", str(hh),
                            "--readings", str(rd), "--speedtests", str(st), "--seed", "2026", "--json"],
                           env=env, capture_output=True, text=True, cwd=ROOT)
        result["demo_data_s"] = time.perf_counter() - t
        if p.returncode:
            print(p.stderr)
            return 1
        made = json.loads(p.stdout)
        result["demo_generate_s"] = made["seconds"]
        result["checks_s"] = made["checks"]["seconds"]
        result["counts"] = made["counts"]
        result["demo_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        result["db_mb"] = round(Path(home, "survey.db").stat().st_size / 2**20)
    p = subprocess.run([sys.executable, __file__, "--gui-child", home], env=env, capture_output=True, text=True,
                       cwd=ROOT)
    if p.returncode:
        print(p.stderr)
        return 1
    result.update(json.loads(p.stdout.strip().splitlines()[-1]))
    worst = max(result["filter_sort"].values())
    checks = [("demo-data (made + checked)", result.get("demo_data_s"), ANCHORS["demo_data_s"], "s"),
              ("Review page first rows", result["first_rows_s"], ANCHORS["first_rows_s"], "s"),
              ("slowest filter/sort", worst, ANCHORS["filter_sort_s"], "s"),
              ("indicator table", result["indicators_s"], ANCHORS["indicators_s"], "s"),
              ("Review page peak memory", result["peak_mb"], ANCHORS["peak_mb"], "MB"),
              ("demo-data peak memory", result.get("demo_peak_mb"), ANCHORS["peak_mb"], "MB")]
    print(json.dumps(result, indent=2, ensure_ascii=False))
    print()
    for name, value, anchor, unit in checks:
        if value is None:
            continue
        print(f"{name:30s} {value:10.3f} {unit:3s} anchor < {anchor:g} {unit}  {'PASS' if value < anchor else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
