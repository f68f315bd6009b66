"""SQL for exports: filters, counts, and queries whose rows are ready-made CSV lines or GeoJSON features.

SQLite formats each row into one text value (C code, no Python object per field), so the writers only join
and write big chunks: that is what keeps a million-row export faster than ogr2ogr and close to `sqlite3 -csv`.
"""
from __future__ import annotations

from typing import Iterator

import sqlite_utils

from survey_app.models.export_spec import PRECISE_DECIMALS, ROUNDED_DECIMALS, Column, Filters, Layer
from survey_app.storage import clauses

# Stored times are UTC ISO 8601 text ("...Z"); exported times are Vietnam time with an explicit offset.
TIME_SQL = "strftime('%Y-%m-%dT%H:%M:%f+07:00', {v}, '+7 hours')"

_ALIAS = {"sessions": "s", "members": "m"}
_FROM = {
    "sessions": "sessions s LEFT JOIN units u ON u.code = s.unit_code",
    "members": "members m JOIN households h ON h.id = m.household_id",
    "households": "households r LEFT JOIN consents c ON c.household_id = r.id",
}
_TIME = {
    "sessions": "s.started_at",
    "speed_tests": "r.started_at",
    "signal_readings": "r.measured_at",
    "households": "coalesce(r.started_at, r.created_at)",
    "members": "coalesce(h.started_at, h.created_at)",
}


def _alias(layer: Layer) -> str:
    return _ALIAS.get(layer.table, "r")


def _src(layer: Layer, col: Column) -> str:
    s = col.src
    if s.startswith("count:"):   # a session's records of one table, e.g. "count:speed_tests"
        return f"(SELECT count(*) FROM {s[6:]} x WHERE x.session_id = s.id)"
    return s if ("." in s or "(" in s) else f"{_alias(layer)}.{s}"


def _where(layer: Layer, f: Filters) -> tuple[str, list]:
    """WHERE clause and parameters for a layer under the filters."""
    a = _alias(layer)
    own = "h" if layer.table == "members" else a      # members are filtered through their household
    conditions: list[str] = []
    params: list = []
    if f.units:
        conditions.append(clauses.in_list(f"{own}.unit_code", f.units))
        params += list(f.units)
    days, day_params = clauses.day_range(_TIME[layer.table], f)
    conditions += days
    params += day_params
    rules, rule_params = clauses.session_rules(f)
    if rules:
        if layer.table == "sessions":
            conditions += [f"s.{r}" for r in rules]
        else:
            conditions.append(f"{own}.session_id IN (SELECT id FROM sessions WHERE {' AND '.join(rules)})")
        params += rule_params
    return clauses.where(conditions), params


def _order(layer: Layer) -> str:
    # Observations (millions of rows) come in the order they were recorded here (rowid: no sort, no random
    # reads); the revisable layers by time then id, members by household and roster order (an index).
    if layer.table in ("signal_readings", "speed_tests"):
        return " ORDER BY r.rowid"
    if layer.table == "members":
        return " ORDER BY m.household_id, m.position"
    return f" ORDER BY {_TIME[layer.table]}, {_alias(layer)}.id"


def count_rows(db: sqlite_utils.Database, layer: Layer, f: Filters) -> int:
    """How many records of a layer match the filters."""
    where, params = _where(layer, f)
    return db.execute(f"SELECT count(*) FROM {_from(layer)}{where}",
                      params).fetchone()[0]


# A reading taken while an interview was under way in its session says where that household lives.
INTERVIEW_WINDOW = ("r.session_id = h.session_id AND h.started_at IS NOT NULL AND r.measured_at >= h.started_at"
                    " AND r.measured_at <= coalesce(h.ended_at, h.updated_at)")
DURING_INTERVIEW = f"EXISTS (SELECT 1 FROM households h WHERE {INTERVIEW_WINDOW})"
# The same rule over prepare_rows' copy of the windows: one seek in a covering index per reading instead of a
# visit to every household row of its session (a fifth of the CSV export's time). Same types, same comparisons.
DURING_INTERVIEW_COPY = ("EXISTS (SELECT 1 FROM temp.export_interviews w WHERE w.session_id = r.session_id"
                         " AND r.measured_at >= w.started_at AND r.measured_at <= w.ended)")


