"""Migration 0001: the shared schema every area writes to (see docs/ARCHITECTURE.md for the columns)."""
from __future__ import annotations

import json
from importlib import resources

import sqlite_utils

from survey_app.storage.records import CODE_SET, COMMON_COLUMNS_SQL, new_id, utc_now

# Where a record was taken: every observation and interview carries these.
POSITION_SQL = """
    lat REAL, lon REAL,
    position_source TEXT,          -- 'gps' | 'modem' | 'manual' | NULL (none)
    position_accuracy_m REAL,      -- horizontal estimate (HDOP x 5 m for NMEA), NULL if unknown
    position_at TEXT               -- UTC time of the fix
"""

SCHEMA = f"""
CREATE TABLE device (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE units (
    code TEXT PRIMARY KEY,
    code_set TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,            -- 'ward' (phường) | 'commune' (xã)
    inside_lon REAL NOT NULL, inside_lat REAL NOT NULL,
    min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
    area_km2 REAL,
    formed_from TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE unit_boundaries (
    unit_code TEXT PRIMARY KEY REFERENCES units(code),
    geometry TEXT NOT NULL,        -- GeoJSON geometry (Polygon / MultiPolygon), WGS84
    source TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);

CREATE TABLE teams (
{COMMON_COLUMNS_SQL},
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE sessions (
{COMMON_COLUMNS_SQL},
    unit_code TEXT NOT NULL REFERENCES units(code),
    code_set TEXT NOT NULL,
    team_id TEXT REFERENCES teams(id),
    team_name TEXT NOT NULL DEFAULT '',
    surveyors TEXT NOT NULL DEFAULT '[]',   -- JSON list of names
    started_at TEXT NOT NULL,
    closed_at TEXT,
    status TEXT NOT NULL DEFAULT 'open',    -- open -> closed -> approved | rejected
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_unit ON sessions(unit_code, started_at);

CREATE TABLE speed_tests (
{COMMON_COLUMNS_SQL},
    session_id TEXT REFERENCES sessions(id),
    household_id TEXT,
    unit_code TEXT, code_set TEXT,
    started_at TEXT NOT NULL, ended_at TEXT,
    status TEXT NOT NULL,                   -- 'ok' | 'failed' | 'cancelled'
    error TEXT,
    protocol TEXT NOT NULL,                 -- 'ookla' | 'librespeed'
    method TEXT NOT NULL DEFAULT '',        -- measurement method id and version
    server_url TEXT, server_name TEXT, server_sponsor TEXT, server_id TEXT,
    server_distance_km REAL,
    interface_name TEXT, interface_kind TEXT,   -- 'modem' | 'wifi' | 'ethernet' | 'other'
    source_address TEXT,
    operator TEXT, technology TEXT,          -- when measured over a modem
    download_mbps REAL, upload_mbps REAL,
    ping_ms REAL, ping_min_ms REAL, jitter_ms REAL,
    loaded_ping_download_ms REAL, loaded_ping_upload_ms REAL,
    bytes_received INTEGER, bytes_sent INTEGER,
    duration_s REAL, streams_download INTEGER, streams_upload INTEGER,
    samples TEXT,                            -- JSON: raw throughput and latency samples
{POSITION_SQL}
);
CREATE INDEX speed_tests_session ON speed_tests(session_id, started_at);
CREATE INDEX speed_tests_unit ON speed_tests(unit_code);

CREATE TABLE modems (
{COMMON_COLUMNS_SQL},
    label TEXT NOT NULL DEFAULT '',
    manufacturer TEXT, model TEXT, revision_fw TEXT,
    usb_vid_pid TEXT, port TEXT, dialect TEXT,
    first_seen_at TEXT, last_seen_at TEXT
);

CREATE TABLE signal_readings (
{COMMON_COLUMNS_SQL},
    session_id TEXT REFERENCES sessions(id),
    modem_id TEXT,
    unit_code TEXT, code_set TEXT,
    measured_at TEXT NOT NULL,
    manufacturer TEXT, model TEXT, revision_fw TEXT,
    technology TEXT,                  -- 'GSM' | 'UMTS' | 'LTE' | 'NR-NSA' | 'NR-SA' | NULL
    registration TEXT,                -- 'home' | 'roaming' | 'searching' | 'denied' | 'none' | NULL
    mcc TEXT, mnc TEXT, operator TEXT,
    rssi_dbm REAL, rsrp_dbm REAL, rsrq_db REAL, sinr_db REAL, rscp_dbm REAL, ecio_db REAL,
    band TEXT, arfcn INTEGER, pci INTEGER, cell_id INTEGER, tac INTEGER, lac INTEGER,
    nr_rsrp_dbm REAL, nr_rsrq_db REAL, nr_sinr_db REAL, nr_band TEXT, nr_arfcn INTEGER, nr_pci INTEGER,
    raw TEXT,                         -- the device's response text
{POSITION_SQL}
);
CREATE INDEX signal_readings_session ON signal_readings(session_id, measured_at);
CREATE INDEX signal_readings_unit ON signal_readings(unit_code, operator, technology);

CREATE TABLE forms (
{COMMON_COLUMNS_SQL},
    form_id TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL,         -- compiled form, JSON
    source_sha256 TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    UNIQUE (form_id, version)
);

CREATE TABLE households (
{COMMON_COLUMNS_SQL},
    session_id TEXT REFERENCES sessions(id),
    unit_code TEXT, code_set TEXT,
    form_id TEXT NOT NULL, form_version TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',   -- 'draft' | 'finalized' | 'refused'
    consent TEXT,                           -- 'yes' | 'no' | NULL (not asked yet)
    hamlet TEXT,                            -- thôn / tổ dân phố
    respondent_name TEXT, phone TEXT,       -- optional personal data
    started_at TEXT, ended_at TEXT, duration_s REAL,
    answers TEXT NOT NULL DEFAULT '{{}}',    -- JSON: household-level answers by field name
    -- derived from answers for indicators (NULL = not answered):
    internet_at_home INTEGER, fixed_broadband INTEGER, fibre INTEGER,
    isp TEXT, plan_mbps REAL, monthly_cost_vnd REAL, member_count INTEGER,
{POSITION_SQL}
);
CREATE INDEX households_session ON households(session_id);
CREATE INDEX households_unit ON households(unit_code, status);

CREATE TABLE members (
{COMMON_COLUMNS_SQL},
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,              -- 1-based order in the roster
    name TEXT,                              -- optional personal data
    sex TEXT, age INTEGER,
    answers TEXT NOT NULL DEFAULT '{{}}',
    uses_internet INTEGER, owns_mobile_phone INTEGER, uses_computer INTEGER,
    has_vneid_level2 INTEGER, has_digital_signature INTEGER,
    uses_online_public_services INTEGER, uses_hue_s INTEGER
);
CREATE INDEX members_household ON members(household_id, position);

CREATE TABLE review_decisions (
{COMMON_COLUMNS_SQL},
    session_id TEXT NOT NULL REFERENCES sessions(id),
    decision TEXT NOT NULL,                 -- 'approved' | 'rejected' | 'reopened'
    comment TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL
);
CREATE INDEX review_decisions_session ON review_decisions(session_id, decided_at);

CREATE TABLE record_history (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    revision INTEGER NOT NULL,             -- the revision the row had before the change
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    data_before TEXT NOT NULL
);
CREATE INDEX record_history_record ON record_history(table_name, record_id, revision);
"""


def load_units() -> dict:
    """The 40 units of Huế (code set VN-2025-07) shipped with the package."""
    text = resources.files("survey_app.data").joinpath("units.json").read_text(encoding="utf-8")
    return json.loads(text)


def migrate(db: sqlite_utils.Database) -> None:
    """Create the v1 schema, this device's id and the unit list."""
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    db.table("device").insert({"id": new_id(), "created_at": utc_now(), "name": ""})
    data = load_units()
    assert data["code_set"] == CODE_SET
    db.table("units").insert_all(
        {
            "code": u["code"], "code_set": data["code_set"], "name": u["name"], "kind": u["kind"],
            "inside_lon": u["inside"][0], "inside_lat": u["inside"][1],
            "min_lon": u["bbox"][0], "min_lat": u["bbox"][1], "max_lon": u["bbox"][2], "max_lat": u["bbox"][3],
            "area_km2": u["area_km2"], "formed_from": json.dumps(u["formed_from"], ensure_ascii=False),
        }
        for u in data["units"]
    )
