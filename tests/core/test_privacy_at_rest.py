"""Encrypted at rest: survey.db, its backups and the receiver's store are SQLCipher files; keys; file modes."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from survey_app.storage import dbkey
from survey_app.storage.driver import PLAIN_HEADER, connect_file
from privacy_support import make_plain_copy, open_to_others, plain_sqlite_files, table_rows

POSIX = os.name == "posix"


def _unreadable_by_stdlib(path) -> None:
    assert path.read_bytes()[:16] != PLAIN_HEADER, path
    conn = sqlite3.connect(str(path))
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _fill(cli, home) -> None:
    out = cli("demo-data", "--households", "12", "--readings", "40", "--speedtests", "6", "--seed", "3")
    assert out.returncode == 0, out.stderr


def test_new_database_and_backups_are_encrypted_and_private(cli, home, monkeypatch):
    _fill(cli, home)
    listed = cli("sessions", "list", "--json")
    assert listed.returncode == 0 and listed.stdout.count('"id"') >= 1
    _unreadable_by_stdlib(home / "survey.db")
    from survey_app.storage import migrations
    from survey_app.storage.db import open_db

    import sys
    import types

    mod = types.ModuleType("survey_app_test_migration_privacy")
    mod.migrate = lambda db: db.execute("CREATE TABLE extra_test (x INTEGER)")
    sys.modules[mod.__name__] = mod
    monkeypatch.setattr(migrations, "MIGRATION_MODULES", migrations.MIGRATION_MODULES + [("9999_t", mod.__name__)])
    open_db(home / "survey.db").close()
    backups = list((home / "backups").glob("*.db"))
    assert backups
    for b in backups:
        _unreadable_by_stdlib(b)
        assert connect_file(b).execute("SELECT count(*) FROM units").fetchone()[0] == 40
    assert plain_sqlite_files(home) == []
    if POSIX:
        assert open_to_others(home) == []  # after a first run: folder 0700, files 0600


def test_plain_database_of_the_previous_release_is_encrypted_in_place(cli, home, tmp_path):
    _fill(cli, home)
    before = table_rows(home / "survey.db")
    old = tmp_path / "old"
    old.mkdir()
    make_plain_copy(home / "survey.db", old / "survey.db")
    (old / "backups").mkdir()
    make_plain_copy(home / "survey.db", old / "backups" / "survey-20260101-000000-before-0004.db")
    if POSIX:  # what an older release left: readable by everyone
        for p in [old, old / "backups"]:
            os.chmod(p, 0o755)
        for p in old.rglob("*.db"):
            os.chmod(p, 0o644)
    assert len(plain_sqlite_files(old)) == 2
    out = cli("--home", old, "sessions", "list", "--json")
    assert out.returncode == 0, out.stderr
    _unreadable_by_stdlib(old / "survey.db")
    assert table_rows(old / "survey.db") == before  # nothing lost
    names = sorted(p.name for p in (old / "backups").iterdir())
    assert any(n.endswith("-before-encryption.db") for n in names) and not any(".part" in n for n in names)
    assert plain_sqlite_files(old) == []  # the plain copy is gone, older backups encrypted too
    assert not list(old.glob("*.part")) and not list(old.glob("*-wal"))
    for b in (old / "backups").glob("*.db"):
        assert table_rows(b) == before
    if POSIX:
        assert open_to_others(old) == []  # after an upgrade


def test_wrong_passphrase_is_refused_and_nothing_is_touched(cli, home, monkeypatch, tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.delenv("SURVEY_APP_DB_KEY")
    env = {"SURVEY_APP_PASSPHRASE": "đúng mật khẩu 1", "XDG_RUNTIME_DIR": str(runtime)}
    assert cli("sessions", "new", "--unit", "19753", "--team", "T", "--surveyor", "Lan", env=env).returncode == 0
    info = (home / dbkey.KEY_FILE).read_text()
    assert '"passphrase"' in info and "đúng" not in info
    # the login-session cache opens it without the passphrase...
    assert cli("sessions", "list", env={"XDG_RUNTIME_DIR": str(runtime)}).returncode == 0
    # ...a new login session (empty cache) with the wrong one does not, and changes nothing
    files = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    fresh = tmp_path / "run2"
    fresh.mkdir(mode=0o700)
    out = cli("sessions", "new", "--unit", "19753", "--team", "T", "--surveyor", "Lan",
              env={"SURVEY_APP_PASSPHRASE": "sai mật khẩu", "XDG_RUNTIME_DIR": str(fresh)})
    assert out.returncode == 2 and "Sai cụm mật khẩu" in out.stderr and "Traceback" not in out.stderr
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == files
    assert list(fresh.rglob("*.key")) == []
    out = cli("sessions", "list", "--json", env={"XDG_RUNTIME_DIR": str(fresh)})  # no terminal, no passphrase
    assert out.returncode == 2 and "SURVEY_APP_PASSPHRASE" in out.stderr
    ok = cli("sessions", "list", "--json", env={**env, "XDG_RUNTIME_DIR": str(fresh)})
    assert ok.returncode == 0 and ok.stdout.count('"id"') == 1


class MemoryKeyring:
    """A keyring back end in memory (the real keyring API; no desktop service here)."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict = {}

    def get_password(self, service, user):
        return self.store.get((service, user))

    def set_password(self, service, user, secret):
        self.store[(service, user)] = secret

    def delete_password(self, service, user):
        self.store.pop((service, user), None)