def needs_windows(layer: Layer, precise: bool) -> bool:
    """Whether csv_query/geojson_query of this layer read the interview windows (prepare_rows first)."""
    return _rounded_when(layer, precise) == DURING_INTERVIEW


def prepare_rows(db, layer: Layer, precise: bool) -> None:
    """Copy the interview windows into this connection's memory (inside its read snapshot) when the layer's
    rounding rule reads them; run it on every connection that runs csv_query or geojson_query."""
    if not needs_windows(layer, precise):
        return
    # SQLCipher is built with SQLITE_TEMP_STORE=2: a TEMP table lives in memory, household times reach no file.
    db.execute("DROP TABLE IF EXISTS temp.export_interviews")
    db.execute("CREATE TEMP TABLE export_interviews (session_id TEXT, started_at TEXT, ended TEXT)")
    db.execute("INSERT INTO temp.export_interviews SELECT h.session_id, h.started_at, coalesce(h.ended_at, "
               "h.updated_at) FROM households h WHERE h.session_id IS NOT NULL AND h.started_at IS NOT NULL")
    db.execute("CREATE INDEX temp.export_interviews_at ON export_interviews (session_id, started_at, ended)")


def _rounded_when(layer: Layer, precise: bool, copied: bool = False) -> str:
    """SQL condition under which a row's position is rounded ("0": never, "1": always); `copied`: over
    prepare_rows' windows."""
    if precise or not layer.rounded_positions:
        return "0"
    if layer.table == "speed_tests":   # only a test taken at a household reveals where it lives
        return "r.household_id IS NOT NULL"
    if layer.table == "signal_readings":
        return DURING_INTERVIEW_COPY if copied else DURING_INTERVIEW
    return "1"


def _decimals(layer: Layer, precise: bool, copied: bool = False) -> str:
    """SQL for the number of decimals of a layer's coordinates."""
    cond = _rounded_when(layer, precise, copied)
    if cond in ("0", "1"):
        return str(ROUNDED_DECIMALS if cond == "1" else PRECISE_DECIMALS)
    return f"CASE WHEN {cond} THEN {ROUNDED_DECIMALS} ELSE {PRECISE_DECIMALS} END"


def _csv_position(layer: Layer, lon: Column, lat: Column, precise: bool) -> str:
    """SQL of the two CSV fields "lon,lat" with the decimals decided once per row: for a reading that rule is a
    subquery (taken during an interview?), which per coordinate cost a third of the CSV export's time."""
    a, b = _src(layer, lon), _src(layer, lat)

    def fixed(d: int) -> str:
        # both known (the usual case): one printf; else each field alone, a missing one empty
        return (f"CASE WHEN {a} IS NOT NULL AND {b} IS NOT NULL THEN printf('%.{d}f,%.{d}f', {a}, {b}) ELSE "
                f"printf('%s,%s', iif({a} IS NULL, NULL, printf('%.{d}f', {a})), "
                f"iif({b} IS NULL, NULL, printf('%.{d}f', {b}))) END")

    cond = _rounded_when(layer, precise, copied=True)
    if cond in ("0", "1"):
        return fixed(ROUNDED_DECIMALS if cond == "1" else PRECISE_DECIMALS)
    return f"CASE WHEN {cond} THEN {fixed(ROUNDED_DECIMALS)} ELSE {fixed(PRECISE_DECIMALS)} END"


def _value(layer: Layer, col: Column, precise: bool) -> str:
    v = _src(layer, col)
    if col.kind == "datetime":
        return TIME_SQL.format(v=v)
    if col.kind in ("lon", "lat"):
        # Fixed decimals with printf('%.*f'): never more than 6, whatever SQLite version prints reals (3.43
        # changed its float-to-text conversion), and rounding is decimal, as people expect.
        return f"iif({v} IS NULL, NULL, printf('%.*f', {_decimals(layer, precise, copied=True)}, {v}))"
    return v


