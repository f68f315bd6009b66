"""SQL of the coverage area: samples for the hexagon summaries, their partitions, state, and assignments."""
from __future__ import annotations

import sqlite_utils

from survey_app.models.export_spec import Filters
from survey_app.storage import clauses
from survey_app.storage import schema_coverage_0010 as schema_0010

PARTITION_KEY = ("res", "cell", "unit_code", "operator", "technology", "session_id", "day")
PARTITION_COLUMNS = PARTITION_KEY + ("readings", "no_service", "tests", "newest", "rsrp", "sinr", "down", "up")
SOURCES = ("signal_readings", "speed_tests")
# Each source's samples (migration 0010, storage/schema_coverage_0010.py): one blob of SAMPLE_COLUMNS big-endian
# int64 per row with a position, made by coverage.inputs.fill, kept in step by triggers. NULL values are -2^31.
INPUTS = schema_0010.INPUT_TABLES
SAMPLE_COLUMNS = ("rowid", "kf", "lat", "lon", "epoch", "v1", "v2")   # kf = hex_keys id x 2 + flag
# Positions are integers: x * 2^52 is exact for 1 <= |x| < 2048 (every double there is a multiple of 2^-52);
# other positions are read again as REAL (`positions`).
POSITION_SCALE = 2.0 ** 52


def names(db: sqlite_utils.Database, table: str, column: str, after: int = 0) -> list[str]:
    """Distinct non-empty values of a text column (operators, technologies) in rows after a rowid, sorted."""
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT [{column}] FROM [{table}] WHERE rowid > ? AND ifnull([{column}], '') != '' ORDER BY 1",
        [after])]


def sample_keys(db: sqlite_utils.Database, ids: list[int]) -> list[tuple[int, str, str, str, str]]:
    """(id, session id, unit code, operator, technology) of these sample keys; the session id and unit code are ''
    when no such session or unit is stored (as joins on the rows would find them); '' is also "unknown"."""
    out: list = []
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        out += db.execute("SELECT k.id, ifnull(s.id, ''), ifnull(u.code, ''), k.operator, k.technology FROM hex_keys k "
                          "LEFT JOIN sessions s ON s.id = k.session_id LEFT JOIN units u ON u.code = k.unit_code "
                          f"WHERE k.id IN ({','.join('?' * len(part))})", part).fetchall()
    return out


def pending_inputs(db: sqlite_utils.Database) -> dict[str, tuple[int, int]]:
    """Per source, the rowids (lo, hi] whose rows have no sample yet (lo == hi: none)."""
    made = dict(db.execute("SELECT source, last_rowid FROM hex_inputs_state").fetchall())
    out = {}
    for source in SOURCES:
        hi = last_rowid(db, source)
        out[source] = (min(made.get(source, 0), hi), hi)     # rows removed at the top: their rowids come back
    return out


def fill_range(db: sqlite_utils.Database, source: str, after: int, upto: int) -> None:
    """Make the samples of the `source` rows in (after, upto] in SQL (they have none)."""
    for statement in schema_0010.fill_statements(source):
        db.execute(statement, [after, upto])


def mark_inputs(db: sqlite_utils.Database, source: str, upto: int) -> None:
    """Remember that every `source` row up to this rowid has its sample."""
    db.execute("INSERT OR REPLACE INTO hex_inputs_state SELECT ?, ? WHERE ? IS NOT (SELECT last_rowid FROM "
               "hex_inputs_state WHERE source = ?)", [source, upto, upto, source])


def bulk_samples(db: sqlite_utils.Database, source: str, after: int, upto: int) -> tuple[bytes, bytes, int]:
    """One pass over the `source` rows in (after, upto] (schema_coverage_0010.bulk_statement)."""
    texts, samples, n = db.execute(schema_0010.bulk_statement(source), [after, upto]).fetchone()
    return texts or b"", samples or b"", n


def key_ids(db: sqlite_utils.Database, keys: list[tuple[str, str, str, str]]) -> list[int]:
    """The hex_keys ids of these (session id, unit code, operator, technology), added when new."""
    db.conn.executemany("INSERT OR IGNORE INTO hex_keys (session_id, unit_code, operator, technology) "
                        "VALUES (?, ?, ?, ?)", keys)
    find = "SELECT id FROM hex_keys WHERE session_id = ? AND unit_code = ? AND operator = ? AND technology = ?"
    return [db.execute(find, list(k)).fetchone()[0] for k in keys]


def put_samples(db: sqlite_utils.Database, source: str, rowids: list[int], samples: bytes) -> None:
    """Store samples made outside SQL (SAMPLE_COLUMNS big-endian int64 each, in `rowids` order; rows that have
    none): one statement, the rowids as a JSON array, each sample cut from the blob."""
    import json

    width = 8 * len(SAMPLE_COLUMNS)
    db.execute(f"INSERT INTO {INPUTS[source]} (id, sample) SELECT j.value, substr(?2, j.key * {width} + 1, {width}) "
               "FROM json_each(?1) j", [json.dumps(rowids), samples])


