#!/usr/bin/env python3
"""Cold start to a shown main window, against a bare PySide6 window (QApplication + one QLabel) in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 9]

Each run is a fresh process (interpreter start included, as a surveyor waits for it) that prints the wall-clock
time at which its window is shown; the app also prints when its first page is built (pages are built right after
the window appears). Runs alternate app/bare so machine load hits both alike. Goal: app within 2.5x of bare.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

BARE = (
    "import sys, time\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication(sys.argv)\n"
    "w = QLabel('Xin chào Huế'); w.show()\n"
    "print(f'startup: window shown at {time.time():.6f}', file=sys.stderr, flush=True)\n"
    "QTimer.singleShot(0, w.close)\n"
    "sys.exit(app.exec())\n"
)


def timed(cmd: list[str], env: dict) -> dict[str, float]:
    t0 = time.time()
    out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    marks = {m.group(1): float(m.group(2)) - t0 for m in re.finditer(r"startup: (.+?) at ([\d.]+)", out.stderr)}
    marks["exit"] = time.time() - t0
    return marks


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=9)
    args = p.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               SURVEY_APP_QUIT_AFTER_SHOW="1")
    with tempfile.TemporaryDirectory() as home:
        env["SURVEY_APP_HOME"] = home
        app_cmd = [sys.executable, "-m", "survey_app"]
        bare_cmd = [sys.executable, "-c", BARE]
        timed(app_cmd, env)  # the first run creates the database: not a start-up a surveyor repeats
        timed(bare_cmd, env)
        app, bare = [], []
        for _ in range(args.runs):
            app.append(timed(app_cmd, env))
            bare.append(timed(bare_cmd, env))

    def med(runs, key):
        return statistics.median(r[key] for r in runs) * 1000

    b = med(bare, "window shown")
    a = med(app, "window shown")
    page = med(app, "first page ready")
    print(f"runs: {args.runs} each, alternating")
    print(f"bare PySide6 window shown:  median {b:.0f} ms")
    print(f"survey-app window shown:    median {a:.0f} ms  ({a / b:.2f}x bare; goal <= 2.5x)")
    print(f"survey-app first page ready: median {page:.0f} ms  ({page / b:.2f}x bare)")
    return 0 if a / b <= 2.5 else 1


if __name__ == "__main__":
    sys.exit(main())
