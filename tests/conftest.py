"""Shared fixtures: an isolated home folder per test, its database, an AppContext and a main window; every
test fails if it leaves a thread running or a top-level widget alive (napari's habit)."""
from __future__ import annotations

import gc
import os
import sys
import threading
import time
from pathlib import Path

import pytest

os.environ["SURVEY_APP_NO_DIALOGS"] = "1"
# Databases are encrypted (SQLCipher). Tests give every data folder one fixed raw key through the environment
# (no keyring, no passphrase, no key derivation); subprocesses inherit it. Open a file with
# survey_app.storage.driver.connect_file(path), never sqlite3.connect. Tests of the keyring and passphrase
# paths unset it (monkeypatch.delenv). The login-session key cache goes to a private temporary folder.
TEST_DB_KEY = "5e" * 32
os.environ["SURVEY_APP_DB_KEY"] = TEST_DB_KEY
os.environ.pop("SURVEY_APP_PASSPHRASE", None)
if not os.environ.get("SURVEY_APP_TEST_RUNTIME_DIR"):
    import tempfile

    os.environ["SURVEY_APP_TEST_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="survey-runtime-")  # 0700
os.environ["XDG_RUNTIME_DIR"] = os.environ["SURVEY_APP_TEST_RUNTIME_DIR"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def offscreen_platform(width: int = 1366, height: int = 768, dpr: float = 1.0) -> str:
    """QT_QPA_PLATFORM value for Qt's offscreen platform with one screen of this logical size."""
    import json
    import tempfile

    config = Path(tempfile.gettempdir()) / f"survey-test-screen-{width}x{height}@{dpr}.json"
    if not config.exists():
        tmp = config.with_name(f"{config.name}.{os.getpid()}")
        tmp.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                                "height": height, "logicalDpi": 96,
                                                "logicalBaseDpi": 96, "dpr": dpr}]}))
        tmp.replace(config)   # whole or not at all: another test process may read it now
    return f"offscreen:configfile={config}"


# The window is tested on the screen surveyors have: a 1366x768 laptop (offscreen's default is 800x600).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = offscreen_platform()


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh home folder, also set as SURVEY_APP_HOME for subprocesses; language reset to Vietnamese."""
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("SURVEY_APP_HOME", str(h))
    monkeypatch.delenv("SURVEY_APP_LANG", raising=False)
    from survey_app.i18n import set_language

    set_language("vi")
    yield h
    set_language("vi")


@pytest.fixture
def db(home):
    """The migrated survey database of `home`."""
    from survey_app.paths import db_path
    from survey_app.storage.db import open_db

    database = open_db(db_path(home))
    yield database
    database.close()


@pytest.fixture
def cli(home):
    """Run `survey-app` in a subprocess on `home`: cli("units", "--json") -> CompletedProcess."""
    import subprocess

    def run(*args, lang: str | None = None, timeout: float = 120, check: bool = False, env: dict | None = None,
            input_text: str | None = None):
        e = dict(os.environ, SURVEY_APP_HOME=str(home), PYTHONIOENCODING="utf-8")
        if lang:
            e["SURVEY_APP_LANG"] = lang
        e.update(env or {})
        cmd = [sys.executable, "-m", "survey_app", *[str(a) for a in args]]
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
                              env=e, check=check, input=input_text)

    return run


@pytest.fixture
def app_ctx(qtbot, home):
    """An AppContext on `home` (Vietnamese), closed after the test."""
    from survey_app.paths import db_path, settings_path
    from survey_app.qt.app import apply_locale, install_translators
    from survey_app.qt.context import AppContext
    from survey_app.settings import Settings
    from survey_app.storage.db import open_db
    from PySide6.QtWidgets import QApplication

    settings = Settings.load(settings_path(home))
    install_translators(QApplication.instance(), settings.language)
    apply_locale(settings.language)
    database = open_db(db_path(home))
    ctx = AppContext(home, database, settings)
    yield ctx
    from survey_app.qt import runner

    runner.cancel_all()
    ctx.close()
    database.close()


@pytest.fixture
def main_window(qtbot, app_ctx):
    """A shown MainWindow on `home`."""
    from survey_app.qt.main_window import MainWindow

    window = MainWindow(app_ctx)
    window.show()
    qtbot.waitExposed(window)
    yield window
    import shiboken6

    if shiboken6.isValid(window):  # a language switch replaces (and deletes) the window
        window.close()
        window.deleteLater()


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL + PostGIS server for the whole test session (skipped if not installed)."""
    from pg_support import PgCluster, has_postgis, pg_bin

    if pg_bin() is None or not has_postgis():
        pytest.skip("PostgreSQL + PostGIS not installed (apt-get install postgresql postgis)")
    cluster = PgCluster().start()
    yield cluster
    cluster.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def central_db(request, tmp_path, monkeypatch) -> str:
    """The receiver's database, once per back end: a SQLite file path, or a fresh PostgreSQL database URL
    (its receiver identity in the test's folder: SURVEY_CENTRAL_KEYS)."""
    if request.param == "sqlite":
        return str(tmp_path / "central.db")
    monkeypatch.setenv("SURVEY_CENTRAL_KEYS", str(tmp_path / "central-keys"))
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def receiver(tmp_path):
    """The reference receiver on 127.0.0.1 with one registered device (tests/core/sync_support.Receiver)."""
    pytest.importorskip("fastapi")
    if str(ROOT / "tests" / "core") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests" / "core"))
    from sync_support import Receiver

    r = Receiver(tmp_path)
    yield r
    r.stop()


