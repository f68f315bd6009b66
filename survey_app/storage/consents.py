"""SQL of consent records (one per household, revised through storage.revisions.revise) and of the requests log."""
from __future__ import annotations

import sqlite_utils

from survey_app.clock import new_id, utc_now
from survey_app.storage.records import RecordContext
from survey_app.storage.revisions import revise

SCOPE_COLUMNS = ("interview", "phone_contact", "precise_location")


def get_consent(db: sqlite_utils.Database, household_id: str) -> dict | None:
    """The consent record of a household, or None."""
    rows = list(db.query("SELECT * FROM consents WHERE household_id = ?", [household_id]))
    return rows[0] if rows else None


def insert_consent(db: sqlite_utils.Database, rctx: RecordContext, row: dict) -> str:
    """Store a new consent record (stamped like every synced record); returns its id."""
    stamped = rctx.stamp(row)
    db.table("consents").insert(stamped)
    return stamped["id"]


def change_consent(db: sqlite_utils.Database, consent_id: str, changes: dict, *, changed_by: str,
                   reason: str) -> int:
    """Change a consent record through the revision path (history kept, back in the outbox)."""
    return revise(db, "consents", consent_id, changes, changed_by=changed_by, reason=reason)


def household_answers(db: sqlite_utils.Database, household_id: str) -> str | None:
    """The stored answers (JSON text) of a household."""
    row = db.execute("SELECT answers FROM households WHERE id = ?", [household_id]).fetchone()
    return row[0] if row else None


def log_request(db: sqlite_utils.Database, *, household_id: str, kind: str, handled_by: str, reason: str,
                completed: bool) -> str:
    """Log a household's request (who, when, why; never the household's data); returns its id."""
    now = utc_now()
    rid = new_id()
    db.table("privacy_requests").insert({"id": rid, "household_id": household_id, "kind": kind,
                                         "received_at": now, "completed_at": now if completed else None,
                                         "handled_by": handled_by, "reason": reason})
    return rid


def list_requests(db: sqlite_utils.Database) -> list[dict]:
    """Every logged request, newest first."""
    return list(db.query("SELECT * FROM privacy_requests ORDER BY received_at DESC, id"))


def complete_request(db: sqlite_utils.Database, request_id: str) -> None:
    """Mark a request done now."""
    db.execute("UPDATE privacy_requests SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
               [utc_now(), request_id])
