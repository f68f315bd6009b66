"""Hand-made survey records for the review tests (every value chosen, so answers are known)."""
from __future__ import annotations

import json

from survey_app.storage.records import CODE_SET, context_for
from survey_app.storage.revisions import revise
from survey_app.storage.sessions import close_session, new_session

WARD = "19753"       # Phường Phú Xuân: box 107.55..107.60 / 16.46..16.50 (roughly)
COMMUNE = "20050"    # Xã A Lưới 5


def unit_point(db, code, dx=0.0, dy=0.0):
    """The unit's inside point, shifted by (dx, dy) degrees."""
    lon, lat = db.execute("SELECT inside_lon, inside_lat FROM units WHERE code = ?", [code]).fetchone()
    return lon + dx, lat + dy


def session(db, code=WARD, team="Đội A", close=True, surveyor="Lan"):
    """A new session (closed unless asked otherwise); returns its id."""
    ctx = context_for(db, surveyor)
    s = new_session(db, ctx, unit_code=code, team=team, surveyors=[surveyor])
    if close:
        close_session(db, ctx, s.id)
    return s.id


def _pos(db, code, pos, accuracy):
    if pos is None:
        return {"lat": None, "lon": None, "position_source": None, "position_accuracy_m": None}
    if pos == "inside":
        pos = unit_point(db, code)
    return {"lon": pos[0], "lat": pos[1], "position_source": "gps", "position_accuracy_m": accuracy}


def reading(db, sid, at, *, operator="Viettel", tech="LTE", rsrp=-90.0, nr_rsrp=None, pos="inside", accuracy=5.0):
    """One signal reading at `at` (ISO time)."""
    code = db.execute("SELECT unit_code FROM sessions WHERE id = ?", [sid]).fetchone()[0]
    row = context_for(db, "Lan").stamp({
        "session_id": sid, "unit_code": code, "code_set": CODE_SET, "measured_at": at, "technology": tech,
        "registration": "home" if tech else "none", "operator": operator, "rsrp_dbm": rsrp,
        "nr_rsrp_dbm": nr_rsrp, **_pos(db, code, pos, accuracy)})
    db.table("signal_readings").insert(row)
    return row["id"]


def speed_test(db, sid, at, *, status="ok", down=50.0, up=20.0, ping=30.0, kind="modem", operator="Viettel",
               tech="LTE", pos="inside", accuracy=5.0):
    """One speed test."""
    code = db.execute("SELECT unit_code FROM sessions WHERE id = ?", [sid]).fetchone()[0]
    row = context_for(db, "Lan").stamp({
        "session_id": sid, "unit_code": code, "code_set": CODE_SET, "started_at": at, "status": status,
        "protocol": "librespeed", "interface_kind": kind, "operator": operator if kind == "modem" else None,
        "technology": tech if kind == "modem" else None, "download_mbps": down, "upload_mbps": up,
        "ping_ms": ping, **_pos(db, code, pos, accuracy)})
    db.table("speed_tests").insert(row)
    return row["id"]


def household(db, sid, *, status="finalized", consent="yes", duration=900.0, name=None, phone=None,
              hamlet="Thôn 1", internet=1, fibre=1, members=(), pos="inside", accuracy=5.0,
              started="2026-03-02T02:00:00.000Z"):
    """One household with members given as dicts of the derived member columns."""
    code = db.execute("SELECT unit_code FROM sessions WHERE id = ?", [sid]).fetchone()[0]
    ctx = context_for(db, "Lan")
    row = ctx.stamp({
        "session_id": sid, "unit_code": code, "code_set": CODE_SET, "form_id": "household",
        "form_version": "2026.1", "status": status, "consent": consent, "hamlet": hamlet,
        "respondent_name": name, "phone": phone, "started_at": started, "duration_s": duration,
        "answers": json.dumps({"consent": consent}), "internet_at_home": internet, "fibre": fibre,
        "fixed_broadband": fibre, "member_count": len(members), **_pos(db, code, pos, accuracy)})
    db.table("households").insert(row)
    for i, m in enumerate(members, start=1):
        db.table("members").insert(ctx.stamp({"household_id": row["id"], "position": i, **m}))
    return row["id"]


def approve(db, sid, reviewer="Giám sát"):
    """Approve a session through the real decision path."""
    from survey_app.review.decisions import decide

    return decide(db, context_for(db, reviewer), sid, "approve", "ok")


def set_status(db, sid, status):
    """Change a session's status directly (for data set-up only)."""
    revise(db, "sessions", sid, {"status": status}, changed_by="test", reason="test set-up")
