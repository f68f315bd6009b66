"""Shared fixtures: an isolated home folder per test, its database, an AppContext and a main window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SURVEY_APP_NO_DIALOGS"] = "1"
# Databases are encrypted (SQLCipher). Tests give every data folder one fixed raw key through the environment
# (no keyring, no passphrase, no key derivation); subprocesses inherit it. Open a file with
# survey_app.storage.engine.connect_file(path), never sqlite3.connect. Tests of the keyring and passphrase
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
