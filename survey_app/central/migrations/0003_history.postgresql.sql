-- The revision rules' history and deletions, and the database's own guards on them: a record keeps its device,
-- leaves only for a newer tombstone, comes back only with a newer revision; history is never rewritten.
CREATE TABLE record_history (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    revision bigint NOT NULL,               -- the revision of this copy
    kind text NOT NULL CHECK (kind IN ('superseded', 'deleted', 'stale', 'conflict')),
    device_id text,
    updated_at text,
    data jsonb NOT NULL,
    batch_id text COLLATE "C",              -- the batch (or bundle) that brought this copy
    received_at text,                       -- when this copy had arrived (this server's clock)
    superseded_at text NOT NULL,            -- when it became history
    superseded_by bigint,                   -- the revision held instead
    changed_by text,                        -- who made the change that superseded it, and why
    change_reason text,
    changed_fields jsonb                    -- the data fields that differ from the revision held
);
CREATE INDEX record_history_record ON record_history (table_name, id, revision);
CREATE TABLE deletions (
    table_name text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    revision bigint NOT NULL CHECK (revision BETWEEN 1 AND 9007199254740992),  -- the tombstone's record_revision
    tombstone_id text NOT NULL,
    deleted_at text,                        -- the deleting laptop's clock, for information
    deleted_by text,
    reason text,
    batch_id text NOT NULL,
    received_at text NOT NULL,
    purged boolean NOT NULL DEFAULT false,  -- an erasure: no copy of the record is kept
    PRIMARY KEY (table_name, id)
);

CREATE FUNCTION records_keep_device() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.device_id IS NOT NULL AND NEW.device_id IS DISTINCT FROM OLD.device_id THEN
        RAISE EXCEPTION 'records: a record keeps the device it was made on (% %)', OLD.table_name, OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER records_keep_device BEFORE UPDATE OF device_id ON records
    FOR EACH ROW EXECUTE FUNCTION records_keep_device();

CREATE FUNCTION records_deleted_by_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM deletions d WHERE d.table_name = OLD.table_name AND d.id = OLD.id
                   AND d.revision > OLD.revision) THEN
        RAISE EXCEPTION 'records: a record is deleted only by a tombstone of a newer revision (% %)',
            OLD.table_name, OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER records_deleted_by_tombstone BEFORE DELETE ON records
    FOR EACH ROW EXECUTE FUNCTION records_deleted_by_tombstone();

CREATE FUNCTION deletions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.table_name IS DISTINCT FROM OLD.table_name OR NEW.id IS DISTINCT FROM OLD.id
           OR NEW.revision < OLD.revision THEN
            RAISE EXCEPTION 'deletions: a deletion revision never goes back (% %)', OLD.table_name, OLD.id
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM records r WHERE r.table_name = OLD.table_name AND r.id = OLD.id
                   AND r.revision > OLD.revision) THEN
        RAISE EXCEPTION 'deletions: a deletion ends only with a newer revision of its record (% %)',
            OLD.table_name, OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER deletions_guard BEFORE UPDATE OR DELETE ON deletions
    FOR EACH ROW EXECUTE FUNCTION deletions_guard();

CREATE FUNCTION record_history_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'record_history: history is never rewritten' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER record_history_kept BEFORE UPDATE ON record_history
    FOR EACH ROW EXECUTE FUNCTION record_history_kept();