def _csv_field(layer: Layer, col: Column, precise: bool) -> tuple[str, str]:
    """(printf spec, argument) of one CSV field."""
    v = _value(layer, col, precise)
    if col.kind == "string":
        # Text is always quoted, quotes doubled by printf's %w (RFC 4180); a cell a spreadsheet would run as a
        # formula (OWASP: first character = + - @ tab or CR) gets a leading apostrophe. NULL is an empty field.
        return '"%w"', f"ifnull({inert_text(v)}, '')"
    if col.kind in ("integer", "number", "boolean"):
        return "%s", numbers_only(v)
    return "%s", v


FORMULA_STARTS = "=+-@\t\r"


def inert_text(v: str) -> str:
    """SQL: text `v` with an apostrophe before a first character that starts a spreadsheet formula."""
    # A simple CASE reads unicode(v) once and compares it with each code: cheaper than IN (...) in SQLite's VM
    # (about a quarter of the check, which runs on every text field of every row).
    whens = " ".join(f"WHEN {ord(c)} THEN char(39) || {v}" for c in FORMULA_STARTS)
    return f"CASE unicode({v}) {whens} ELSE {v} END"


def numbers_only(v: str) -> str:
    """SQL: `v` when it is a number, else NULL (text stored in a number column would break the rows)."""
    # SQLite orders every number (infinities too) before any text or blob, so one comparison with +Inf (1e999)
    # keeps exactly the numbers: cheaper than typeof() or `v + 0 = v`.
    return f"CASE WHEN {v} <= 1e999 THEN {v} END"


def _json_field(layer: Layer, col: Column, precise: bool) -> str:
    v = _value(layer, col, precise)
    if col.kind == "boolean":
        return f"CASE WHEN {v} IS NULL THEN 'null' WHEN {v} THEN 'true' ELSE 'false' END"
    if col.kind == "datetime":
        return f"ifnull('\"' || {v} || '\"', 'null')"
    if col.kind in ("integer", "number"):
        # Numbers as SQLite prints them (%!.15g). `v + 0 = v` holds only for numbers (plain opcodes, no function
        # call: 3x cheaper than typeof()), so text stored there by mistake becomes null: numbers only.
        return f"CASE WHEN {v} + 0 = {v} THEN {v} ELSE 'null' END"
    return f"json_quote({v})"


def _from(layer: Layer) -> str:
    return _FROM.get(layer.table, layer.table + " r")


def _ranged(layer: Layer, where: str, ranged: bool) -> str:
    # For parallel readers: two more parameters bound the rowids (the layer is in rowid order).
    if not ranged:
        return where
    cond = f"{_alias(layer)}.rowid >= ? AND {_alias(layer)}.rowid < ?"
    return f"{where} AND {cond}" if where else f" WHERE {cond}"


def rowid_span(db: sqlite_utils.Database, layer: Layer) -> tuple[int, int]:
    """Lowest and highest rowid of a layer's table (0, -1 when empty)."""
    lo, hi = db.execute(f"SELECT min(rowid), max(rowid) FROM {layer.table}").fetchone()
    return (lo, hi) if lo is not None else (0, -1)


def in_rowid_order(layer: Layer) -> bool:
    """Whether the layer is exported in rowid order (and so can be read in parallel by rowid ranges)."""
    return _order(layer) == " ORDER BY r.rowid"


def csv_query(layer: Layer, cols: list[Column], f: Filters, precise: bool,
              ranged: bool = False) -> tuple[str, list]:
    """SQL whose rows are single CSV lines (without line end) of `cols`, and its parameters."""
    # One printf per row: no quadratic chain of || copies, no Python object per field.
    fields = []
    for i, c in enumerate(cols):
        if c.kind == "lat" and i and cols[i - 1].kind == "lon":
            continue  # written with its longitude
        if c.kind == "lon" and i + 1 < len(cols) and cols[i + 1].kind == "lat":
            fields.append(("%s", _csv_position(layer, c, cols[i + 1], precise)))
        else:
            fields.append(_csv_field(layer, c, precise))
    template = ",".join(spec for spec, _arg in fields)
    args = ", ".join(arg for _spec, arg in fields)
    where, params = _where(layer, f)
    where = _ranged(layer, where, ranged)
    return f"SELECT printf('{template}', {args}) AS line FROM {_from(layer)}{where}{_order(layer)}", params


