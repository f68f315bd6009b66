#!/usr/bin/env python3
"""Cold start of the frozen app (dist/survey-app) against the same app from the venv and a bare PySide6 window.

    python build_installer.py bundle
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_frozen_startup.py [--runs 9] [--exe PATH] [--source DIR]

bench_startup.py's method: each run is a fresh process that prints when its window is shown and when its first
page is built (SURVEY_APP_QUIT_AFTER_SHOW=1), measured from just before the process starts. The three alternate
so machine load hits them alike; the first run of each is discarded (it creates the database and warms the disk
cache: a laptop's very first start after unpacking is slower than any figure here). The data folder is encrypted
and its key comes from the login session (SURVEY_APP_PASSPHRASE, cached in a private XDG_RUNTIME_DIR), as in
bench_startup.py. `--source DIR` times the source install from another checkout (e.g. `git archive main`): the
frozen build should be of the same sources. Goal (issue 20): frozen within 1.2x the source install.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("bench_startup", ROOT / "bench" / "bench_startup.py")
bench_startup = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_startup)


def main() -> int:
    from installer import freeze

    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--exe", type=Path, default=freeze.executable(freeze.GUI_NAME), help="frozen GUI executable")
    p.add_argument("--drop-caches", action="store_true",
                   help="also time one start with the page cache emptied first (Linux, root): a laptop's first start")
    p.add_argument("--source", default=str(ROOT), help="checkout whose survey_app the venv runs (default: this one)")
    args = p.parse_args()
    if not args.exe.exists():
        sys.exit(f"{args.exe} not found: python build_installer.py bundle")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               SURVEY_APP_QUIT_AFTER_SHOW="1", SURVEY_APP_PASSPHRASE="bench passphrase", PYTHONPATH=args.source)
    env.pop("SURVEY_APP_DB_KEY", None)
    cmds = {"frozen": [str(args.exe)], "venv": [sys.executable, "-m", "survey_app"],
            "bare": [sys.executable, "-c", bench_startup.BARE]}
    runs: dict[str, list[dict]] = {k: [] for k in cmds}
    cold = None
    with tempfile.TemporaryDirectory() as tmp:
        home, runtime = os.path.join(tmp, "home"), os.path.join(tmp, "run")
        os.mkdir(runtime, 0o700)
        env.update(SURVEY_APP_HOME=home, XDG_RUNTIME_DIR=runtime)
        if args.drop_caches:
            os.sync()
            Path("/proc/sys/vm/drop_caches").write_text("3\n")
            cold = bench_startup.timed(cmds["frozen"], env)  # also creates the database, as a first start does
        for cmd in cmds.values():
            bench_startup.timed(cmd, env)
        for _ in range(args.runs):
            for key, cmd in cmds.items():
                runs[key].append(bench_startup.timed(cmd, env))

    def med(key, mark):
        return statistics.median(r[mark] for r in runs[key]) * 1000

    bare = med("bare", "window shown")
    print(f"runs: {args.runs} each, alternating; frozen = {args.exe}; source = {args.source}")
    print(f"bare PySide6 window shown (venv): median {bare:.0f} ms; CPU {med('bare', 'cpu'):.0f} ms")
    for key in ("venv", "frozen"):
        shown, page, end = med(key, "window shown"), med(key, "first page ready"), med(key, "exit")
        print(f"survey-app {key:6} window shown: median {shown:.0f} ms ({shown / bare:.2f}x bare); "
              f"first page ready {page:.0f} ms; process exit {end:.0f} ms; CPU start to exit {med(key, 'cpu'):.0f} ms")
    ratio = med("frozen", "window shown") / med("venv", "window shown")
    cpu_ratio = med("frozen", "cpu") / med("venv", "cpu")
    print(f"frozen / source install: window shown {ratio:.2f}x, CPU {cpu_ratio:.2f}x (goal <= 1.2x)")
    if cold:
        print(f"survey-app frozen, page cache emptied, new database: window shown {cold['window shown'] * 1000:.0f} ms;"
              f" first page ready {cold['first page ready'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