def sample_blocks(db: sqlite_utils.Database, table: str, after: int, upto: int, batch: int = 250_000):
    """The samples of a source's rows in (after, upto] (rows without a position have none), as blocks of bytes:
    SAMPLE_COLUMNS big-endian int64s per row, which numpy reads as they are (no value formatted or parsed)."""
    # the blobs concatenated by SQLite: one Python object per block, not one per row
    sql = f"SELECT CAST(group_concat(sample, '') AS BLOB) FROM {INPUTS[table]} WHERE id > ? AND id <= ?"
    for lo in range(after, upto, batch):
        block = db.execute(sql, [lo, min(upto, lo + batch)]).fetchone()[0]
        if block:
            yield block


def positions(db: sqlite_utils.Database, table: str, rowids: list[int]) -> dict[int, tuple[float, float]]:
    """rowid -> (lat, lon) as stored, for the few positions `sample_blocks` cannot carry exactly."""
    out: dict[int, tuple[float, float]] = {}
    for start in range(0, len(rowids), 500):
        part = rowids[start:start + 500]
        out.update((r, (la, lo)) for r, la, lo in db.execute(
            f"SELECT rowid, lat, lon FROM [{table}] WHERE rowid IN ({','.join('?' * len(part))})", part))
    return out


def database_file(db: sqlite_utils.Database) -> str | None:
    """The file behind a connection (None in memory)."""
    return db.execute("PRAGMA database_list").fetchone()[2] or None


def last_rowid(db: sqlite_utils.Database, table: str) -> int:
    """Highest rowid of a source table (0 when empty)."""
    return int(db.execute(f"SELECT ifnull(max(rowid), 0) FROM [{table}]").fetchone()[0])


def boundary_stamp(db: sqlite_utils.Database) -> tuple:
    """What changes whenever unit boundaries are imported (cheap: 40 rows)."""
    return tuple(db.execute("SELECT count(*), ifnull(max(imported_at), ''), total(length(geometry)) "
                            "FROM unit_boundaries").fetchone())


def hex_state(db: sqlite_utils.Database) -> dict[str, tuple[int, int, str]]:
    """Per source: (last rowid read, rows read or -1 when stale, boundary fingerprint)."""
    return {s: (r, n, b) for s, r, n, b in db.execute(
        "SELECT source, last_rowid, processed, boundaries FROM hex_state")}


def save_state(db: sqlite_utils.Database, source: str, last_rowid: int, processed: int, boundaries: str) -> None:
    """Remember how far a source was read."""
    db.execute("INSERT OR REPLACE INTO hex_state VALUES (?, ?, ?, ?)", [source, last_rowid, processed, boundaries])


def get_partition(db: sqlite_utils.Database, key: tuple):
    """The stored row of one partition key (None if new)."""
    return db.execute("SELECT readings, no_service, tests, newest, rsrp, sinr, down, up FROM hex_partitions WHERE "
                      + " AND ".join(f"{k} = ?" for k in PARTITION_KEY), list(key)).fetchone()


def put_partitions(db: sqlite_utils.Database, rows: list[tuple]) -> None:
    """Write partitions (all PARTITION_COLUMNS, in order), replacing those with the same key."""
    db.conn.executemany(f"INSERT OR REPLACE INTO hex_partitions VALUES ({','.join('?' * len(PARTITION_COLUMNS))})",
                        rows)


def all_partitions(db: sqlite_utils.Database) -> dict[tuple, tuple]:
    """Every stored partition: key (PARTITION_KEY) -> the other columns."""
    k = len(PARTITION_KEY)
    return {row[:k]: row[k:] for row in db.execute(f"SELECT {', '.join(PARTITION_COLUMNS)} FROM hex_partitions")}


def delete_partitions(db: sqlite_utils.Database, keys: list[tuple]) -> None:
    """Remove these partitions (keys in PARTITION_KEY order)."""
    db.conn.executemany("DELETE FROM hex_partitions WHERE " + " AND ".join(f"{k} = ?" for k in PARTITION_KEY), keys)


def _day(d) -> int:
    return (d - d.__class__(1970, 1, 1)).days