def test_key_from_the_keyring_and_a_missing_keyring(home, monkeypatch, tmp_path):
    import keyring
    import keyring.backend
    import keyring.backends.fail

    from survey_app.errors import KeyUnavailable
    from survey_app.storage.db import open_db

    backend = type("Mem", (MemoryKeyring, keyring.backend.KeyringBackend), {})()
    monkeypatch.delenv("SURVEY_APP_DB_KEY")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    os.chmod(tmp_path, 0o700)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        db = open_db(home / "survey.db")
        db.close()
        assert '"keyring"' in (home / dbkey.KEY_FILE).read_text()
        assert len(backend.store) == 1
        for cached in (tmp_path / "survey-app").glob("*.key"):  # a new login session: only the keyring has it
            cached.unlink()
        dbkey.forget()
        open_db(home / "survey.db").close()
        dbkey.forget()
        for cached in (tmp_path / "survey-app").glob("*.key"):
            cached.unlink()
        before = (home / "survey.db").read_bytes()
        keyring.set_keyring(keyring.backends.fail.Keyring())
        with pytest.raises(KeyUnavailable, match="kho khóa"):
            open_db(home / "survey.db")
        assert (home / "survey.db").read_bytes() == before
    finally:
        keyring.set_keyring(previous)
        dbkey.forget()


def test_a_locked_plain_database_is_not_upgraded_under_another_writer(home):
    """Another process (an older copy of the app) holds the plain file: a clear message, the file untouched."""
    import subprocess
    import sys

    from survey_app.errors import DatabaseLocked
    from survey_app.storage.db import open_db

    plain = home / "survey.db"
    conn = sqlite3.connect(str(plain))
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    # POSIX locks are per process: the holder must be another process, as it would be in real life.
    holder = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys\n"
                               f"c = sqlite3.connect({str(plain)!r}); c.execute('BEGIN EXCLUSIVE')\n"
                               "print('held', flush=True); sys.stdin.readline()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        before = plain.read_bytes()
        with pytest.raises(DatabaseLocked):
            open_db(plain, busy_timeout_ms=300)
        assert plain.read_bytes() == before and not list(home.glob("*.part"))
    finally:
        holder.communicate("\n", timeout=30)
    db = open_db(plain)
    assert db.execute("SELECT x FROM t").fetchall() == [(1,)]
    db.close()
    _unreadable_by_stdlib(plain)


def test_receiver_store_is_encrypted(tmp_path):
    from survey_app.central.store import CentralStore

    store = CentralStore(tmp_path / "central.db")
    store.add_device("laptop-1")
    store.close()
    _unreadable_by_stdlib(tmp_path / "central.db")
    assert connect_file(tmp_path / "central.db").execute("SELECT name FROM devices").fetchall() == [("laptop-1",)]
    if POSIX:
        assert stat.S_IMODE(os.stat(tmp_path / dbkey.KEY_FILE).st_mode) == 0o600
