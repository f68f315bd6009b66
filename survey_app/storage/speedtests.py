"""Speed-test results: append-only observations in `speed_tests`, linked to a session and optionally a household."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from survey_app.models.base import NO_POSITION_COLUMNS, Position, Session
from survey_app.storage.records import RecordContext
from survey_app.storage import changes

STATUSES = ("ok", "failed", "cancelled")
# A modem is read every few seconds; its readings from this long before a test still describe its network.
MODEM_LOOKBACK_S = 30
_LIST_COLUMNS = ("id", "session_id", "household_id", "unit_code", "started_at", "ended_at", "status", "error",
                 "error_code", "error_params",
                 "protocol", "server_url", "server_name", "interface_name", "interface_kind", "download_mbps",
                 "upload_mbps", "ping_ms", "jitter_ms", "loaded_ping_download_ms", "loaded_ping_upload_ms",
                 "bytes_received", "bytes_sent", "lat", "lon", "position_source")


def result_row(result, *, session: Session | None = None, household_id: str | None = None,
               position: Position | None = None) -> dict[str, Any]:
    """The speed_tests columns of a SpeedTestResult (without the common record columns)."""
    if result.status not in STATUSES:
        raise ValueError(result.status)
    ok = result.status == "ok"
    srv = result.server
    row = {
        "session_id": session.id if session else None, "household_id": household_id,
        "unit_code": session.unit_code if session else None, "code_set": session.code_set if session else None,
        "started_at": result.started_at, "ended_at": result.ended_at, "status": result.status,
        **result.error_columns(),
        "protocol": srv.protocol, "method": result.method, "server_url": srv.url, "server_name": srv.name,
        "server_sponsor": srv.sponsor or None, "server_id": srv.id or None, "server_distance_km": srv.distance_km,
        "interface_name": result.interface_name, "interface_kind": result.interface_kind,
        "source_address": result.source_address,
        # a failed or cancelled test has no rates: NULL, never 0 Mbit/s
        "download_mbps": result.download_mbps if ok else None, "upload_mbps": result.upload_mbps if ok else None,
        "ping_ms": result.ping_ms, "ping_min_ms": result.ping_min_ms, "jitter_ms": result.jitter_ms,
        "loaded_ping_download_ms": result.loaded_ping_download_ms,
        "loaded_ping_upload_ms": result.loaded_ping_upload_ms,
        "bytes_received": result.bytes_received, "bytes_sent": result.bytes_sent,
        "duration_s": result.duration_s, "streams_download": result.streams_download,
        "streams_upload": result.streams_upload,
        "samples": json.dumps(result.samples, separators=(",", ":")),
    }
    row.update(position.as_columns() if position else NO_POSITION_COLUMNS)
    return row


def insert_result(db: sqlite_utils.Database, ctx: RecordContext, result, *, session: Session | None = None,
                  household_id: str | None = None, position: Position | None = None,
                  operator: str | None = None, technology: str | None = None, evidence: dict | None = None) -> str:
    """Store a result (any status) and return its record id. A test over a modem interface takes the operator and
    technology of the modem read during it unless they are given (the passport's modem, evidence.capture);
    `evidence` holds the passport, conditions and verdict columns (evidence.capture.Capture.columns)."""
    row = ctx.stamp(result_row(result, session=session, household_id=household_id, position=position))
    if operator is None and technology is None and result.interface_kind == "modem":
        operator, technology = modem_network(db, row["session_id"], result.started_at, result.ended_at)
    row["operator"], row["technology"] = operator, technology
    row.update(evidence or {})
    db.table("speed_tests").insert(row)
    changes.changed(db, "speed_tests")
    return row["id"]


def modem_network(db: sqlite_utils.Database, session_id: str | None, started_at: str,
                  ended_at: str | None) -> tuple[str | None, str | None]:
    """(operator, technology) of the latest readings of the one modem read from MODEM_LOOKBACK_S before a test to
    its end in its session: the modem it ran over. (None, None) when no modem was read, or several were (which one
    carried the test is not known)."""
    start = datetime.fromisoformat(started_at.replace("Z", "+00:00")) - timedelta(seconds=MODEM_LOOKBACK_S)
    since = start.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    rows = db.execute("SELECT modem_id, operator, technology FROM signal_readings WHERE session_id IS ? "
                      "AND measured_at >= ? AND measured_at <= ? ORDER BY measured_at DESC LIMIT 2000",
                      [session_id, since, ended_at or started_at]).fetchall()
    if len({r[0] for r in rows}) != 1:
        return None, None
    return next((r[1] for r in rows if r[1]), None), next((r[2] for r in rows if r[2]), None)


def get_test(db: sqlite_utils.Database, test_id: str) -> dict[str, Any] | None:
    """One stored test with every column (samples decoded)."""
    cur = db.execute("SELECT * FROM speed_tests WHERE id = ?", [test_id])
    row = cur.fetchone()
    if row is None:
        return None
    out = dict(zip([d[0] for d in cur.description], row))
    out["samples"] = json.loads(out["samples"] or "{}")
    for key in ("passport", "verdict_reasons"):
        out[key] = json.loads(out[key]) if out.get(key) else None
    return out


def list_for_session(db: sqlite_utils.Database, session_id: str) -> list[dict[str, Any]]:
    """A session's tests, newest first (without raw samples)."""
    sql = f"SELECT {', '.join(_LIST_COLUMNS)} FROM speed_tests WHERE session_id = ? ORDER BY started_at DESC"
    return [dict(zip(_LIST_COLUMNS, r)) for r in db.execute(sql, [session_id]).fetchall()]


def list_for_household(db: sqlite_utils.Database, household_id: str) -> list[dict[str, Any]]:
    """A household's tests, newest first (without raw samples)."""
    sql = f"SELECT {', '.join(_LIST_COLUMNS)} FROM speed_tests WHERE household_id = ? ORDER BY started_at DESC"
    return [dict(zip(_LIST_COLUMNS, r)) for r in db.execute(sql, [household_id]).fetchall()]
