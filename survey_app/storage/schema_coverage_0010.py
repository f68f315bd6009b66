"""Migration 0010_hex_inputs: the hexagon summaries' inputs kept narrow, beside the wide observation tables.

A full build read every signal_readings row (46 columns, ~500 bytes, encrypted) to take eight values from it:
three quarters of its time. Now each observation with a position has one `sample` of 7 big-endian int64
(`SAMPLE_FIELDS`; what storage.coverage.sample_blocks hands to numpy as it is). The summaries' update makes the
samples of rows added since it last ran (`fill_statements`, set-based, up to `hex_inputs_state.last_rowid`), so an
insert costs nothing more; triggers make a sample again when an input column of a row below that mark is updated
and remove it with its row, whatever path changes it. Text that repeats (session, unit, operator, technology)
becomes one `hex_keys` id; the key's session and unit are looked up when read, so a parent written after its
children (bundle import) or changed later is seen as the old joins saw it.
"""
from __future__ import annotations

import sqlite_utils

SAMPLE_FIELDS = ("rowid", "key x 2 + flag", "lat x 2^52", "lon x 2^52", "epoch", "value 1", "value 2")
POSITION_SCALE = "4503599627370496.0"    # 2^52: x * 2^52 is exact for 1 <= |x| < 2048 (storage.coverage)
MISSING = "-2147483648"                  # a NULL value (survey_app.coverage.histograms.MISSING)
INPUT_TABLES = {"signal_readings": "hex_readings_in", "speed_tests": "hex_tests_in"}

# Per source: value 1, value 2 (x their scale, rounded), the flag (no service / test succeeded), the time.
_VALUES = {
    "signal_readings": ("round(coalesce({r}rsrp_dbm, {r}nr_rsrp_dbm) * 10)",
                        "round(coalesce({r}sinr_db, {r}nr_sinr_db) * 10)",
                        "({r}technology IS NULL OR {r}registration IN ('none', 'searching', 'denied'))",
                        "{r}measured_at"),
    "speed_tests": ("round({r}download_mbps * 100)", "round({r}upload_mbps * 100)", "({r}status = 'ok')",
                    "{r}started_at"),
}
# The columns a sample is made of: an update of any of them makes the sample again.
_INPUTS = {
    "signal_readings": "lat, lon, operator, technology, registration, rsrp_dbm, nr_rsrp_dbm, sinr_db, nr_sinr_db, "
                       "measured_at, session_id, unit_code",
    "speed_tests": "lat, lon, operator, technology, status, download_mbps, upload_mbps, started_at, session_id, "
                   "unit_code",
}
_KEY = ("ifnull({r}session_id, '')", "ifnull({r}unit_code, '')", "ifnull({r}operator, '')",
        "ifnull({r}technology, '')")

TABLES = """
CREATE TABLE hex_keys (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL, unit_code TEXT NOT NULL, operator TEXT NOT NULL, technology TEXT NOT NULL,
    UNIQUE (session_id, unit_code, operator, technology)
);
-- id = the signal_readings / speed_tests rowid
CREATE TABLE hex_readings_in (id INTEGER PRIMARY KEY, sample BLOB NOT NULL);
CREATE TABLE hex_tests_in (id INTEGER PRIMARY KEY, sample BLOB NOT NULL);
CREATE TABLE hex_inputs_state (source TEXT PRIMARY KEY, last_rowid INTEGER NOT NULL)   -- samples made up to here
"""


