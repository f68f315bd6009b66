"""Open the survey database: WAL, foreign keys, busy timeout, integrity check, backup, migrations."""
from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import sqlite_utils

from survey_app.errors import DatabaseCorrupt, DatabaseLocked
from survey_app.i18n import _

BUSY_TIMEOUT_MS = 5000


def connect(path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite_utils.Database:
    """A connection with the app's pragmas, without migrating (for worker threads of an opened db)."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, isolation_level=None,
                           check_same_thread=True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA synchronous = NORMAL")
    return sqlite_utils.Database(conn)


def open_db(path: Path | str, *, migrate: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database; raises DatabaseLocked or DatabaseCorrupt."""
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    try:
        db = connect(path, busy_timeout_ms=busy_timeout_ms)
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if existed:
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                db.close()
                raise DatabaseCorrupt(_("The database {path} is damaged ({detail}). It was not changed; "
                                        "restore a backup from the backups folder.").format(path=path, detail=check))
        if mode.lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        if migrate:
            from survey_app.storage.migrations import apply_migrations

            apply_migrations(db, path if existed else None)
        return db
    except sqlite3.DatabaseError as exc:
        _raise_for(exc, path)
        raise


def _raise_for(exc: sqlite3.DatabaseError, path: Path) -> None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        raise DatabaseLocked(_("The database {path} is in use by another copy of the app. "
                               "Close it and try again.").format(path=path)) from exc
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        raise DatabaseCorrupt(_("The database {path} is damaged ({detail}). It was not changed; "
                                "restore a backup from the backups folder.").format(path=path, detail=exc)) from exc


def backup(db: sqlite_utils.Database, path: Path, label: str) -> Path:
    """Copy the live database (consistently, through SQLite's backup API) into `backups/`."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}-{label}.db"
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def copy_file_backup(path: Path, label: str) -> Path:
    """Byte copy of a closed database file (used before repair attempts)."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}-{label}{path.suffix}"
    shutil.copy2(path, target)
    return target
