-- City edition: revisions enforced by the database, columns the read views and indicators join on,
-- dashboard accounts and sessions, login throttling, read tokens for the feeds, units and their boundaries.
ALTER TABLE records ADD COLUMN session_id TEXT GENERATED ALWAYS AS
    (CASE WHEN json_type(data, '$.session_id') = 'text' THEN json_extract(data, '$.session_id') END) VIRTUAL;
-- The published position: household-linked layers (speed tests, households) rounded to 3 decimals (~110 m).
ALTER TABLE records ADD COLUMN lon REAL GENERATED ALWAYS AS
    (CASE WHEN json_type(data, '$.lon') IN ('real', 'integer') AND json_type(data, '$.lat') IN ('real', 'integer')
               AND abs(json_extract(data, '$.lon')) <= 180 AND abs(json_extract(data, '$.lat')) <= 90
          THEN CASE WHEN table_name IN ('speed_tests', 'households') THEN round(json_extract(data, '$.lon'), 3)
                    ELSE json_extract(data, '$.lon') END END) VIRTUAL;
ALTER TABLE records ADD COLUMN lat REAL GENERATED ALWAYS AS
    (CASE WHEN json_type(data, '$.lon') IN ('real', 'integer') AND json_type(data, '$.lat') IN ('real', 'integer')
               AND abs(json_extract(data, '$.lon')) <= 180 AND abs(json_extract(data, '$.lat')) <= 90
          THEN CASE WHEN table_name IN ('speed_tests', 'households') THEN round(json_extract(data, '$.lat'), 3)
                    ELSE json_extract(data, '$.lat') END END) VIRTUAL;
CREATE INDEX IF NOT EXISTS records_session ON records (session_id, table_name) WHERE session_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS batches_received ON batches (received_at);
-- One device id per active device: two tokens claiming one id at once cannot both win.
CREATE UNIQUE INDEX IF NOT EXISTS devices_uuid ON devices (device_uuid) WHERE device_uuid IS NOT NULL AND revoked_at IS NULL;

-- A held revision never goes back, and the content of a held revision never changes.
CREATE TRIGGER IF NOT EXISTS records_revision_forward BEFORE UPDATE ON records
WHEN NEW.table_name IS NOT OLD.table_name OR NEW.id IS NOT OLD.id OR NEW.revision < OLD.revision
     OR (NEW.revision = OLD.revision AND NEW.data IS NOT OLD.data)
BEGIN
    SELECT RAISE(ABORT, 'records: a stored revision never goes back or changes');
END;
CREATE TRIGGER IF NOT EXISTS records_revision_range BEFORE INSERT ON records
WHEN NEW.revision < 1 OR NEW.revision > 9007199254740992 OR json_type(NEW.data) IS NOT 'object'
BEGIN
    SELECT RAISE(ABORT, 'records: revision out of range or data not an object');
END;

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled_at TEXT
);
CREATE TABLE web_sessions (
    token_sha256 TEXT PRIMARY KEY,
    account INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_name ON login_failures (name, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
CREATE TABLE read_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_sha256 TEXT NOT NULL UNIQUE,
    personal INTEGER NOT NULL DEFAULT 0 CHECK (personal IN (0, 1)),
    precise INTEGER NOT NULL DEFAULT 0 CHECK (precise IN (0, 1)),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE units (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    inside_lon REAL,
    inside_lat REAL,
    min_lon REAL,
    min_lat REAL,
    max_lon REAL,
    max_lat REAL,
    code_set TEXT,
    area_km2 REAL
);
CREATE TABLE unit_boundaries (
    unit_code TEXT PRIMARY KEY,
    geometry TEXT NOT NULL,
    source TEXT,
    imported_at TEXT NOT NULL
);
CREATE TABLE central_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
