"""SQL behind the indicator table: sums of the per-session partials (review_cov, review_hamlets,
review_people, kept current by the check refresh) over the sessions in scope, plus the speed tests."""
from __future__ import annotations

import sqlite_utils

from survey_app.storage.review import MEMBER_FIELDS

STATUSES = {"approved": ("approved",), "all": ("open", "closed", "approved")}


def session_scope(scope: str, f=None) -> tuple[str, list]:
    """Sessions in scope; `f` (models.export_spec.Filters) narrows them by team and by the Vietnam-local day
    the session started (the partials are per session)."""
    statuses = STATUSES[scope]
    where, params = f"s.status IN ({', '.join('?' * len(statuses))})", list(statuses)
    if f is not None:
        from datetime import timedelta

        from survey_app.clock import utc_bound

        if f.teams:
            where += f" AND s.team_name IN ({', '.join('?' * len(f.teams))})"
            params += list(f.teams)
        if f.date_from:
            where += " AND s.started_at >= ?"
            params.append(utc_bound(f.date_from))
        if f.date_to:
            where += " AND s.started_at < ?"
            params.append(utc_bound(f.date_to + timedelta(days=1)))
    return where, params


def coverage_rows(db: sqlite_utils.Database, scope: str, f=None):
    """(unit, operator, technology, readings, usable 4G/5G readings, usable 5G readings)."""
    where, params = session_scope(scope, f)
    sql = f"""SELECT s.unit_code, c.operator, c.technology, sum(c.readings), sum(c.usable), sum(c.usable_5g)
              FROM sessions s JOIN review_cov c ON c.session_id = s.id
              WHERE {where} GROUP BY s.unit_code, c.operator, c.technology"""
    return db.execute(sql, params).fetchall()


def hamlet_rows(db: sqlite_utils.Database, scope: str, f=None):
    """(unit, hamlet, households, fibre yes, fibre answered, internet yes, internet answered, fixed yes,
    fixed answered) over finished interviews."""
    where, params = session_scope(scope, f)
    sql = f"""SELECT s.unit_code, h.hamlet, sum(h.households), sum(h.fibre_yes), sum(h.fibre_n),
                     sum(h.internet_yes), sum(h.internet_n), sum(h.fixed_yes), sum(h.fixed_n)
              FROM sessions s JOIN review_hamlets h ON h.session_id = s.id
              WHERE {where} GROUP BY s.unit_code, h.hamlet"""
    return db.execute(sql, params).fetchall()


def member_rows(db: sqlite_utils.Database, scope: str, f=None):
    """(unit, then answered and yes counts for each of MEMBER_FIELDS) over finished interviews."""
    where, params = session_scope(scope, f)
    names = ("internet", "mobile", "signature", "vneid", "services", "hue_s", "computer")
    assert len(names) == len(MEMBER_FIELDS)
    cols = ", ".join(f"sum(p.{n}_n), sum(p.{n}_yes)" for n in names)
    sql = f"""SELECT s.unit_code, {cols} FROM sessions s JOIN review_people p ON p.session_id = s.id
              WHERE {where} GROUP BY s.unit_code"""
    return db.execute(sql, params).fetchall()


def speed_rows(db: sqlite_utils.Database, scope: str, max_mbps: float, f=None):
    """(unit, interface kind, operator, technology, download, upload) of plausible successful tests."""
    where, params = session_scope(scope, f)
    sql = f"""SELECT s.unit_code, t.interface_kind, t.operator, t.technology, t.download_mbps, t.upload_mbps
              FROM sessions s CROSS JOIN speed_tests t ON t.session_id = s.id
              WHERE {where} AND t.status = 'ok' AND t.download_mbps > 0 AND t.download_mbps <= ?
                AND (t.upload_mbps IS NULL OR t.upload_mbps <= ?)"""
    return db.execute(sql, params + [max_mbps, max_mbps]).fetchall()

