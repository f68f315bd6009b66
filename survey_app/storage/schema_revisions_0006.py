"""Migration 0006_revisions: tombstones (deletions that travel), who and why of the last change on revisable
records, and the guards that keep every change on the one revision path (storage/revisions.py)."""
from __future__ import annotations

import sqlite_utils

from survey_app.storage.records import COMMON_COLUMNS_SQL

# Records people change after creating them: the last change's author and reason travel with the record,
# so the central system's history can say who changed what and why.
REVISABLE = ("teams", "sessions", "modems", "forms", "households", "members", "review_decisions")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS tombstones (
{COMMON_COLUMNS_SQL},
    table_name TEXT NOT NULL,          -- the table the deleted record was in
    record_id TEXT NOT NULL,           -- its id
    record_revision INTEGER NOT NULL,  -- the deletion's revision: the deleted row's revision + 1
    session_id TEXT,                   -- the session it belonged to (bundles of one session carry it)
    deleted_at TEXT NOT NULL,
    deleted_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    purge INTEGER NOT NULL DEFAULT 0   -- 1: the record's kept history is dropped too (erasure)
);
CREATE UNIQUE INDEX IF NOT EXISTS tombstones_record ON tombstones(table_name, record_id, record_revision);
CREATE INDEX IF NOT EXISTS tombstones_session ON tombstones(session_id)
"""


def migrate(db: sqlite_utils.Database) -> None:
    """Create the tombstones table, add changed_by/change_reason to revisable tables, index the outbox."""
    from survey_app.storage.schema_sync_0003 import unsynced_index_sql

    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    db.execute(unsynced_index_sql("tombstones"))
    for table in REVISABLE:
        have = {r[1] for r in db.execute(f"PRAGMA table_info([{table}])")}
        if not have:
            continue
        for column in ("changed_by", "change_reason"):
            if column not in have:
                db.execute(f"ALTER TABLE [{table}] ADD COLUMN [{column}] TEXT")
