"""The one way to open an SQLite file: SQLCipher (sqlcipher3) keyed with the raw key of its data folder.

Everything that opens a database (survey.db, its backups, the receiver's store, tests, benchmarks) calls
`connect_file`. Errors come from this driver: catch `sqlite.DatabaseError`, `sqlite.OperationalError`,
`sqlite.IntegrityError` (the stdlib `sqlite3` classes do not match them).
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

PLAIN_HEADER = b"SQLite format 3\x00"

__all__ = ["sqlite", "connect_file", "is_plain", "PLAIN_HEADER"]


def is_plain(path: Path | str) -> bool:
    """True when `path` is an unencrypted SQLite file (its first 16 bytes are SQLite's magic string)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == PLAIN_HEADER
    except (FileNotFoundError, IsADirectoryError):
        return False


def key_pragma(key: bytes) -> str:
    """`PRAGMA key` for a 32-byte raw key: SQLCipher then skips its own key derivation at each open."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_file(path: Path | str, *, key: bytes | None = None, upgrade: bool = True,
                 **kwargs) -> sqlite.Connection:
    """An open SQLCipher connection to `path` (arguments as `sqlite3.connect`), keyed for its data folder.

    Without `key`, the folder's key is found (keyring, session cache, passphrase: storage.dbkey). A plain
    SQLite file of an older release is first encrypted in place (storage.encrypt) unless `upgrade` is False.
    """
    from survey_app.storage import dbkey

    path_str = os.fspath(path)
    if path_str == ":memory:":  # nothing reaches a disk
        return sqlite.connect(path_str, **kwargs)
    if key is None:
        key = dbkey.key_for_db(Path(path_str))
    if not os.path.exists(path_str):  # born private whatever the umask (SQLite gives -wal/-shm the same mode)
        os.close(os.open(path_str, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    elif upgrade and is_plain(path_str):
        from survey_app.storage.encrypt import encrypt_in_place

        encrypt_in_place(Path(path_str), key, timeout=kwargs.get("timeout", 5.0))
    conn = sqlite.connect(path_str, **kwargs)
    try:
        # SQLCipher prints decryption failures on stderr by default; the app reports them itself.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
    except BaseException:
        conn.close()
        raise
    return conn


def patch_sqlite_utils(module) -> None:
    """Make sqlite-utils catch this driver's errors (it catches the stdlib's `sqlite3.OperationalError`)."""
    db_module = module.db
    if db_module.sqlite3 is not sqlite:
        db_module.sqlite3 = sqlite
        db_module.OperationalError = sqlite.OperationalError
