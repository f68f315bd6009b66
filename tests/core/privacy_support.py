"""Helpers for the privacy tests: plain copies of an encrypted database, file modes, plain SQLite files found."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from survey_app.storage.driver import PLAIN_HEADER, connect_file


def make_plain_copy(encrypted: Path, plain: Path) -> None:
    """What an older release left: the same database unencrypted (sqlcipher_export with an empty key)."""
    conn = connect_file(encrypted)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(plain)])
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute(f"PRAGMA plain.user_version = {version}")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def table_rows(path: Path) -> dict[str, list]:
    """Every row of every table, sorted (to compare two databases' content)."""
    conn = connect_file(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        conn.close()


def open_to_others(folder: Path) -> list[str]:
    """Paths under `folder` (itself included) that another user could read or write."""
    found = []
    for root, dirs, files in os.walk(folder):
        for path in [Path(root), *(Path(root, n) for n in dirs + files)]:
            st = os.lstat(path)
            if not stat.S_ISLNK(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
                found.append(f"{path} {oct(stat.S_IMODE(st.st_mode))}")
    return sorted(set(found))


def plain_sqlite_files(folder: Path) -> list[str]:
    """Files under `folder` that start with SQLite's plain header."""
    out = []
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as fh:
                if fh.read(16) == PLAIN_HEADER:
                    out.append(str(path))
    return out
