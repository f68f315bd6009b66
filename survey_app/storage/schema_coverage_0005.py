"""Migration 0005_coverage: hexagon summaries (a cache), revisit assignments and their progress (records).

`hex_partitions` holds one row per hexagon, unit, operator, technology, session and local day, with counts
and sparse histograms (survey_app.coverage.histograms); maps and exports add the partitions their filters
select. `hex_state` remembers how far each source table was read, so new readings are added, not recounted.
"""
from __future__ import annotations

import sqlite_utils

from survey_app.storage.records import COMMON_COLUMNS_SQL

SCHEMA = f"""
CREATE TABLE hex_partitions (
    res INTEGER NOT NULL,
    cell INTEGER NOT NULL,              -- H3 index
    unit_code TEXT NOT NULL,            -- the unit whose boundary holds the samples ('' outside every unit)
    operator TEXT NOT NULL,             -- '' unknown / not over a modem
    technology TEXT NOT NULL,           -- '' no service / not over a modem
    session_id TEXT NOT NULL,           -- '' without a session
    day INTEGER NOT NULL,               -- Vietnam local date, days since 1970-01-01
    readings INTEGER NOT NULL,
    no_service INTEGER NOT NULL,
    tests INTEGER NOT NULL,             -- speed tests that succeeded
    newest INTEGER NOT NULL,            -- newest sample, seconds since 1970 (UTC)
    rsrp BLOB, sinr BLOB, down BLOB, up BLOB,
    PRIMARY KEY (res, cell, unit_code, operator, technology, session_id, day)
) WITHOUT ROWID;

CREATE TABLE hex_state (
    source TEXT PRIMARY KEY,            -- 'signal_readings' | 'speed_tests'
    last_rowid INTEGER NOT NULL,
    processed INTEGER NOT NULL,         -- rows read so far; -1 when a row below last_rowid changed -> rebuild
    boundaries TEXT NOT NULL            -- fingerprint of the unit boundaries used (changed -> rebuild)
);

-- Observations are append-only; a row removed (erased, tombstoned) or moved below the watermark marks the
-- summaries stale, so the next update rebuilds them (no count of millions of rows per update).
CREATE TRIGGER hex_stale_readings_delete AFTER DELETE ON signal_readings
BEGIN UPDATE hex_state SET processed = -1 WHERE source = 'signal_readings' AND old.rowid <= last_rowid; END;
CREATE TRIGGER hex_stale_readings_update AFTER UPDATE OF lat, lon, operator, technology, registration, rsrp_dbm,
    nr_rsrp_dbm, sinr_db, nr_sinr_db, measured_at, session_id, unit_code ON signal_readings
BEGIN UPDATE hex_state SET processed = -1 WHERE source = 'signal_readings' AND old.rowid <= last_rowid; END;
CREATE TRIGGER hex_stale_tests_delete AFTER DELETE ON speed_tests
BEGIN UPDATE hex_state SET processed = -1 WHERE source = 'speed_tests' AND old.rowid <= last_rowid; END;
CREATE TRIGGER hex_stale_tests_update AFTER UPDATE OF lat, lon, operator, technology, status, download_mbps,
    upload_mbps, started_at, session_id, unit_code ON speed_tests
BEGIN UPDATE hex_state SET processed = -1 WHERE source = 'speed_tests' AND old.rowid <= last_rowid; END;

CREATE TABLE assignments (
{COMMON_COLUMNS_SQL},
    name TEXT NOT NULL DEFAULT '',
    unit_code TEXT NOT NULL, code_set TEXT NOT NULL,
    team_name TEXT NOT NULL DEFAULT '',
    form_id TEXT NOT NULL DEFAULT '', form_version TEXT NOT NULL DEFAULT '',
    criteria TEXT NOT NULL DEFAULT '{{}}',   -- JSON: what counts as covered
    targets TEXT NOT NULL DEFAULT '[]',      -- JSON list of targets (cell, centre, operator, technology, done)
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open'      -- 'open' | 'done'
);
CREATE INDEX assignments_unit ON assignments(unit_code, status);

-- What one laptop reached of an assignment: that laptop's own record (the assignment stays the supervisor's),
-- revised as more targets are checked off.
CREATE TABLE assignment_progress (
{COMMON_COLUMNS_SQL},
    assignment_id TEXT NOT NULL,
    targets TEXT NOT NULL DEFAULT '{{}}',    -- JSON: target key -> {{"seen": samples, "done_at": UTC time or null}}
    status TEXT NOT NULL DEFAULT 'open'      -- 'open' | 'done'
);
CREATE INDEX assignment_progress_assignment ON assignment_progress(assignment_id, device_id);
"""


def migrate(db: sqlite_utils.Database) -> None:
    """Create the coverage tables."""
    for statement in SCHEMA.split(";\n"):   # a trigger's inner statement ends "; END", not at a line end
        if statement.strip():
            db.execute(statement)
