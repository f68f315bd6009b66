"""A record in a few words for lists that must not show ids: when it was made, in which unit, and one detail."""
from __future__ import annotations

from typing import Any

_UNIT = "LEFT JOIN units u ON u.code = {alias}.unit_code"
# table -> SELECT of (id, when, unit name, detail), the table aliased t
_SUMMARY = {
    "sessions": f"SELECT t.id, t.started_at, u.name, t.team_name FROM sessions t {_UNIT.format(alias='t')}",
    "teams": "SELECT t.id, t.created_at, NULL, t.name FROM teams t",
    "speed_tests": f"SELECT t.id, t.started_at, u.name, t.download_mbps FROM speed_tests t {_UNIT.format(alias='t')}",
    "signal_readings": (f"SELECT t.id, t.measured_at, u.name, t.operator FROM signal_readings t "
                        f"{_UNIT.format(alias='t')}"),
    "households": f"SELECT t.id, t.started_at, u.name, t.hamlet FROM households t {_UNIT.format(alias='t')}",
    "members": ("SELECT t.id, h.started_at, u.name, t.position FROM members t "
                "LEFT JOIN households h ON h.id = t.household_id " + _UNIT.format(alias="h")),
    "review_decisions": ("SELECT t.id, t.decided_at, u.name, t.decision FROM review_decisions t "
                         "LEFT JOIN sessions s ON s.id = t.session_id " + _UNIT.format(alias="s")),
    "modems": "SELECT t.id, t.first_seen_at, NULL, t.label FROM modems t",
    "tombstones": "SELECT t.id, t.deleted_at, NULL, t.table_name FROM tombstones t",
}


def summaries(db, table: str, ids: list[str]) -> dict[str, tuple[Any, Any, Any]]:
    """id -> (time, unit name, detail) for records of `table` (time and unit may be None)."""
    if not ids:
        return {}
    sql = _SUMMARY.get(table, f"SELECT t.id, t.created_at, NULL, NULL FROM [{table}] t")
    out: dict[str, tuple] = {}
    for start in range(0, len(ids), 500):   # SQLite's limit on bound parameters
        chunk = ids[start:start + 500]
        rows = db.execute(f"{sql} WHERE t.id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        out.update({r[0]: (r[1], r[2], r[3]) for r in rows})
    return out


def household_choices(db) -> list[tuple]:
    """(id, started_at, unit name, hamlet, respondent name) of every household on this laptop, newest first."""
    sql = (f"SELECT t.id, t.started_at, u.name, t.hamlet, t.respondent_name FROM households t "
           f"{_UNIT.format(alias='t')} ORDER BY t.started_at DESC")
    return db.execute(sql).fetchall()
