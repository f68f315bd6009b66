"""Migration 0009_evidence: what makes a speed test evidence, and the handover log of signal logging.

speed_tests gains the measurement passport (per-second records and events, JSON), the declared conditions,
the validity verdict with its reasons (codes with parameters, JSON) and the rules version, the address the
test actually left from and its family, and how long each throughput phase ran. `cell_changes` is an
append-only observation table: one row per change of serving cell seen while logging signal.
"""
from __future__ import annotations

import sqlite_utils

from survey_app.storage.records import COMMON_COLUMNS_SQL
from survey_app.storage.schema_v1 import POSITION_SQL

SPEED_TEST_COLUMNS = (
    ("environment", "TEXT"),        # 'indoor' | 'outdoor_fixed' | 'outdoor_moving' | NULL (not declared)
    ("in_vehicle", "INTEGER"),      # 1 / 0 / NULL
    ("external_antenna", "INTEGER"),
    ("verdict", "TEXT"),            # 'valid' | 'invalid' | NULL (no verdict: recorded before this migration)
    ("verdict_reasons", "TEXT"),    # JSON [{code, params}]
    ("rules_version", "TEXT"),
    ("local_address", "TEXT"),
    ("address_family", "TEXT"),     # 'IPv4' | 'IPv6'
    ("download_s", "REAL"),         # how long each phase ran (it stops early once stable)
    ("upload_s", "REAL"),
    ("passport", "TEXT"),           # JSON {version, records: [...], events: [...], modem}; last, so that reading the
                                    # columns before it does not walk its overflow pages
)

# The KPIs read these columns only: from this index alone, never from the rows (which carry passports of ~10 KB).
KPI_INDEX = ("CREATE INDEX speed_tests_kpi ON speed_tests(status, unit_code, operator, technology, verdict, "
             "environment, download_mbps, upload_mbps, ping_ms, device_id, started_at)")

CELL_CHANGES = f"""
CREATE TABLE cell_changes (
{COMMON_COLUMNS_SQL},
    session_id TEXT REFERENCES sessions(id),
    modem_id TEXT,
    unit_code TEXT, code_set TEXT,
    measured_at TEXT NOT NULL,
    kind TEXT NOT NULL,             -- 'handover' | 'technology' | 'lost' | 'regained'
    from_operator TEXT, from_technology TEXT, from_band TEXT, from_arfcn INTEGER, from_pci INTEGER,
    from_cell_id INTEGER, from_tac INTEGER,
    to_operator TEXT, to_technology TEXT, to_band TEXT, to_arfcn INTEGER, to_pci INTEGER,
    to_cell_id INTEGER, to_tac INTEGER,
{POSITION_SQL}
);
CREATE INDEX cell_changes_session ON cell_changes(session_id, measured_at);
"""


def migrate(db: sqlite_utils.Database) -> None:
    """Add the evidence columns and the handover log."""
    from survey_app.storage.schema_sync_0003 import unsynced_index_sql

    for name, kind in SPEED_TEST_COLUMNS:
        db.execute(f"ALTER TABLE speed_tests ADD COLUMN {name} {kind}")
    db.execute(KPI_INDEX)
    db.executescript(CELL_CHANGES)
    db.execute(unsynced_index_sql("cell_changes"))