@pytest.fixture
def english():
    """Core messages in English for the test (restored afterwards)."""
    from survey_app.i18n import get_language, set_language

    before = get_language()
    set_language("en")
    yield
    set_language(before)


LEAK_GRACE_S = 5.0   # how long a stopped thread may take to end


def _live_threads(before: set) -> list[threading.Thread]:
    return [t for t in threading.enumerate()
            if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)]


def _top_level_widgets() -> set:
    if "PySide6.QtWidgets" not in sys.modules:
        return set()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return set(app.topLevelWidgets()) if app is not None else set()


def _leaked_widgets(before: set) -> list:
    from PySide6.QtCore import QCoreApplication, QEvent
    import shiboken6

    gc.collect()   # widgets only Python held go now
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)   # and those closed with deleteLater()
    # Popups (combo lists, tooltips) are windows with a parent, deleted with it: only orphans leak. Menus are
    # left out: pyqtgraph makes its context menus without a parent and keeps them with its (Python) items.
    return [w for w in _top_level_widgets() - before
            if shiboken6.isValid(w) and w.parentWidget() is None and not w.inherits("QMenu")]


def _qt_threads_done() -> bool:
    if "PySide6.QtCore" not in sys.modules:
        return True
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().waitForDone(int(LEAK_GRACE_S * 1000))


@pytest.fixture(autouse=True)
def no_leaks(request):
    """Fail a test that leaves a thread running (Python or the Qt thread pool) or a top-level widget alive."""
    threads = set(threading.enumerate())
    widgets = _top_level_widgets()
    yield
    if request.node.get_closest_marker("allow_leaks"):
        return
    deadline = time.monotonic() + LEAK_GRACE_S
    while _live_threads(threads) and time.monotonic() < deadline:
        time.sleep(0.02)   # a stopped worker ends on its own; nothing else to wait on
    alive = [t.name for t in _live_threads(threads)]
    assert not alive, f"threads still running after the test: {alive}"
    assert _qt_threads_done(), "Qt thread-pool tasks still running after the test"
    if "PySide6.QtWidgets" in sys.modules:
        leaked = [f"{type(w).__name__}({w.objectName()!r})" for w in _leaked_widgets(widgets)]
        assert not leaked, f"top-level widgets left alive after the test: {leaked}"
