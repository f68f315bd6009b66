"""SQL of the supervisor review: check aggregates, the check cache, boundaries, the sessions table."""
from __future__ import annotations

import json

import sqlite_utils

from survey_app.clock import utc_now
from survey_app.storage import clauses

# Tables whose new rows (by rowid) can change a session's checks; record_history covers revisions.
WATCHED = ("sessions", "signal_readings", "speed_tests", "households", "members", "record_history",
           "unit_boundaries")

# Outside the session's unit box (t is temp.review_targets, which carries the box).
_OUTSIDE_BOX = ("x.lat IS NOT NULL AND (x.lon < t.min_lon OR x.lon > t.max_lon OR x.lat < t.min_lat "
                "OR x.lat > t.max_lat)")
# Targets first (in id order), then each target's records through the per-session index.
_FROM = "FROM temp.review_targets t CROSS JOIN {table} x INDEXED BY {index} ON x.session_id = t.session_id"


def fingerprint(db: sqlite_utils.Database) -> dict[str, int]:
    """Highest rowid of each watched table (cheap: one B-tree seek each)."""
    return {t: db.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0] for t in WATCHED}


def get_state(db: sqlite_utils.Database, key: str) -> str | None:
    """A value of the review cache's state."""
    row = db.execute("SELECT value FROM review_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_state(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Store a value of the review cache's state."""
    db.execute("INSERT OR REPLACE INTO review_state (key, value) VALUES (?, ?)", [key, value])


def fill_targets(db: sqlite_utils.Database, since: dict[str, int] | None) -> int:
    """Put into temp.review_targets the sessions to recheck: all (since=None) or those with new rows."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS review_ids (session_id TEXT PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS review_targets (session_id TEXT PRIMARY KEY, unit_code TEXT, "
               "min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL)")
    db.execute("DELETE FROM temp.review_ids")
    db.execute("DELETE FROM temp.review_targets")
    ins = "INSERT OR IGNORE INTO temp.review_ids (session_id) "
    if since is None:
        db.execute(ins + "SELECT id FROM sessions")
    else:
        db.execute(ins + "SELECT id FROM sessions WHERE rowid > ?", [since.get("sessions", 0)])
        for t in ("signal_readings", "speed_tests", "households"):
            db.execute(ins + f"SELECT session_id FROM {t} WHERE rowid > ? AND session_id IS NOT NULL",
                       [since.get(t, 0)])
        db.execute(ins + "SELECT h.session_id FROM members m JOIN households h ON h.id = m.household_id "
                         "WHERE m.rowid > ? AND h.session_id IS NOT NULL", [since.get("members", 0)])
        hist = "SELECT table_name, record_id FROM record_history WHERE rowid > ?"
        for table, rid in db.execute(hist, [since.get("record_history", 0)]).fetchall():
            if table == "households":
                db.execute(ins + "SELECT session_id FROM households WHERE id = ? AND session_id IS NOT NULL", [rid])
            elif table == "members":
                db.execute(ins + "SELECT h.session_id FROM members m JOIN households h ON h.id = m.household_id "
                                 "WHERE m.id = ?", [rid])
            elif table == "sessions":
                db.execute(ins + "VALUES (?)", [rid])
    db.execute("""INSERT INTO temp.review_targets
                  SELECT i.session_id, s.unit_code, u.min_lon, u.min_lat, u.max_lon, u.max_lat
                  FROM temp.review_ids i JOIN sessions s ON s.id = i.session_id
                  LEFT JOIN units u ON u.code = s.unit_code ORDER BY i.session_id""")
    return db.execute("SELECT count(*) FROM temp.review_targets").fetchone()[0]


def target_sessions(db: sqlite_utils.Database, units: list[str] | None = None) -> list[str]:
    """The sessions in temp.review_targets (of these units only, if given)."""
    if units is None:
        return [r[0] for r in db.execute("SELECT session_id FROM temp.review_targets")]
    return [r[0] for r in db.execute(
        "SELECT t.session_id FROM temp.review_targets t JOIN sessions s ON s.id = t.session_id "
        f"WHERE s.unit_code IN ({', '.join('?' * len(units))})", units)]


def decisions(db: sqlite_utils.Database, session_id: str) -> list[tuple]:
    """(id, session_id, decision, comment, reviewer, decided_at) of a session's decisions, oldest first."""
    return db.execute("SELECT id, session_id, decision, comment, reviewer, decided_at FROM review_decisions "
                      "WHERE session_id = ? ORDER BY decided_at, rowid", [session_id]).fetchall()


def reading_aggregates(db, poor_m: float, gap_s: float) -> dict[str, tuple]:
    """session -> (count, first, last, no_position, poor_accuracy, outside_box, gaps, longest_gap_s)."""
    out = {}
    sql = f"""SELECT t.session_id, count(*), min(x.measured_at), max(x.measured_at), sum(x.lat IS NULL),
                     sum(x.position_accuracy_m > ?), sum({_OUTSIDE_BOX})
              {_FROM.format(table="signal_readings", index="signal_readings_session")} GROUP BY t.session_id"""
    for row in db.execute(sql, [poor_m]):
        out[row[0]] = tuple(row[1:]) + (0, 0.0)
    gaps = f"""SELECT session_id, count(*), max(gap) FROM (
                 SELECT session_id, sec - lag(sec) OVER (PARTITION BY session_id ORDER BY measured_at) AS gap
                 FROM (SELECT x.session_id, x.measured_at, unixepoch(x.measured_at) AS sec
                       {_FROM.format(table="signal_readings", index="signal_readings_session")}))
               WHERE gap > ? GROUP BY session_id"""
    for sid, n, longest in db.execute(gaps, [gap_s]):
        if sid in out:
            out[sid] = out[sid][:6] + (n, float(longest))
    return out


def speedtest_aggregates(db, poor_m: float, max_mbps: float, max_ping: float) -> dict[str, tuple]:
    """session -> (count, first, last, no_position, poor_accuracy, outside_box, failed, implausible)."""
    sql = f"""SELECT t.session_id, count(*), min(x.started_at), max(x.started_at), sum(x.lat IS NULL),
                     sum(x.position_accuracy_m > ?), sum({_OUTSIDE_BOX}), sum(x.status = 'failed'),
                     sum(x.status = 'ok' AND (x.download_mbps IS NULL OR x.download_mbps <= 0
                         OR x.download_mbps > ? OR x.upload_mbps < 0 OR x.upload_mbps > ?
                         OR x.ping_ms <= 0 OR x.ping_ms > ?))
              {_FROM.format(table="speed_tests", index="speed_tests_session")} GROUP BY t.session_id"""
    return {r[0]: tuple(r[1:]) for r in db.execute(sql, [poor_m, max_mbps, max_mbps, max_ping])}


def household_aggregates(db, poor_m: float, min_s: float) -> dict[str, tuple]:
    """session -> (count, first, last, no_position, poor_accuracy, outside_box, members, short, refused,
    consent_missing)."""
    sql = f"""SELECT t.session_id, count(*), min(x.started_at), max(x.ended_at), sum(x.lat IS NULL),
                     sum(x.position_accuracy_m > ?), sum({_OUTSIDE_BOX}), coalesce(sum(x.member_count), 0),
                     sum(x.status = 'finalized' AND x.duration_s < ?), sum(x.status = 'refused'),
                     sum(x.status = 'finalized' AND coalesce(x.consent, '') != 'yes')
              {_FROM.format(table="households", index="households_session")} GROUP BY t.session_id"""
    return {r[0]: tuple(r[1:]) for r in db.execute(sql, [poor_m, min_s])}


def duplicate_households(db) -> dict[str, int]:
    """session -> households whose respondent name and phone match another household of the same unit."""
    sql = """WITH d AS (SELECT unit_code, phone, lower(trim(respondent_name)) AS nm FROM households
                        WHERE phone IS NOT NULL AND phone != '' AND respondent_name IS NOT NULL
                          AND trim(respondent_name) != '' AND status != 'refused'
                        GROUP BY unit_code, phone, nm HAVING count(*) > 1)
             SELECT h.session_id, count(*) FROM households h JOIN d ON d.unit_code = h.unit_code
                    AND d.phone = h.phone AND d.nm = lower(trim(h.respondent_name))
             WHERE h.session_id IS NOT NULL AND h.status != 'refused' GROUP BY h.session_id"""
    return dict(db.execute(sql).fetchall())


def target_points(db, unit_code: str) -> list[tuple]:
    """(session_id, lon, lat) of positioned records of target sessions in one unit."""
    out: list[tuple] = []
    for table in ("signal_readings", "speed_tests", "households"):
        sql = f"""SELECT x.session_id, x.lon, x.lat FROM temp.review_targets t CROSS JOIN {table} x
                  ON x.session_id = t.session_id
                  WHERE t.unit_code = ? AND x.lat IS NOT NULL AND x.lon IS NOT NULL"""
        out.extend(db.execute(sql, [unit_code]).fetchall())
    return out


def save_partials(db, usable_rsrp: float, *, all_sessions: bool) -> None:
    """Recompute the indicator partial sums of the target sessions (set-based, inside SQLite)."""
    for table in ("review_cov", "review_hamlets", "review_people"):
        if all_sessions:
            db.execute(f"DELETE FROM {table}")
        else:
            db.execute(f"DELETE FROM {table} WHERE session_id IN (SELECT session_id FROM temp.review_targets)")
    db.execute(f"""INSERT INTO review_cov
        SELECT t.session_id, coalesce(x.operator, ''), coalesce(x.technology, ''), count(*),
               coalesce(sum((x.technology IN ('LTE', 'NR-NSA') AND x.rsrp_dbm >= ?1)
                            OR (x.technology = 'NR-SA' AND x.nr_rsrp_dbm >= ?1)), 0),
               coalesce(sum(x.technology IN ('NR-NSA', 'NR-SA') AND x.nr_rsrp_dbm >= ?1), 0)
        {_FROM.format(table="signal_readings", index="review_readings_cov")}
        GROUP BY t.session_id, coalesce(x.operator, ''), coalesce(x.technology, '')""", [usable_rsrp])
    db.execute(f"""INSERT INTO review_hamlets
        SELECT t.session_id, coalesce(x.hamlet, ''), count(*), coalesce(sum(x.fibre = 1), 0), count(x.fibre),
               coalesce(sum(x.internet_at_home = 1), 0), count(x.internet_at_home),
               coalesce(sum(x.fixed_broadband = 1), 0), count(x.fixed_broadband)
        {_FROM.format(table="households", index="review_households_cov")}
        WHERE x.status = 'finalized' GROUP BY t.session_id, coalesce(x.hamlet, '')""")
    cols = ", ".join(f"count(m.{f}), coalesce(sum(m.{f}), 0)" for f in MEMBER_FIELDS)
    db.execute(f"""INSERT INTO review_people
        SELECT t.session_id, {cols}
        {_FROM.format(table="households", index="review_households_cov")}
        CROSS JOIN members m INDEXED BY review_members_cov ON m.household_id = x.id
        WHERE x.status = 'finalized' GROUP BY t.session_id""")


MEMBER_FIELDS = ("uses_internet", "owns_mobile_phone", "has_digital_signature", "has_vneid_level2",
                 "uses_online_public_services", "uses_hue_s", "uses_computer")


def save_check_results(db, stats: list[tuple], flags: list[tuple], *, all_sessions: bool) -> None:
    """Replace cached stats and flags of the target sessions (or of all sessions)."""
    if all_sessions:
        db.execute("DELETE FROM review_flags")
        db.execute("DELETE FROM review_session_stats")
    else:
        db.execute("DELETE FROM review_flags WHERE session_id IN (SELECT session_id FROM temp.review_targets) "
                   "OR code = 'duplicate'")
        db.execute("DELETE FROM review_session_stats WHERE session_id IN "
                   "(SELECT session_id FROM temp.review_targets)")
    db.conn.executemany("INSERT OR REPLACE INTO review_session_stats (session_id, households, members, readings, "
                        "speed_tests, first_at, last_at, flag_count, flag_codes, computed_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stats)
    db.conn.executemany("INSERT OR REPLACE INTO review_flags (session_id, code, count, total, detail) "
                        "VALUES (?, ?, ?, ?, ?)", flags)


def update_duplicate_stats(db) -> None:
    """Recount every session's flags after the duplicate flags (which cross sessions) were rewritten."""
    db.execute("""UPDATE review_session_stats SET
                    flag_count = (SELECT count(*) FROM review_flags f WHERE f.session_id = review_session_stats.session_id),
                    flag_codes = coalesce((SELECT group_concat(code, ' ') FROM review_flags f
                                           WHERE f.session_id = review_session_stats.session_id), '')
                  WHERE session_id IN (SELECT session_id FROM review_flags WHERE code = 'duplicate')
                     OR flag_codes LIKE '%duplicate%'""")


def flag_rows(db, session_id: str | None = None, code: str | None = None, limit: int | None = None):
    """Flags joined with their session: (session_id, unit_code, unit_name, team, status, code, count, total,
    detail)."""
    conditions, params = clauses.equal_to({"f.session_id": session_id, "f.code": code})
    sql = ("SELECT f.session_id, s.unit_code, u.name, s.team_name, s.status, f.code, f.count, f.total, f.detail "
           "FROM review_flags f JOIN sessions s ON s.id = f.session_id JOIN units u ON u.code = s.unit_code"
           + clauses.where(conditions) + " ORDER BY s.unit_code, s.started_at, f.code" + clauses.limit(limit))
    return db.execute(sql, params).fetchall()


def save_boundaries(db, rows: list[tuple[str, dict, str]]) -> None:
    """Insert or replace boundaries: (unit_code, GeoJSON geometry, source)."""
    now = utc_now()
    db.conn.executemany("INSERT OR REPLACE INTO unit_boundaries (unit_code, geometry, source, imported_at) "
                        "VALUES (?, ?, ?, ?)", [(c, json.dumps(g), s, now) for c, g, s in rows])


def boundary_codes(db: sqlite_utils.Database) -> set[str]:
    """Codes of the units with an imported boundary."""
    return {r[0] for r in db.execute("SELECT unit_code FROM unit_boundaries")}


def load_boundaries(db) -> dict[str, dict]:
    """unit code -> GeoJSON geometry of every imported boundary."""
    return {c: json.loads(g) for c, g in db.execute("SELECT unit_code, geometry FROM unit_boundaries")}


# -- the Review page's sessions table (paged in SQL: filter, sort, LIMIT/OFFSET) ---------------------------
SESSION_SORT = {
    "id": "s.id", "unit": "u.name", "team": "s.team_name", "started": "s.started_at", "status": "s.status",
    "households": "coalesce(st.households, 0)", "readings": "coalesce(st.readings, 0)",
    "speed_tests": "coalesce(st.speed_tests, 0)", "flags": "coalesce(st.flag_count, 0)",
}
_SESSION_FROM = """FROM sessions s JOIN units u ON u.code = s.unit_code
                   LEFT JOIN review_session_stats st ON st.session_id = s.id"""


def _session_where(filters: dict) -> tuple[str, list]:
    where, params = clauses.equal_to({"s.unit_code": filters.get("unit_code"), "s.status": filters.get("status")})
    if filters.get("flagged"):
        where.append("st.flag_count > 0")
    if filters.get("flag_code"):
        where.append("(' ' || st.flag_codes || ' ') LIKE ?")
        params.append(f"% {filters['flag_code']} %")
    if filters.get("text"):
        where.append("(s.team_name LIKE ? OR s.id LIKE ? OR s.surveyors LIKE ?)")
        t = filters["text"].strip()
        params += [f"%{t}%", f"%{t}%", f"%{t}%"]
    return clauses.where(where), params


def count_sessions(db, filters: dict) -> int:
    """How many sessions match the filters."""
    where, params = _session_where(filters)
    return db.execute(f"SELECT count(*) {_SESSION_FROM}{where}", params).fetchone()[0]


def session_page(db, filters: dict, sort: str = "started", descending: bool = True, limit: int = 200,
                 offset: int = 0) -> list[tuple]:
    """One page of sessions: (id, unit_code, unit_name, team, started_at, status, households, readings,
    speed_tests, flag_count, flag_codes)."""
    where, params = _session_where(filters)
    order = SESSION_SORT.get(sort, "s.started_at") + (" DESC" if descending else " ASC")
    sql = (f"SELECT s.id, s.unit_code, u.name, s.team_name, s.started_at, s.status, coalesce(st.households, 0), "
           f"coalesce(st.readings, 0), coalesce(st.speed_tests, 0), coalesce(st.flag_count, 0), "
           f"coalesce(st.flag_codes, '') {_SESSION_FROM}{where} ORDER BY {order}, s.id LIMIT ? OFFSET ?")
    return db.execute(sql, params + [int(limit), int(offset)]).fetchall()


def session_timeline(db, session_id: str, limit: int = 20000) -> list[tuple]:
    """(measured_at, operator, technology, rsrp, nr_rsrp, sinr) of a session's readings, in time order."""
    return db.execute("SELECT measured_at, operator, technology, rsrp_dbm, nr_rsrp_dbm, sinr_db FROM signal_readings "
                      "WHERE session_id = ? ORDER BY measured_at LIMIT ?", [session_id, limit]).fetchall()


def session_speed_tests(db, session_id: str, limit: int = 1000) -> list[tuple]:
    """(started_at, status, interface_kind, operator, technology, download, upload, ping, error)."""
    return db.execute("SELECT started_at, status, interface_kind, operator, technology, download_mbps, upload_mbps, "
                      "ping_ms, error FROM speed_tests WHERE session_id = ? ORDER BY started_at LIMIT ?",
                      [session_id, limit]).fetchall()


def session_households(db, session_id: str, limit: int = 1000) -> list[tuple]:
    """(started_at, status, consent, hamlet, duration_s, member_count, internet_at_home, fibre, isp)."""
    return db.execute("SELECT started_at, status, consent, hamlet, duration_s, member_count, internet_at_home, fibre, "
                      "isp FROM households WHERE session_id = ? ORDER BY started_at LIMIT ?",
                      [session_id, limit]).fetchall()


# Map metrics: SQL value expression per table, NULL when the record has no value.
MAP_SOURCES = {
    "rsrp": ("signal_readings", "coalesce(x.rsrp_dbm, x.nr_rsrp_dbm)"),
    "download": ("speed_tests", "CASE WHEN x.status = 'ok' THEN x.download_mbps END"),
    "internet": ("households", "x.internet_at_home"),
    "fibre": ("households", "x.fibre"),
}


_MAP_TIME = {"signal_readings": "x.measured_at", "speed_tests": "x.started_at",
             "households": "coalesce(x.started_at, x.created_at)"}


def _map_filters(table: str, filters) -> tuple[str, list]:
    """Extra WHERE clauses of the map's date (Vietnam days), team and status filters."""
    days, params = clauses.day_range(_MAP_TIME[table], filters)
    out = "".join(f" AND {d}" for d in days)
    rules, rule_params = clauses.session_rules(filters)
    if rules:
        out += f" AND x.session_id IN (SELECT id FROM sessions WHERE {' AND '.join(rules)})"
    return out, params + rule_params


def map_points(db, metric: str, *, session_id: str | None = None, unit_code: str | None = None,
               limit: int = 20000, filters=None) -> list[tuple]:
    """(record id, lon, lat, value) for the map; a city-wide request takes an even sample of at most `limit`.
    `filters` (models.export_spec.Filters) narrows it by date, team and status."""
    table, expr = MAP_SOURCES[metric]
    if session_id:
        return db.execute(f"SELECT x.id, x.lon, x.lat, {expr} FROM {table} x WHERE x.session_id = ? "
                          "AND x.lat IS NOT NULL LIMIT ?", [session_id, limit]).fetchall()
    where, params = "x.lat IS NOT NULL", []
    if unit_code:
        where += " AND x.unit_code = ?"
        params.append(unit_code)
    if filters is not None:
        extra, extra_params = _map_filters(table, filters)
        where += extra
        params += extra_params
    total = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    step = max(1, total // limit)
    # Every step-th row by rowid: an even spread over the whole table without sorting millions of rows.
    return db.execute(f"SELECT x.id, x.lon, x.lat, {expr} FROM {table} x WHERE {where} AND x.rowid % ? = 0 "
                      "LIMIT ?", params + [step, limit]).fetchall()


def record_summary(db, table: str, record_id: str) -> dict | None:
    """One record as a dictionary (for the map's click), without the bulky JSON columns."""
    if table not in ("signal_readings", "speed_tests", "households"):
        return None
    cur = db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id])
    row = cur.fetchone()
    if row is None:
        return None
    data = dict(zip([d[0] for d in cur.description], row))
    for k in ("raw", "samples", "answers"):
        data.pop(k, None)
    return {k: v for k, v in data.items() if v is not None}
