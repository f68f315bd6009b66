"""SQL of a GeoPackage file (OGC 12-128r18, version 1.4): the gpkg_* tables, feature tables and R-tree indexes.

The survey database (SQLCipher) attaches the new, plain file as `gp` and fills it with INSERT ... SELECT, so rows
never pass through Python except for the geometry function.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

APPLICATION_ID = 0x47504B47     # "GPKG"
USER_VERSION = 10300            # GeoPackage 1.3.0 (GDAL 3.6 warns on 1.4; the tables are the same)
WGS84_WKT = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
             'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",'
             '0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
             'AUTHORITY["EPSG","4326"]]')
TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "BOOLEAN", "datetime": "DATETIME"}

BASE = [
    "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
    "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, "
    "description TEXT)",
    "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
    "identifier TEXT UNIQUE, description TEXT DEFAULT '', "
    "last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
    "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
    "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
    "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
    "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
    "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
    "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
    "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
    "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
    "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
    "definition TEXT NOT NULL, scope TEXT NOT NULL, "
    "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))",
    "CREATE TABLE gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL, "
    "min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL)",
    "CREATE TABLE gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, "
    "matrix_width INTEGER NOT NULL, matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, "
    "tile_height INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL, "
    "CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level))",
]
SRS_ROWS = [
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    ("WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the "
     "WGS 84 spheroid"),
]
# The R-tree extension's triggers (spec Annex F.3) keep the index right when a GIS edits the layer later.
RTREE_TRIGGERS = [
    "CREATE TRIGGER gp.rtree_{t}_{c}_insert AFTER INSERT ON {t} WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c})) "
    "BEGIN INSERT OR REPLACE INTO rtree_{t}_{c} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), "
    "ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END",
    "CREATE TRIGGER gp.rtree_{t}_{c}_update5 AFTER UPDATE ON {t} WHEN OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND "
    "NOT ST_IsEmpty(NEW.{c})) BEGIN INSERT OR REPLACE INTO rtree_{t}_{c} VALUES (NEW.{i}, ST_MinX(NEW.{c}), "
    "ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END",
    "CREATE TRIGGER gp.rtree_{t}_{c}_update6 AFTER UPDATE ON {t} WHEN OLD.{i} = NEW.{i} AND (NEW.{c} IS NULL OR "
    "ST_IsEmpty(NEW.{c})) BEGIN DELETE FROM rtree_{t}_{c} WHERE id = OLD.{i}; END",
    "CREATE TRIGGER gp.rtree_{t}_{c}_update7 AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND "
    "NOT ST_IsEmpty(NEW.{c})) BEGIN DELETE FROM rtree_{t}_{c} WHERE id = OLD.{i}; INSERT OR REPLACE INTO "
    "rtree_{t}_{c} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END",
    "CREATE TRIGGER gp.rtree_{t}_{c}_update4 AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND (NEW.{c} IS NULL OR "
    "ST_IsEmpty(NEW.{c})) BEGIN DELETE FROM rtree_{t}_{c} WHERE id IN (OLD.{i}, NEW.{i}); END",
    "CREATE TRIGGER gp.rtree_{t}_{c}_delete AFTER DELETE ON {t} WHEN old.{c} NOT NULL "
    "BEGIN DELETE FROM rtree_{t}_{c} WHERE id = OLD.{i}; END",
]


def create_file(path: Path) -> None:
    """A new, empty GeoPackage with its mandatory tables and SRS rows."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {USER_VERSION}")
        for statement in BASE:
            conn.execute(statement)
        conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", SRS_ROWS)
        conn.commit()
    finally:
        conn.close()


def attach(db, path: Path, point) -> None:
    """Attach the GeoPackage as `gp` (written without a journal: a failed export is deleted anyway) and register
    `gpkg_point(lon, lat)`, the function that makes point geometries."""
    db.conn.create_function("gpkg_point", 2, point, deterministic=True)
    # KEY '': the survey database is SQLCipher; a GeoPackage is a plain SQLite file that GIS tools open
    db.execute("ATTACH DATABASE ? AS gp KEY ''", [str(path)])
    db.execute("PRAGMA gp.journal_mode = OFF")
    db.execute("PRAGMA gp.synchronous = OFF")


