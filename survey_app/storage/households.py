"""Household interviews and their member rosters (the only SQL for households and members)."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlite_utils

from survey_app.errors import NotFound, UserError
from survey_app.forms.engine import FormState
from survey_app.i18n import _
from survey_app.models.base import NO_POSITION_COLUMNS, Position
from survey_app.storage.forms import get_definition
from survey_app.storage.records import CODE_SET, RecordContext, revise, utc_now
from survey_app.storage.sessions import require_open

FIXED_TYPES = ("fibre", "adsl", "cable", "fixed_wireless")
MEMBER_FLAGS = {"uses_internet": "uses_internet", "owns_mobile_phone": "owns_mobile",
                "uses_computer": "uses_computer", "has_vneid_level2": "vneid_level2",
                "has_digital_signature": "digital_signature", "uses_online_public_services": "online_public_services",
                "uses_hue_s": "hue_s"}


def _yes(v: Any) -> int | None:
    """'yes' -> 1, 'no' -> 0, anything else (unanswered, don't know) -> NULL."""
    return {"yes": 1, "no": 0}.get(v) if isinstance(v, str) else None


def derive_household(answers: dict, member_count: int) -> dict:
    """Indicator columns of a household row from its answers (1/0/NULL)."""
    internet = _yes(answers.get("internet_at_home"))
    types = answers.get("conn_types") or []
    fixed = fibre = None
    if internet == 0:
        fixed = fibre = 0
    elif internet == 1 and types:
        fixed = int(any(t in types for t in FIXED_TYPES))
        fibre = int("fibre" in types)
    num = lambda k: float(answers[k]) if isinstance(answers.get(k), (int, float)) else None  # noqa: E731
    return {"consent": answers.get("consent"), "hamlet": answers.get("hamlet"),
            "respondent_name": answers.get("respondent_name"), "phone": answers.get("phone"),
            "internet_at_home": internet, "fixed_broadband": fixed, "fibre": fibre, "isp": answers.get("isp"),
            "plan_mbps": num("plan_mbps"), "monthly_cost_vnd": num("monthly_cost_vnd"), "member_count": member_count}


def derive_member(inst: dict) -> dict:
    """Indicator columns of a member row from its answers (1/0/NULL)."""
    age = inst.get("age")
    out = {"name": inst.get("name"), "sex": inst.get("sex"), "age": age if isinstance(age, int) else None}
    out.update({col: _yes(inst.get(field)) for col, field in MEMBER_FLAGS.items()})
    return out


def _location_columns(answers: dict, source: str | None, at: str | None) -> dict | None:
    loc = answers.get("location")
    if not isinstance(loc, str) or not loc.strip():
        return None
    parts = [float(p) for p in loc.split()]
    return {"lat": parts[0], "lon": parts[1], "position_source": source or "manual",
            "position_accuracy_m": parts[3] if len(parts) > 3 and parts[3] > 0 else None,
            "position_at": at or utc_now()}


def start_interview(db: sqlite_utils.Database, rctx: RecordContext, *, session_id: str, form: dict,
                    position: Position | None = None) -> str:
    """Open a draft interview in an open session; returns the household id."""
    session = require_open(db, session_id)
    now = utc_now()
    row = rctx.stamp({"session_id": session.id, "unit_code": session.unit_code,
                      "code_set": session.code_set or CODE_SET,
                      "form_id": form["form_id"], "form_version": form["version"], "status": "draft",
                      "started_at": now, "answers": "{}", "member_count": 0,
                      **(position.as_columns() if position else NO_POSITION_COLUMNS)}, now=now)
    db.table("households").insert(row)
    return row["id"]


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


def state_for(db: sqlite_utils.Database, household_id: str, *, lang: str | None = None,
              meta: dict | None = None) -> FormState:
    """A FormState of a stored interview under the form version it was started with."""
    hh = get_interview(db, household_id)
    form = get_definition(db, hh["form_id"], hh["form_version"])
    return FormState(form, hh["data"], lang=lang, meta=dict(meta or {}, start=hh["started_at"]))


def _rows(hh_id: str, data: dict, location_source: str | None, location_at: str | None = None
          ) -> tuple[dict, list[dict]]:
    answers = dict(data.get("answers") or {})
    if data.get("invalid"):
        answers["_invalid"] = data["invalid"]
    members = (data.get("repeats") or {}).get("members") or []
    hh = derive_household(answers, len(members))
    hh["answers"] = json.dumps(answers, ensure_ascii=False)
    loc = _location_columns(answers, location_source, location_at)
    if loc:
        hh.update(loc)
    mrows = []
    for pos, inst in enumerate(members, 1):
        ans = {k: v for k, v in inst.items() if k != "_id"}
        mrows.append(dict(derive_member(inst), id=inst["_id"], household_id=hh_id, position=pos,
                          answers=json.dumps(ans, ensure_ascii=False)))
    return hh, mrows


def save_draft(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, data: dict, *,
               location_source: str | None = None, location_at: str | None = None) -> None:
    """Autosave a draft (no history: a draft is work in progress). location_*: where the location answer came
    from ('gps', 'modem', 'manual') and when."""
    current = get_interview(db, household_id)
    if current["status"] != "draft":
        raise UserError(_("This interview is {status}; editing it needs a reason.").format(
            status=status_label(current["status"])))
    hh, mrows = _rows(household_id, data, location_source, location_at)
    now = utc_now()
    with db.atomic():
        db.table("households").update(household_id, dict(hh, updated_at=now))
        keep = [m["id"] for m in mrows]
        db.execute(f"DELETE FROM members WHERE household_id = ? AND id NOT IN ({','.join('?' * len(keep))})",
                   [household_id, *keep])
        for m in mrows:
            if db.execute("SELECT 1 FROM members WHERE id = ?", [m["id"]]).fetchone():
                db.table("members").update(m["id"], dict(m, updated_at=now))
            else:
                db.table("members").insert(rctx.stamp(m, now=now))


def check_answers(db: sqlite_utils.Database, household_id: str, data: dict) -> FormState:
    """Re-check answers against the stored form version; UserError when any is missing or wrong."""
    hh = get_interview(db, household_id)
    state = FormState(get_definition(db, hh["form_id"], hh["form_version"]), data,
                      meta={"start": hh["started_at"]})
    errors = state.errors()
    if errors:
        name, inst, message = errors[0]
        where = state.label(name, inst) + (f" ({_('member')} {inst + 1})" if inst is not None else "")
        raise UserError(_("The interview cannot be finalized: {n} answers are missing or not allowed "
                          "(first: {where}: {message}).").format(n=len(errors), where=where, message=message))
    return state


def _duration(started: str | None, ended: str) -> float | None:
    if not started:
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return round((parse(ended) - parse(started)).total_seconds(), 1)


def finalize_interview(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, data: dict, *,
                       location_source: str | None = None, location_at: str | None = None) -> str:
    """Finalize a draft: refused when consent is 'no', else every answer must pass; returns the new status."""
    current = get_interview(db, household_id)
    if current["status"] != "draft":
        raise UserError(_("This interview is already {status}.").format(status=status_label(current["status"])))
    state = check_answers(db, household_id, data)
    ended = utc_now()
    state.set_meta("end", ended)
    pruned = state.to_data(prune=True)
    status = "refused" if state.value("consent") == "no" else "finalized"
    save_draft(db, rctx, household_id, pruned, location_source=location_source, location_at=location_at)
    db.table("households").update(household_id, {"status": status, "ended_at": ended,
                                                 "duration_s": _duration(current["started_at"], ended),
                                                 "updated_at": ended})
    return status


def revise_interview(db: sqlite_utils.Database, rctx: RecordContext, household_id: str, data: dict, *,
                     reason: str, location_source: str | None = None, location_at: str | None = None) -> int:
    """Edit a finalized (or refused) interview: needs a reason; the old rows go to record_history."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError(_("Say why this finalized interview is being changed."))
    current = get_interview(db, household_id)
    if current["status"] == "draft":
        raise UserError(_("This interview is still a draft; just keep editing it."))
    state = check_answers(db, household_id, data)
    pruned = state.to_data(prune=True)
    hh, mrows = _rows(household_id, pruned, location_source, location_at)
    hh["status"] = "refused" if state.value("consent") == "no" else "finalized"
    now = utc_now()
    who = rctx.surveyor
    with db.atomic():
        rev = revise(db, "households", household_id, hh, changed_by=who, reason=reason)
        old = {r[0]: r[1] for r in db.execute("SELECT id, answers FROM members WHERE household_id = ?",
                                              [household_id])}
        for m in mrows:
            if m["id"] in old:
                before = db.execute("SELECT position, answers FROM members WHERE id = ?", [m["id"]]).fetchone()
                if (before[0], before[1]) != (m["position"], m["answers"]):
                    revise(db, "members", m["id"], {k: v for k, v in m.items() if k != "id"}, changed_by=who,
                           reason=reason)
            else:
                db.table("members").insert(rctx.stamp(m, now=now))
        for mid in set(old) - {m["id"] for m in mrows}:
            revise(db, "members", mid, {}, changed_by=who, reason=reason)   # keeps the removed row in history
            db.execute("DELETE FROM members WHERE id = ?", [mid])
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


def discard_draft(db: sqlite_utils.Database, household_id: str) -> None:
    """Delete a draft that was never finalized (finalized interviews are never deleted)."""
    hh = get_interview(db, household_id)
    if hh["status"] != "draft":
        raise UserError(_("Only drafts can be deleted."))
    with db.atomic():
        db.execute("DELETE FROM members WHERE household_id = ?", [household_id])
        db.execute("DELETE FROM households WHERE id = ?", [household_id])


def status_label(status: str) -> str:
    """An interview status in the user's language."""
    return {"draft": _("draft"), "finalized": _("finalized"), "refused": _("refused")}.get(status, status)
