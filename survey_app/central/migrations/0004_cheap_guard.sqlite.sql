-- The guard on inserted records without parsing each record's JSON a second time (json_type() on every insert
-- cost a third of the insert): malformed JSON is refused anyway when the indexed session_id column is computed,
-- so "an object" is now "starts with {".
DROP TRIGGER IF EXISTS records_revision_range;
CREATE TRIGGER records_revision_range BEFORE INSERT ON records
WHEN NEW.revision < 1 OR NEW.revision > 9007199254740992 OR substr(NEW.data, 1, 1) IS NOT '{'
BEGIN
    SELECT RAISE(ABORT, 'records: revision out of range or data not an object');
END;
