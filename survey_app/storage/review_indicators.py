"""SQL aggregates behind the indicator table (one pass per table, driven from the sessions in scope).

`CROSS JOIN` fixes the join order (sessions first, then the records of each session through a narrow covering
index), so the millions of record rows are read from small index entries, never from the wide rows.
"""
from __future__ import annotations

import sqlite_utils

STATUSES = {"approved": ("approved",), "all": ("open", "closed", "approved")}


def _scope(scope: str) -> tuple[str, list]:
    statuses = STATUSES[scope]
    return f"s.status IN ({', '.join('?' * len(statuses))})", list(statuses)


def coverage_rows(db: sqlite_utils.Database, scope: str, usable_rsrp: float):
    """(unit, operator, technology, readings, usable 4G/5G readings, usable 5G readings)."""
    where, params = _scope(scope)
    sql = f"""SELECT s.unit_code, r.operator, r.technology, count(*),
                     sum((r.technology IN ('LTE', 'NR-NSA') AND r.rsrp_dbm >= ?1)
                         OR (r.technology = 'NR-SA' AND r.nr_rsrp_dbm >= ?1)),
                     sum(r.technology IN ('NR-NSA', 'NR-SA') AND r.nr_rsrp_dbm >= ?1)
              FROM sessions s CROSS JOIN signal_readings r INDEXED BY review_readings_cov ON r.session_id = s.id
              WHERE {where} GROUP BY s.unit_code, r.operator, r.technology"""
    # ?1 is the threshold; the status placeholders that follow are numbered ?2, ?3, ...
    sql = sql.replace("s.status IN (" + ", ".join("?" * len(params)) + ")",
                      "s.status IN (" + ", ".join(f"?{i + 2}" for i in range(len(params))) + ")")
    return db.execute(sql, [usable_rsrp] + params).fetchall()


def hamlet_rows(db: sqlite_utils.Database, scope: str):
    """(unit, hamlet, households, fibre yes, fibre answered, internet yes, internet answered, fixed yes,
    fixed answered) over finished interviews."""
    where, params = _scope(scope)
    sql = f"""SELECT s.unit_code, h.hamlet, count(*), sum(h.fibre = 1), count(h.fibre),
                     sum(h.internet_at_home = 1), count(h.internet_at_home),
                     sum(h.fixed_broadband = 1), count(h.fixed_broadband)
              FROM sessions s CROSS JOIN households h INDEXED BY review_households_cov ON h.session_id = s.id
              WHERE {where} AND h.status = 'finalized' GROUP BY s.unit_code, h.hamlet"""
    return db.execute(sql, params).fetchall()


MEMBER_FIELDS = ("uses_internet", "owns_mobile_phone", "has_digital_signature", "has_vneid_level2",
                 "uses_online_public_services", "uses_hue_s", "uses_computer")


def member_rows(db: sqlite_utils.Database, scope: str):
    """(unit, then answered and yes counts for each of MEMBER_FIELDS) over finished interviews."""
    where, params = _scope(scope)
    cols = ", ".join(f"count(m.{f}), coalesce(sum(m.{f}), 0)" for f in MEMBER_FIELDS)
    sql = f"""SELECT s.unit_code, {cols}
              FROM sessions s CROSS JOIN households h INDEXED BY review_households_cov ON h.session_id = s.id
                   CROSS JOIN members m INDEXED BY review_members_cov ON m.household_id = h.id
              WHERE {where} AND h.status = 'finalized' GROUP BY s.unit_code"""
    return db.execute(sql, params).fetchall()


def speed_rows(db: sqlite_utils.Database, scope: str, max_mbps: float):
    """(unit, interface kind, operator, technology, download, upload) of plausible successful tests."""
    where, params = _scope(scope)
    sql = f"""SELECT s.unit_code, t.interface_kind, t.operator, t.technology, t.download_mbps, t.upload_mbps
              FROM sessions s CROSS JOIN speed_tests t ON t.session_id = s.id
              WHERE {where} AND t.status = 'ok' AND t.download_mbps > 0 AND t.download_mbps <= ?
                AND (t.upload_mbps IS NULL OR t.upload_mbps <= ?)"""
    return db.execute(sql, params + [max_mbps, max_mbps]).fetchall()


def unit_list(db: sqlite_utils.Database):
    """(code, name, kind) of the 40 units, wards first."""
    return db.execute("SELECT code, name, kind FROM units ORDER BY kind DESC, name").fetchall()
