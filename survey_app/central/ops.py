"""Operations on a receiver database: backup and restore (pg_dump/pg_restore, or the SQLite backup API) and the
import of the units' boundaries (validated like the desktop's import)."""
from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from pathlib import Path

from survey_app.central.store_pg import is_postgres_url
from survey_app.storage.driver import connect_file, sqlite
from survey_app.errors import UserError
from survey_app.i18n import _


def pg_tool(name: str) -> str:
    """pg_dump / pg_restore: on PATH, else the newest of Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if not candidates:
        raise UserError(_("{tool} was not found: install the PostgreSQL client (apt-get install "
                          "postgresql-client).").format(tool=name))
    return candidates[-1]


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines() or ["exit status %d" % proc.returncode]
        first = next((ln for ln in lines if "error" in ln.lower()), lines[0])  # the cause, not the SQL echoed after it
        raise UserError(_("{tool} failed: {error}").format(tool=Path(cmd[0]).name, error=first.strip()[:500]))


def _key(path: Path) -> bytes:
    from survey_app.storage import dbkey

    return dbkey.key_for_db(path)


def _sqlite_source(path: Path, key: bytes):
    if not path.is_file():
        raise UserError(_("File not found: {file}").format(file=path))
    conn = connect_file(path, key=key, upgrade=False)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite.DatabaseError as exc:
        conn.close()
        raise UserError(_("{file} is not a receiver database: {error}").format(file=path, error=exc)) from None
    if not {"devices", "batches", "records"} <= names:
        conn.close()
        raise UserError(_("{file} is not a receiver database (no devices, batches and records).").format(file=path))
    return conn


def backup(db: str, out: str) -> Path:
    """Write a backup of the receiver database `db` to `out` (written under a temporary name, then renamed)."""
    target = Path(out)
    tmp = target.with_name(target.name + ".part")
    try:
        if is_postgres_url(db):
            _run([pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp), "--dbname", db])
        else:
            key = _key(Path(db))  # the backup is encrypted with the receiver database's own key
            src = _sqlite_source(Path(db), key)
            dest = connect_file(tmp, key=key)
            try:
                src.backup(dest)
            finally:
                dest.close()
                src.close()
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def restore(db: str, source: str, *, force: bool = False) -> None:
    """Restore a backup into `db`: an empty PostgreSQL database, or a SQLite file (replaced only with force)."""
    src = Path(source)
    if not src.is_file():
        raise UserError(_("File not found: {file}").format(file=src))
    if is_postgres_url(db):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            if conn.execute("SELECT to_regclass('records') IS NOT NULL").fetchone()[0]:
                raise UserError(_("The target database already holds receiver tables: restore into a new, empty "
                                  "database (createdb), then point --db at it."))
        _run([pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", db, str(src)])
        return
    target = Path(db)
    if target.exists() and target.stat().st_size > 0 and not force:
        raise UserError(_("{file} already exists: give --force to replace it, or restore to a new file.").format(
            file=target))
    key = _key(target)  # a backup of this receiver (the key of the folder it is restored to)
    conn = _sqlite_source(src, key)
    tmp = target.with_name(target.name + ".restoring")
    try:
        dest = connect_file(tmp, key=key)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(tmp, target)
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)


def import_boundaries(store, path: str) -> tuple[int, list[str]]:
    """Validate and store unit boundaries; (units imported, units still without one)."""
    from survey_app.review.boundaries import read_boundaries

    units = {r[0]: (r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in store.units()}
    rows, _report = read_boundaries(path, units)
    store.save_boundaries([(code, json.dumps(geom), source) for code, geom, source in rows])
    have = set(store.boundaries())
    return len(rows), sorted(set(units) - have)
