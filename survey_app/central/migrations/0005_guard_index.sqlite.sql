-- The insert guard as a partial index instead of a BEFORE INSERT trigger. A trigger makes SQLite build the
-- whole NEW row for every insert, the three JSON-generated columns (session_id, lon, lat) included: about
-- 15 µs of the ~50 µs a record costs. The index's WHERE reads only revision and the first character of data;
-- a row it admits (out of range, not an object) makes the index expression fail ("malformed JSON"), so the
-- row is refused as before, for inserts and updates alike. Good rows add nothing to the index.
DROP TRIGGER IF EXISTS records_revision_range;
CREATE INDEX records_revision_range ON records (json('records: revision out of range or data not an object ' || revision))
WHERE revision < 1 OR revision > 9007199254740992 OR substr(data, 1, 1) IS NOT '{';
