-- The revision rules' history and deletions (receivers of the day before created these two tables on open:
-- IF NOT EXISTS keeps their rows), and the database's own guards on them: a record keeps its device, leaves
-- only for a newer tombstone, comes back only with a newer revision; history is never rewritten.
CREATE TABLE IF NOT EXISTS record_history (
    seq INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,              -- the revision of this copy
    kind TEXT NOT NULL,                     -- 'superseded' | 'deleted' | 'stale' | 'conflict'
    device_id TEXT,
    updated_at TEXT,
    data TEXT NOT NULL,
    batch_id TEXT,                          -- the batch (or bundle) that brought this copy
    received_at TEXT,                       -- when this copy had arrived (this server's clock)
    superseded_at TEXT NOT NULL,            -- when it became history
    superseded_by INTEGER,                  -- the revision held instead
    changed_by TEXT,                        -- who made the change that superseded it, and why
    change_reason TEXT,
    changed_fields TEXT                     -- JSON list of the data fields that differ from the revision held
);
CREATE INDEX IF NOT EXISTS record_history_record ON record_history(table_name, id, revision);
CREATE TABLE IF NOT EXISTS deletions (
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,              -- the deletion's revision (tombstone record_revision)
    tombstone_id TEXT NOT NULL,
    deleted_at TEXT,                        -- the deleting laptop's clock, for information
    deleted_by TEXT,
    reason TEXT,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (table_name, id)
);
ALTER TABLE deletions ADD COLUMN purged INTEGER NOT NULL DEFAULT 0;  -- an erasure: no copy of the record is kept

CREATE TRIGGER records_keep_device BEFORE UPDATE OF device_id ON records
WHEN OLD.device_id IS NOT NULL AND NEW.device_id IS NOT OLD.device_id
BEGIN
    SELECT RAISE(ABORT, 'records: a record keeps the device it was made on');
END;
CREATE TRIGGER records_deleted_by_tombstone BEFORE DELETE ON records
WHEN NOT EXISTS (SELECT 1 FROM deletions d WHERE d.table_name = OLD.table_name AND d.id = OLD.id
                 AND d.revision > OLD.revision)
BEGIN
    SELECT RAISE(ABORT, 'records: a record is deleted only by a tombstone of a newer revision');
END;
CREATE TRIGGER deletions_forward BEFORE UPDATE ON deletions
WHEN NEW.table_name IS NOT OLD.table_name OR NEW.id IS NOT OLD.id OR NEW.revision < OLD.revision
BEGIN
    SELECT RAISE(ABORT, 'deletions: a deletion revision never goes back');
END;
CREATE TRIGGER deletions_undone_by_revision BEFORE DELETE ON deletions
WHEN NOT EXISTS (SELECT 1 FROM records r WHERE r.table_name = OLD.table_name AND r.id = OLD.id
                 AND r.revision > OLD.revision)
BEGIN
    SELECT RAISE(ABORT, 'deletions: a deletion ends only with a newer revision of its record');
END;
CREATE TRIGGER record_history_kept BEFORE UPDATE ON record_history
BEGIN
    SELECT RAISE(ABORT, 'record_history: history is never rewritten');
END;
