"""Migration 0004_review_partials: per-session partial sums behind the indicator table (a cache).

The indicator table sums these small rows (tens of thousands) instead of millions of records, so it stays
fast at census scale; the check refresh keeps them current, session by session.
"""
from __future__ import annotations

import sqlite_utils

SCHEMA = """
CREATE TABLE review_cov (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    operator TEXT NOT NULL,            -- '' when unknown
    technology TEXT NOT NULL,          -- '' when no service
    readings INTEGER NOT NULL,
    usable INTEGER NOT NULL,           -- usable 4G/5G signal at the configured RSRP threshold
    usable_5g INTEGER NOT NULL,
    PRIMARY KEY (session_id, operator, technology)
);

CREATE TABLE review_hamlets (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    hamlet TEXT NOT NULL,
    households INTEGER NOT NULL,
    fibre_yes INTEGER NOT NULL, fibre_n INTEGER NOT NULL,
    internet_yes INTEGER NOT NULL, internet_n INTEGER NOT NULL,
    fixed_yes INTEGER NOT NULL, fixed_n INTEGER NOT NULL,
    PRIMARY KEY (session_id, hamlet)
);

CREATE TABLE review_people (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    internet_n INTEGER NOT NULL, internet_yes INTEGER NOT NULL,
    mobile_n INTEGER NOT NULL, mobile_yes INTEGER NOT NULL,
    signature_n INTEGER NOT NULL, signature_yes INTEGER NOT NULL,
    vneid_n INTEGER NOT NULL, vneid_yes INTEGER NOT NULL,
    services_n INTEGER NOT NULL, services_yes INTEGER NOT NULL,
    hue_s_n INTEGER NOT NULL, hue_s_yes INTEGER NOT NULL,
    computer_n INTEGER NOT NULL, computer_yes INTEGER NOT NULL
);
"""


def migrate(db: sqlite_utils.Database) -> None:
    """Create the indicator partial-sum tables."""
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