def geojson_query(layer: Layer, cols: list[Column], f: Filters, precise: bool,
                  ranged: bool = False) -> tuple[str, list]:
    """SQL whose rows are single RFC 7946 Feature objects (text) with flat properties."""
    by_kind = {c.kind: c for c in cols}
    lon, lat = _src(layer, by_kind["lon"]), _src(layer, by_kind["lat"])
    d = _decimals(layer, precise, copied=True)
    geometry = (f"CASE WHEN {lon} IS NULL OR {lat} IS NULL THEN 'null' ELSE "
                f"printf('{{\"type\":\"Point\",\"coordinates\":[%.*f,%.*f]}}', {d}, {lon}, {d}, {lat}) END")
    ident = next(c for c in cols if c.name == "id")
    props = [c for c in cols if c.kind not in ("lon", "lat") and c.name != "id"]
    template = ('{"type":"Feature","id":%s,"geometry":%s,"properties":{'
                + ",".join(f'"{c.name}":%s' for c in props) + "}}")
    args = ", ".join([f"json_quote({_src(layer, ident)})", geometry]
                     + [_json_field(layer, c, precise) for c in props])
    where, params = _where(layer, f)
    where = _ranged(layer, where, ranged)
    return f"SELECT printf('{template}', {args}) AS line FROM {_from(layer)}{where}{_order(layer)}", params


def chunk_query(ranged_sql: str) -> str:
    """One row per rowid range: its formatted lines joined by SQLite (first parameter: the separator) as bytes,
    and how many there were. Python then touches one object per chunk, and the GIL stays free while SQLite works."""
    # A subquery with ORDER BY is not flattened into an aggregate, so group_concat sees the rows in rowid order
    # (tests compare the bytes with the row-by-row path).
    return f"SELECT CAST(group_concat(line, ?) AS BLOB), count(*) FROM ({ranged_sql})"


def line_batches(db: sqlite_utils.Database, sql: str, params: list, size: int) -> Iterator[list[str]]:
    """The single text column of a query's rows (csv_query, geojson_query), `size` rows at a time."""
    cur = db.execute(sql, params)
    while batch := cur.fetchmany(size):
        yield [r[0] for r in batch]


def chunk(db: sqlite_utils.Database, chunk_sql: str, params: list) -> tuple[bytes | None, int]:
    """The (joined lines, count) row of a chunk_query."""
    return db.execute(chunk_sql, params).fetchone()


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



def plain_query(layer: Layer, cols: list[Column], f: Filters, precise: bool, ranged: bool = False) -> tuple[str, list]:
    """SQL of the raw values for a GeoPackage: (src_rowid, lon, lat, v0, v1... for cols but lon/lat), times as
    stored (UTC, ISO 8601 with Z, what GeoPackage's DATETIME is); positions rounded as in the other formats."""
    d = _decimals(layer, precise)
    pos = {c.kind: _src(layer, c) for c in cols if c.kind in ("lon", "lat")}
    values = [f"{_src(layer, c)} AS v{i}" for i, c in enumerate(c for c in cols if c.kind not in ("lon", "lat"))]
    where, params = _where(layer, f)
    where = _ranged(layer, where, ranged)
    source = f"{_from(layer)}{where}{_order(layer)}"
    if d.isdigit():
        lonlat = [(f"round({pos[k]}, {d})" if k in pos else "NULL") + f" AS {k}" for k in ("lon", "lat")]
        return f"SELECT {_alias(layer)}.rowid AS src_rowid, {', '.join(lonlat + values)} FROM {source}", params
    # The decimals are a per-row rule (for a reading, a subquery): decided once per row in an inner query that
    # OFFSET 0 keeps from being flattened (flattened, its expression would be copied into both coordinates).
    raw = [f"{pos.get(k, 'NULL')} AS {k}" for k in ("lon", "lat")]
    inner = (f"SELECT {_alias(layer)}.rowid AS src_rowid, {', '.join(raw)}, {d} AS d, {', '.join(values)} "
             f"FROM {source} LIMIT -1 OFFSET 0")
    outer = ", ".join(["src_rowid", "round(lon, d) AS lon", "round(lat, d) AS lat"]
                      + [f"v{i}" for i in range(len(values))])
    return f"SELECT {outer} FROM ({inner})", params
