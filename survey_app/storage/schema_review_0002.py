"""Migration 0002_review: per-session check results (a cache, rebuilt from the records) and review indexes."""
from __future__ import annotations

import sqlite_utils

SCHEMA = """
CREATE TABLE review_session_stats (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    households INTEGER NOT NULL DEFAULT 0,
    members INTEGER NOT NULL DEFAULT 0,
    readings INTEGER NOT NULL DEFAULT 0,
    speed_tests INTEGER NOT NULL DEFAULT 0,
    first_at TEXT, last_at TEXT,
    flag_count INTEGER NOT NULL DEFAULT 0,
    flag_codes TEXT NOT NULL DEFAULT '',      -- space-separated codes, for filtering
    computed_at TEXT NOT NULL
);
CREATE INDEX review_session_stats_flags ON review_session_stats(flag_count);

CREATE TABLE review_flags (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    count INTEGER NOT NULL,
    total INTEGER NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',        -- JSON: numbers the reason is written from
    PRIMARY KEY (session_id, code)
);
CREATE INDEX review_flags_code ON review_flags(code);

CREATE TABLE review_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Narrow covering indexes: the checks and indicators read these columns for millions of rows.
CREATE INDEX review_readings_cov ON signal_readings(session_id, operator, technology, rsrp_dbm, nr_rsrp_dbm);
CREATE INDEX review_households_dup ON households(unit_code, phone, respondent_name);
CREATE INDEX review_households_cov ON households(session_id, status, hamlet, fibre, internet_at_home, fixed_broadband);
CREATE INDEX review_members_cov ON members(household_id, uses_internet, owns_mobile_phone, has_digital_signature,
    has_vneid_level2, uses_online_public_services, uses_hue_s, uses_computer);
CREATE INDEX review_sessions_status ON sessions(status, unit_code);
CREATE INDEX review_sessions_team ON sessions(team_name, started_at);
"""


def migrate(db: sqlite_utils.Database) -> None:
    """Create the review cache tables and indexes."""
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
