"""Retention: personal fields of households whose data is safe at the centre are removed.

A household can be purged when its session was approved and both have arrived at the receiver (synced at
their current revision, members too). Purging removes the respondent's name, the phone, the members' names and
the precise position (from the rows, their answers and this laptop's kept history), and rounds the positions of
the speed tests taken at the household to about 100 m. It is a change like any other (storage.revisions.revise):
the stripped version goes to the central system as the newest revision, where the earlier one stays in the
history the receiver keeps; this laptop keeps no copy.
"""
from __future__ import annotations

import json

import sqlite_utils

from survey_app.clock import utc_now
from survey_app.models.base import NO_POSITION_COLUMNS
from survey_app.models.export_spec import ROUNDED_DECIMALS
from survey_app.storage.revisions import revise

PERSONAL_ANSWERS = ("respondent_name", "phone", "location")
MEMBER_ANSWERS = ("name",)

_ELIGIBLE = """
SELECT h.id FROM households h JOIN sessions s ON s.id = h.session_id
WHERE s.status = 'approved' AND s.sync_state = 'synced' AND h.sync_state = 'synced' AND h.purged_at IS NULL
  AND coalesce(h.ended_at, h.started_at, h.created_at) < ?
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.sync_state != 'synced')
ORDER BY coalesce(h.ended_at, h.started_at, h.created_at), h.id
"""


def purgeable(db: sqlite_utils.Database, before_utc: str) -> list[str]:
    """Households that may be purged: approved, arrived at the receiver, interviewed before `before_utc`."""
    return [r[0] for r in db.execute(_ELIGIBLE, [before_utc])]


def overdue_count(conn, before_utc: str) -> int:
    """How many households are past the retention setting and still hold personal fields here."""
    return conn.execute(f"SELECT count(*) FROM ({_ELIGIBLE})", [before_utc]).fetchone()[0]


def _scrub(text: str | None, keys: tuple[str, ...]) -> str:
    data = json.loads(text or "{}")
    for key in keys:
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False)


def _scrub_history(db, table: str, record_id: str, columns: dict, answer_keys: tuple[str, ...]) -> None:
    for hid, before in db.execute("SELECT id, data_before FROM record_history WHERE table_name = ? AND record_id = ?",
                                  [table, record_id]).fetchall():
        row = json.loads(before)
        row.update({k: v for k, v in columns.items() if k in row})
        if "answers" in row:
            row["answers"] = _scrub(row["answers"], answer_keys)
        db.execute("UPDATE record_history SET data_before = ? WHERE id = ?", [json.dumps(row, ensure_ascii=False), hid])


def purge(db: sqlite_utils.Database, household_ids: list[str], *, by: str = "") -> int:
    """Remove the personal fields of these households (one transaction, through the revision path)."""
    from survey_app.i18n import _

    reason = _("Retention period over: personal data removed.")
    now = utc_now()
    hh_cols = dict(NO_POSITION_COLUMNS, respondent_name=None, phone=None)
    with db.atomic():
        for hid in household_ids:
            answers = db.execute("SELECT answers FROM households WHERE id = ?", [hid]).fetchone()[0]
            revise(db, "households", hid, dict(hh_cols, answers=_scrub(answers, PERSONAL_ANSWERS), purged_at=now),
                   changed_by=by, reason=reason)
            _scrub_history(db, "households", hid, hh_cols, PERSONAL_ANSWERS)
            for mid, manswers in db.execute("SELECT id, answers FROM members WHERE household_id = ?", [hid]).fetchall():
                revise(db, "members", mid, {"name": None, "answers": _scrub(manswers, MEMBER_ANSWERS)},
                       changed_by=by, reason=reason)
                _scrub_history(db, "members", mid, {"name": None}, MEMBER_ANSWERS)
            d = ROUNDED_DECIMALS
            for tid, lat, lon in db.execute("SELECT id, lat, lon FROM speed_tests WHERE household_id = ? AND "
                                            "lat IS NOT NULL", [hid]).fetchall():
                revise(db, "speed_tests", tid, {"lat": round(lat, d), "lon": round(lon, d)}, changed_by=by,
                       reason=reason)
    return len(household_ids)
