"""Bring a receiver database up to date at start-up: migrations, the 40 units, the read views.

A SQLite file with data is copied (SQLite backup API) next to itself before a migration changes it.
The views are recreated only when their definition changed (a fingerprint in central_meta).
"""
from __future__ import annotations

import logging
from pathlib import Path

from survey_app.central import migrate
from survey_app.storage.driver import connect_file, sqlite
from survey_app.central.store_base import UNIT_COLUMNS, unit_rows
from survey_app.clock import utc_now as now
from survey_app.central.views import view_statements, views_hash

log = logging.getLogger("survey_app.central")
DEVICE_COLUMNS = (("public_key", "TEXT"), ("fingerprint", "TEXT"), ("device_uuid", "TEXT"),
                  ("role", "TEXT NOT NULL DEFAULT 'surveyor'"), ("team", "TEXT"))
_UNITS_SQL = (f"INSERT INTO units ({', '.join(UNIT_COLUMNS)}) VALUES ({', '.join('?' * len(UNIT_COLUMNS))}) "
              f"ON CONFLICT (code) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in UNIT_COLUMNS[1:]))


def _backup_sqlite(conn: sqlite.Connection, path: Path, version: int) -> Path | None:
    has_data = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'records'").fetchone()
    if not has_data or str(path) == ":memory:":
        return None
    stamp = now().replace(":", "").replace("-", "").replace(".", "")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    dest = connect_file(target)  # encrypted with the folder's key, like the database itself
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def prepare_sqlite(conn: sqlite.Connection, path: Path) -> None:
    """Migrate a SQLite receiver database and refresh its units and views."""
    version = migrate.sqlite_version(conn)
    if version < migrate.latest("sqlite"):
        backup = _backup_sqlite(conn, Path(path), version)
        applied = migrate.migrate_sqlite(conn, now(), target=1)
        held = {r[1] for r in conn.execute("PRAGMA table_info(devices)")}
        for column, decl in DEVICE_COLUMNS:  # a receiver file made before devices had keys
            if column not in held:
                conn.execute(f"ALTER TABLE devices ADD COLUMN {column} {decl}")
        applied += migrate.migrate_sqlite(conn, now())
        if applied:
            log.info("migrated", extra={"event": "migrated", "versions": applied, "backup": str(backup or "")})
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT count(*) FROM units").fetchone()[0] != len(unit_rows()):
            conn.executemany(_UNITS_SQL, unit_rows())
        fingerprint = views_hash("sqlite")
        row = conn.execute("SELECT value FROM central_meta WHERE key = 'views'").fetchone()
        if row is None or row[0] != fingerprint:
            for statement in view_statements("sqlite"):
                conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO central_meta (key, value) VALUES ('views', ?)", [fingerprint])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def prepare_postgresql(conn) -> None:
    """Migrate a PostgreSQL receiver database and refresh its units and views (one transaction, locked)."""
    applied = migrate.migrate_postgresql(conn, now())
    if applied:
        log.info("migrated", extra={"event": "migrated", "versions": applied})
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [migrate.PG_LOCK])
        if conn.execute("SELECT count(*) FROM units").fetchone()[0] != len(unit_rows()):
            with conn.cursor() as cur:
                cur.executemany(_UNITS_SQL.replace("?", "%s"), unit_rows())
        fingerprint = views_hash("postgresql")
        row = conn.execute("SELECT value FROM central_meta WHERE key = 'views'").fetchone()
        if row is None or row[0] != fingerprint:
            for statement in view_statements("postgresql"):
                conn.execute(statement)
            conn.execute("INSERT INTO central_meta (key, value) VALUES ('views', %s) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [fingerprint])
