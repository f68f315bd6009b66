"""Migration 0003_sync_state: rejection reasons, sync runs, and partial indexes that keep unsynced counts fast."""
from __future__ import annotations

import sqlite_utils

SCHEMA = """
CREATE TABLE IF NOT EXISTS sync_rejections (
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    revision INTEGER NOT NULL,       -- the revision the central system (or this laptop) refused
    reason TEXT NOT NULL,
    rejected_at TEXT NOT NULL,       -- this laptop's clock; for display only
    PRIMARY KEY (table_name, record_id)
);
CREATE TABLE IF NOT EXISTS sync_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    url TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'running',   -- 'running' | 'ok' | 'partial' | 'failed'
    batches INTEGER NOT NULL DEFAULT 0,
    sent INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE TABLE IF NOT EXISTS bundle_imports (
    bundle_id TEXT PRIMARY KEY,
    imported_at TEXT NOT NULL,
    source_device_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    records INTEGER NOT NULL,
    changed INTEGER NOT NULL
);
"""


def unsynced_index_sql(table: str) -> str:
    """A partial index holding only the rows not yet synced (small even when the table has millions)."""
    return (f"CREATE INDEX IF NOT EXISTS [{table}_unsynced] ON [{table}](sync_state) "
            f"WHERE sync_state != 'synced'")


def migrate(db: sqlite_utils.Database) -> None:
    """Create the sync tables and a partial unsynced index on every synced table."""
    from survey_app.storage.sessions import synced_tables

    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    for table in synced_tables(db):
        db.execute(unsynced_index_sql(table))
