"""Teams and survey sessions."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils is imported lazily: it costs ~150 ms of start-up
    import sqlite_utils

import json


from survey_app.errors import NotFound, UserError
from survey_app.i18n import _
from survey_app.models.base import Session
from survey_app.clock import utc_now
from survey_app.storage import clauses
from survey_app.storage.records import CODE_SET, OWN_UNSYNCED_SQL, RecordContext
from survey_app.storage.revisions import revise
from survey_app.storage.units import get_unit
from survey_app.storage import changes

_SELECT = """
SELECT s.id, s.unit_code, s.team_name, s.surveyors, s.started_at, s.closed_at, s.status, s.notes,
       u.name, s.revision, s.device_id, s.code_set
FROM sessions s LEFT JOIN units u ON u.code = s.unit_code
"""


def _session(row) -> Session:
    return Session(id=row[0], unit_code=row[1], team_name=row[2], surveyors=json.loads(row[3] or "[]"),
                   started_at=row[4], closed_at=row[5], status=row[6], notes=row[7], unit_name=row[8] or "",
                   revision=row[9], device_id=row[10], code_set=row[11])


def ensure_team(db: sqlite_utils.Database, ctx: RecordContext, name: str) -> str:
    """The id of the team with this name, creating it if new."""
    name = name.strip()
    row = db.execute("SELECT id FROM teams WHERE name = ?", [name]).fetchone()
    if row:
        return row[0]
    record = ctx.stamp({"name": name})
    db.table("teams").insert(record)
    changes.changed(db, "teams")
    return record["id"]


def new_session(db: sqlite_utils.Database, ctx: RecordContext, *, unit_code: str, team: str,
                surveyors: list[str], notes: str = "") -> Session:
    """Open a session for a team in a unit (the unit code is checked)."""
    unit = get_unit(db, unit_code)
    team = (team or "").strip()
    names = [s.strip() for s in surveyors if s and s.strip()]
    if not team:
        raise UserError(_("A session needs a team name."))
    if not names:
        raise UserError(_("A session needs at least one surveyor."))
    with db.atomic():
        team_id = ensure_team(db, ctx, team)
        record = ctx.stamp({
            "unit_code": unit.code, "code_set": CODE_SET, "team_id": team_id, "team_name": team,
            "surveyors": json.dumps(names, ensure_ascii=False), "started_at": utc_now(),
            "closed_at": None, "status": "open", "notes": notes,
        })
        db.table("sessions").insert(record)
        changes.changed(db, "sessions")
    return get_session(db, record["id"])


def get_session(db: sqlite_utils.Database, session_id: str) -> Session:
    """One session by id (a unique prefix of at least 8 characters also works)."""
    session_id = (session_id or "").strip()
    row = db.execute(_SELECT + " WHERE s.id = ?", [session_id]).fetchone()
    if row is None and len(session_id) >= 8:
        rows = db.execute(_SELECT + " WHERE s.id LIKE ? LIMIT 2", [session_id + "%"]).fetchall()
        if len(rows) == 1:
            row = rows[0]
        elif len(rows) > 1:
            raise NotFound(_("Several sessions begin with {id}; type more of the id.").format(id=session_id))
    if row is None:
        raise NotFound(_("No session with id {id}.").format(id=session_id))
    return _session(row)


def list_sessions(db: sqlite_utils.Database, *, status: str | None = None, unit_code: str | None = None,
                  limit: int | None = None) -> list[Session]:
    """Sessions, newest first."""
    conditions, params = clauses.equal_to({"s.status": status, "s.unit_code": unit_code})
    sql = _SELECT + clauses.where(conditions) + " ORDER BY s.started_at DESC" + clauses.limit(limit)
    return [_session(r) for r in db.execute(sql, params).fetchall()]


def close_session(db: sqlite_utils.Database, ctx: RecordContext, session_id: str) -> Session:
    """Close an open session; closing one that is not open is refused with the reason."""
    session = get_session(db, session_id)
    if session.status != "open":
        raise UserError(_("Session {id} is already {status}; it cannot be closed again.").format(
            id=session.id[:8], status=status_label(session.status)))
    with db.atomic():
        revise(db, "sessions", session.id, {"status": "closed", "closed_at": utc_now()},
               changed_by=ctx.surveyor, reason="close")
    return get_session(db, session.id)


def require_open(db: sqlite_utils.Database, session_id: str) -> Session:
    """The session, if it is open; otherwise a UserError saying why records cannot be added."""
    session = get_session(db, session_id)
    if not session.is_open:
        raise UserError(_("Session {id} is {status}; open a new session to record more.").format(
            id=session.id[:8], status=status_label(session.status)))
    return session


def status_label(status: str) -> str:
    """A session status in the user's language."""
    return {"open": _("open"), "closed": _("closed"), "approved": _("approved"),
            "rejected": _("rejected")}.get(status, status)


def count_records(db: sqlite_utils.Database, session_id: str) -> dict[str, int]:
    """How many speed tests, signal readings and households a session has."""
    out = {}
    for table in ("speed_tests", "signal_readings", "households"):
        out[table] = db.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", [session_id]).fetchone()[0]
    return out


def unsynced_count(db: sqlite_utils.Database) -> int:
    """This laptop's records (of every synced table) whose latest revision the central system has not accepted:
    waiting or rejected (copies imported from another installation's bundle are that installation's to send)."""
    total = 0
    for table in synced_tables(db):
        total += db.execute(f"SELECT count(*) FROM [{table}] WHERE {OWN_UNSYNCED_SQL}").fetchone()[0]
    return total


def synced_tables(db: sqlite_utils.Database) -> list[str]:
    """Tables that hold synced records (they have the common `sync_state` column)."""
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [n for n in names if any(c[1] == "sync_state" for c in db.execute(f"PRAGMA table_info([{n}])"))]