def _sample(source: str, r: str, key: str | None = None) -> str:
    """SQL of one row's sample (`r`: 'new.' in a trigger, 'r.' over the table); `key`: the SQL of its hex_keys
    id (default: looked up by the row's texts)."""
    v1, v2, flag, when = (v.format(r=r) for v in _VALUES[source])
    key = key or ("(SELECT id FROM hex_keys WHERE session_id = {} AND unit_code = {} AND operator = {} "
                  "AND technology = {})".format(*(k.format(r=r) for k in _KEY)))
    fields = [f"{r}rowid", f"{key} * 2 + ifnull({flag}, 0)", f"CAST({r}lat * {POSITION_SCALE} AS INTEGER)",
              f"CAST({r}lon * {POSITION_SCALE} AS INTEGER)", f"ifnull(unixepoch({when}), 0)",
              f"ifnull(CAST({v1} AS INTEGER), {MISSING})", f"ifnull(CAST({v2} AS INTEGER), {MISSING})"]
    return f"unhex(printf('{'%016x' * len(fields)}', {', '.join(fields)}))"


def _write(source: str, r: str, where: str) -> list[str]:
    """Statements that add the samples of `source` rows (`r` as in _sample) matching `where`."""
    key = ", ".join(k.format(r=r) for k in _KEY)
    rows = "" if r == "new." else f" FROM [{source}] r"
    distinct = "" if r == "new." else "DISTINCT "   # one row in a trigger: no temporary table for DISTINCT
    return [f"INSERT OR IGNORE INTO hex_keys (session_id, unit_code, operator, technology) SELECT {distinct}{key}"
            f"{rows} WHERE {where}",
            f"INSERT INTO {INPUT_TABLES[source]} (id, sample) SELECT {r}rowid, {_sample(source, r)}{rows} WHERE {where}"]


def fill_statements(source: str) -> list[str]:
    """Statements (parameters: after, upto) that make the samples of the `source` rows in (after, upto]."""
    return _write(source, "r.", "r.rowid > ? AND r.rowid <= ? AND r.lat IS NOT NULL AND r.lon IS NOT NULL")


# One pass over the table (coverage.inputs): each row's key texts joined by U+001F, rows by U+001E.
KEY_SEPARATOR, ROW_SEPARATOR = b"\x1f", b"\x1e"


def bulk_statement(source: str) -> str:
    """SQL (parameters: after, upto) of one pass over the `source` rows in (after, upto] with a position: (their
    key texts as one blob, their samples with hex_keys id 0 concatenated, the number of rows)."""
    texts = " || x'1f' || ".join(k.format(r="r.") for k in _KEY)
    return (f"SELECT CAST(group_concat({texts}, x'1e') AS BLOB), "
            f"CAST(group_concat({_sample(source, 'r.', '0')}, '') AS BLOB), count(*) FROM [{source}] r "
            "WHERE r.rowid > ? AND r.rowid <= ? AND r.lat IS NOT NULL AND r.lon IS NOT NULL")


def triggers(source: str) -> list[str]:
    """The triggers that keep the samples already made in step with their rows' updates and deletions."""
    table, top = INPUT_TABLES[source], f"(SELECT ifnull(max(rowid), 0) FROM {source})"
    made = f"new.rowid <= ifnull((SELECT last_rowid FROM hex_inputs_state WHERE source = '{source}'), 0)"
    again = "; ".join(_write(source, "new.", f"new.lat IS NOT NULL AND new.lon IS NOT NULL AND {made}"))
    return [f"CREATE TRIGGER {table}_update AFTER UPDATE OF {_INPUTS[source]} ON {source} "
            f"BEGIN DELETE FROM {table} WHERE id = old.rowid; {again}; END",
            # the last row deleted: SQLite gives its rowid to the next insert, which must get a sample too
            f"CREATE TRIGGER {table}_delete AFTER DELETE ON {source} BEGIN DELETE FROM {table} WHERE id = old.rowid; "
            f"UPDATE hex_inputs_state SET last_rowid = {top} WHERE source = '{source}' AND last_rowid > {top}; END"]


def migrate(db: sqlite_utils.Database) -> None:
    """Create the input tables (empty: the next summary update fills them) and their triggers."""
    for statement in TABLES.split(";\n"):
        db.execute(statement)
    for source in INPUT_TABLES:
        for statement in triggers(source):
            db.execute(statement)
