"""SQL for exports: filters, counts, and queries whose rows are ready-made CSV lines or GeoJSON features.

SQLite formats each row into one text value (C code, no Python object per field), so the writers only join
and write big chunks: that is what keeps a million-row export faster than ogr2ogr and close to `sqlite3 -csv`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

import sqlite_utils

from survey_app.exports.layers import Column, Layer

VN_TZ = timezone(timedelta(hours=7))
# Stored times are UTC ISO 8601 text ("...Z"); exported times are Vietnam time with an explicit offset.
TIME_SQL = "strftime('%Y-%m-%dT%H:%M:%f+07:00', {v}, '+7 hours')"

_ALIAS = {"sessions": "s", "members": "m"}
_FROM = {
    "sessions": "sessions s LEFT JOIN units u ON u.code = s.unit_code",
    "members": "members m JOIN households h ON h.id = m.household_id",
}
_TIME = {
    "sessions": "s.started_at",
    "speed_tests": "r.started_at",
    "signal_readings": "r.measured_at",
    "households": "coalesce(r.started_at, r.created_at)",
    "members": "coalesce(h.started_at, h.created_at)",
}


@dataclass(frozen=True)
class Filters:
    """Which records to export; empty tuples and None mean no restriction."""

    units: tuple[str, ...] = ()
    date_from: date | None = None     # inclusive, Vietnam local date
    date_to: date | None = None       # inclusive, Vietnam local date
    teams: tuple[str, ...] = ()
    status: str = "all"               # 'all' | 'approved' (records of approved sessions only)

    def to_json(self) -> dict:
        """The filters as written in the manifest."""
        return {"units": list(self.units), "date_from": self.date_from.isoformat() if self.date_from else None,
                "date_to": self.date_to.isoformat() if self.date_to else None, "teams": list(self.teams),
                "status": self.status}


def utc_bound(day: date) -> str:
    """The stored-UTC text of local midnight at the start of `day` (text compares like time here)."""
    local = datetime.combine(day, time(0), VN_TZ)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _alias(layer: Layer) -> str:
    return _ALIAS.get(layer.table, "r")


def _src(layer: Layer, col: Column) -> str:
    s = col.src
    return s if ("." in s or "(" in s) else f"{_alias(layer)}.{s}"


def _where(layer: Layer, f: Filters) -> tuple[str, list]:
    """WHERE clause and parameters for a layer under the filters."""
    a = _alias(layer)
    own = "h" if layer.table == "members" else a      # members are filtered through their household
    clauses: list[str] = []
    params: list = []
    if f.units:
        clauses.append(f"{own}.unit_code IN ({','.join('?' * len(f.units))})")
        params += list(f.units)
    t = _TIME[layer.table]
    if f.date_from:
        clauses.append(f"{t} >= ?")
        params.append(utc_bound(f.date_from))
    if f.date_to:
        clauses.append(f"{t} < ?")
        params.append(utc_bound(f.date_to + timedelta(days=1)))
    session_rules, session_params = [], []
    if f.teams:
        session_rules.append(f"team_name IN ({','.join('?' * len(f.teams))})")
        session_params += list(f.teams)
    if f.status == "approved":
        session_rules.append("status = 'approved'")
    if session_rules:
        if layer.table == "sessions":
            clauses += [f"s.{r}" for r in session_rules]
        else:
            clauses.append(f"{own}.session_id IN (SELECT id FROM sessions WHERE {' AND '.join(session_rules)})")
        params += session_params
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(layer: Layer) -> str:
    # Time then id: deterministic whatever order records were inserted or synced in.
    if layer.table == "members":
        return " ORDER BY m.household_id, m.position, m.id"
    return f" ORDER BY {_TIME[layer.table]}, {_alias(layer)}.id"


def count_rows(db: sqlite_utils.Database, layer: Layer, f: Filters) -> int:
    """How many records of a layer match the filters."""
    where, params = _where(layer, f)
    return db.execute(f"SELECT count(*) FROM {_FROM.get(layer.table, layer.table + ' r')}{where}",
                      params).fetchone()[0]


def _value(layer: Layer, col: Column, decimals: int) -> str:
    v = _src(layer, col)
    if col.kind == "datetime":
        return TIME_SQL.format(v=v)
    if col.kind in ("lon", "lat"):
        return f"round({v}, {decimals})"
    return v


def _csv_field(layer: Layer, col: Column, decimals: int) -> str:
    v = _value(layer, col, decimals)
    if col.kind == "string":
        # Quote only values that need it (RFC 4180), as csv.writer's QUOTE_MINIMAL does.
        return (f"CASE WHEN {v} GLOB '*[\",\n\r]*' THEN '\"' || replace({v}, '\"', '\"\"') || '\"' "
                f"ELSE ifnull({v}, '') END")
    return f"ifnull({v}, '')"


def _json_field(layer: Layer, col: Column, decimals: int) -> str:
    v = _value(layer, col, decimals)
    if col.kind == "boolean":
        return f"CASE WHEN {v} IS NULL THEN 'null' WHEN {v} THEN 'true' ELSE 'false' END"
    if col.kind == "datetime":
        return f"ifnull('\"' || {v} || '\"', 'null')"
    return f"json_quote({v})"


def csv_query(layer: Layer, cols: list[Column], f: Filters, decimals: int) -> tuple[str, list]:
    """SQL whose rows are single CSV lines (without line end) of `cols`, and its parameters."""
    line = " || ',' || ".join(_csv_field(layer, c, decimals) for c in cols)
    where, params = _where(layer, f)
    return f"SELECT {line} FROM {_FROM.get(layer.table, layer.table + ' r')}{where}{_order(layer)}", params


def geojson_query(layer: Layer, cols: list[Column], f: Filters, decimals: int) -> tuple[str, list]:
    """SQL whose rows are single RFC 7946 Feature objects (text) with flat properties."""
    by_kind = {c.kind: c for c in cols}
    lon, lat = _value(layer, by_kind["lon"], decimals), _value(layer, by_kind["lat"], decimals)
    geometry = (f"CASE WHEN {lon} IS NULL OR {lat} IS NULL THEN 'null' ELSE "
                f"'{{\"type\":\"Point\",\"coordinates\":[' || {lon} || ',' || {lat} || ']}}' END")
    ident = next(c for c in cols if c.name == "id")
    parts = [f"'{{\"type\":\"Feature\",\"id\":' || json_quote({_src(layer, ident)})",
             f"',\"geometry\":' || {geometry}"]
    props = [c for c in cols if c.kind not in ("lon", "lat") and c.name != "id"]
    for i, c in enumerate(props):
        key = ',"properties":{' if i == 0 else ","
        parts.append(f"'{key}\"{c.name}\":' || {_json_field(layer, c, decimals)}")
    parts.append("'}}'")
    where, params = _where(layer, f)
    return (f"SELECT {' || '.join(parts)} FROM {_FROM.get(layer.table, layer.table + ' r')}{where}{_order(layer)}",
            params)


def list_teams(db: sqlite_utils.Database) -> list[str]:
    """Team names that have sessions, sorted."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT team_name FROM sessions WHERE team_name != '' ORDER BY team_name").fetchall()]


def unit_geometries(db: sqlite_utils.Database, units: tuple[str, ...] = ()) -> list[tuple]:
    """(code, name, kind, inside_lon, inside_lat, boundary GeoJSON text or None) for each unit, by code."""
    where, params = "", []
    if units:
        where, params = f" WHERE u.code IN ({','.join('?' * len(units))})", list(units)
    return db.execute("SELECT u.code, u.name, u.kind, u.inside_lon, u.inside_lat, b.geometry FROM units u "
                      f"LEFT JOIN unit_boundaries b ON b.unit_code = u.code{where} ORDER BY u.code",
                      params).fetchall()
