"""Migration 0007_privacy: consent records, the log of households' requests, the purge mark of households."""
from __future__ import annotations

import sqlite_utils

from survey_app.storage.records import COMMON_COLUMNS_SQL
from survey_app.storage.schema_sync_0003 import unsynced_index_sql

SCHEMA = f"""
CREATE TABLE consents (
{COMMON_COLUMNS_SQL},
    household_id TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL, form_version TEXT NOT NULL,
    text_id TEXT NOT NULL,                  -- which consent text was read: '<form>/<version>/consent'
    text_sha256 TEXT NOT NULL,              -- hash of that text as shipped with the form (both languages)
    interview INTEGER NOT NULL,             -- scopes agreed: 1 yes, 0 no (never ticked by default)
    phone_contact INTEGER NOT NULL,
    precise_location INTEGER NOT NULL,
    agreed_at TEXT NOT NULL, agreed_by TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT, withdrawn_by TEXT, withdrawal_reason TEXT
);
CREATE TABLE privacy_requests (                 -- what a household asked for: who, when, why; never its data
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL,
    kind TEXT NOT NULL,                     -- 'access' | 'erasure' | 'withdrawal'
    received_at TEXT NOT NULL,
    completed_at TEXT,
    handled_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX privacy_requests_received ON privacy_requests(received_at);
ALTER TABLE households ADD COLUMN purged_at TEXT;   -- when retention removed names, phones and positions
"""


def migrate(db: sqlite_utils.Database) -> None:
    """Create the privacy tables."""
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    db.execute(unsynced_index_sql("consents"))
