"""SQL of erasing one household everywhere: a tombstone with `purge` for every record that holds its data.

Members, the consent record and the speed tests taken at the household are deleted through
storage.revisions.delete(purge=True) (their kept history goes too, here and wherever the tombstones travel),
the household last; signal readings and cell changes logged during its interview lose their positions through
the revision path.
"""
from __future__ import annotations

import sqlite_utils

from survey_app.models.base import NO_POSITION_COLUMNS
from survey_app.storage.export_queries import INTERVIEW_WINDOW
from survey_app.storage.revisions import delete, revise

# Observations taken while the interview was under way: they say where the household lives (the handover log
# of cell changes as much as the readings).
DURING_INTERVIEW_TABLES = ("signal_readings", "cell_changes")


def exists(db: sqlite_utils.Database, household_id: str) -> bool:
    """Whether the household is held here."""
    return db.execute("SELECT 1 FROM households WHERE id = ?", [household_id]).fetchone() is not None


def erase_household(db: sqlite_utils.Database, household_id: str, *, by: str, reason: str) -> dict[str, int]:
    """Erase the household and what is tied to it (inside the caller's transaction); counts by table."""
    session_id = db.execute("SELECT session_id FROM households WHERE id = ?", [household_id]).fetchone()[0]
    ids = {
        "members": [r[0] for r in db.execute("SELECT id FROM members WHERE household_id = ?", [household_id])],
        "consents": [r[0] for r in db.execute("SELECT id FROM consents WHERE household_id = ?", [household_id])],
        "speed_tests": [r[0] for r in db.execute("SELECT id FROM speed_tests WHERE household_id = ?",
                                                 [household_id])],
    }
    positioned = {table: [r[0] for r in db.execute(
        f"SELECT r.id FROM {table} r JOIN households h ON h.id = ? AND {INTERVIEW_WINDOW} "
        "WHERE r.lat IS NOT NULL OR r.lon IS NOT NULL", [household_id])] for table in DURING_INTERVIEW_TABLES}
    for table, rows in ids.items():
        for rid in rows:
            delete(db, table, rid, deleted_by=by, reason=reason, session_id=session_id, purge=True)
    for table, rows in positioned.items():
        for rid in rows:
            revise(db, table, rid, dict(NO_POSITION_COLUMNS), changed_by=by, reason=reason, history=False)
    delete(db, "households", household_id, deleted_by=by, reason=reason, session_id=session_id, purge=True)
    return {**{t: len(r) for t, r in ids.items()}, "households": 1, **{t: len(r) for t, r in positioned.items()}}
