"""Typed read views of the received records, one per export layer, for both back ends.

The columns, their kinds and the privacy defaults come from the desktop export's layer definitions
(survey_app.exports.layers): personal columns are left out and household-linked positions are rounded
unless a read token was granted more. The same SELECT feeds the database views (QGIS, SQL users), the
OData service and the CSV/GeoJSON downloads. PostgreSQL views carry a PostGIS `geom` (indexed on records).
"""
from __future__ import annotations

import hashlib

from survey_app.exports.layers import RECORD_LAYERS
from survey_app.models.export_spec import ROUNDED_DECIMALS, Column, Layer

LAYERS = {layer.name: layer for layer in RECORD_LAYERS}
_COUNTED = {"speed_tests", "signal_readings", "households"}


def _json(dialect: str, kind: str, key: str, alias: str = "r") -> str:
    """Typed value of data.key: NULL when it is missing or of another type."""
    if dialect == "postgresql":
        fn = {"integer": "central_int", "number": "central_num", "boolean": "central_bool"}.get(kind, "central_text")
        return f"{fn}({alias}.data -> '{key}')"
    path = f"{alias}.data, '$.{key}'"
    if kind == "integer":
        return (f"CASE WHEN json_type({path}) IN ('integer', 'real') AND abs(json_extract({path})) < 9e18 "
                f"THEN CAST(round(json_extract({path})) AS INTEGER) END")
    if kind == "number":
        return f"CASE WHEN json_type({path}) IN ('integer', 'real') THEN json_extract({path}) END"
    if kind == "boolean":
        return (f"CASE json_type({path}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 "
                f"WHEN 'integer' THEN json_extract({path}) != 0 WHEN 'real' THEN json_extract({path}) != 0 END")
    return f"CASE WHEN json_type({path}) IN ('text', 'integer', 'real') THEN CAST(json_extract({path}) AS TEXT) END"


def _position(dialect: str, layer: Layer, axis: str, precise: bool) -> str:
    """lon or lat: the published (rounded where the layer says so) position, or the precise one if granted."""
    if layer.name == "sessions":
        return f"u.inside_{axis}"
    if precise or not layer.rounded_positions:
        raw = _json(dialect, "number", axis)
        limit = 180 if axis == "lon" else 90
        return f"CASE WHEN abs({raw}) <= {limit} THEN {raw} END"
    if dialect == "postgresql":
        return f"ST_{'X' if axis == 'lon' else 'Y'}(r.geom)"
    return f"r.{axis}"


def _special(dialect: str, layer: Layer, col: Column) -> str | None:
    """Columns that the desktop computes from other tables."""
    if layer.name == "sessions" and col.name == "unit_name":
        return "u.name"
    if layer.name == "sessions" and col.name in _COUNTED:
        return (f"(SELECT count(*) FROM records x WHERE x.session_id = r.id "
                f"AND x.table_name = '{col.name}')")
    if layer.name == "members" and col.name == "unit_code":
        return (f"(SELECT {_json(dialect, 'string', 'unit_code', 'h')} FROM records h "
                f"WHERE h.table_name = 'households' AND h.id = {_json(dialect, 'string', 'household_id')})")
    return None


def columns(layer: Layer, *, personal: bool = False) -> list[Column]:
    """The columns a reader gets by default (or with personal data when granted)."""
    return layer.selected(personal)


def select(layer: Layer, dialect: str, *, personal: bool = False, precise: bool = False) -> str:
    """SELECT of one layer's rows from `records` (plus `_seq`, the stable order, and `geom` on PostgreSQL)."""
    exprs = ["r.id AS id"]
    for col in columns(layer, personal=personal):
        if col.name == "id":
            continue
        if col.kind in ("lon", "lat"):
            expr = _position(dialect, layer, col.kind, precise)
        elif col.name in ("revision", "updated_at"):  # the record's envelope, not its data
            expr = f"r.{col.name}"
        else:
            expr = _special(dialect, layer, col) or _json(dialect, col.kind, col.name)
        exprs.append(f"{expr} AS {col.name}")
    exprs.append("r.seq AS _seq")
    if dialect == "postgresql" and layer.geojson:
        if layer.name == "sessions":
            geom = "ST_SetSRID(ST_MakePoint(u.inside_lon, u.inside_lat), 4326)"
        elif precise and layer.rounded_positions:
            geom = ("ST_SetSRID(ST_MakePoint(central_num(r.data -> 'lon'), central_num(r.data -> 'lat')), 4326)")
        else:
            geom = "r.geom"
        exprs.append(f"{geom}::geometry(Point, 4326) AS geom")
    source = "records r"
    if layer.name == "sessions":
        source += f" LEFT JOIN units u ON u.code = {_json(dialect, 'string', 'unit_code')}"
    return f"SELECT {', '.join(exprs)} FROM {source} WHERE r.table_name = '{layer.name}'"


def view_statements(dialect: str) -> list[str]:
    """(Re)create the default-privacy views of every layer (and, on PostgreSQL, the indicator views)."""
    out = []
    for layer in RECORD_LAYERS:
        out.append(f"DROP VIEW IF EXISTS {layer.name}")
        out.append(f"CREATE VIEW {layer.name} AS {select(layer, dialect)}")
    if dialect == "postgresql":
        from survey_app.central.indicator_views import statements

        out = [f"DROP VIEW IF EXISTS {name} CASCADE" for name in INDICATOR_VIEWS] + out + statements()
    return out


INDICATOR_VIEWS = ("unit_indicators", "operator_indicators", "technology_indicators")


def views_hash(dialect: str) -> str:
    """Fingerprint of the view definitions (views are recreated only when it changes)."""
    text = "\n".join(view_statements(dialect)) + f"\nrounded={ROUNDED_DECIMALS}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]