def select_partitions(db: sqlite_utils.Database, res: int, operator: str | None, technology: str | None,
                      f: Filters, since_day: int | None = None):
    """Rows (cell, unit_code, operator, technology, readings, no_service, tests, newest, rsrp, sinr, down, up)
    of the partitions a map or an export takes: None for operator/technology means every one."""
    where, params = ["p.res = ?"], [res]
    for col, value in (("operator", operator), ("technology", technology)):
        if value is not None:
            where.append(f"p.{col} = ?")
            params.append(value)
    if f.units:
        where.append(clauses.in_list("p.unit_code", f.units))
        params += list(f.units)
    if f.date_from:
        where.append("p.day >= ?")
        params.append(_day(f.date_from))
    if f.date_to:
        where.append("p.day <= ?")
        params.append(_day(f.date_to))
    if since_day is not None:
        where.append("p.day >= ?")
        params.append(since_day)
    rules, rule_params = clauses.session_rules(f, alias="s.")
    join = " JOIN sessions s ON s.id = p.session_id" if rules else ""
    return db.execute("SELECT p.cell, p.unit_code, p.operator, p.technology, p.readings, p.no_service, p.tests, "
                      f"p.newest, p.rsrp, p.sinr, p.down, p.up FROM hex_partitions p{join}"
                      + clauses.where(where + rules), params + rule_params)


def partition_choices(db: sqlite_utils.Database) -> list[tuple[str, str, int]]:
    """(operator, technology, readings + tests) present in the summaries, for the map's picker."""
    return db.execute("SELECT operator, technology, sum(readings + tests) FROM hex_partitions WHERE res = 9 "
                      "GROUP BY operator, technology ORDER BY operator, technology").fetchall()


def unit_rows(db: sqlite_utils.Database, units: tuple[str, ...] = ()) -> list[tuple]:
    """(code, name, kind, area_km2, min_lon, min_lat, max_lon, max_lat, boundary GeoJSON or None) by code."""
    where = clauses.where([clauses.in_list("u.code", units)] if units else [])
    return db.execute("SELECT u.code, u.name, u.kind, u.area_km2, u.min_lon, u.min_lat, u.max_lon, u.max_lat, "
                      f"b.geometry FROM units u LEFT JOIN unit_boundaries b ON b.unit_code = u.code{where} "
                      "ORDER BY u.code", list(units)).fetchall()


def insert_assignment(db: sqlite_utils.Database, row: dict) -> None:
    """Store a new assignment record (already stamped)."""
    db.table("assignments").insert(row)


def get_assignment(db: sqlite_utils.Database, ident: str) -> dict | None:
    """An assignment row by id or unique id prefix (None if none or ambiguous)."""
    rows = db.execute("SELECT * FROM assignments WHERE id = ? OR id LIKE ? LIMIT 2", [ident, ident + "%"]).fetchall()
    if len(rows) != 1:
        exact = [r for r in rows if r[0] == ident]
        rows = exact
    if not rows:
        return None
    cols = [d[0] for d in db.execute("SELECT * FROM assignments LIMIT 0").description]
    return dict(zip(cols, rows[0]))


def list_assignments(db: sqlite_utils.Database, unit_code: str | None, open_only: bool) -> list[dict]:
    """Assignment rows, newest first."""
    where, params = [], []
    if unit_code:
        where.append("unit_code = ?")
        params.append(unit_code)
    if open_only:
        where.append("status = 'open'")
    cur = db.execute("SELECT * FROM assignments" + (" WHERE " + " AND ".join(where) if where else "")
                     + " ORDER BY issued_at DESC", params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def samples_since(db: sqlite_utils.Database, kind: str, since: str, operators: list[str]) -> list[tuple]:
    """(lat, lon, operator, technology) of successful speed tests ('tests') or signal readings ('readings')
    recorded at or after `since` (UTC text) by these operators, with a position."""
    table, when, ok = (("speed_tests", "started_at", " AND status = 'ok'") if kind == "tests"
                       else ("signal_readings", "measured_at", ""))
    marks = ",".join("?" * len(operators)) or "''"
    return db.execute(f"SELECT lat, lon, operator, technology FROM {table} WHERE {when} >= ?{ok} "
                      f"AND lat IS NOT NULL AND lon IS NOT NULL AND operator IN ({marks})",
                      [since] + list(operators)).fetchall()


def has_boundaries(db: sqlite_utils.Database) -> bool:
    """Whether any unit boundary is imported."""
    return db.execute("SELECT 1 FROM unit_boundaries LIMIT 1").fetchone() is not None


def progress_rows(db: sqlite_utils.Database, assignment_ids: list[str]) -> list[dict]:
    """Progress records of these assignments (from every laptop)."""
    if not assignment_ids:
        return []
    cur = db.execute(f"SELECT * FROM assignment_progress WHERE assignment_id IN ({','.join('?' * len(assignment_ids))})",
                     assignment_ids)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def insert_progress(db: sqlite_utils.Database, row: dict) -> None:
    """Store a new progress record (already stamped)."""
    db.table("assignment_progress").insert(row)
