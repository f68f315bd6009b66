"""SQL of the coverage area: samples for the hexagon summaries, their partitions, state, and assignments."""
from __future__ import annotations

import sqlite_utils

from survey_app.models.export_spec import Filters
from survey_app.storage import clauses

PARTITION_KEY = ("res", "cell", "unit_code", "operator", "technology", "session_id", "day")
PARTITION_COLUMNS = PARTITION_KEY + ("readings", "no_service", "tests", "newest", "rsrp", "sinr", "down", "up")
SOURCES = ("signal_readings", "speed_tests")
# Per source: the two values kept in histograms (x their scale, rounded) and the "counts" flag (no service /
# test succeeded). NULL values come back as -2^31 (histograms.MISSING), never binned.
_VALUES = {
    "signal_readings": ("round(coalesce(r.rsrp_dbm, r.nr_rsrp_dbm) * 10)", "round(coalesce(r.sinr_db, r.nr_sinr_db) * 10)",
                        "(r.technology IS NULL OR r.registration IN ('none', 'searching', 'denied'))", "r.measured_at"),
    "speed_tests": ("round(r.download_mbps * 100)", "round(r.upload_mbps * 100)", "(r.status = 'ok')", "r.started_at"),
}


def names(db: sqlite_utils.Database, table: str, column: str, after: int = 0) -> list[str]:
    """Distinct non-empty values of a text column (operators, technologies) in rows after a rowid, sorted."""
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT [{column}] FROM [{table}] WHERE rowid > ? AND ifnull([{column}], '') != '' ORDER BY 1",
        [after])]


def operators_and_technologies(db: sqlite_utils.Database, table: str, after: int) -> tuple[list[str], list[str]]:
    """Distinct non-empty operators and technologies of the rows after a rowid (one pass)."""
    # from the start: the (unit_code, operator, technology) index covers it, a twentieth of the table to read
    where, params = ("", []) if after <= 0 else (" WHERE rowid > ?", [after])
    pairs = db.execute(f"SELECT DISTINCT operator, technology FROM [{table}]{where}", params).fetchall()
    return sorted({o for o, _t in pairs if o}), sorted({t for _o, t in pairs if t})


def _case(column: str, values: list[str]) -> tuple[str, list]:
    if not values:
        return "0", []
    return (f"CASE {column} " + " ".join("WHEN ? THEN ?" for _v in values) + " ELSE 0 END",
            [x for i, v in enumerate(values, start=1) for x in (v, i)])


# Positions leave SQLite as integers: x * 2^52 is exact for 1 <= |x| < 2048 (every double there is a multiple of
# 2^-52); other positions are read again as REAL (`positions`).
POSITION_SCALE = 2.0 ** 52
SAMPLE_COLUMNS = ("rowid", "lat", "lon", "k1", "k2", "epoch", "v1", "v2")


def sample_blocks(db: sqlite_utils.Database, table: str, after: int, upto: int, ops: list[str], techs: list[str],
                  batch: int = 200_000):
    """Blocks of sample rows in (after, upto] as bytes of big-endian int64s, SAMPLE_COLUMNS per row: rowid, lat
    and lon x 2^52, k1 = operator index x 4096 + technology index x 2 + flag, k2 = session rowid x 65536 + unit rowid, epoch
    seconds, value 1, value 2. Rows without a position are skipped.

    Each block is one text of hexadecimal int64s made by SQLite, which numpy reads at memory speed: a Python
    tuple per row costs more than SQLite's whole scan, and holds the GIL the other reader thread needs."""
    v1, v2, flag, when = _VALUES[table]
    op_sql, op_params = _case("r.operator", ops)
    tech_sql, tech_params = _case("r.technology", techs)
    miss = "-2147483648"
    cols = ["r.rowid", f"CAST(r.lat * {POSITION_SCALE!r} AS INTEGER)", f"CAST(r.lon * {POSITION_SCALE!r} AS INTEGER)",
            f"({op_sql}) * 4096 + ({tech_sql}) * 2 + ifnull({flag}, 0)",
            "ifnull(s.rowid, 0) * 65536 + ifnull(u.rowid, 0)",
            f"ifnull(unixepoch({when}), 0)",
            f"ifnull(CAST({v1} AS INTEGER), {miss})", f"ifnull(CAST({v2} AS INTEGER), {miss})"]
    hexes = "%016x" * len(cols)
    # joins, not a subquery per row: SQLite then keeps one cursor on each small table (a tenth less CPU)
    sql = (f"SELECT group_concat(printf('{hexes}', {', '.join(cols)}), '') FROM [{table}] r "
           "LEFT JOIN sessions s ON s.id = r.session_id LEFT JOIN units u ON u.code = r.unit_code "
           "WHERE r.rowid > ? AND r.rowid <= ? AND r.lat IS NOT NULL AND r.lon IS NOT NULL")
    params = op_params + tech_params
    for lo in range(after, upto, batch):
        text = db.execute(sql, params + [lo, min(upto, lo + batch)]).fetchone()[0]
        if text:
            yield bytes.fromhex(text)


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


def _by_rowid(db: sqlite_utils.Database, sql: str, rowids: list[int]) -> dict:
    out: dict = {}
    for start in range(0, len(rowids), 500):
        part = rowids[start:start + 500]
        out.update(db.execute(sql.format(marks=",".join("?" * len(part))), part).fetchall())
    return out


def session_ids(db: sqlite_utils.Database, rowids: list[int]) -> dict[int, str]:
    """Session rowid -> id, for these rowids only."""
    return _by_rowid(db, "SELECT rowid, id FROM sessions WHERE rowid IN ({marks})", rowids)


def unit_codes(db: sqlite_utils.Database, rowids: list[int]) -> dict[int, str]:
    """Unit rowid -> code, for these rowids only."""
    return _by_rowid(db, "SELECT rowid, code FROM units WHERE rowid IN ({marks})", rowids)


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
