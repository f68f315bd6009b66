"""SQL of the evidence area: the valid tests behind the KPIs, verdict counts, and the tests of an evidence export."""
from __future__ import annotations

import json
from typing import Any, Iterator

import sqlite_utils

from survey_app.codec import loads

# KPI input columns and the SQL that gives each: the group key 'unit<US>operator<US>technology' (US = char 31),
# the verdict as 1 valid / 2 invalid / 0 none (recorded before verdicts existed), the environment as its index in
# ENVIRONMENTS (-1 not declared), the start time in seconds.
KPI_SQL = {"group": "IFNULL(unit_code, '') || char(31) || IFNULL(operator, '') || char(31) || IFNULL(technology, '')",
           "verdict": "CASE verdict WHEN 'valid' THEN 1 WHEN 'invalid' THEN 2 ELSE 0 END",
           "download_mbps": "download_mbps", "upload_mbps": "upload_mbps", "ping_ms": "ping_ms",
           "environment": "CASE environment WHEN 'indoor' THEN 0 WHEN 'outdoor_fixed' THEN 1 "
                          "WHEN 'outdoor_moving' THEN 2 ELSE -1 END",
           "device_id": "device_id", "t_s": "julianday(started_at) * 86400.0"}
KPI_COLUMNS = tuple(KPI_SQL)


def _where(unit_code: str | None) -> tuple[str, list]:
    return ("status = 'ok' AND unit_code = ?", [unit_code]) if unit_code else ("status = 'ok'", [])


def kpi_columns(db: sqlite_utils.Database, *, unit_code: str | None = None) -> dict[str, list]:
    """Every completed test as columns (KPI_COLUMNS; t_s = start time in seconds), in table order.

    One pass over the table, SQLite building one JSON array per column: no Python row objects, no sort (300,000
    tests read in a fraction of a second; fetching them as rows costs seconds)."""
    where, args = _where(unit_code)
    sql = ", ".join(f"json_group_array({expr})" for expr in KPI_SQL.values())
    row = db.execute(f"SELECT {sql} FROM speed_tests WHERE {where}", args).fetchone()
    return {name: loads(text) for name, text in zip(KPI_COLUMNS, row)}


EVIDENCE_COLUMNS = ("id", "device_id", "session_id", "unit_code", "code_set", "started_at", "ended_at", "status",
                    "error", "protocol", "method", "server_url", "server_name", "server_distance_km",
                    "interface_name", "interface_kind", "local_address", "address_family", "operator", "technology",
                    "download_mbps", "upload_mbps", "ping_ms", "ping_min_ms", "jitter_ms", "loaded_ping_download_ms",
                    "loaded_ping_upload_ms", "bytes_received", "bytes_sent", "download_s", "upload_s", "passport",
                    "environment", "in_vehicle", "external_antenna", "verdict", "verdict_reasons", "rules_version",
                    "app_version", "lat", "lon", "position_accuracy_m")


def _evidence_where(units: tuple[str, ...], only_valid: bool, with_households: bool) -> tuple[str, list]:
    clauses = ["verdict IS NOT NULL"]
    if only_valid:
        clauses.append("verdict = 'valid'")
    if not with_households:
        clauses.append("household_id IS NULL")  # its positions are the household's
    if units:
        clauses.append(f"unit_code IN ({', '.join('?' * len(units))})")
    return " AND ".join(clauses), list(units)


def count_evidence_tests(db: sqlite_utils.Database, *, units: tuple[str, ...] = (), only_valid: bool = False,
                         with_households: bool = False) -> int:
    """How many tests an evidence export would write."""
    where, args = _evidence_where(units, only_valid, with_households)
    return db.execute(f"SELECT count(*) FROM speed_tests WHERE {where}", args).fetchone()[0]


def evidence_tests(db: sqlite_utils.Database, *, units: tuple[str, ...] = (), only_valid: bool = False,
                   with_households: bool = False, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Tests that carry a verdict (JSON columns decoded), oldest first, read in batches."""
    where, args = _evidence_where(units, only_valid, with_households)
    cur = db.execute(f"SELECT {', '.join(EVIDENCE_COLUMNS)} FROM speed_tests WHERE {where} "
                     "ORDER BY started_at, id", args)
    while rows := cur.fetchmany(batch):
        for r in rows:
            row = dict(zip(EVIDENCE_COLUMNS, r))
            for key in ("passport", "verdict_reasons"):
                try:
                    row[key] = json.loads(row[key]) if row[key] else None
                except ValueError:
                    row[key] = None  # a damaged cell is exported as missing, the rest of the test still is
            yield row
