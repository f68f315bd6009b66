#!/usr/bin/env python3
"""Screenshots of the real window for the guide: one PNG per page per language, in docs/screenshots/guide/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--lang vi en] [--pages session ...]

Builds a temporary home that looks like a day of work (the synthetic survey of `survey-app demo-data` when the
build has it, an open session, the demo emulated modems, GPS and local speed-test server), opens the main window
at 1366x728 (a 1366x768 laptop screen above its taskbar) in each language and grabs every page. Run it after changing a page so the guide matches the window;
tests/qt/test_guide_screenshots.py checks that this list of pages is main_window.PAGES and that the guide names
only screenshots that exist.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "guide"
LANGUAGES = ("vi", "en")
# Must be the keys of survey_app.qt.main_window.PAGES, in that order (a test checks it).
PAGE_SHOTS = ["session", "speedtest", "signal", "households", "review", "coverage", "transfer", "privacy", "settings"]
SIZE = (1366, 728)   # the window maximized on a 1366x768 screen with a 40-pixel taskbar
SCREEN = (1366, 768)
SETTLE_S = 2.0  # let live pages (signal plot, status bar) draw a few updates before the grab
UNIT = "19753"  # Phường Phú Xuân


# What the window looks like is decided by these files; their fingerprint is stored beside the screenshots so a
# test can tell when the screenshots no longer match the window.
WINDOW_SOURCES = ["survey_app/qt/*.py", "survey_app/qt/views/*.py", "survey_app/qt/widgets/*.py",
                  "ui/*.ui", "resources/i18n/*.ts"]
MANIFEST = OUT / "manifest.json"


def window_fingerprint(root: Path = ROOT) -> str:
    """SHA-256 over the window's source files (paths and contents, line endings normalised)."""
    import hashlib

    digest = hashlib.sha256()
    files = sorted({p for pattern in WINDOW_SOURCES for p in root.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def write_manifest(pages: list[str], fingerprint: str) -> None:
    """Record which pages were grabbed from which window sources."""
    import json

    MANIFEST.write_text(json.dumps({"window_fingerprint": fingerprint, "pages": pages,
                                    "languages": list(LANGUAGES), "size": list(SIZE)}, indent=2) + "\n",
                        encoding="utf-8")


def offscreen_screen(width: int, height: int, dpr: float = 1.0) -> str:
    """QT_QPA_PLATFORM for Qt's offscreen platform with one screen of this logical size (device pixels x dpr)."""
    import json

    config = Path(tempfile.gettempdir()) / f"survey-screen-{width}x{height}@{dpr}.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": dpr}]}))
    return f"offscreen:configfile={config}"


def shot_path(key: str, lang: str) -> Path:
    """Where the screenshot of page `key` in `lang` is stored."""
    return OUT / f"{key}.{lang}.png"


def make_home(home: Path) -> None:
    """Fill `home` with a small synthetic survey (if the build has demo-data) and settings for the guide."""
    from survey_app.cli import main as cli_main
    from survey_app.paths import settings_path
    from survey_app.settings import Settings

    settings = Settings.load(settings_path(home))
    settings.surveyor, settings.team = "Nguyễn Thị Lan", "Tổ 1"
    settings.speedtest_duration_s, settings.signal_interval_s = 4.0, 1.0
    settings.save(settings_path(home))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            cli_main(["--home", str(home), "demo-data", "--households", "120", "--readings", "2000",
                      "--speedtests", "60", "--seed", "455", "--json"])
        except SystemExit:  # no demo-data command in this build: pages show an empty database
            pass


def open_session(db, settings) -> str:
    """The open session to show: one of the synthetic survey's (it has households, tests and readings), else new."""
    from survey_app.storage.records import context_for
    from survey_app.storage.sessions import count_records, list_sessions, new_session

    candidates = [(sum(count_records(db, s.id).values()), s.id) for s in list_sessions(db, status="open")]
    if candidates:
        return max(candidates)[1]
    session = new_session(db, context_for(db, settings.surveyor), unit_code=UNIT, team=settings.team,
                          surveyors=[settings.surveyor, "Trần Văn Minh"], notes="")
    return session.id


def _speed_test_scene(app, page) -> None:
    """Run a short test against the local server so the page shows a live plot, a result card and history."""
    button = getattr(page, "start_button", None)
    if button is None or not button.isEnabled():
        print("  (speed test page has no enabled start_button: shown as it opens)", flush=True)
        return
    button.click()
    end = time.monotonic() + 60
    settle(app, 1.0)
    while time.monotonic() < end and not button.isEnabled():
        settle(app, 0.2)
    settle(app, 0.5)  # the verdict and history are laid out after the test ends


def _signal_scene(app, page) -> None:
    """Let the emulated modems be polled long enough to draw a curve (the interval is 1 s in this home)."""
    settle(app, 10.0)


def _select_first_row(app, page) -> None:
    """Select the first row of the page's first table, so its details show."""
    from PySide6.QtWidgets import QAbstractItemView

    views = [v for v in page.findChildren(QAbstractItemView) if v.isVisible() and v.model() is not None
             and v.model().rowCount() > 0]
    if views:
        views[0].setCurrentIndex(views[0].model().index(0, 0))
        if hasattr(views[0], "selectRow"):
            views[0].selectRow(0)
    settle(app, 2.0)


