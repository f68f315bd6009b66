"""SQL of everything held about one household: its row, members, consent, history, requests, the speed tests,
signal readings and cell changes tied to it (taken at the household, or during its interview), which count as
its data."""
from __future__ import annotations

import sqlite_utils

from survey_app.storage.export_queries import INTERVIEW_WINDOW


def _rows(db: sqlite_utils.Database, sql: str, params: list) -> list[dict]:
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def household_row(db: sqlite_utils.Database, household_id: str) -> dict | None:
    """The household's row, or None when there is none."""
    rows = _rows(db, "SELECT * FROM households WHERE id = ?", [household_id])
    return rows[0] if rows else None


def everything(db: sqlite_utils.Database, household_id: str) -> dict[str, list[dict]]:
    """Every stored row about the household, by section (the household row itself under 'household')."""
    members = _rows(db, "SELECT * FROM members WHERE household_id = ? ORDER BY position", [household_id])
    consents = _rows(db, "SELECT * FROM consents WHERE household_id = ?", [household_id])
    ids = [household_id] + [m["id"] for m in members] + [c["id"] for c in consents]
    marks = ",".join("?" * len(ids))
    return {
        "household": _rows(db, "SELECT * FROM households WHERE id = ?", [household_id]),
        "members": members,
        "consent": consents,
        "history": _rows(db, f"SELECT * FROM record_history WHERE record_id IN ({marks}) "
                             "ORDER BY changed_at, revision", ids),
        "speed_tests": _rows(db, "SELECT * FROM speed_tests WHERE household_id = ? ORDER BY started_at",
                             [household_id]),
        "signal_readings": _rows(db, "SELECT r.* FROM signal_readings r JOIN households h ON h.id = ? AND "
                                     f"{INTERVIEW_WINDOW} ORDER BY r.measured_at", [household_id]),
        "cell_changes": _rows(db, "SELECT r.* FROM cell_changes r JOIN households h ON h.id = ? AND "
                                  f"{INTERVIEW_WINDOW} ORDER BY r.measured_at", [household_id]),
        "requests": _rows(db, "SELECT * FROM privacy_requests WHERE household_id = ? ORDER BY received_at",
                          [household_id]),
    }
