-- The receiver's schema as it was before numbered migrations: devices, batches with their answers, records.
-- (IF NOT EXISTS: a receiver file made before migrations adopts it; files older than device keys get the key
-- columns from CentralStore on open.)
CREATE TABLE IF NOT EXISTS devices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    public_key TEXT,                        -- the device's survey public key (signs its bundles)
    fingerprint TEXT,
    device_uuid TEXT,                       -- the device id its records carry (from the key, or its first batch)
    role TEXT NOT NULL DEFAULT 'surveyor',  -- surveyor | supervisor | central
    team TEXT                               -- devices of one team may write each other's records
);
CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY,
    device INTEGER NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL DEFAULT 'batch',
    client_device_id TEXT,
    schema_version INTEGER,
    client_created_at TEXT,
    received_at TEXT NOT NULL,
    records INTEGER NOT NULL,
    answer TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    device_id TEXT,
    updated_at TEXT,
    data TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (table_name, id)
);