# Optional per-page preparation before the grab; a page that changed shape is shown as it opens.
SCENES = {"speedtest": _speed_test_scene, "signal": _signal_scene, "households": _select_first_row,
          "review": _select_first_row}


def tab_shot_path(key: str, n: int, lang: str) -> Path:
    """Where the screenshot of the n-th tab (1-based; the first is the page's own shot) of a page is stored."""
    return OUT / f"{key}-{n}.{lang}.png"


def grab_other_tabs(app, window, page, key: str, lang: str) -> list[Path]:
    """Further views of a page: every tab after the first (TABBED_PAGES), then EXTRA_VIEWS, as key-2, key-3, ..."""
    from PySide6.QtWidgets import QTabWidget

    steps = []
    tabs = page.findChild(QTabWidget) if key in TABBED_PAGES else None
    if tabs is not None:
        steps += [lambda i=i: tabs.setCurrentIndex(i) or True for i in range(1, tabs.count())]
    steps += [lambda fn=fn: fn(app, page) for fn in EXTRA_VIEWS.get(key, [])]
    out = []
    for step in steps:
        if not step():
            continue
        settle(app, SETTLE_S)
        path = tab_shot_path(key, len(out) + 2, lang)
        window.grab().save(str(path))
        out.append(path)
        print(path.relative_to(ROOT), flush=True)
    if tabs is not None:
        tabs.setCurrentIndex(0)
    return out


def _open_first_interview(app, page) -> bool:
    """The household page's interview form, showing the first household of the list."""
    opener = getattr(page, "open_selected", None)
    if opener is None:
        return False
    return opener() is not None


# Pages whose further tabs the guide shows too (sync/export, review's indicators and map).
TABBED_PAGES = {"transfer", "review"}
# Further views worth a screenshot: fn(app, page) -> True if it changed what the page shows.
EXTRA_VIEWS = {"households": [_open_first_interview]}


def settle(app, seconds: float) -> None:
    """Process events for a while (pages load in the background, plots update)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def grab_all(home: Path, langs: list[str], pages: list[str]) -> list[Path]:
    """Open the window on `home` in each language and save each page; returns the files written."""
    from PySide6.QtWidgets import QApplication

    from survey_app.demo.services import DemoServices
    from survey_app.i18n import set_language
    from survey_app.paths import db_path, settings_path
    from survey_app.qt import runner
    from survey_app.qt.app import apply_locale, install_translators
    from survey_app.qt.context import AppContext
    from survey_app.qt.main_window import MainWindow
    from survey_app.settings import Settings
    from survey_app.storage.db import open_db

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings.load(settings_path(home))
    db = open_db(db_path(home))
    settings.extra["last_session_id"] = open_session(db, settings)
    demo = DemoServices().start(home, settings)  # emulated modems/GPS and the local speed-test server
    written = []
    try:
        for lang in langs:
            settings.language = lang
            set_language(lang)
            install_translators(app, lang)
            apply_locale(lang)
            ctx = AppContext(home, db, settings)
            window = MainWindow(ctx)
            window.resize(*SIZE)
            window.show()
            settle(app, 0.5)
            for key in pages:
                page = window.show_page(key)
                settle(app, SETTLE_S)
                if key in SCENES:
                    SCENES[key](app, page)
                    settle(app, 0.5)   # what the scene stored reaches every view (storage change signal)
                path = shot_path(key, lang)
                path.parent.mkdir(parents=True, exist_ok=True)
                if not window.grab().save(str(path)):
                    raise SystemExit(f"could not write {path}")
                written.append(path)
                print(path.relative_to(ROOT), flush=True)
                written += grab_other_tabs(app, window, page, key, lang)
            window.close_now()
            runner.cancel_all()
            ctx.close()
            settle(app, 0.3)
    finally:
        demo.stop()
        db.close()
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    p.add_argument("--pages", nargs="+", choices=PAGE_SHOTS, default=PAGE_SHOTS)
    args = p.parse_args(argv)
    if len(args.lang) > 1:
        # One process per language: a second main window in the same process has crashed inside
        # pyqtgraph's painting (PySide6 6.12 refcount error), and a fresh process is what a surveyor gets anyway.
        fingerprint = window_fingerprint()  # of the sources the grabs below are made from
        for lang in args.lang:
            code = subprocess.run([sys.executable, __file__, "--lang", lang, "--pages", *args.pages]).returncode
            if code:
                return code
        if args.pages == PAGE_SHOTS:
            write_manifest(args.pages, fingerprint)
        return 0
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_screen(*SCREEN)
    os.environ["SURVEY_APP_NO_DIALOGS"] = "1"
    # The throwaway data folder is encrypted like any other: a raw key of this run (no keyring, no prompt).
    os.environ.setdefault("SURVEY_APP_DB_KEY", secrets.token_hex(32))
    # A fixed path, so device paths in the screenshots do not change from one run to the next; a lock, so two
    # checkouts taking screenshots at once (several engineers on one machine) do not share its emulated devices.
    import fcntl

    home = Path(tempfile.gettempdir()) / "survey-guide"
    lock = open(Path(tempfile.gettempdir()) / "survey-guide.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    try:
        os.environ["SURVEY_APP_HOME"] = str(home)
        make_home(home)
        grab_all(home, args.lang, args.pages)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    sys.stdout.flush()
    # Skip interpreter finalisation: PySide6 can abort while garbage-collecting Qt objects at exit.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
