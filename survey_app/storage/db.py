"""Open the survey database: encrypted (SQLCipher), WAL, foreign keys, busy timeout, sanity check, backup, migrations.

`open_connection` does without sqlite-utils so the window can appear before it (about 150 ms of imports)
is loaded; `open_db` wraps it in a sqlite_utils.Database and applies pending migrations. Every connection is
made by `storage.driver.connect_file` with the data folder's key (storage.dbkey).
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from survey_app.errors import DatabaseCorrupt, DatabaseLocked
from survey_app.i18n import _
from survey_app.storage.driver import connect_file, sqlite

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000


def _raw(path: Path | str, busy_timeout_ms: int) -> sqlite.Connection:
    conn = connect_file(path, timeout=busy_timeout_ms / 1000, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


_database_class = None


def database_class():
    """sqlite_utils.Database whose outermost `atomic()` starts with BEGIN IMMEDIATE.

    In WAL mode a deferred transaction that reads and then writes fails at once with "database is locked"
    (SQLITE_BUSY_SNAPSHOT, no busy wait) when another connection committed in between, which the signal
    logger does twice a second. Taking the write lock first makes writers wait their turn instead.
    """
    global _database_class
    if _database_class is None:
        import contextlib

        import sqlite_utils

        from survey_app.storage.driver import patch_sqlite_utils

        patch_sqlite_utils(sqlite_utils)

        from survey_app.storage import changes

        class SurveyDatabase(sqlite_utils.Database):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                self.pending_changes: set[str] = set()   # tables written in the open transaction (changes.py)

            @contextlib.contextmanager
            def atomic(self):
                if self.conn.in_transaction:
                    with super().atomic():
                        yield self
                    return
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    changes.rolled_back(self)
                    raise
                self.conn.execute("COMMIT")
                changes.committed(self)

        _database_class = SurveyDatabase
    return _database_class


def connect(path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> "sqlite_utils.Database":
    """A connection with the app's pragmas, without migrating (for worker threads of an opened db)."""
    return database_class()(_raw(path, busy_timeout_ms))


def open_connection(path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> tuple[sqlite.Connection, bool]:
    """A checked connection in WAL mode, and whether migrations are pending. Raises DatabaseLocked/Corrupt."""
    path = Path(path)
    try:
        conn = _raw(path, busy_timeout_ms)
        # Reading the schema fails fast on a file that is not a database (a full check would scan gigabytes).
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        from survey_app.storage.migrations import pending_names_raw

        return conn, bool(pending_names_raw(conn))
    except sqlite.DatabaseError as exc:
        _raise_for(exc, path)
        raise


def open_db(path: Path | str, *, migrate: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> "sqlite_utils.Database":
    """Open (creating if needed) and migrate the database; raises DatabaseLocked or DatabaseCorrupt."""
    path = Path(path)
    conn, pending = open_connection(path, busy_timeout_ms=busy_timeout_ms)
    return wrap(conn, path, migrate=migrate and pending)


def wrap(conn: sqlite.Connection, path: Path, *, migrate: bool) -> "sqlite_utils.Database":
    """A sqlite_utils.Database on `conn`, migrated when asked."""
    db = database_class()(conn)
    if migrate:
        try:
            existed = bool(db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
            if existed:
                check = db.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise DatabaseCorrupt(_("The database {path} is damaged ({detail}). It was not changed; "
                                            "restore a backup from the backups folder.").format(path=path, detail=check))
            from survey_app.storage.migrations import apply_migrations

            apply_migrations(db, path if existed else None)
        except sqlite.DatabaseError as exc:
            _raise_for(exc, path)
            raise
    return db


def _raise_for(exc: sqlite.DatabaseError, path: Path) -> None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        raise DatabaseLocked(_("The database {path} is in use by another copy of the app. "
                               "Close it and try again.").format(path=path)) from exc
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        raise DatabaseCorrupt(_("The database {path} is damaged ({detail}). It was not changed; "
                                "restore a backup from the backups folder.").format(path=path, detail=exc)) from exc


def backup(db: "sqlite_utils.Database", path: Path, label: str) -> Path:
    """Copy the live database (consistently, through SQLite's backup API) into `backups/`."""
    folder = path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}-{label}.db"
    from survey_app.storage.dbkey import key_for_db

    dest = connect_file(target, key=key_for_db(path))  # the same key as the live database
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def begin_read(db: "sqlite_utils.Database") -> None:
    """Start one read snapshot on this connection: every query sees the same data until it ends (commit,
    rollback or close), even while other connections write."""
    db.execute("BEGIN")


def file_of(db: "sqlite_utils.Database") -> str | None:
    """The file behind a connection (None for an in-memory database)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or None


def data_version(conn) -> int:
    """SQLite's counter of commits made by other connections to this file (PRAGMA data_version): it changes when
    another connection or process wrote, and never for this connection's own writes."""
    return conn.execute("PRAGMA data_version").fetchone()[0]
