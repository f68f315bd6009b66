"""Household interviews and their member rosters: the only SQL for households and members (rules: households/)."""
from __future__ import annotations

import json

import sqlite_utils

from survey_app.errors import NotFound
from survey_app.i18n import _
from survey_app.storage import changes
from survey_app.storage.records import RecordContext
from survey_app.storage.revisions import delete, revise


def insert_household(db: sqlite_utils.Database, row: dict) -> None:
    """Store a new (stamped) household row."""
    db.table("households").insert(row)
    changes.changed(db, "households")


def get_interview(db: sqlite_utils.Database, household_id: str) -> dict:
    """A household row with its answers and roster as FormState data (`data`)."""
    cur = db.execute("SELECT * FROM households WHERE id = ?", [household_id])
    row = cur.fetchone()
    if row is None:
        raise NotFound(_("No household interview with id {id}.").format(id=household_id))
    hh = dict(zip([d[0] for d in cur.description], row))
    answers = json.loads(hh["answers"] or "{}")
    invalid = answers.pop("_invalid", None)
    members = []
    for mid, ans in db.execute("SELECT id, answers FROM members WHERE household_id = ? ORDER BY position",
                               [household_id]):
        members.append(dict(json.loads(ans or "{}"), _id=mid))
    hh["data"] = {"answers": answers, "repeats": {"members": members}}
    if invalid:
        hh["data"]["invalid"] = invalid
    return hh


def write_interview(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, hh: dict,
                    mrows: list[dict], *, reason: str, history: bool = True) -> int:
    """The household row and its roster through the revision path (revision up, back in the outbox): changed
    members revised, new ones added, removed ones deleted with a tombstone. `history=False` for a draft's
    autosave (work in progress). Returns the household's revision."""
    who = rctx.surveyor
    with db.atomic():
        rev = revise(db, "households", household_id, hh, changed_by=who, reason=reason, history=history)
        session_id = db.execute("SELECT session_id FROM households WHERE id = ?", [household_id]).fetchone()[0]
        old = {r[0] for r in db.execute("SELECT id FROM members WHERE household_id = ?", [household_id])}
        for m in mrows:
            if m["id"] in old:
                revise(db, "members", m["id"], {k: v for k, v in m.items() if k != "id"}, changed_by=who,
                       reason=reason, history=history)
            else:
                db.table("members").insert(rctx.stamp(m))
                changes.changed(db, "members")
        for mid in sorted(old - {m["id"] for m in mrows}):
            delete(db, "members", mid, deleted_by=who, reason=reason or _("removed from the roster"),
                   session_id=session_id)
    return rev


def history(db: sqlite_utils.Database, household_id: str) -> list[dict]:
    """Earlier revisions of the household and its members, newest first."""
    rows = db.execute(
        "SELECT table_name, record_id, revision, changed_at, changed_by, reason, data_before FROM record_history "
        "WHERE (table_name = 'households' AND record_id = ?) OR (table_name = 'members' AND "
        "json_extract(data_before, '$.household_id') = ?) ORDER BY changed_at DESC, revision DESC",
        [household_id, household_id]).fetchall()
    return [{"table": r[0], "record_id": r[1], "revision": r[2], "changed_at": r[3], "changed_by": r[4],
             "reason": r[5], "data_before": json.loads(r[6])} for r in rows]


def list_households(db: sqlite_utils.Database, session_id: str | None = None) -> list[dict]:
    """Interviews (newest first), optionally of one session."""
    sql = ("SELECT id, session_id, unit_code, status, hamlet, respondent_name, member_count, started_at, ended_at, "
           "form_id, form_version, revision, surveyor, internet_at_home, fibre FROM households")
    params: list = []
    if session_id:
        sql += " WHERE session_id = ?"
        params.append(session_id)
    cols = ["id", "session_id", "unit_code", "status", "hamlet", "respondent_name", "member_count", "started_at",
            "ended_at", "form_id", "form_version", "revision", "surveyor", "internet_at_home", "fibre"]
    out = [dict(zip(cols, r)) for r in db.execute(sql + " ORDER BY started_at DESC", params)]
    for h in out:
        h["speed_tests"] = db.execute("SELECT count(*) FROM speed_tests WHERE household_id = ?",
                                      [h["id"]]).fetchone()[0]
    return out


def linked_speed_tests(db: sqlite_utils.Database, household_id: str) -> list[dict]:
    """Speed tests run on this household's connection."""
    rows = db.execute("SELECT id, started_at, status, download_mbps, upload_mbps, ping_ms FROM speed_tests "
                      "WHERE household_id = ? ORDER BY started_at", [household_id]).fetchall()
    return [dict(zip(("id", "started_at", "status", "download_mbps", "upload_mbps", "ping_ms"), r)) for r in rows]


def delete_household(db: sqlite_utils.Database, household_id: str, *, who: str, reason: str) -> None:
    """Delete a household and its members, each through a tombstone (the central system drops them too)."""
    with db.atomic():
        session_id = db.execute("SELECT session_id FROM households WHERE id = ?", [household_id]).fetchone()[0]
        for (mid,) in db.execute("SELECT id FROM members WHERE household_id = ? ORDER BY position",
                                 [household_id]).fetchall():
            delete(db, "members", mid, deleted_by=who, reason=reason, session_id=session_id)
        delete(db, "households", household_id, deleted_by=who, reason=reason)
