"""The receiver's schema: numbered, forward-only migrations, one SQL file per back end and number.

`migrations/NNNN_name.sqlite.sql` and `NNNN_name.postgresql.sql` are applied in order, each in its own
transaction together with its row in `schema_migrations`, under a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL:
an advisory lock), so two receivers starting at once apply each migration once and a second run changes
nothing. Released migrations are never edited: a change is a new number.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.(sqlite|postgresql)\.sql$")
PG_LOCK = 0x5355_5256  # advisory lock key for migrations ("SURV")
TABLE = "schema_migrations"


@dataclass(frozen=True)
class Migration:
    """One numbered schema step for one back end."""

    version: int
    name: str
    sql: str


def available(dialect: str) -> list[Migration]:
    """Every migration shipped for `dialect` ('sqlite' | 'postgresql'), in order."""
    out = []
    for entry in resources.files("survey_app.central.migrations").iterdir():
        m = _NAME.match(entry.name)
        if m and m.group(3) == dialect:
            out.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    out.sort(key=lambda x: x.version)
    if [x.version for x in out] != list(range(1, len(out) + 1)):
        raise RuntimeError(f"receiver migrations for {dialect} are not numbered 1..n: {[x.version for x in out]}")
    return out


def latest(dialect: str) -> int:
    """The schema version the shipped code expects."""
    return available(dialect)[-1].version


def split_sqlite(script: str) -> list[str]:
    """The statements of a SQLite script (triggers with BEGIN ... END stay whole)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") for ln in buf.strip().splitlines()):
        out.append(buf.strip())
    return out


def migrate_sqlite(conn: sqlite3.Connection, now: str, *, target: int | None = None) -> list[int]:
    """Apply the pending SQLite migrations (autocommit connection); returns the versions applied."""
    done: list[int] = []
    for mig in available("sqlite"):
        if target is not None and mig.version > target:
            break
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                         "applied_at TEXT NOT NULL)")
            if conn.execute(f"SELECT 1 FROM {TABLE} WHERE version = ?", [mig.version]).fetchone():
                conn.execute("COMMIT")
                continue
            for statement in split_sqlite(mig.sql):
                conn.execute(statement)
            conn.execute(f"INSERT INTO {TABLE} (version, name, applied_at) VALUES (?, ?, ?)",
                         [mig.version, mig.name, now])
            conn.execute("COMMIT")
            done.append(mig.version)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return done


def sqlite_version(conn: sqlite3.Connection) -> int:
    """The schema version of a SQLite receiver database (0: empty or released before migrations)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [TABLE]).fetchone():
        return 0
    return conn.execute(f"SELECT coalesce(max(version), 0) FROM {TABLE}").fetchone()[0]


def migrate_postgresql(conn, now: str, *, target: int | None = None) -> list[int]:
    """Apply the pending PostgreSQL migrations (psycopg connection, not in a transaction); the versions applied."""
    done: list[int] = []
    for mig in available("postgresql"):
        if target is not None and mig.version > target:
            break
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [PG_LOCK])
            conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (version integer PRIMARY KEY, name text NOT NULL, "
                         "applied_at text NOT NULL)")
            if conn.execute(f"SELECT 1 FROM {TABLE} WHERE version = %s", [mig.version]).fetchone():
                continue
            conn.execute(mig.sql.encode("utf-8"))  # several statements: the simple query protocol
            conn.execute(f"INSERT INTO {TABLE} (version, name, applied_at) VALUES (%s, %s, %s)",
                         [mig.version, mig.name, now])
            done.append(mig.version)
    return done


def postgresql_version(conn) -> int:
    """The schema version of a PostgreSQL receiver database (0: empty)."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", [TABLE]).fetchone()
    if not row[0]:
        return 0
    return conn.execute(f"SELECT coalesce(max(version), 0) FROM {TABLE}").fetchone()[0]