def finish(db) -> None:
    """Commit what was written and detach the GeoPackage."""
    db.execute("COMMIT")
    db.execute("DETACH DATABASE gp")


def abandon(db) -> None:
    """Roll back and detach after a failure (whatever of it had happened yet)."""
    from survey_app.storage.driver import sqlite

    for statement in ("ROLLBACK", "DETACH DATABASE gp"):
        try:
            db.execute(statement)
        except sqlite.OperationalError:   # no transaction open, or not attached yet
            pass


def create_layer(db, table: str, columns: list[tuple[str, str]], geometry: str | None) -> None:
    """A feature table (geometry 'POINT' / 'MULTIPOLYGON') or an attribute table (None); columns (name, kind)."""
    cols = ["fid INTEGER PRIMARY KEY AUTOINCREMENT"] + ([f"geom {geometry}"] if geometry else [])
    cols += [f'"{name}" {TYPES[kind]}' for name, kind in columns]
    db.execute(f"CREATE TABLE gp.{table} ({', '.join(cols)})")


def insert_select(db, table: str, names: list[str], select_sql: str, params: list, geometry: bool) -> int:
    """Copy rows (src_rowid, lon, lat, v0...) of a SELECT into a layer (fid = source rowid); returns rows added."""
    cols = ", ".join(["fid"] + (["geom"] if geometry else []) + [f'"{n}"' for n in names])
    vals = ", ".join(["q.src_rowid"] + (["gpkg_point(q.lon, q.lat)"] if geometry else [])
                     + [f"q.v{i}" for i in range(len(names))])
    cur = db.execute(f"INSERT INTO gp.{table} ({cols}) SELECT {vals} FROM ({select_sql}) q", params)
    added = cur.rowcount
    if geometry:   # the source is read again, in C, rather than decoding the blobs in Python
        db.execute(f"INSERT INTO gp.rtree_{table}_geom SELECT q.src_rowid, q.lon, q.lon, q.lat, q.lat "
                   f"FROM ({select_sql}) q WHERE q.lon IS NOT NULL AND q.lat IS NOT NULL", params)
    return added


def insert_rows(db, table: str, names: list[str], rows: list[tuple], geometry: bool) -> None:
    """Insert rows (geom blob or nothing, then values) into a layer; the R-tree is filled by `index_from_blobs`."""
    cols = (["geom"] if geometry else []) + [f'"{n}"' for n in names]
    db.conn.executemany(f"INSERT INTO gp.{table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)


def create_index(db, table: str) -> None:
    """The layer's R-tree (filled afterwards) and its registration."""
    db.execute(f"CREATE VIRTUAL TABLE gp.rtree_{table}_geom USING rtree(id, minx, maxx, miny, maxy)")
    db.execute("INSERT INTO gp.gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
               "'http://www.geopackage.org/spec/#extension_rtree', 'write-only')", [table])


def index_rows(db, table: str, rows: list[tuple]) -> None:
    """R-tree entries (fid, minx, maxx, miny, maxy)."""
    db.conn.executemany(f"INSERT INTO gp.rtree_{table}_geom VALUES (?, ?, ?, ?, ?)", rows)


def fids_and_geoms(db, table: str):
    """(fid, geom) of a layer's features with a geometry."""
    return db.execute(f"SELECT fid, geom FROM gp.{table} WHERE geom IS NOT NULL").fetchall()


def register(db, table: str, identifier: str, description: str, geometry: str | None) -> None:
    """The layer's gpkg_contents row (extent from its R-tree) and gpkg_geometry_columns row, then triggers."""
    if geometry:
        ext = db.execute(f"SELECT min(minx), min(miny), max(maxx), max(maxy) FROM gp.rtree_{table}_geom").fetchone()
        db.execute("INSERT INTO gp.gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, "
                   "max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)",
                   [table, identifier, description, *ext])
        db.execute("INSERT INTO gp.gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)", [table, geometry])
        for trigger in RTREE_TRIGGERS:
            db.execute(trigger.format(t=table, c="geom", i="fid"))
    else:
        db.execute("INSERT INTO gp.gpkg_contents (table_name, data_type, identifier, description) "
                   "VALUES (?, 'attributes', ?, ?)", [table, identifier, description])
